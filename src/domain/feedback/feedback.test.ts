import { describe, expect, it } from 'vitest';
import { allowed, foldFeedback, type FeedbackEvent } from './feedback.js';
import { DEFAULT_FEEDBACK_DEADLINES, feedbackSatisfied, feedbackWarning, judgeFeedback, type AddWorkingDays } from './deadlines.js';

const DAY = 1440;
// Working days as plain days in these tests: the calendar is the caller's (application/feedback).
const add: AddWorkingDays = (from, days) => from + days * DAY;
const t0 = 100 * DAY;
const at = (days: number) => t0 + days * DAY;

const received: FeedbackEvent = { type: 'receive', at: t0, unitCode: 'W' };

describe('the fold of feedback events', () => {
  it('moves from reception to publication and keeps the milestones', () => {
    const s = foldFeedback([
      received,
      { type: 'classify', at: at(0), kind: 'regulation', procedureCode: '1.001193', fieldCode: null },
      { type: 'accept', at: at(1) },
      { type: 'draftAnswer', at: at(5) },
      { type: 'approveAnswer', at: at(6) },
      { type: 'publish', at: at(7) },
    ]);
    expect(s).toMatchObject({ status: 'published', kind: 'regulation', receivedAt: t0, handledAt: at(6), awaitingPublicationAt: at(6), publishedAt: at(7) });
  });

  it('routes within the province without stopping the clock, and hands over outside it as handled', () => {
    const moved = foldFeedback([received, { type: 'transfer', at: at(1), toUnitCode: 'D', reason: 'Thuộc thẩm quyền của Sở' }]);
    expect(moved).toMatchObject({ status: 'received', unitCode: 'D', receivedAt: t0, handledAt: null });
    const out = foldFeedback([received, { type: 'transferOut', at: at(1), to: 'Bộ Tư pháp', reason: 'Thẩm quyền của Bộ' }]);
    expect(out).toMatchObject({ status: 'transferred', handledAt: at(1) });
  });

  it('allows one supplement request, and a re-raise only of a published answer', () => {
    const asked = foldFeedback([received, { type: 'requestSupplement', at: at(1), reason: 'Thiếu địa chỉ' }, { type: 'supplement', at: at(3) }]);
    expect(asked).toMatchObject({ status: 'processing', supplementRequests: 1, supplementedAt: at(3) });
    expect(allowed(asked, 'requestSupplement')).toBe(false);
    expect(allowed(asked, 'reraise')).toBe(false);
    expect(allowed(foldFeedback([received, { type: 'accept', at: at(1) }, { type: 'draftAnswer', at: at(2) }]), 'publish')).toBe(false);
  });
});

describe('indicator 5.2: the 2/5/15/2 working-day rules', () => {
  const handledIn = (days: number) =>
    foldFeedback([received, { type: 'accept', at: at(1) }, { type: 'draftAnswer', at: at(days - 1) }, { type: 'approveAnswer', at: at(days) }]);

  it('handled within 15 working days is on time, after them late', () => {
    // Judged before the 2 days to publish run out.
    expect(judgeFeedback(handledIn(15), at(16), add)).toMatchObject({ onTime: true, missed: [] });
    expect(judgeFeedback(handledIn(16), at(17), add)).toMatchObject({ onTime: false, missed: ['handle'] });
  });

  it('an open item is in time while 15 working days have not passed', () => {
    const open = foldFeedback([received, { type: 'accept', at: at(1) }]);
    expect(judgeFeedback(open, at(15), add)).toMatchObject({ onTime: true, next: { milestone: 'handle', dueAt: at(15) } });
    expect(judgeFeedback(open, at(15) + 1, add)).toMatchObject({ onTime: false, missed: ['handle'] });
  });

  it('refusal within 2, the first supplement request within 5, publication within 2 of chờ công khai', () => {
    expect(judgeFeedback(foldFeedback([received, { type: 'refuse', at: at(2), reason: 'x' }]), at(40), add).onTime).toBe(true);
    expect(judgeFeedback(foldFeedback([received, { type: 'refuse', at: at(3), reason: 'x' }]), at(40), add).missed).toEqual(['refuse']);
    const late = foldFeedback([received, { type: 'requestSupplement', at: at(6), reason: 'x' }]);
    expect(judgeFeedback(late, at(7), add).missed).toEqual(['supplement']);
    const unpublished = handledIn(10);
    expect(judgeFeedback(unpublished, at(12), add).onTime).toBe(true);
    expect(judgeFeedback(unpublished, at(12) + 1, add).missed).toEqual(['publish']);
  });

  it('the handling clock stops while the citizen supplements and starts again from the supplement', () => {
    const s = foldFeedback([
      received,
      { type: 'requestSupplement', at: at(2), reason: 'x' },
      { type: 'supplement', at: at(10) },
      { type: 'accept', at: at(10) },
      { type: 'draftAnswer', at: at(20) },
      { type: 'approveAnswer', at: at(24) },
    ]);
    expect(judgeFeedback(s, at(25), add)).toMatchObject({ onTime: true });
    const waiting = foldFeedback([received, { type: 'requestSupplement', at: at(2), reason: 'x' }]);
    expect(judgeFeedback(waiting, at(30), add).onTime).toBe(true);
  });
});

describe('early warnings before each deadline', () => {
  const warn = (s: ReturnType<typeof foldFeedback>, now: number) => feedbackWarning(s, now, add, DEFAULT_FEEDBACK_DEADLINES, 1);

  it('warns a working day before the handling deadline, and once it has passed', () => {
    const open = foldFeedback([received, { type: 'accept', at: at(1) }]);
    expect(warn(open, at(13) + 60)).toBeNull();
    expect(warn(open, at(14))).toEqual({ kind: 'dueSoon', milestone: 'handle', dueAt: at(15) });
    expect(warn(open, at(15) + 1)).toEqual({ kind: 'overdue', milestone: 'handle', dueAt: at(15) });
  });

  it('warns about publication after approval, not while the citizen supplements, nothing once it is over', () => {
    const approved = foldFeedback([received, { type: 'accept', at: at(1) }, { type: 'draftAnswer', at: at(3) }, { type: 'approveAnswer', at: at(4) }]);
    expect(warn(approved, at(5))).toEqual({ kind: 'dueSoon', milestone: 'publish', dueAt: at(6) });
    expect(warn(foldFeedback([received, { type: 'requestSupplement', at: at(2), reason: 'x' }]), at(30))).toBeNull();
    // The supplement starts the handling clock again: a new deadline, a new warning.
    const supplemented = foldFeedback([received, { type: 'requestSupplement', at: at(2), reason: 'x' }, { type: 'supplement', at: at(10) }]);
    expect(warn(supplemented, at(24))).toEqual({ kind: 'dueSoon', milestone: 'handle', dueAt: at(25) });
    expect(warn(foldFeedback([received, { type: 'refuse', at: at(1), reason: 'x' }]), at(30))).toBeNull();
  });
});

describe('indicator 5.3', () => {
  const published = foldFeedback([
    received,
    { type: 'accept', at: at(1) },
    { type: 'draftAnswer', at: at(2) },
    { type: 'approveAnswer', at: at(3) },
    { type: 'publish', at: at(3) },
  ]);
  it('is lost by more dislikes than likes, lateness or a re-raise', () => {
    expect(feedbackSatisfied(published, { likes: 1, dislikes: 1 }, true)).toBe(true);
    expect(feedbackSatisfied(published, { likes: 1, dislikes: 2 }, true)).toBe(false);
    expect(feedbackSatisfied(published, { likes: 0, dislikes: 0 }, false)).toBe(false);
    expect(feedbackSatisfied({ ...published, reraised: true }, { likes: 3, dislikes: 0 }, true)).toBe(false);
  });
});
