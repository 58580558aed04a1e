import { describe, expect, it } from 'vitest';
import type { LateDecision, MissingDecision, PublicationDelay } from '../../../domain/catalogue/watchdog.js';
import {
  ALL_UNITS,
  byUrgency,
  COMMUNE_UNITS,
  concernsUnit,
  lateness,
  missingDecisionStatus,
  summaryParts,
  summaryText,
  unitFilterOptions,
  unitNames,
  watchdogView,
} from './watchdog-view.js';

const delay = (number: string, status: PublicationDelay['status'], deadline: string, workingDaysLate: number, unitCodes: string[] = []): PublicationDelay => ({
  decisionId: number,
  decisionNumber: number,
  issuedOn: '2026-01-01',
  publishedOn: status === 'late' ? '2026-02-01' : null,
  deadline,
  status,
  workingDaysLate,
  procedureCodes: ['1.000001'],
  unitCodes,
  communeWide: unitCodes.length === 0,
});

const late = (number: string, deadline: string, workingDaysLate: number, unitCodes: string[]): LateDecision => ({
  decisionId: number,
  decisionNumber: number,
  issuedOn: '2026-01-01',
  legalNumber: '1/2026/NĐ-CP',
  effectiveFrom: '2026-01-10',
  deadline,
  workingDaysLate,
  procedureCodes: ['1.000001'],
  unitCodes,
  communeWide: unitCodes.length === 0,
});

const missing = (number: string, status: MissingDecision['status'], deadline: string, inForce = false, workingDaysLate = 0): MissingDecision => ({
  number,
  title: `Văn bản ${number}`,
  effectiveFrom: '2026-12-01',
  deadline,
  status,
  inForce,
  workingDaysLate,
});

const NAMES: Record<string, string> = { 'S.XD': 'Sở Xây dựng', 'S.TP': 'Sở Tư pháp' };
const nameOf = (code: string) => NAMES[code] ?? null;

describe('the watchdog as the provincial office reads it', () => {
  it('says how late in working days, and nothing when not late', () => {
    expect(lateness(6)).toBe('chậm 6 ngày làm việc');
    expect(lateness(0)).toBeNull();
  });

  it('puts open overdue decisions first (the longest first), then those at risk (nearest deadline), then past delays (latest first)', () => {
    const sorted = [
      delay('late-old', 'late', '2025-08-29', 6),
      delay('risk-far', 'atRisk', '2026-11-27', 0),
      delay('overdue-2', 'overdue', '2026-11-10', 2),
      delay('late-new', 'late', '2025-10-01', 1),
      delay('risk-near', 'atRisk', '2026-11-25', 0),
      delay('overdue-9', 'overdue', '2026-11-01', 9),
    ].sort(byUrgency);
    expect(sorted.map((d) => d.decisionNumber)).toEqual(['overdue-9', 'overdue-2', 'risk-near', 'risk-far', 'late-new', 'late-old']);
  });

  it('filters by unit; procedures without unit codes are the communes’', () => {
    expect(concernsUnit(['S.XD'], ALL_UNITS)).toBe(true);
    expect(concernsUnit(['S.XD', 'S.TP'], 'S.TP')).toBe(true);
    expect(concernsUnit(['S.XD'], 'S.TP')).toBe(false);
    expect(concernsUnit([], COMMUNE_UNITS)).toBe(true);
    expect(concernsUnit(['S.XD'], COMMUNE_UNITS)).toBe(false);
    expect(unitNames([], nameOf)).toEqual(['Cấp xã']);
    expect(unitNames(['S.XD', 'X.UNKNOWN'], nameOf)).toEqual(['Sở Xây dựng', 'X.UNKNOWN']);
    // A decision mixing a department's procedures and commune-wide ones counts for both.
    expect(unitNames(['S.XD'], nameOf, true)).toEqual(['Sở Xây dựng', 'Cấp xã']);
    expect(concernsUnit(['S.XD'], COMMUNE_UNITS, true)).toBe(true);
  });

  it('offers the units named in findings by name with their counts, then the communes', () => {
    const options = unitFilterOptions(
      {
        lateDecisions: [late('a', '2025-06-24', 18, ['S.TP'])],
        publicationDelays: [delay('b', 'late', '2025-08-29', 6, ['S.XD', 'S.TP']), delay('c', 'atRisk', '2026-11-25', 0)],
      },
      nameOf,
    );
    expect(options).toEqual([
      { value: ALL_UNITS, label: 'Tất cả đơn vị (3)' },
      { value: 'S.TP', label: 'Sở Tư pháp (2)' },
      { value: 'S.XD', label: 'Sở Xây dựng (1)' },
      { value: COMMUNE_UNITS, label: 'Cấp xã (1)' },
    ]);
  });

  it('filters findings by unit but never the legal documents, which have no unit', () => {
    const report = {
      lateDecisions: [late('a', '2025-06-24', 18, ['S.TP'])],
      publicationDelays: [delay('b', 'late', '2025-08-29', 6, ['S.XD']), delay('c', 'atRisk', '2026-11-25', 0)],
      missingDecisions: [missing('18/2026/NQ-HĐND', 'atRisk', '2026-12-24'), missing('256/2026/NĐ-CP', 'overdue', '2026-11-24')],
    };
    const view = watchdogView(report, COMMUNE_UNITS);
    expect(view.lateDecisions).toEqual([]);
    expect(view.publicationDelays.map((d) => d.decisionNumber)).toEqual(['c']);
    expect(view.missingDecisions.map((d) => d.number)).toEqual(['256/2026/NĐ-CP', '18/2026/NQ-HĐND']);
  });

  it('summarises the counts, the most urgent first, leaving out zeros', () => {
    const view = watchdogView(
      {
        lateDecisions: [late('a', '2025-06-24', 18, ['S.TP'])],
        publicationDelays: [delay('b', 'late', '2025-08-29', 6), delay('c', 'atRisk', '2026-11-25', 0)],
        missingDecisions: [missing('256/2026/NĐ-CP', 'atRisk', '2026-11-24')],
      },
      ALL_UNITS,
    );
    expect(summaryText(summaryParts(view))).toBe(
      '1 quyết định sắp đến hạn công khai; 1 văn bản sắp có hiệu lực chưa có quyết định công bố; 1 quyết định ban hành muộn; 1 quyết định công khai muộn.',
    );
    expect(summaryText([])).toBe('Không có quyết định hay văn bản nào cần theo dõi.');
  });

  it('shows a legal document already in force without a decision first, as such, with its delay', () => {
    const view = watchdogView(
      {
        lateDecisions: [],
        publicationDelays: [],
        missingDecisions: [
          missing('18/2026/NQ-HĐND', 'atRisk', '2026-12-24'),
          missing('9/2026/NĐ-CP', 'overdue', '2026-12-02', false, 2),
          missing('256/2026/NĐ-CP', 'overdue', '2026-11-24', true, 9),
        ],
      },
      ALL_UNITS,
    );
    expect(view.missingDecisions.map((d) => d.number)).toEqual(['256/2026/NĐ-CP', '9/2026/NĐ-CP', '18/2026/NQ-HĐND']);
    expect(missingDecisionStatus(view.missingDecisions[0]!)).toEqual({ label: 'Đã có hiệu lực, chưa có quyết định công bố', tone: 'danger' });
    expect(missingDecisionStatus(view.missingDecisions[1]!)).toEqual({ label: 'Quá hạn ban hành quyết định', tone: 'danger' });
    expect(summaryText(summaryParts(view))).toBe(
      '1 văn bản đã có hiệu lực chưa có quyết định công bố; 1 văn bản quá hạn ban hành quyết định công bố; 1 văn bản sắp có hiệu lực chưa có quyết định công bố.',
    );
  });
});
