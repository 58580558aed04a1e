import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { defaultHolidays } from '../calendar/holidays.js';
import { shiftWorkingDays, watchPublication, workingDaysBetween, type WatchedDecision } from './watchdog.js';

const calendar = new WorkingCalendar((y) => defaultHolidays(y));
const item = (legal: { number: string; effectiveFrom: string } | null) => ({
  procedureCode: '1.001193',
  // The watchdog reads the decision's day (the last of its procedures' acknowledgements).
  publishedOn: null,
  procedureName: 'Đăng ký khai sinh',
  unitCodes: ['000.00.03.H37'],
  communeWide: false,
  legal,
});

describe('working-day arithmetic for the watchdog', () => {
  it('counts back over weekends and holidays', () => {
    // Law in force Tuesday 1/12/2026: 5 working days before is Tuesday 24/11.
    expect(shiftWorkingDays(calendar, '2026-12-01', -5)).toBe('2026-11-24');
    // In force Monday 4/5/2026: back over the weekend, 1/5 and 30/4 (holidays) → 29/4, 28/4, then over 27/4 (Giỗ Tổ substitute) → 24/4.
    expect(shiftWorkingDays(calendar, '2026-05-04', -1)).toBe('2026-04-29');
    expect(shiftWorkingDays(calendar, '2026-05-04', -3)).toBe('2026-04-24');
    expect(shiftWorkingDays(calendar, '2026-11-20', 5)).toBe('2026-11-27');
    expect(workingDaysBetween(calendar, '2026-11-20', '2026-11-27')).toBe(5);
    expect(workingDaysBetween(calendar, '2026-11-27', '2026-11-20')).toBe(-5);
  });
});

describe('publication watchdog', () => {
  const law = { number: '99/2026/NĐ-CP', effectiveFrom: '2026-12-01' };

  it('flags a decision issued after its deadline, by working days', () => {
    const onTime: WatchedDecision = { id: 'a', number: '1/QĐ-UBND', issuedOn: '2026-11-24', publishedOn: '2026-11-24', items: [item(law)] };
    const late: WatchedDecision = { ...onTime, id: 'b', number: '2/QĐ-UBND', issuedOn: '2026-11-26' };
    const report = watchPublication(calendar, '2026-11-30', [onTime, late], []);
    expect(report.lateDecisions).toEqual([
      expect.objectContaining({ decisionId: 'b', deadline: '2026-11-24', workingDaysLate: 2, legalNumber: law.number, unitCodes: ['000.00.03.H37'] }),
    ]);
  });

  it('flags publication later than 5 working days, overdue drafts and drafts close to the deadline', () => {
    const decisions: WatchedDecision[] = [
      { id: 'ok', number: '1', issuedOn: '2026-11-02', publishedOn: '2026-11-09', items: [item(null)] },
      { id: 'late', number: '2', issuedOn: '2026-11-02', publishedOn: '2026-11-11', items: [item(null)] },
      { id: 'overdue', number: '3', issuedOn: '2026-11-02', publishedOn: null, items: [item(null)] },
      { id: 'soon', number: '4', issuedOn: '2026-11-19', publishedOn: null, items: [item(null)] },
    ];
    const report = watchPublication(calendar, '2026-11-23', decisions, []);
    expect(report.publicationDelays.map((d) => [d.decisionId, d.status, d.deadline, d.workingDaysLate])).toEqual([
      ['late', 'late', '2026-11-09', 2],
      ['overdue', 'overdue', '2026-11-09', 10],
      ['soon', 'atRisk', '2026-11-26', 0],
    ]);
  });

  it('warns about legal documents taking effect soon without a decision', () => {
    const report = watchPublication(
      calendar,
      '2026-11-23',
      [],
      [
        { number: 'A', title: 'Sắp có hiệu lực', effectiveFrom: '2026-12-07', hasDecision: false, citedByCatalogue: false },
        { number: 'B', title: 'Đã quá hạn ban hành quyết định', effectiveFrom: '2026-11-25', hasDecision: false, citedByCatalogue: false },
        { number: 'C', title: 'Đã có quyết định', effectiveFrom: '2026-12-07', hasDecision: true, citedByCatalogue: false },
        { number: 'D', title: 'Còn xa', effectiveFrom: '2027-06-01', hasDecision: false, citedByCatalogue: false },
      ],
    );
    expect(report.missingDecisions.map((u) => [u.number, u.status, u.deadline, u.inForce, u.workingDaysLate])).toEqual([
      ['B', 'overdue', '2026-11-18', false, 3],
      ['A', 'atRisk', '2026-11-30', false, 0],
    ]);
  });

  it('finds a decree already in force with no decision naming it, and keeps finding it', () => {
    // Decree in force Tuesday 1/12/2026, decision due Tuesday 24/11: on 7/12 it is 9 working days late.
    const decree = { number: '256/2026/NĐ-CP', title: 'Nghị định sửa đổi', effectiveFrom: '2026-12-01', hasDecision: false, citedByCatalogue: false };
    for (const [today, late] of [
      ['2026-12-01', 5],
      ['2026-12-07', 9],
      ['2026-12-31', 27],
    ] as const) {
      const report = watchPublication(calendar, today, [], [decree]);
      expect(report.missingDecisions, today).toEqual([
        {
          number: decree.number,
          title: decree.title,
          effectiveFrom: '2026-12-01',
          deadline: '2026-11-24',
          status: 'overdue',
          inForce: true,
          workingDaysLate: late,
        },
      ]);
    }
  });

  it('does not flag a legal document once a decision names it or the catalogue already rests on it', () => {
    const law = { number: '60/2014/QH13', title: 'Luật Hộ tịch', effectiveFrom: '2016-01-01' };
    expect(watchPublication(calendar, '2026-12-07', [], [{ ...law, hasDecision: false, citedByCatalogue: true }]).missingDecisions).toEqual([]);
    expect(watchPublication(calendar, '2026-12-07', [], [{ ...law, hasDecision: true, citedByCatalogue: false }]).missingDecisions).toEqual([]);
  });
});
