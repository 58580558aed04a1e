import { describe, expect, it } from 'vitest';
import { daysUntil, dueUrgency, PAUSED, sortByUrgency, stepUrgency, urgencyBadges, urgencyRank, workingMinutesLeft } from './urgency.js';

// Monday 23/11/2026, 09:00 in Vietnam (the tests run with TZ=UTC).
const MONDAY_9 = new Date('2026-11-23T09:00:00+07:00');

describe('dueUrgency', () => {
  it('has no badge before the dossier is accepted', () => {
    expect(dueUrgency(null, MONDAY_9)).toBeNull();
    expect(dueUrgency('not a date', MONDAY_9)).toBeNull();
  });

  it('says "Quá hạn" once the due instant has passed, even earlier the same day', () => {
    expect(dueUrgency('2026-11-23T08:59:00+07:00', MONDAY_9)).toEqual({ label: 'Quá hạn', tone: 'danger' });
    expect(dueUrgency('2026-11-20T17:00:00+07:00', MONDAY_9)?.label).toBe('Quá hạn');
  });

  it('says "Đến hạn hôm nay" for a later hour of the same Vietnamese day', () => {
    expect(dueUrgency('2026-11-23T17:00:00+07:00', MONDAY_9)).toEqual({ label: 'Đến hạn hôm nay', tone: 'warning' });
  });

  it('counts days in Vietnam time, not UTC', () => {
    // 01:00 on Tuesday in Vietnam is still Monday in UTC.
    const tuesdayNight = new Date('2026-11-23T18:00:00Z');
    expect(dueUrgency('2026-11-24T17:00:00+07:00', tuesdayNight)?.label).toBe('Đến hạn hôm nay');
    expect(daysUntil(new Date('2026-11-24T06:59:00+07:00'), MONDAY_9)).toBe(1);
  });

  it('says "Còn N ngày" in calendar days', () => {
    expect(dueUrgency('2026-11-24T08:00:00+07:00', MONDAY_9)).toEqual({ label: 'Còn 1 ngày', tone: 'info' });
    expect(dueUrgency('2026-11-26T17:00:00+07:00', MONDAY_9)).toEqual({ label: 'Còn 3 ngày', tone: 'neutral' });
  });
});

describe('stepUrgency', () => {
  it('says "Quá hạn bước" once the step deadline has passed', () => {
    expect(stepUrgency('2026-11-23T08:00:00+07:00', MONDAY_9)).toEqual({ label: 'Quá hạn bước', tone: 'danger' });
  });

  it('warns when the step is due today, however many hours are left', () => {
    expect(stepUrgency('2026-11-23T17:00:00+07:00', MONDAY_9)).toEqual({ label: 'Sắp hết thời gian bước', tone: 'warning' });
  });

  it('warns under two working hours left, across the night', () => {
    const monday1630 = new Date('2026-11-23T16:30:00+07:00');
    // 16:30–17:00 and 07:00–08:00: 90 working minutes.
    expect(workingMinutesLeft(new Date('2026-11-24T08:00:00+07:00'), monday1630)).toBe(90);
    expect(stepUrgency('2026-11-24T08:00:00+07:00', monday1630)?.label).toBe('Sắp hết thời gian bước');
    // Exactly two hours left is not yet a warning.
    expect(stepUrgency('2026-11-24T09:00:00+07:00', monday1630)).toBeNull();
  });

  it('counts the weekend as no working time', () => {
    const friday1630 = new Date('2026-11-27T16:30:00+07:00');
    expect(workingMinutesLeft(new Date('2026-11-30T08:00:00+07:00'), friday1630)).toBe(90);
    expect(stepUrgency('2026-11-30T08:00:00+07:00', friday1630)?.label).toBe('Sắp hết thời gian bước');
  });

  it('stays quiet with time enough or without a step deadline', () => {
    expect(stepUrgency('2026-11-25T09:00:00+07:00', MONDAY_9)).toBeNull();
    expect(stepUrgency(null, MONDAY_9)).toBeNull();
  });
});

describe('sortByUrgency', () => {
  const item = (id: string, dueAt: string | null, stepDueAt: string | null = null, status = 'processing') => ({
    id,
    status,
    dueAt,
    stepDueAt,
    submittedAt: '2026-11-20T08:00:00+07:00',
  });

  it('puts overdue first, then overdue steps, then what is due today, then the nearest deadline, then no deadline', () => {
    const items = [
      item('later', '2026-11-27T17:00:00+07:00'),
      item('none', null),
      item('soon', '2026-11-25T17:00:00+07:00'),
      item('today', '2026-11-23T17:00:00+07:00'),
      item('stepLate', '2026-11-26T17:00:00+07:00', '2026-11-23T08:00:00+07:00'),
      item('late', '2026-11-20T17:00:00+07:00'),
    ];
    expect(sortByUrgency(items, MONDAY_9).map((i) => i.id)).toEqual(['late', 'stepLate', 'today', 'soon', 'later', 'none']);
    expect(urgencyRank(items[1]!, MONDAY_9)).toBe(4);
  });

  it('does not count down while the clock is stopped or once the result is ready', () => {
    const paused = item('paused', '2026-11-20T17:00:00+07:00', '2026-11-20T08:00:00+07:00', 'supplementRequested');
    const ready = item('ready', '2026-11-20T17:00:00+07:00', null, 'resultReady');
    expect(urgencyBadges(paused, MONDAY_9)).toEqual([PAUSED]);
    expect(urgencyBadges(ready, MONDAY_9)).toEqual([]);
    expect(urgencyBadges(item('x', '2026-11-23T17:00:00+07:00', '2026-11-23T08:00:00+07:00'), MONDAY_9).map((b) => b.label)).toEqual([
      'Đến hạn hôm nay',
      'Quá hạn bước',
    ]);
    const late = item('late', '2026-11-20T17:00:00+07:00');
    expect(sortByUrgency([ready, paused, late], MONDAY_9).map((i) => i.id)).toEqual(['late', 'paused', 'ready']);
  });

  it('keeps the server order for equal urgency and deadline', () => {
    const items = [item('a', '2026-11-26T17:00:00+07:00'), item('b', '2026-11-26T17:00:00+07:00')];
    expect(sortByUrgency(items, MONDAY_9).map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('the queue follows the one judgement', () => {
  it('a dossier supplemented twice is "Quá hạn" in the queue whatever its due date says, and ranks first', () => {
    const later = { status: 'processing', dueAt: '2026-11-30T17:00:00+07:00', stepDueAt: null, submittedAt: '2026-11-20T08:00:00+07:00' };
    expect(urgencyBadges(later, MONDAY_9).map((b) => b.label)).toEqual(['Còn 7 ngày']);
    expect(urgencyBadges({ ...later, timeliness: 'overdue' }, MONDAY_9).map((b) => b.label)).toEqual(['Quá hạn']);
    expect(urgencyRank({ ...later, timeliness: 'overdue' }, MONDAY_9)).toBe(0);
    // Waiting for the applicant after a second request: paused, and late all the same.
    expect(urgencyBadges({ ...later, status: 'supplementRequested', timeliness: 'overdue' }, MONDAY_9).map((b) => b.label)).toEqual(['Quá hạn', PAUSED.label]);
  });
});
