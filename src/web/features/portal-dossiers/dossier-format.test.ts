import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '../../../domain/dossier/dossier.js';
import {
  APPOINTMENT_PENDING_TEXT,
  applicantActions,
  appointmentReasons,
  appointmentText,
  formatAppointment,
  formatDay,
  formatInstant,
  historyLabel,
  statusAdvice,
  statusTone,
} from './dossier-format.js';

const EXPLANATION = [
  { kind: 'start', date: '2026-11-20', text: 'Tiếp nhận lúc 16:10 ngày 20/11/2026' },
  { kind: 'cutoff', date: '2026-11-20', text: 'Tiếp nhận sau 15:00: bắt đầu tính từ 07:00 ngày làm việc tiếp theo (23/11/2026)' },
  { kind: 'weekends', date: '2026-11-24', text: 'Không tính 2 ngày nghỉ cuối tuần' },
  { kind: 'due', date: '2026-11-24', text: 'Hẹn trả kết quả lúc 07:00 ngày 24/11/2026 (thứ Ba)' },
];

describe('dates in Vietnam time', () => {
  it('reads an instant with its offset as Vietnam time, whatever the machine zone', () => {
    expect(formatInstant('2026-11-24T07:00:00+07:00')).toBe('24/11/2026 07:00');
    expect(formatInstant('2026-11-23T23:30:00Z')).toBe('24/11/2026 06:30');
    expect(formatDay('2026-11-23T18:00:00Z')).toBe('24/11/2026');
  });

  it('says the appointment with its weekday', () => {
    expect(formatAppointment('2026-11-24T07:00:00+07:00')).toBe('07:00, thứ Ba, 24/11/2026');
    expect(formatAppointment('2026-11-29T09:15:00+07:00')).toBe('09:15, Chủ nhật, 29/11/2026');
  });

  it('leaves what it cannot read as it is', () => {
    expect(formatInstant('không phải ngày')).toBe('không phải ngày');
  });
});

describe('appointmentText', () => {
  it('explains that a dossier not yet accepted has no appointment yet', () => {
    expect(appointmentText({ status: 'submitted', appointmentAt: null })).toBe(APPOINTMENT_PENDING_TEXT);
    expect(appointmentText({ status: 'receptionSupplement', appointmentAt: null })).toBe(APPOINTMENT_PENDING_TEXT);
    expect(appointmentText({ status: 'refused', appointmentAt: null })).toBe('Không có ngày hẹn trả');
    expect(appointmentText({ status: 'accepted', appointmentAt: '2026-11-24T07:00:00+07:00' })).toBe('07:00, thứ Ba, 24/11/2026');
  });
});

describe('appointmentReasons', () => {
  const accepted = {
    status: 'processing' as const,
    explanation: EXPLANATION,
    extensions: 0,
    appointmentAt: '2026-11-24T07:00:00+07:00',
    dueAt: '2026-11-24T07:00:00+07:00',
  };

  it('gives the server’s reasons in order', () => {
    expect(appointmentReasons(accepted)).toEqual(EXPLANATION.map((e) => e.text));
  });

  it('says when the clock starts for a dossier not yet accepted', () => {
    const lines = appointmentReasons({ status: 'submitted', explanation: [], extensions: 0, appointmentAt: null, dueAt: null });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/chưa được tiếp nhận/);
  });

  it('adds the supplement pause and the apology with its new date', () => {
    const lines = appointmentReasons({ ...accepted, extensions: 1, appointmentAt: '2026-11-27T16:00:00+07:00' }, [
      { type: 'accept' },
      { type: 'requestSupplement' },
      { type: 'receiveSupplement' },
    ]);
    expect(lines.slice(0, EXPLANATION.length)).toEqual(EXPLANATION.map((e) => e.text));
    expect(lines).toContain('Thời gian chờ bổ sung hồ sơ không tính vào thời hạn: ngày hẹn đã được lùi tương ứng.');
    expect(lines.at(-1)).toBe('Cơ quan giải quyết đã có văn bản xin lỗi và hẹn lại ngày trả: 16:00, thứ Sáu, 27/11/2026.');
    expect(appointmentReasons({ ...accepted, status: 'supplementRequested' }).at(-1)).toMatch(/đang chờ bổ sung/);
  });
});

describe('statuses', () => {
  it('gives every status a tone, and asks for action where the citizen must act', () => {
    for (const status of DOSSIER_STATUSES) expect(['progress', 'action', 'done', 'closed']).toContain(statusTone(status));
    expect(statusTone('receptionSupplement')).toBe('action');
    expect(statusTone('returned')).toBe('done');
    expect(statusTone('withdrawn')).toBe('closed');
    expect(statusTone('unknown')).toBe('progress');
    expect(statusAdvice('receptionSupplement')).toMatch(/Nộp lại hồ sơ đã bổ sung/);
    expect(statusAdvice('returned')).toBeNull();
  });
});

describe('applicantActions', () => {
  it('keeps only what the web app offers the applicant, resubmit first', () => {
    expect(applicantActions(['withdraw', 'payFee', 'resubmit'])).toEqual(['resubmit', 'withdraw']);
    expect(applicantActions(['accept', 'claim'])).toEqual([]);
  });
});

describe('historyLabel', () => {
  it('names actions in Vietnamese and keeps unknown ones', () => {
    expect(historyLabel('withdraw')).toBe('Rút hồ sơ');
    expect(historyLabel('returnResult')).toBe('Trả kết quả');
    expect(historyLabel('somethingNew')).toBe('somethingNew');
  });
});
