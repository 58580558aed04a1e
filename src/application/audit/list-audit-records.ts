/**
 * The audit trail as a reviewer reads it: newest first, in pages (keyset on seq: `beforeSeq` is the
 * `nextBeforeSeq` of the previous page), filtered by unit (its subtree), official (name or username), action
 * and a range of Vietnam dates. Each record names its actor (an official by name and username; a citizen by
 * name only, since a citizen's login may be a personal ID number) and its target by what people know it by:
 * a dossier by its code, an account by its holder's name, a decision or legal document by its number. No
 * internal id of a dossier or account and no personal ID number leaves here.
 */
import { sql } from 'kysely';
import type { AppDeps } from '../context.js';
import { authorize, scopeRootOf, type Actor } from '../../domain/access/policy.js';
import { jdnFromIso } from '../../domain/calendar/civil-date.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { vietnamDayEnd as dayEnd, vietnamDayStart as dayStart } from '../../domain/calendar/vietnam-time.js';
import type { AuditPage, AuditRecord } from '../../contract/audit.js';

/** What a reviewer reads of a record (src/contract/audit.ts): the target by what people call it, never an internal id. */
export type AuditRecordView = AuditRecord;

export interface AuditFilter {
  /** A unit code: records of officials of this unit or below it. */
  unit?: string | undefined;
  /** Part of an official's full name or username, any case. */
  official?: string | undefined;
  /** An action code, e.g. 'dossier.accept'. */
  action?: string | undefined;
  /** yyyy-MM-dd (Vietnam), inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

const isDate = (iso: string | undefined) => {
  try {
    jdnFromIso(iso ?? '');
    return true;
  } catch {
    return false;
  }
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listAuditRecords(
  deps: AppDeps,
  { actor, limit, beforeSeq, filter = {} }: { actor: Actor | null; limit: number; beforeSeq?: number | undefined; filter?: AuditFilter },
): Promise<Result<AuditPage>> {
  const tree = deps.units.tree();
  const decision = authorize(actor, 'audit.view', actor?.unitCode ? { unitCode: actor.unitCode } : {}, tree);
  if (!decision.ok || !actor?.unitCode) return fail(decision.ok ? 'FORBIDDEN_UNIT' : decision.code);
  const root = scopeRootOf(actor.unitCode, tree);
  if (filter.unit !== undefined) {
    if (!tree.find(filter.unit)) return fail('UNIT_NOT_FOUND');
    if (!tree.isWithin(filter.unit, root)) return fail('FORBIDDEN_UNIT');
  }
  const badDates = (['from', 'to'] as const).filter((key) => filter[key] !== undefined && !isDate(filter[key]));
  if (badDates.length > 0)
    return fail(
      'VALIDATION_FAILED',
      badDates.map((key) => ({ path: `querystring.${key}`, message: `Ngày ${filter[key]} không tồn tại` })),
    );
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    return fail('VALIDATION_FAILED', [{ path: 'querystring.to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi' }]);
  }
  const isRoot = tree.find(root)?.parentCode === null;
  const scopeRoot = filter.unit ?? (isRoot ? null : root);
  const scope =
    scopeRoot === null
      ? null
      : tree
          .all()
          .filter((u) => tree.isWithin(u.code, scopeRoot))
          .map((u) => u.code);

  let query = deps.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.seq',
      'audit_log.at',
      'users.full_name',
      'users.username',
      'users.kind',
      'audit_log.actor_role',
      'audit_log.actor_unit',
      'audit_log.action',
      'audit_log.target_type',
      'audit_log.target_id',
    ])
    .orderBy('audit_log.seq', 'desc')
    .limit(limit + 1);
  if (beforeSeq !== undefined) query = query.where('audit_log.seq', '<', String(beforeSeq));
  // A province-level viewer also sees citizens' and anonymous records; others only their subtree's officials.
  if (scope !== null) query = query.where('audit_log.actor_unit', 'in', scope);
  if (filter.action !== undefined) query = query.where('audit_log.action', '=', filter.action);
  if (filter.from !== undefined) query = query.where('audit_log.at', '>=', dayStart(filter.from));
  if (filter.to !== undefined) query = query.where('audit_log.at', '<', dayEnd(filter.to));
  if (filter.official !== undefined) {
    const pattern = likePattern(filter.official.trim().toLocaleLowerCase('vi'));
    query = query
      .where('users.kind', '=', 'official')
      .where((eb) =>
        eb.or([
          eb(sql<string>`lower(${eb.ref('users.full_name')})`, 'like', pattern),
          eb(sql<string>`lower(coalesce(${eb.ref('users.username')}, ''))`, 'like', pattern),
        ]),
      );
  }
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const labels = await targetLabels(deps, page);
  return ok({
    records: page.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      actorName: r.full_name,
      actorUsername: r.kind === 'official' ? r.username : null,
      role: r.actor_role,
      unitCode: r.actor_unit,
      action: r.action,
      targetType: r.target_type,
      targetLabel: r.target_type && r.target_id ? (labels.get(`${r.target_type}:${r.target_id}`) ?? null) : null,
    })),
    nextBeforeSeq: rows.length > limit ? Number(page.at(-1)!.seq) : null,
  });
}

/** Names for the targets of one page: one query per kind of target, by id. */
async function targetLabels(deps: AppDeps, rows: readonly { target_type: string | null; target_id: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.target_type === type && r.target_id && UUID.test(r.target_id)).map((r) => r.target_id!))];
  const labels = new Map<string, string>();
  const put = (type: string, list: readonly { id: string; label: string | null }[]) => {
    for (const x of list) if (x.label) labels.set(`${type}:${x.id}`, x.label);
  };
  const dossiers = ids('dossier');
  const users = ids('user');
  const decisions = ids('publication_decision');
  const documents = ids('legal_document');
  await Promise.all([
    dossiers.length === 0
      ? null
      : deps.db
          .selectFrom('dossiers')
          .select(['id', 'code as label'])
          .where('id', 'in', dossiers)
          .execute()
          .then((l) => put('dossier', l)),
    users.length === 0
      ? null
      : deps.db
          .selectFrom('users')
          .select(['id', 'full_name as label'])
          .where('id', 'in', users)
          .execute()
          .then((l) => put('user', l)),
    decisions.length === 0
      ? null
      : deps.db
          .selectFrom('publication_decisions')
          .select(['id', 'number as label'])
          .where('id', 'in', decisions)
          .execute()
          .then((l) => put('publication_decision', l)),
    documents.length === 0
      ? null
      : deps.db
          .selectFrom('legal_documents')
          .select(['id', 'number as label'])
          .where('id', 'in', documents)
          .execute()
          .then((l) => put('legal_document', l)),
  ]);
  // Other targets are named by their key when it is not an internal id: a unit code, a calendar year.
  for (const r of rows)
    if (r.target_type && r.target_id && !UUID.test(r.target_id) && !labels.has(`${r.target_type}:${r.target_id}`))
      labels.set(`${r.target_type}:${r.target_id}`, r.target_id);
  return labels;
}
