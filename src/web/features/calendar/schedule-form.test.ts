import { describe, expect, it } from 'vitest';
import {
  daysFromRows,
  describeScheduleChange,
  hasScheduleErrors,
  rowsFromDays,
  scheduleErrorsFromDetails,
  validateSchedule,
  type ScheduleRow,
} from './schedule-form.js';

const row = (date: string, name: string, kind: ScheduleRow['kind'] = 'holiday'): ScheduleRow => ({ key: `${date}-${name}`, date, name, kind });

describe('rows and days', () => {
  it('round-trip, with names trimmed and fresh keys', () => {
    const rows = rowsFromDays([
      { date: '2031-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      { date: '2031-01-04', name: ' Làm bù ', kind: 'makeUpWorkingDay' },
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    expect(daysFromRows(rows)).toEqual([
      { date: '2031-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      { date: '2031-01-04', name: 'Làm bù', kind: 'makeUpWorkingDay' },
    ]);
  });
});

describe('validateSchedule', () => {
  it('passes complete rows with a source', () => {
    expect(hasScheduleErrors(validateSchedule([row('2031-01-01', 'Tết Dương lịch')], 'Thông báo 1/TB-BNV'))).toBe(false);
  });

  it('asks for the source, and for the date and name of each row', () => {
    const errors = validateSchedule([row('', ''), row('2031-02-30', 'Ngày lạ'), row('2031-05-01', 'Quốc tế Lao động')], '  ');
    expect(errors.source).toBeDefined();
    expect(errors.rows.get(0)).toEqual({ date: 'Chọn ngày.', name: 'Nhập tên ngày nghỉ hoặc ngày làm bù.' });
    expect(errors.rows.get(1)).toEqual({ date: 'Ngày không hợp lệ.' });
    expect(errors.rows.has(2)).toBe(false);
  });
});

describe('scheduleErrorsFromDetails', () => {
  it('places the server messages on their rows and fields', () => {
    const errors = scheduleErrorsFromDetails(
      [
        { path: 'days.1.date', message: 'Ngày 2030-12-31 không thuộc năm 2031' },
        { path: 'body.days.2.name', message: 'Quá dài' },
        { path: 'days.2.date', message: 'Ngày 2031-01-01 bị lặp' },
        { path: 'body.source', message: 'Bắt buộc' },
        { path: 'body.days', message: 'Tối đa 400 ngày' },
      ],
      'Dữ liệu không hợp lệ',
    );
    expect(errors.rows.get(1)).toEqual({ date: 'Ngày 2030-12-31 không thuộc năm 2031' });
    expect(errors.rows.get(2)).toEqual({ name: 'Quá dài', date: 'Ngày 2031-01-01 bị lặp' });
    expect(errors.source).toBe('Bắt buộc');
    expect(errors.general).toEqual(['Tối đa 400 ngày']);
  });

  it('falls back to the error message when there are no usable details', () => {
    expect(scheduleErrorsFromDetails(undefined, 'Dữ liệu không hợp lệ').general).toEqual(['Dữ liệu không hợp lệ']);
    expect(scheduleErrorsFromDetails([{ nothing: true }], 'X').general).toEqual(['X']);
  });
});

describe('describeScheduleChange', () => {
  it('lists the dates that changed and asks for a review', () => {
    expect(describeScheduleChange('Đã lưu lịch năm 2031 (1 ngày).', { changedDates: [{ date: '2031-06-10', working: false }] })).toBe(
      'Đã lưu lịch năm 2031 (1 ngày). Ngày đổi trạng thái: 10/06/2031 (thành ngày nghỉ). Hồ sơ đang giải quyết có thời hạn tính qua các ngày này cần được rà soát.',
    );
  });

  it('says so when nothing changed', () => {
    expect(describeScheduleChange('Đã lưu lịch năm 2031 (11 ngày).', { changedDates: [] })).toBe(
      'Đã lưu lịch năm 2031 (11 ngày). Không ngày nào đổi trạng thái làm việc.',
    );
  });
});
