/**
 * A unit's assessment in a round (issue 23 §2, §4): the unit scores itself with evidence and its leader submits it;
 * the appraisers (the home-affairs department or a council) accept or change each score with a reason, may send it
 * back once for more evidence, and finish it; closing the round freezes every assessment.
 */
export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'returned', 'appraised'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: 'Đang tự đánh giá',
  submitted: 'Đã gửi, chờ thẩm định',
  returned: 'Được yêu cầu bổ sung tài liệu kiểm chứng',
  appraised: 'Đã thẩm định',
};

export type AssessmentAction = 'score' | 'submit' | 'requestEvidence' | 'appraise' | 'finish';

export interface AssessmentState {
  status: AssessmentStatus;
  /** More evidence was asked for already: it is asked once. */
  evidenceRequested: boolean;
  roundClosed: boolean;
}

const ALLOWED: Record<AssessmentStatus, readonly AssessmentAction[]> = {
  draft: ['score', 'submit'],
  returned: ['score', 'submit'],
  submitted: ['appraise', 'requestEvidence', 'finish'],
  appraised: ['appraise'],
};

export function assessmentAllows(s: AssessmentState, action: AssessmentAction): boolean {
  if (s.roundClosed) return false;
  if (action === 'requestEvidence' && s.evidenceRequested) return false;
  return ALLOWED[s.status].includes(action);
}

/** The status after an allowed action. */
export function nextStatus(s: AssessmentState, action: AssessmentAction): AssessmentStatus {
  switch (action) {
    case 'submit':
      return 'submitted';
    case 'requestEvidence':
      return 'returned';
    case 'finish':
      return 'appraised';
    case 'score':
    case 'appraise':
      return s.status;
  }
}
