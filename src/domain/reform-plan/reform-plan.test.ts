import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { completionByUnit, completionRate, countCompletion, overdueTasks } from './completion.js';
import { parsePlanDate, parsePlanRows, taskKey, type SheetRow } from './plan-rows.js';
import { applyReport, daysOverdue, standingOf, type TaskProgress } from './reform-task.js';
import { reformTaskWarning } from './reminders.js';

const open = (deadline: string, status: TaskProgress['status'] = 'notStarted'): TaskProgress => ({ status, deadline, completedOn: null });
const done = (deadline: string, completedOn: string): TaskProgress => ({ status: 'done', deadline, completedOn });

describe('completion rate', () => {
  it('reproduces the published case: 662 done of 1,315 tasks is 50.34%', () => {
    expect(completionRate(662, 1315)).toBe(50.34);
  });

  it('rounds to two decimals, is 0 and 100 at the ends, and has no rate without tasks', () => {
    expect(completionRate(1, 3)).toBe(33.33);
    expect(completionRate(2, 3)).toBe(66.67);
    expect(completionRate(0, 7)).toBe(0);
    expect(completionRate(7, 7)).toBe(100);
    expect(completionRate(0, 0)).toBeNull();
  });

  it('counts done on time and late as done, per unit, the highest rate first', () => {
    const today = '2026-12-07';
    const tasks = [
      { unitCode: 'A', ...done('2026-06-30', '2026-06-30') },
      { unitCode: 'A', ...done('2026-06-30', '2026-07-02') },
      { unitCode: 'A', ...open('2026-11-30', 'inProgress') },
      { unitCode: 'B', ...done('2026-03-31', '2026-03-01') },
      { unitCode: 'B', ...open('2026-12-31') },
    ];
    expect(countCompletion(tasks, today)).toEqual({
      total: 5,
      done: 3,
      doneOnTime: 2,
      doneLate: 1,
      inProgress: 0,
      notStarted: 1,
      overdue: 1,
      rate: 60,
    });
    expect(completionByUnit(tasks, today).map((u) => [u.unitCode, u.done, u.total, u.rate])).toEqual([
      ['A', 2, 3, 66.67],
      ['B', 1, 2, 50],
    ]);
    // The published plan, in one unit: 662 of 1,315.
    const big = Array.from({ length: 1315 }, (_, i) => ({ unitCode: 'T', ...(i < 662 ? done('2026-12-31', '2026-10-01') : open('2026-12-31')) }));
    expect(completionByUnit(big, today)[0]!.rate).toBe(50.34);
  });
});

describe('overdue judgement', () => {
  it('is overdue the day after the deadline, not on it; done on the deadline day is on time', () => {
    expect(standingOf(open('2026-12-07'), '2026-12-07')).toBe('notStarted');
    expect(standingOf(open('2026-12-07', 'inProgress'), '2026-12-07')).toBe('inProgress');
    expect(standingOf(open('2026-12-07', 'inProgress'), '2026-12-08')).toBe('overdue');
    expect(standingOf(done('2026-12-07', '2026-12-07'), '2027-01-10')).toBe('doneOnTime');
    expect(standingOf(done('2026-12-07', '2026-12-08'), '2026-12-08')).toBe('doneLate');
  });

  it('counts the days past the deadline, until today or until the task was done', () => {
    expect(daysOverdue(open('2026-11-30'), '2026-12-07')).toBe(7);
    expect(daysOverdue(open('2026-12-30'), '2026-12-07')).toBe(0);
    expect(daysOverdue(done('2026-11-30', '2026-12-02'), '2026-12-07')).toBe(2);
  });

  it('lists the overdue tasks, most overdue first', () => {
    const tasks = [
      { position: 1, ...open('2026-11-30') },
      { position: 2, ...open('2026-09-30', 'inProgress') },
      { position: 3, ...done('2026-06-30', '2026-08-01') },
      { position: 4, ...open('2026-12-31') },
      { position: 5, ...open('2026-11-30') },
    ];
    expect(overdueTasks(tasks, '2026-12-07').map((t) => [t.position, t.daysOverdue])).toEqual([
      [2, 68],
      [1, 7],
      [5, 7],
    ]);
  });
});

describe('status transitions', () => {
  it('takes progress and completion while open, reopening once done, and refuses the rest', () => {
    expect(applyReport({ status: 'notStarted' }, { type: 'progress' }, '2026-12-07')).toEqual({ ok: true, status: 'inProgress', completedOn: null });
    expect(applyReport({ status: 'notStarted' }, { type: 'complete' }, '2026-12-07')).toEqual({ ok: true, status: 'done', completedOn: '2026-12-07' });
    expect(applyReport({ status: 'inProgress' }, { type: 'complete' }, '2026-12-07')).toEqual({ ok: true, status: 'done', completedOn: '2026-12-07' });
    expect(applyReport({ status: 'done' }, { type: 'reopen' }, '2026-12-07')).toEqual({ ok: true, status: 'inProgress', completedOn: null });
    expect(applyReport({ status: 'done' }, { type: 'progress' }, '2026-12-07').ok).toBe(false);
    expect(applyReport({ status: 'done' }, { type: 'complete' }, '2026-12-07').ok).toBe(false);
    expect(applyReport({ status: 'inProgress' }, { type: 'reopen' }, '2026-12-07').ok).toBe(false);
  });
});

describe('reminders', () => {
  // December 2026: Monday 7, weekends 12–13 and 19–20.
  const calendar = new WorkingCalendar(() => []);
  it('warns N working days ahead, on the deadline day, and once it has passed; never a task done', () => {
    // Five working days after Monday 07/12 is Monday 14/12.
    expect(reformTaskWarning(open('2026-12-14'), '2026-12-07', 5, calendar)).toBe('dueSoon');
    expect(reformTaskWarning(open('2026-12-15'), '2026-12-07', 5, calendar)).toBeNull();
    expect(reformTaskWarning(open('2026-12-15'), '2026-12-08', 5, calendar)).toBe('dueSoon');
    expect(reformTaskWarning(open('2026-12-07'), '2026-12-07', 0, calendar)).toBe('dueSoon');
    expect(reformTaskWarning(open('2026-12-08'), '2026-12-07', 0, calendar)).toBeNull();
    expect(reformTaskWarning(open('2026-12-04'), '2026-12-07', 5, calendar)).toBe('overdue');
    expect(reformTaskWarning(done('2026-12-04', '2026-12-07'), '2026-12-07', 5, calendar)).toBeNull();
  });
});

describe('plan rows from a spreadsheet', () => {
  const units: Record<string, string> = { 'Sở Tư pháp': '000.00.03.H37', '000.00.31.H37': '000.00.31.H37' };
  const unitOf = (text: string) => (units[text] ? { code: units[text] } : { problem: `không tìm thấy đơn vị “${text}”.` });
  const header: SheetRow = {
    row: 2,
    cells: ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì (mã hoặc tên)', 'Thời hạn hoàn thành (dd/MM/yyyy)', 'Sản phẩm dự kiến', 'Loại'],
  };
  const title: SheetRow = { row: 1, cells: ['Kế hoạch cải cách hành chính năm 2027'] };

  it('reads dates as officials write them and finds the header under a title', () => {
    expect(parsePlanDate('31/03/2027')).toBe('2027-03-31');
    expect(parsePlanDate('1/3/2027')).toBe('2027-03-01');
    expect(parsePlanDate('2027-03-31')).toBe('2027-03-31');
    expect(parsePlanDate('31/02/2027')).toBeNull();
    expect(parsePlanDate('Thường xuyên')).toBeNull();
    const parsed = parsePlanRows(
      [
        title,
        header,
        { row: 3, cells: ['1', 'Rà soát thủ tục hành chính', 'Sở Tư pháp', '31/03/2027', 'Báo cáo rà soát', ''] },
        { row: 4, cells: ['', '', '', '', '', ''] },
        { row: 5, cells: ['2', 'Kiểm tra công tác một cửa', '000.00.31.H37', '2027-06-30', 'Kết luận kiểm tra', 'Kiểm tra'] },
      ],
      unitOf,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.tasks.map((t) => [t.row, t.kind, t.unitCode, t.deadline])).toEqual([
      [3, 'task', '000.00.03.H37', '2027-03-31'],
      [5, 'inspection', '000.00.31.H37', '2027-06-30'],
    ]);
  });

  it('reports every bad row with its number and keeps no task when one is bad', () => {
    const parsed = parsePlanRows(
      [
        header,
        { row: 3, cells: ['1', 'Rà soát thủ tục hành chính', 'Sở Tư pháp', '31/03/2027', 'Báo cáo', ''] },
        { row: 4, cells: ['2', 'Số hóa hồ sơ', 'Sở Không Có', '31/02/2027', '', 'Khác'] },
        { row: 5, cells: ['3', 'Rà soát thủ tục hành chính', 'Sở Tư pháp', '31/03/2027', 'Báo cáo', ''] },
      ],
      unitOf,
    );
    expect(parsed.tasks).toEqual([]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Dòng 4: thiếu sản phẩm dự kiến.',
      'Dòng 4: không tìm thấy đơn vị “Sở Không Có”.',
      'Dòng 4: thời hạn “31/02/2027” không phải ngày có thật dạng dd/MM/yyyy.',
      'Dòng 4: loại “Khác” không hợp lệ (để trống, “Nhiệm vụ” hoặc “Kiểm tra”).',
      'Dòng 5: nhiệm vụ trùng (cùng nội dung, đơn vị chủ trì và thời hạn) với một nhiệm vụ đã có trong kế hoạch hoặc ở dòng trên.',
    ]);
    const known = new Set([taskKey({ content: 'Rà soát thủ tục hành chính', unitCode: '000.00.03.H37', deadline: '2027-03-31' })]);
    expect(
      parsePlanRows([header, { row: 3, cells: ['1', 'Rà soát thủ tục hành chính', 'Sở Tư pháp', '31/03/2027', 'Báo cáo', ''] }], unitOf, known).problems,
    ).toHaveLength(1);
    expect(parsePlanRows([title], unitOf).problems[0]!.message).toMatch(/^Không tìm thấy dòng tiêu đề/);
    // A NUL in a cell (a hand-made file's _x0000_) is named, not sent to the database.
    expect(
      parsePlanRows([header, { row: 3, cells: ['1', 'Rà soát\u0000 thủ tục', 'Sở Tư pháp', '31/03/2027', 'Báo cáo', ''] }], unitOf).problems.map(
        (p) => p.message,
      ),
    ).toContain('Dòng 3: ô có ký tự điều khiển không hợp lệ.');
  });
});
