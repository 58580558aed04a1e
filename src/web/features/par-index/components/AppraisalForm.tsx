import { Stack, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SubCriterion } from '../../../../domain/par-index/scheme.js';
import { formatNumber } from '../../../shared/format.js';
import { appraiseSubCriterion, type ParAssessment, type ScoreRow } from '../api/par-api.js';
import type { ParActions } from '../hooks/usePar.js';
import { readPoints } from '../par-view.js';
import { FormFooter } from './ActionMessage.js';

interface AppraisalFormProps {
  assessment: ParAssessment;
  sub: SubCriterion;
  score: ScoreRow | undefined;
  actions: ParActions;
}

/** The appraisers' points for a sub-criterion: the unit's accepted as they are, or changed with a reason. */
export function AppraisalForm({ assessment, sub, score, actions }: AppraisalFormProps) {
  const start = score?.appraisedPoints ?? score?.selfPoints ?? null;
  const [points, setPoints] = useState(start === null ? '' : formatNumber(start));
  const [reason, setReason] = useState(score?.appraisedPoints !== null && score?.appraisedPoints !== undefined ? (score.appraisalReason ?? '') : '');
  const [errors, setErrors] = useState<{ points?: string; reason?: string }>({});
  const key = `appraise-${sub.code}`;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readPoints(points, sub.maxPoints);
    const own = score?.selfPoints ?? 0;
    const found: { points?: string; reason?: string } = {};
    if (!read.ok) found.points = read.message;
    else if (Math.abs(read.value - own) > 1e-9 && reason.trim() === '') found.reason = 'Nêu lý do khi điểm thẩm định khác điểm đơn vị tự chấm.';
    setErrors(found);
    if (!read.ok || found.reason) return;
    const body = { expectedSeq: assessment.seq, points: read.value, reason: reason.trim() === '' ? null : reason.trim() };
    await actions.run(
      key,
      () => appraiseSubCriterion(assessment.round.id, assessment.unitCode, sub.code, body),
      `Đã lưu điểm thẩm định tiêu chí ${sub.code}: ${formatNumber(read.value)} điểm.`,
    );
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={`Thẩm định tiêu chí ${sub.code}`} className="par-appraisal-form">
      <Stack gap="xs">
        <TextInput
          label={`Điểm thẩm định (từ 0 đến ${formatNumber(sub.maxPoints)})`}
          inputMode="decimal"
          value={points}
          onChange={(e) => setPoints(e.currentTarget.value)}
          error={errors.points}
          maw={260}
        />
        <Textarea
          label="Lý do"
          description="Bắt buộc khi thay đổi điểm đơn vị tự chấm"
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          maxLength={2000}
        />
        <FormFooter actions={actions} actionKey={key}>
          Lưu<VisuallyHidden> điểm thẩm định tiêu chí {sub.code}</VisuallyHidden>
        </FormFooter>
      </Stack>
    </form>
  );
}
