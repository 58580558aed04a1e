import { describe, expect, it } from 'vitest';
import type { ProcedureVersionInfo } from './api/catalogue-api.js';
import { procedureStatusNotice } from './procedure-status.js';

const version = (n: number, from: string, to: string | null, endReason: ProcedureVersionInfo['endReason'] = null, replacedBy: string | null = null) => ({
  id: `v${n}`,
  version: n,
  name: `Thủ tục phiên bản ${n}`,
  effectiveFrom: from,
  effectiveTo: to,
  endReason,
  replacedBy,
  decision: { id: `d${n}`, number: `${n}/QĐ-UBND`, issuedOn: from },
});

describe('procedureStatusNotice', () => {
  it('says nothing when a version is in force, or when there is no version at all', () => {
    expect(procedureStatusNotice([version(1, '2025-07-01', null)], '2026-11-22')).toBeNull();
    expect(procedureStatusNotice([version(1, '2025-07-01', '2026-11-30', 'amended'), version(2, '2026-12-01', null)], '2026-11-30')).toBeNull();
    expect(procedureStatusNotice([], '2026-11-22')).toBeNull();
  });

  it('explains an abolished or replaced procedure with its last day', () => {
    expect(procedureStatusNotice([version(1, '2025-07-01', '2026-11-30', 'abolished')], '2026-12-01')).toEqual({
      kind: 'abolished',
      name: 'Thủ tục phiên bản 1',
      until: '2026-11-30',
      replacedBy: null,
    });
    expect(procedureStatusNotice([version(1, '2025-07-01', '2026-11-30', 'replaced', '1.000002')], '2027-01-01')).toMatchObject({
      kind: 'replaced',
      replacedBy: '1.000002',
    });
  });

  it('announces a procedure that is not yet in force', () => {
    expect(procedureStatusNotice([version(1, '2027-01-01', null)], '2026-11-22')).toEqual({
      kind: 'upcoming',
      name: 'Thủ tục phiên bản 1',
      from: '2027-01-01',
    });
  });
});
