import { describe, expect, it } from 'vitest';
import { actionLabel, channelLabel, formatAppointment, formatBudget, formatDeadline, formatWorkingMinutes, roleLabel } from './dossier-format.js';

describe('dossier formatting', () => {
  it('shows instants as dd/MM/yyyy HH:mm in Vietnam time', () => {
    expect(formatDeadline('2026-11-23T17:00:00+07:00')).toBe('23/11/2026 17:00');
    expect(formatDeadline('2026-11-23T18:30:00Z')).toBe('24/11/2026 01:30');
    expect(formatDeadline('nonsense')).toBe('nonsense');
  });

  it('names the weekday of an appointment', () => {
    expect(formatAppointment('2026-11-23T17:00:00+07:00')).toBe('Thứ Hai, 23/11/2026 lúc 17:00');
    expect(formatAppointment('2026-11-29T08:00:00+07:00')).toBe('Chủ nhật, 29/11/2026 lúc 08:00');
  });

  it('writes budgets in working days and hours', () => {
    expect(formatBudget(60)).toBe('1 giờ làm việc');
    expect(formatBudget(480)).toBe('1 ngày làm việc');
    expect(formatBudget(720)).toBe('1 ngày 4 giờ làm việc');
    expect(formatBudget(0)).toBe('Không quy định');
    expect(formatWorkingMinutes(90)).toBe('1 giờ 30 phút');
    expect(formatWorkingMinutes(45)).toBe('45 phút');
  });

  it('labels actions, roles and channels in Vietnamese, unknown values as they are', () => {
    expect(actionLabel('claim')).toBe('Nhận xử lý');
    expect(actionLabel('teleport')).toBe('teleport');
    expect(roleLabel('leader')).toBe('Lãnh đạo đơn vị');
    expect(channelLabel('postal')).toBe('Dịch vụ bưu chính');
  });
});
