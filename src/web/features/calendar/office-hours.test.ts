import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS } from '../../../domain/calendar/working-time.js';
import { problemsFromDetails } from '../../shared/api.js';
import { describeIntervals, hasOfficeHoursErrors, officeHoursErrorsFrom, toDomainOfficeHours, validateOfficeHoursForm } from './office-hours.js';

const DEFAULT_TEXT = {
  intervals: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  cutoff: '15:00',
};

describe('toDomainOfficeHours', () => {
  it('converts the API shape to minutes after midnight', () => {
    expect(toDomainOfficeHours(DEFAULT_TEXT)).toEqual(DEFAULT_OFFICE_HOURS);
    expect(toDomainOfficeHours({ intervals: [{ start: '07:30', end: '16:30' }], cutoff: null })).toEqual({ intervals: [[450, 990]], cutoffMinute: null });
  });

  it('is null for hours the engine cannot use', () => {
    expect(toDomainOfficeHours({ intervals: [], cutoff: null })).toBeNull();
    expect(toDomainOfficeHours({ intervals: [{ start: '11:00', end: '08:00' }], cutoff: null })).toBeNull();
  });
});

describe('validateOfficeHoursForm', () => {
  it('accepts the default hours, and an empty cut-off for none', () => {
    expect(hasOfficeHoursErrors(validateOfficeHoursForm(DEFAULT_TEXT.intervals, '15:00'))).toBe(false);
    expect(hasOfficeHoursErrors(validateOfficeHoursForm(DEFAULT_TEXT.intervals, ''))).toBe(false);
  });

  it('asks for missing times next to their field', () => {
    const errors = validateOfficeHoursForm([{ start: '', end: '11:30' }], '');
    expect(errors.intervals.get(0)).toEqual({ start: 'Nhập giờ bắt đầu' });
  });

  it('places the domain problems on the interval they concern', () => {
    const errors = validateOfficeHoursForm(
      [
        { start: '07:00', end: '11:30' },
        { start: '11:00', end: '17:00' },
      ],
      '',
    );
    expect(errors.intervals.get(0)).toBeUndefined();
    expect(errors.intervals.get(1)?.start).toMatch(/chồng lên/);
  });

  it('says when there is no interval at all', () => {
    const errors = validateOfficeHoursForm([], '');
    expect(errors.general.length).toBe(1);
    expect(hasOfficeHoursErrors(errors)).toBe(true);
  });
});

describe('server error details', () => {
  it('are read from an unknown value and placed by path, with or without the "body." prefix', () => {
    const problems = problemsFromDetails([
      { path: 'body.intervals.0.end', message: 'Giờ kết thúc không hợp lệ' },
      { path: 'cutoff', message: 'Giờ chốt không hợp lệ' },
      { path: 'body', message: 'Thiếu dữ liệu' },
      'rác',
      { path: 3 },
    ]);
    const errors = officeHoursErrorsFrom(problems);
    expect(errors.intervals.get(0)).toEqual({ end: 'Giờ kết thúc không hợp lệ' });
    expect(errors.cutoff).toBe('Giờ chốt không hợp lệ');
    expect(errors.general).toEqual(['Thiếu dữ liệu']);
    expect(problemsFromDetails(undefined)).toEqual([]);
  });
});

describe('describeIntervals', () => {
  it('lists the intervals with en dashes', () => {
    expect(describeIntervals(DEFAULT_TEXT.intervals)).toBe('07:00–11:30, 13:30–17:00');
  });
});
