import { describe, expect, it } from 'vitest';
import { minutesLeft, sessionExpiryWarning, shouldWarn } from './session-expiry.js';

// 16:05 in Vietnam (UTC+7) is 09:05 UTC.
const EXPIRES_AT = '2026-03-10T09:05:00.000Z';
const at = (iso: string) => new Date(iso);

describe('minutesLeft', () => {
  it('counts whole minutes, rounded down', () => {
    expect(minutesLeft(at(EXPIRES_AT), at('2026-03-10T08:57:00.000Z'))).toBe(8);
    expect(minutesLeft(at(EXPIRES_AT), at('2026-03-10T08:56:30.000Z'))).toBe(8);
    expect(minutesLeft(at(EXPIRES_AT), at('2026-03-10T09:04:59.000Z'))).toBe(0);
  });

  it('never goes below zero once the session has ended', () => {
    expect(minutesLeft(at(EXPIRES_AT), at('2026-03-10T09:05:00.000Z'))).toBe(0);
    expect(minutesLeft(at(EXPIRES_AT), at('2026-03-10T10:00:00.000Z'))).toBe(0);
  });
});

describe('shouldWarn', () => {
  it('warns only when less than 10 minutes remain', () => {
    expect(shouldWarn(at(EXPIRES_AT), at('2026-03-10T08:00:00.000Z'))).toBe(false);
    expect(shouldWarn(at(EXPIRES_AT), at('2026-03-10T08:55:00.000Z'))).toBe(false);
    expect(shouldWarn(at(EXPIRES_AT), at('2026-03-10T08:55:00.001Z'))).toBe(true);
    expect(shouldWarn(at(EXPIRES_AT), at('2026-03-10T09:10:00.000Z'))).toBe(true);
  });
});

describe('sessionExpiryWarning', () => {
  it('is null while plenty of time remains', () => {
    expect(sessionExpiryWarning(EXPIRES_AT, at('2026-03-10T01:05:00.000Z'))).toBeNull();
  });

  it('gives the end time in Vietnam time (24-hour HH:mm) and the minutes left', () => {
    expect(sessionExpiryWarning(EXPIRES_AT, at('2026-03-10T08:57:00.000Z'))).toEqual({
      minutesLeft: 8,
      expiresAtTime: '16:05',
      message: 'Phiên làm việc sẽ hết hạn lúc 16:05 (còn 8 phút). Hãy lưu công việc và đăng nhập lại.',
    });
  });

  it('uses 24-hour time around midnight', () => {
    // 00:03 on 11/03 in Vietnam.
    expect(sessionExpiryWarning('2026-03-10T17:03:00.000Z', at('2026-03-10T17:00:00.000Z'))?.expiresAtTime).toBe('00:03');
  });

  it('says "less than a minute" in the last minute', () => {
    expect(sessionExpiryWarning(EXPIRES_AT, at('2026-03-10T09:04:30.000Z'))?.message).toBe(
      'Phiên làm việc sẽ hết hạn lúc 16:05 (còn dưới 1 phút). Hãy lưu công việc và đăng nhập lại.',
    );
  });

  it('ignores an unreadable date', () => {
    expect(sessionExpiryWarning('không phải ngày', at('2026-03-10T09:00:00.000Z'))).toBeNull();
  });
});
