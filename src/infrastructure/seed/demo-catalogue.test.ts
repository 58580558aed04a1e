import { describe, expect, it } from 'vitest';
import { publicationProblems } from '../../domain/catalogue/completeness.js';
import { ONLINE_LEVELS, PROCEDURE_CODE_PATTERN, PROCEDURE_LEVELS, type ProcedureRecord } from '../../domain/catalogue/procedure.js';
import { words } from '../../domain/catalogue/search.js';
import { citesLegalDocument, watchPublication, type WatchedDecision } from '../../domain/catalogue/watchdog.js';
import { defaultHolidays } from '../../domain/calendar/holidays.js';
import { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { DEMO_FIELDS, DEMO_LEGAL_DOCUMENTS, DEMO_PROCEDURES, DEMO_PUBLICATION_DECISIONS } from './demo-catalogue.js';
import { DEMO_UNITS } from './demo-province.js';
import { generateProcedures } from './procedure-generator.js';

const unitCodes = new Set(DEMO_UNITS.map((u) => u.code));
const fieldCodes = new Set(DEMO_FIELDS.map((f) => f.code));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "code path: message" for every publication problem, so a failure names the procedure. */
const problemsOf = (procedures: readonly ProcedureRecord[]) =>
  procedures.flatMap((p) => publicationProblems(p).map((x) => `${p.code} ${x.path}: ${x.message}`));

/** Unit codes a record refers to that are not demo units. */
const unknownUnits = (procedures: readonly ProcedureRecord[]) =>
  procedures.flatMap((p) =>
    [...p.agency.implementingUnitCodes, ...p.agency.coordinatingUnitCodes, ...p.processTemplate.flatMap((s) => (s.unitCode ? [s.unitCode] : []))]
      .filter((c) => !unitCodes.has(c))
      .map((c) => `${p.code}: ${c}`),
  );

const hasInterAgency = (p: ProcedureRecord) => p.processTemplate.some((s) => s.interAgency);

describe('demo catalogue', () => {
  it('has at least 60 procedures with unique national codes', () => {
    expect(DEMO_PROCEDURES.length).toBeGreaterThanOrEqual(60);
    const codes = DEMO_PROCEDURES.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => !PROCEDURE_CODE_PATTERN.test(c))).toEqual([]);
  });

  it('passes every publication check (constituent parts and process-template budgets)', () => {
    expect(problemsOf(DEMO_PROCEDURES)).toEqual([]);
  });

  it('refers only to demo units and demo fields, and uses every field', () => {
    expect(unknownUnits(DEMO_PROCEDURES)).toEqual([]);
    expect(fieldCodes.size).toBe(DEMO_FIELDS.length);
    expect(DEMO_PROCEDURES.filter((p) => !fieldCodes.has(p.fieldCode)).map((p) => p.code)).toEqual([]);
    expect(new Set(DEMO_PROCEDURES.map((p) => p.fieldCode))).toEqual(fieldCodes);
  });

  it('has inter-agency steps that leave the implementing unit', () => {
    const interAgency = DEMO_PROCEDURES.filter(hasInterAgency);
    expect(interAgency.length).toBeGreaterThanOrEqual(8);
    for (const p of interAgency) {
      for (const step of p.processTemplate.filter((s) => s.interAgency)) {
        expect(p.agency.implementingUnitCodes, p.code).not.toContain(step.unitCode);
        expect(p.agency.coordinatingUnitCodes, p.code).toContain(step.unitCode);
      }
    }
  });

  it('covers both levels, all online levels, and the time-limit units', () => {
    for (const level of PROCEDURE_LEVELS)
      expect(
        DEMO_PROCEDURES.some((p) => p.level === level),
        level,
      ).toBe(true);
    for (const online of ONLINE_LEVELS)
      expect(
        DEMO_PROCEDURES.some((p) => p.onlineLevel === online),
        online,
      ).toBe(true);
    const units = new Set(DEMO_PROCEDURES.flatMap((p) => p.methods.map((m) => m.timeLimit.unit)));
    expect([...units].sort()).toEqual(['calendar_days', 'working_days', 'working_hours']);
    expect(DEMO_PROCEDURES.some((p) => p.locationIndependent)).toBe(true);
    expect(DEMO_PROCEDURES.some((p) => p.fullOnlineEligible) && DEMO_PROCEDURES.some((p) => !p.paperResultRequired)).toBe(true);
    // Province procedures name their department; commune procedures are run by every commune.
    expect(DEMO_PROCEDURES.filter((p) => p.level === 'commune' && p.agency.implementingUnitCodes.length > 0).map((p) => p.code)).toEqual([]);
  });

  it('has a process template with reception, processing and approval roles', () => {
    for (const p of DEMO_PROCEDURES) {
      const roles = p.processTemplate.map((s) => s.role);
      expect(roles[0], p.code).toBe('desk_officer');
      expect(roles, p.code).toContain('specialist');
      expect(roles, p.code).toContain('leader');
    }
  });

  it('dates legal bases consistently with the legal documents', () => {
    const documents = new Map(DEMO_LEGAL_DOCUMENTS.map((d) => [d.number, d]));
    expect(documents.size).toBe(DEMO_LEGAL_DOCUMENTS.length);
    for (const d of DEMO_LEGAL_DOCUMENTS) {
      expect(d.issuedOn <= d.effectiveFrom, d.number).toBe(true);
      expect(ISO_DATE.test(d.issuedOn) && ISO_DATE.test(d.effectiveFrom), d.number).toBe(true);
    }
    for (const basis of DEMO_PROCEDURES.flatMap((p) => p.legalBases)) {
      expect(ISO_DATE.test(basis.effectiveFrom), basis.number).toBe(true);
      const known = documents.get(basis.number);
      if (known) expect(basis.effectiveFrom, basis.number).toBe(known.effectiveFrom);
    }
    const upcoming = DEMO_LEGAL_DOCUMENTS.filter((d) => d.effectiveFrom > '2026-11-22' && d.effectiveFrom <= '2027-01-31');
    expect(upcoming.length).toBe(2);
  });
});

describe('demo publication decisions', () => {
  const items = DEMO_PUBLICATION_DECISIONS.flatMap((d) => d.items.map((i) => ({ ...i, decision: d.number })));

  it('announce every demo procedure as new in exactly one decision', () => {
    const newCodes = items.filter((i) => i.kind === 'new').map((i) => i.procedureCode);
    expect(newCodes.length).toBe(DEMO_PROCEDURES.length);
    expect(new Set(newCodes)).toEqual(new Set(DEMO_PROCEDURES.map((p) => p.code)));
    const demoCodes = new Set(DEMO_PROCEDURES.map((p) => p.code));
    // Amendments and abolitions act on procedures in the catalogue, after the version they end took effect.
    const since = new Map(items.filter((i) => i.kind === 'new').map((i) => [i.procedureCode, i.effectiveFrom]));
    for (const i of items.filter((x) => x.kind !== 'new')) {
      expect(demoCodes.has(i.procedureCode), i.procedureCode).toBe(true);
      expect(i.effectiveFrom > (since.get(i.procedureCode) ?? ''), i.procedureCode).toBe(true);
    }
  });

  it('refer to known legal documents, with well-formed numbers and dates', () => {
    const known = new Set(DEMO_LEGAL_DOCUMENTS.map((d) => d.number));
    expect(items.filter((i) => i.legalDocumentNumber !== null && !known.has(i.legalDocumentNumber))).toEqual([]);
    expect(items.some((i) => i.legalDocumentNumber !== null)).toBe(true);
    for (const d of DEMO_PUBLICATION_DECISIONS) {
      expect(d.number).toMatch(/^\d+\/QĐ-UBND$/);
      expect(d.publishedOn === null || d.publishedOn >= d.issuedOn, d.number).toBe(true);
    }
    expect(new Set(DEMO_PUBLICATION_DECISIONS.map((d) => d.number)).size).toBe(DEMO_PUBLICATION_DECISIONS.length);
    expect(items.every((i) => PROCEDURE_CODE_PATTERN.test(i.procedureCode) && ISO_DATE.test(i.effectiveFrom))).toBe(true);
  });

  it('give the publication watchdog a late decision, a late publication and an upcoming legal basis on 22/11/2026', () => {
    const calendar = new WorkingCalendar((y) => defaultHolidays(y));
    const documents = new Map(DEMO_LEGAL_DOCUMENTS.map((d) => [d.number, d]));
    const names = new Map(DEMO_PROCEDURES.map((p) => [p.code, p.name]));
    const decisions: WatchedDecision[] = DEMO_PUBLICATION_DECISIONS.map((d) => ({
      id: d.number,
      number: d.number,
      issuedOn: d.issuedOn,
      publishedOn: d.publishedOn,
      items: d.items.map((i) => {
        const legal = i.legalDocumentNumber === null ? undefined : documents.get(i.legalDocumentNumber);
        return {
          procedureCode: i.procedureCode,
          publishedOn: d.publishedOn,
          procedureName: names.get(i.procedureCode) ?? '',
          unitCodes: [],
          communeWide: false,
          legal: legal ? { number: legal.number, effectiveFrom: legal.effectiveFrom } : null,
        };
      }),
    }));
    const referenced = new Set(items.flatMap((i) => (i.legalDocumentNumber ? [i.legalDocumentNumber] : [])));
    const cited = DEMO_PROCEDURES.flatMap((p) => p.legalBases.map((b) => b.number));
    const legalDocuments = DEMO_LEGAL_DOCUMENTS.map((d) => ({
      ...d,
      hasDecision: referenced.has(d.number),
      citedByCatalogue: citesLegalDocument(cited, d.number),
    }));
    const report = watchPublication(calendar, '2026-11-22', decisions, legalDocuments);
    expect(report.lateDecisions.map((d) => d.decisionNumber)).toEqual(['1398/QĐ-UBND']);
    expect(report.publicationDelays.map((d) => [d.decisionNumber, d.status])).toEqual([
      ['1620/QĐ-UBND', 'late'],
      ['2387/QĐ-UBND', 'atRisk'],
    ]);
    expect(report.missingDecisions.map((d) => [d.number, d.status])).toEqual([['256/2026/NĐ-CP', 'atRisk']]);
    // The laws the catalogue rests on are not owed a decision; Decree 256/2026 still is once in force.
    const later = watchPublication(calendar, '2026-12-07', decisions, legalDocuments);
    expect(later.missingDecisions.map((d) => [d.number, d.status, d.inForce])).toEqual([['256/2026/NĐ-CP', 'overdue', true]]);
  });
});

describe('procedure generator', () => {
  const generated = generateProcedures(2000);

  it('makes 2,000 valid procedures with unique codes', () => {
    expect(generated.length).toBe(2000);
    expect(new Set(generated.map((p) => p.code)).size).toBe(2000);
    expect(generated.filter((p) => !PROCEDURE_CODE_PATTERN.test(p.code)).map((p) => p.code)).toEqual([]);
    expect(problemsOf(generated)).toEqual([]);
    expect(unknownUnits(generated)).toEqual([]);
    const demoCodes = new Set(DEMO_PROCEDURES.map((p) => p.code));
    expect(generated.filter((p) => demoCodes.has(p.code))).toEqual([]);
  });

  it('spreads over the demo fields, both levels and the online levels', () => {
    expect(new Set(generated.map((p) => p.fieldCode))).toEqual(fieldCodes);
    expect(new Set(generated.map((p) => p.level))).toEqual(new Set(PROCEDURE_LEVELS));
    expect(new Set(generated.map((p) => p.onlineLevel))).toEqual(new Set(ONLINE_LEVELS));
    expect(generated.filter(hasInterAgency).length).toBeGreaterThan(100);
  });

  it('names procedures with a realistic vocabulary', () => {
    const vocabulary = new Set(generated.flatMap((p) => words(p.name)));
    expect(vocabulary.size).toBeGreaterThan(250);
    expect(new Set(generated.map((p) => p.name)).size).toBeGreaterThan(1000);
  });

  it('is deterministic for a seed', () => {
    expect(generateProcedures(50, 7)).toEqual(generateProcedures(50, 7));
    expect(generateProcedures(50, 7)).not.toEqual(generateProcedures(50, 8));
    expect(generateProcedures(50)).toEqual(generated.slice(0, 50));
    expect(() => generateProcedures(-1)).toThrow(RangeError);
  });
});
