/**
 * Catalogue change notifications, read side: the published changes (catalogue_events) filtered by unit and
 * field, and their Atom feed (RFC 4287). Webhooks (enqueue-webhook-deliveries.ts) match events with the same unit rule.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, DecisionItemKind } from '../../infrastructure/db/schema.js';
import type { AppDeps } from '../context.js';
import type { UnitTree } from '../../domain/units/unit.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';

export interface CatalogueEvent {
  id: string;
  at: Date;
  kind: DecisionItemKind;
  procedureCode: string;
  procedureName: string;
  version: number | null;
  /** The procedure a replacement replaced (kind 'replaced'). */
  replacesCode: string | null;
  decisionId: string;
  decisionNumber: string;
  effectiveFrom: string;
  fieldCode: string | null;
  level: string | null;
  unitCodes: string[];
}

export const EVENT_KIND_LABELS = {
  new: 'Công bố mới',
  amended: 'Sửa đổi, bổ sung',
  replaced: 'Thay thế',
  abolished: 'Bãi bỏ',
} as const satisfies Record<DecisionItemKind, string>;

/**
 * Does a change concern this unit? Yes when a unit implementing the procedure lies within the unit's subtree,
 * and — for a commune procedure that names no unit, which every commune implements — when the unit is the
 * province or a commune (or a body below a commune). The same rule as the catalogue search's unit filter.
 */
export function eventConcernsUnit(event: Pick<CatalogueEvent, 'unitCodes' | 'level'>, unitCode: string, tree: UnitTree): boolean {
  if (event.unitCodes.some((c) => tree.isWithin(c, unitCode))) return true;
  if (event.level !== 'commune' || event.unitCodes.length > 0) return false;
  return concernedByEveryCommuneProcedure(unitCode, tree);
}

function concernedByEveryCommuneProcedure(unitCode: string, tree: UnitTree): boolean {
  const unit = tree.find(unitCode);
  if (!unit) return false;
  return unit.level === 'province' || tree.ancestry(unitCode).some((u) => u.level === 'commune');
}

type Db = Kysely<DB> | Transaction<DB>;

/** catalogue_events with the replaced code of each replacement, for the given filters. */
export function selectEvents(db: Db) {
  return db
    .selectFrom('catalogue_events as e')
    .leftJoin('publication_decision_items as i', (join) => join.onRef('i.decision_id', '=', 'e.decision_id').onRef('i.procedure_code', '=', 'e.procedure_code'))
    .select([
      'e.id',
      'e.at',
      'e.kind',
      'e.procedure_code',
      'e.procedure_name',
      'e.version',
      'i.replaces_code',
      'e.decision_id',
      'e.decision_number',
      'e.effective_from',
      'e.field_code',
      'e.level',
      'e.unit_codes',
    ]);
}

export function toCatalogueEvent(r: {
  id: string;
  at: Date;
  kind: DecisionItemKind;
  procedure_code: string;
  procedure_name: string;
  version: number | null;
  replaces_code: string | null;
  decision_id: string;
  decision_number: string;
  effective_from: string;
  field_code: string | null;
  level: string | null;
  unit_codes: string[];
}): CatalogueEvent {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    version: r.version,
    replacesCode: r.replaces_code,
    decisionId: r.decision_id,
    decisionNumber: r.decision_number,
    effectiveFrom: r.effective_from,
    fieldCode: r.field_code,
    level: r.level,
    unitCodes: r.unit_codes,
  };
}

/** The latest changes, newest first, that concern `unit` (see eventConcernsUnit) and belong to `field`. */
export async function latestCatalogueEvents(
  deps: AppDeps,
  input: { unit?: string | undefined; field?: string | undefined; limit: number },
): Promise<Result<CatalogueEvent[]>> {
  const tree = deps.units.tree();
  let query = selectEvents(deps.db).orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(input.limit);
  if (input.field !== undefined) query = query.where('e.field_code', '=', input.field);
  if (input.unit !== undefined) {
    const unit = input.unit;
    if (!tree.find(unit)) return fail('UNIT_NOT_FOUND');
    const within = tree
      .all()
      .filter((u) => tree.isWithin(u.code, unit))
      .map((u) => u.code);
    const everyCommune = concernedByEveryCommuneProcedure(unit, tree);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('e.unit_codes')} && ${within}::text[]`,
        ...(everyCommune ? [eb.and([eb('e.level', '=', 'commune'), sql<boolean>`cardinality(${eb.ref('e.unit_codes')}) = 0`])] : []),
      ]),
    );
  }
  const rows = await query.execute();
  return ok(rows.map(toCatalogueEvent));
}

/** dd/MM/yyyy of a yyyy-MM-dd date. */
export function vietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function eventTitle(e: Pick<CatalogueEvent, 'kind' | 'procedureName' | 'procedureCode'>): string {
  return `${EVENT_KIND_LABELS[e.kind]}: ${e.procedureName} (${e.procedureCode})`;
}

export function eventSummary(e: CatalogueEvent, fieldName: string | null): string {
  const parts = [`Quyết định số ${e.decisionNumber}`, `có hiệu lực từ ngày ${vietnameseDate(e.effectiveFrom)}`];
  if (e.kind === 'replaced' && e.replacesCode) parts.push(`thay thế thủ tục ${e.replacesCode}`);
  if (e.kind === 'amended' && e.version !== null) parts.push(`phiên bản ${e.version}`);
  if (fieldName) parts.push(`lĩnh vực ${fieldName}`);
  return `${parts.join('; ')}.`;
}

// XML 1.0 cannot carry these at all, escaped or not: C0 controls other than tab/newline/return, U+FFFE/U+FFFF,
// and unpaired surrogates.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe in XML content and attribute values. */
export function xmlEscape(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

export interface AtomFeedInput {
  /** Base of every link and of the tag: ids, e.g. https://dichvucong.langson.gov.vn. */
  publicUrl: string;
  /** The feed's own URL (with its query), for rel="self" and the feed id. */
  selfPath: string;
  title: string;
  author: string;
  events: readonly CatalogueEvent[];
  fieldName: (code: string) => string | null;
  /** The feed's `updated` when it has no entry. */
  now: Date;
}

/** tag: URIs (RFC 4151) under the server's host name: stable for as long as the public address is. */
function tagBase(publicUrl: string): string {
  return `tag:${new URL(publicUrl).hostname},2026:motcua`;
}

/** An Atom 1.0 feed (RFC 4287), newest entry first. */
export function renderAtomFeed(input: AtomFeedInput): string {
  const tag = tagBase(input.publicUrl);
  const updated = input.events.reduce((latest, e) => (e.at > latest ? e.at : latest), input.events[0]?.at ?? input.now);
  const x = xmlEscape;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <id>${x(`${tag}:catalogue-feed:${input.selfPath}`)}</id>`,
    `  <title>${x(input.title)}</title>`,
    `  <subtitle>Thủ tục hành chính được công bố mới, sửa đổi, bổ sung, thay thế, bãi bỏ</subtitle>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <author><name>${x(input.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${x(input.publicUrl + input.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(`${input.publicUrl}/thu-tuc`)}"/>`,
    '  <generator>motcua</generator>',
  ];
  for (const e of input.events) {
    const fieldName = e.fieldCode ? input.fieldName(e.fieldCode) : null;
    lines.push(
      '  <entry>',
      `    <id>${x(`${tag}:catalogue-event:${e.id}`)}</id>`,
      `    <title>${x(eventTitle(e))}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(`${input.publicUrl}/thu-tuc/${encodeURIComponent(e.procedureCode)}`)}"/>`,
      `    <published>${e.at.toISOString()}</published>`,
      `    <updated>${e.at.toISOString()}</updated>`,
      ...(e.fieldCode ? [`    <category term="${x(e.fieldCode)}"${fieldName ? ` label="${x(fieldName)}"` : ''}/>`] : []),
      `    <summary>${x(eventSummary(e, fieldName))}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
