import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, type AuditRecordForHash } from './audit-chain.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});

describe('auditHash', () => {
  const record: AuditRecordForHash = {
    seq: '1',
    at: '2026-11-22T01:00:00.000Z',
    actorId: null,
    actorRole: 'admin',
    actorUnit: '000.00.00.H37',
    action: 'auth.login',
    targetType: null,
    targetId: null,
    ip: '127.0.0.1',
    requestId: 'r1',
    details: { a: 1 },
    prevHash: '0'.repeat(64),
  };
  it('changes when any field or the previous hash changes', () => {
    const base = auditHash(record);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash({ ...record, actorUnit: '000.00.31.H37' })).not.toBe(base);
    expect(auditHash({ ...record, prevHash: '1'.repeat(64) })).not.toBe(base);
    expect(auditHash({ ...record, details: { a: 2 } })).not.toBe(base);
    expect(auditHash({ ...record })).toBe(base);
  });
});
