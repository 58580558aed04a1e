/**
 * Dossiers submitted (NgayNopHoSo) in a period of Vietnam days, in the national sync format: read in
 * batches (keyset on submission time and code) so the operator CLI can stream a year of dossiers, and
 * collected whole for GET /api/v1/dossiers/export (administrators and monitors, their units only).
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize, scopeRootOf } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { DossierHeader } from '../../domain/dossier/fold.js';
import type { RecordedAction } from '../../domain/dossier/dossier.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import { toLocal } from './dossier-store.js';
import { toSyncRecord, type PortalMapping, type ApplicantJson, type ComponentJson, type FileForSync, type SignedResultForSync } from './sync-format.js';
import type { SyncDossier } from '../../contract/national-sync.js';
import { loadPortalMapping } from '../national-sync/portal-mapping.js';
import { paymentRecords } from '../payment/payment-records.js';
import { openApplicant, openOrNull, type PersonalDataCipher } from '../personal-data.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';

type Deps = AppDeps & { catalogue: CatalogueDirectory; personalData: PersonalDataCipher };

const DAY_MS = 86_400_000;
const BATCH = 500;
/** The API answers in one response; longer periods go through `motcua export dossiers`. */
export const MAX_API_PERIOD_DAYS = 366;

/** [from 00:00, the day after `to` 00:00) in Vietnam time; null when a date is not real or the period is reversed. */
export function periodBounds(from: string, to: string): { start: Date; end: Date; days: number } | null {
  const day = (s: string) => {
    const ms = Date.parse(`${s}T00:00:00+07:00`);
    return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(ms) && vietnamDate(ms) === s ? ms : null;
  };
  const start = day(from);
  const last = day(to);
  if (start === null || last === null || last < start) return null;
  return { start: new Date(start), end: new Date(last + DAY_MS), days: Math.round((last - start) / DAY_MS) + 1 };
}

/**
 * The records, BATCH at a time, oldest submission first. `scopeUnits` limits them to dossiers whose
 * competent or receiving unit is in the list (null: every dossier, for the operator).
 */
export async function* exportDossierBatches(
  deps: Deps,
  input: {
    start: Date;
    end: Date;
    scopeUnits: readonly string[] | null;
    /** PUBLIC_URL: file links are under it. */ publicUrl: string;
    /** The province's portal mapping (issue 21), as the live sync uses it. */ portal?: PortalMapping;
  },
): AsyncGenerator<SyncDossier[]> {
  if (input.scopeUnits !== null && input.scopeUnits.length === 0) return;
  let after: { at: Date; code: string } | null = null;
  for (;;) {
    let q = selectSyncRows(deps.db).where('d.submitted_at', '>=', input.start).where('d.submitted_at', '<', input.end);
    if (input.scopeUnits !== null) {
      const scope = [...input.scopeUnits];
      q = q.where((eb) => eb.or([eb('d.unit_code', 'in', scope), eb('d.receiving_unit_code', 'in', scope)]));
    }
    if (after) {
      const { at, code } = after;
      q = q.where((eb) => eb.or([eb('d.submitted_at', '>', at), eb.and([eb('d.submitted_at', '=', at), eb('d.code', '>', code)])]));
    }
    const rows = await q.orderBy('d.submitted_at').orderBy('d.code').limit(BATCH).execute();
    if (rows.length === 0) return;
    yield await syncRecordsOf(deps, rows, { publicUrl: input.publicUrl, portal: input.portal });
    if (rows.length < BATCH) return;
    const last = rows.at(-1)!;
    after = { at: last.submitted_at, code: last.code };
  }
}

/** The dossier columns a sync record is built from. */
function selectSyncRows(db: Deps['db']) {
  return db
    .selectFrom('dossiers as d')
    .leftJoin('users as u', 'u.id', 'd.applicant_id')
    .select([
      'd.id',
      'd.code',
      'd.procedure_code',
      'd.procedure_version_id',
      'd.channel',
      'd.unit_code',
      'd.receiving_unit_code',
      'd.applicant',
      'd.components',
      'd.header',
      'd.submitted_at',
      'u.role as applicant_role',
      'u.personal_id_sealed as applicant_personal_id',
      'd.eid_level',
    ]);
}
type SyncRow = Awaited<ReturnType<ReturnType<typeof selectSyncRows>['execute']>>[number];

/** The records of the given dossiers (the live sync, issue 21), in the order of `ids`; a dossier that does not exist is left out. */
export async function syncRecordsByIds(
  deps: Deps,
  ids: readonly string[],
  options: { publicUrl: string; portal?: PortalMapping },
): Promise<Map<string, SyncDossier>> {
  if (ids.length === 0) return new Map();
  const rows = await selectSyncRows(deps.db)
    .where('d.id', 'in', [...ids])
    .execute();
  const records = await syncRecordsOf(deps, rows, options);
  return new Map(rows.map((r, i) => [r.id, records[i]!]));
}

/** Rows as records: their actions, files, payments and signed results read in one query each. */
async function syncRecordsOf(deps: Deps, rows: readonly SyncRow[], options: { publicUrl: string; portal?: PortalMapping }): Promise<SyncDossier[]> {
  const tree = deps.units.tree();
  const unitName = (code: string | null) => (code ? (tree.find(code)?.name ?? code) : '');
  const ids = rows.map((r) => r.id);
  const [actionRows, fileRows, payments, resultRows] = await Promise.all([
    deps.db.selectFrom('dossier_actions').selectAll().where('dossier_id', 'in', ids).orderBy('dossier_id').orderBy('seq').execute(),
    deps.db
      .selectFrom('dossier_files')
      .select(['id', 'dossier_id', 'component_code', 'sha256', 'content_type', 'size', 'reused', 'source_url', 'from_national_vault'])
      .where('dossier_id', 'in', ids)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute(),
    paymentRecords(deps.db, ids),
    // DanhSachGiayToKetQua: the results that carry their final signature (issue 19), as the scorecard counts them.
    deps.db
      .selectFrom('result_documents')
      .select(['dossier_id', 'title', 'verification_code', 'result_code', 'kind', 'file_sha256', 'source_url'])
      .where('dossier_id', 'in', ids)
      .where('status', '=', 'signed')
      .where('kind', '=', 'result')
      .orderBy('signed_at')
      .execute(),
  ]);
  const results = new Map<string, SignedResultForSync[]>();
  for (const r of resultRows) {
    const list = results.get(r.dossier_id) ?? [];
    list.push({ title: r.title, sha256: r.file_sha256, code: r.verification_code, sourceUrl: r.source_url, resultCode: r.result_code, kind: r.kind });
    results.set(r.dossier_id, list);
  }
  const files = new Map<string, FileForSync[]>();
  for (const f of fileRows) {
    const list = files.get(f.dossier_id) ?? [];
    list.push({
      id: f.id,
      componentCode: f.component_code,
      sha256: f.sha256,
      contentType: f.content_type,
      size: f.size,
      reused: f.reused,
      fromNationalVault: f.from_national_vault,
      sourceUrl: f.source_url,
    });
    files.set(f.dossier_id, list);
  }
  const histories = new Map<string, RecordedAction[]>();
  for (const r of actionRows) {
    const list = histories.get(r.dossier_id) ?? [];
    list.push({
      ...(r.payload as object),
      seq: r.seq,
      at: toLocal(r.at),
      actor: { userId: r.actor_id, role: r.actor_role ?? '', unitCode: r.actor_unit },
    } as RecordedAction);
    histories.set(r.dossier_id, list);
  }
  return rows.map((r) => {
    const procedure = deps.catalogue.history(r.procedure_code).find((v) => v.id === r.procedure_version_id)?.record;
    return toSyncRecord(
      {
        id: r.id,
        code: r.code,
        procedureCode: r.procedure_code,
        channel: r.channel,
        unitCode: r.unit_code,
        receivingUnitCode: r.receiving_unit_code,
        applicantRole: r.applicant_role,
        eidVerified: r.eid_level !== null,
        // The national portal needs the owner's ID number (SoGiayToChuHoSo): opened for it, and only for it.
        applicantPersonalId: openOrNull(deps.personalData, r.applicant_personal_id),
        applicant: openApplicant(deps.personalData, r.applicant as ApplicantJson),
        components: r.components as ComponentJson[],
        submittedAt: r.submitted_at,
        header: r.header as DossierHeader,
        history: histories.get(r.id) ?? [],
        files: files.get(r.id) ?? [],
        // DuocThanhToanTrucTuyen and DanhSachLePhi from the payment records (issue 18), as the scorecard reads them.
        gatewayConfirmations: payments.confirmations.get(r.id) ?? [],
        feeLines: payments.lines.get(r.id) ?? [],
        signedResults: results.get(r.id) ?? [],
      },
      {
        procedure,
        fieldName: procedure ? deps.catalogue.fieldName(procedure.fieldCode) : null,
        unitName,
        publicUrl: options.publicUrl,
        portal: options.portal,
      },
    );
  });
}

/** GET /api/v1/dossiers/export: an administrator's or monitor's units (the subtree of their unit). */
export async function exportDossiers(deps: Deps, input: { from: string; to: string; publicUrl: string; meta: RequestMeta }): Promise<Result<SyncDossier[]>> {
  const actor = input.meta.actor;
  const allowed = authorize(actor, 'audit.view');
  if (!allowed.ok) return fail(allowed.code);
  if (!actor?.unitCode) return fail('FORBIDDEN_UNIT');
  const bounds = periodBounds(input.from, input.to);
  if (!bounds) return fail('VALIDATION_FAILED', [{ path: 'query.to', message: 'Khoảng ngày không hợp lệ (from phải là ngày có thật, không sau to)' }]);
  if (bounds.days > MAX_API_PERIOD_DAYS) {
    return fail('VALIDATION_FAILED', [
      { path: 'query.to', message: `Tối đa ${MAX_API_PERIOD_DAYS} ngày mỗi lần; dùng lệnh motcua export dossiers cho khoảng dài hơn` },
    ]);
  }
  const tree = deps.units.tree();
  const root = scopeRootOf(actor.unitCode, tree);
  const scopeUnits = tree
    .all()
    .filter((u) => tree.isWithin(u.code, root))
    .map((u) => u.code);
  const records: SyncDossier[] = [];
  const portal = await loadPortalMapping(deps.db);
  for await (const batch of exportDossierBatches(deps, { start: bounds.start, end: bounds.end, scopeUnits, publicUrl: input.publicUrl, portal }))
    records.push(...batch);
  return ok(records);
}
