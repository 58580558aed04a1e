/**
 * The catalogue in memory: every version of every procedure (a province has a few thousand), indexed for
 * search per day (the versions in force that day). Reloaded after a publication; other server instances
 * see it on their next reload (CATALOGUE_RELOAD_SECONDS).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { OnlineLevel, ProcedureLevel, ProcedureRecord } from '../../domain/catalogue/procedure.js';
import { SearchIndex } from '../../domain/catalogue/search.js';
import type { UnitDirectory } from '../context.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';

export interface CatalogueVersion {
  id: string;
  code: string;
  version: number;
  decisionId: string;
  decisionNumber: string;
  decisionIssuedOn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  endReason: 'amended' | 'replaced' | 'abolished' | null;
  replacedBy: string | null;
  record: ProcedureRecord;
}

export interface CatalogueQuery {
  q?: string | undefined;
  field?: string | undefined;
  level?: ProcedureLevel | undefined;
  /** Procedures implemented by this unit or a unit below it. */
  unit?: string | undefined;
  onlineLevel?: OnlineLevel | undefined;
  /** yyyy-MM-dd; the versions in force that day. */
  at: string;
}

export interface CatalogueDirectory {
  fields(): readonly { code: string; name: string }[];
  fieldName(code: string): string | null;
  /** Every version of a procedure, oldest first. */
  history(code: string): readonly CatalogueVersion[];
  inForce(code: string, at: string): CatalogueVersion | undefined;
  /** Versions in force on `at` matching the query; by relevance when q is given, else by field then name. */
  search(query: CatalogueQuery): CatalogueVersion[];
  /**
   * A digest of what was loaded (every version, its end, the fields): the same on every server instance for the same
   * catalogue, and new after a publication, so public catalogue pages can be cached and revalidated by it (ETag).
   */
  revision(): string;
  reload(): Promise<void>;
}

const collator = new Intl.Collator('vi');

export function isInForce(v: { effectiveFrom: string; effectiveTo: string | null }, at: string): boolean {
  return v.effectiveFrom <= at && (v.effectiveTo === null || v.effectiveTo >= at);
}

export async function loadCatalogueDirectory(db: Kysely<DB>, units: UnitDirectory, clock: () => Date = () => new Date()): Promise<CatalogueDirectory> {
  let byCode = new Map<string, CatalogueVersion[]>();
  let fields: { code: string; name: string }[] = [];
  let fieldNames = new Map<string, string>();
  let indexes = new Map<string, { versions: CatalogueVersion[]; index: SearchIndex }>();
  let revision = '';

  const forDay = (at: string) => {
    let entry = indexes.get(at);
    if (!entry) {
      const versions = [...byCode.values()]
        .map((list) => list.find((v) => isInForce(v, at)))
        .filter((v): v is CatalogueVersion => v !== undefined)
        .sort((a, b) => collator.compare(a.record.fieldCode, b.record.fieldCode) || collator.compare(a.record.name, b.record.name));
      const index = new SearchIndex(
        versions.map((v) => ({
          id: v.code,
          fields: [
            { text: v.record.name, weight: 3 },
            { text: v.code, weight: 3 },
            { text: fieldNames.get(v.record.fieldCode) ?? '', weight: 1 },
          ],
        })),
      );
      entry = { versions, index };
      if (indexes.size > 8) indexes.clear(); // a few days at most are ever asked for
      indexes.set(at, entry);
    }
    return entry;
  };

  const implementedWithin = (v: CatalogueVersion, unitCode: string): boolean => {
    const tree = units.tree();
    if (v.record.agency.implementingUnitCodes.some((c) => tree.isWithin(c, unitCode))) return true;
    if (v.record.level !== 'commune' || v.record.agency.implementingUnitCodes.length > 0) return false;
    // A commune procedure without named units is implemented by every commune: it belongs to the province
    // (the whole tree) and to each commune and the bodies below it (its centre and desk).
    const unit = tree.find(unitCode);
    if (!unit) return false;
    return unit.level === 'province' || tree.ancestry(unitCode).some((u) => u.level === 'commune');
  };

  const directory: CatalogueDirectory = {
    fields: () => fields,
    revision: () => revision,
    fieldName: (code) => fieldNames.get(code) ?? null,
    history: (code) => byCode.get(code) ?? [],
    inForce: (code, at) => byCode.get(code)?.find((v) => isInForce(v, at)),
    search(query) {
      const { versions, index } = forDay(query.at);
      let found: CatalogueVersion[];
      if (query.q && query.q.trim() !== '') {
        const byId = new Map(versions.map((v) => [v.code, v]));
        found = index.search(query.q).map((hit) => byId.get(hit.id)!);
      } else {
        found = versions;
      }
      return found.filter(
        (v) =>
          (query.field === undefined || v.record.fieldCode === query.field) &&
          (query.level === undefined || v.record.level === query.level) &&
          (query.onlineLevel === undefined || v.record.onlineLevel === query.onlineLevel) &&
          (query.unit === undefined || implementedWithin(v, query.unit)),
      );
    },
    async reload() {
      const [fieldRows, rows] = await Promise.all([
        db.selectFrom('procedure_fields').selectAll().execute(),
        db
          .selectFrom('procedure_versions as v')
          .innerJoin('publication_decisions as d', 'd.id', 'v.decision_id')
          .select([
            'v.id',
            'v.procedure_code',
            'v.version',
            'v.decision_id',
            'd.number as decision_number',
            'd.issued_on as decision_issued_on',
            'v.effective_from',
            'v.effective_to',
            'v.end_reason',
            'v.replaced_by',
            'v.record',
          ])
          .orderBy('v.procedure_code')
          .orderBy('v.version')
          .execute(),
      ]);
      const next = new Map<string, CatalogueVersion[]>();
      for (const r of rows) {
        const list = next.get(r.procedure_code) ?? [];
        list.push({
          id: r.id,
          code: r.procedure_code,
          version: r.version,
          decisionId: r.decision_id,
          decisionNumber: r.decision_number,
          decisionIssuedOn: r.decision_issued_on,
          effectiveFrom: r.effective_from,
          effectiveTo: r.effective_to,
          endReason: r.end_reason,
          replacedBy: r.replaced_by,
          record: r.record as ProcedureRecord,
        });
        next.set(r.procedure_code, list);
      }
      byCode = next;
      fields = fieldRows.sort((a, b) => collator.compare(a.name, b.name));
      fieldNames = new Map(fieldRows.map((f) => [f.code, f.name]));
      indexes = new Map();
      const digest = createHash('sha256');
      for (const r of rows) digest.update(`${r.id}|${r.effective_to ?? ''}|${r.end_reason ?? ''}|${r.replaced_by ?? ''}\n`);
      for (const f of fields) digest.update(`${f.code}|${f.name}\n`);
      revision = digest.digest('base64url').slice(0, 16);
      forDay(vietnamDate(clock())); // build today's index now, not on the first visitor's search
    },
  };
  await directory.reload();
  return directory;
}
