/**
 * Import of dossiers in the national sync format (`motcua import dossiers FILE.json`), for the operator.
 *
 * Each record is checked on its own and reported by its 1-based position and MaHoSo: an unknown unit
 * (DonViXuLy, the prefix of MaHoSo) or procedure (MaTTHC: the catalogue version in force on NgayNopHoSo,
 * else the latest) is refused, never created. A MaHoSo already stored is skipped when its status and
 * dates agree with the record (importing a file twice changes nothing) and reported when they differ: a
 * dossier's history is append-only and is never overwritten by an import.
 *
 * A new dossier gets the header intake would give it (create-dossier.ts) and a history of actions:
 * - replayed from QuaTrinhXuLy when every progress object is in motcua's own vocabulary (a motcua export:
 *   a round trip keeps each action, its time, role and unit);
 * - otherwise rebuilt from the dates and status: requestSupplementAtReception/resubmit and
 *   requestSupplement/receiveSupplement from DanhSachHoSoBoSung, accept at NgayTiepNhan, a transfer from
 *   the desk to the competent unit at once, then refuse at NgayTuChoi, approve (reject when NgayTuChoi is
 *   set) or stop at NgayKetThucXuLy, returnResult at NgayTra, requestFee or withdraw for status 6 or 7.
 * TaiLieuNop gives the components (the first item of each MaThanhPhanHoSo; an item with SoLuong 0 is a file of
 * a component the dossier did not declare) and the files: an item whose
 * TepDinhKemId is a SHA-256, with KieuTepTin and KichThuocTepTin, becomes a file row with no uploader, reused as
 * DuocTaiSuDung says, and the link it came with (source_url: its bytes are there, not here). An item flagged
 * DuocSoHoa=1 without them cannot be recorded as a file (the store is content-addressed): it is reported as a
 * note, and the dossier does not count as digitized here. DuocThanhToanTrucTuyen is not recorded: motcua keeps no
 * gateway confirmations yet (domain/dossier/online-payment.ts). The VNeID flag follows the owner's account: an
 * online dossier is linked to the one account holding SoGiayToChuHoSo, when there is one.
 * Due dates are the stored ones (NgayHenTra, NgayHenTraTruoc/Moi), never recomputed; step deadlines the
 * format does not carry are counted from the procedure's step budgets. The history is folded and must give
 * back the record's status and dates, or the record is refused. Imported actions have no user (userId null).
 * Records go in batches of IMPORT_BATCH: one transaction per batch, with one audit record (`dossier.imported`)
 * listing its dossiers; a batch that meets a concurrent import of the same codes is retried record by record.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { deskServes } from '../../domain/access/policy.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { buildHeader } from './create-dossier.js';
import { followDossiers } from '../scorecard/statistics.js';
import type { RecordedAction } from '../../domain/dossier/dossier.js';
import type { UnitTree } from '../../domain/units/unit.js';
import type { CatalogueDirectory, CatalogueVersion } from '../catalogue/catalogue-directory.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { actionRow, projection, toLocal } from './dossier-store.js';
import type { DossierFileForm, DossierFilesTable, DossiersTable, ResultDocumentsTable } from '../../infrastructure/db/schema.js';
import { importedResults } from '../result/imported-results.js';
import { HistoryBuilder, rebuildMilestones, replayProgress } from './sync-history.js';
import { sealOrNull, type PersonalDataCipher } from '../personal-data.js';
import { CHANNEL_BY_CODE, LOAI_BAN_TO_FORM, disagreement, type ApplicantJson, type ComponentJson } from './sync-format.js';
import { parseSyncDate, SyncDossierSchema, type SyncDossier } from '../../contract/national-sync.js';
import { importedPayments } from '../payment/fee-lines.js';

type Deps = AppDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory; personalData: PersonalDataCipher };

export interface SyncImportProblem {
  /** 1-based position in the file's array. */
  index: number;
  code: string | null;
  message: string;
}

export interface SyncImportReport {
  total: number;
  imported: number;
  unchanged: number;
  failed: number;
  problems: SyncImportProblem[];
  /** What an imported record said that could not be kept (the record was imported). */
  notes: SyncImportProblem[];
}

const SHA256 = /^[0-9a-f]{64}$/;
const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The components and file rows a record's TaiLieuNop gives, and what it flags that cannot be kept. */
function documentsOf(rec: SyncDossier, dossierId: string, at: Date): { components: ComponentJson[]; files: Insertable<DossierFilesTable>[]; notes: string[] } {
  const components: ComponentJson[] = [];
  const files: Insertable<DossierFilesTable>[] = [];
  const notes: string[] = [];
  for (const t of rec.TaiLieuNop) {
    if (t.IsDeleted === '1') continue;
    const size = Number(t.KichThuocTepTin);
    const hasFile = SHA256.test(t.TepDinhKemId) && t.KieuTepTin !== '' && size > 0;
    // SoLuong 0: a file of a component the dossier did not declare (motcua's export writes it so).
    const undeclared = t.SoLuong === '0';
    const form = LOAI_BAN_TO_FORM[t.LoaiBan] ?? (t.DuocSoHoa === '1' ? 'electronic' : 'original');
    if (!undeclared && !components.some((c) => c.code === t.MaThanhPhanHoSo)) {
      components.push({ code: t.MaThanhPhanHoSo, name: t.TenTepDinhKem, form, copies: t.SoLuong === '' ? 1 : Number(t.SoLuong) });
    }
    if (hasFile) {
      files.push({
        dossier_id: dossierId,
        component_code: t.MaThanhPhanHoSo,
        file_name: `${(t.TenTepDinhKem || t.MaThanhPhanHoSo || 'tep').slice(0, 190)}.${EXTENSIONS[t.KieuTepTin]}`,
        content_type: t.KieuTepTin as DossierFilesTable['content_type'],
        sha256: t.TepDinhKemId,
        size,
        pages: null,
        form: (undeclared ? 'electronic' : form) as DossierFileForm,
        digitized: false,
        reused: t.DuocTaiSuDung !== '' && t.DuocTaiSuDung !== '0',
        from_national_vault: t.DuocLayTuKhoDMQG === '1',
        uploaded_by: null,
        uploaded_at: at,
        source_url: t.DuongDanTaiTepTin,
      });
    } else if (t.DuocSoHoa === '1') {
      notes.push(
        `TaiLieuNop ${t.MaThanhPhanHoSo || t.TenTepDinhKem}: DuocSoHoa=1 nhưng thiếu SHA-256 của tệp (TepDinhKemId), KieuTepTin hoặc KichThuocTepTin nên không ghi nhận tệp; hồ sơ không được tính là đã số hóa`,
      );
    }
  }
  return { components, files, notes };
}

const RECEPTION_LEVELS: ReadonlySet<string> = new Set(['service_center', 'one_stop_desk']);

/** The one-stop desk (or centre) nearest a unit: where counter and postal dossiers for it are received. */
function receptionUnitFor(tree: UnitTree, unitCode: string): string {
  for (const u of tree.ancestry(unitCode)) {
    const centre = tree.children(u.code).find((c) => RECEPTION_LEVELS.has(c.level) && c.validTo === null);
    if (centre) return (tree.children(centre.code).find((c) => c.level === 'one_stop_desk' && c.validTo === null) ?? centre).code;
  }
  return unitCode;
}

interface Resolved {
  version: CatalogueVersion;
  header: DossierHeader;
  submittedAt: Date;
  locationIndependent: boolean;
}

function resolve(rec: SyncDossier, tree: UnitTree, catalogue: CatalogueDirectory): Resolved | string {
  const prefix = rec.MaHoSo.split('-')[0] ?? '';
  if (!tree.find(prefix)) return `đơn vị ${prefix} (tiền tố của MaHoSo) không có trong cây đơn vị`;
  const unitCode = rec.DonViXuLy;
  if (!tree.find(unitCode)) return `đơn vị xử lý DonViXuLy ${unitCode} không có trong cây đơn vị`;
  const submittedAt = parseSyncDate(rec.NgayNopHoSo) ?? parseSyncDate(rec.NgayTiepNhan);
  if (!submittedAt) return 'cần NgayNopHoSo (hoặc NgayTiepNhan)';
  const version = catalogue.inForce(rec.MaTTHC, vietnamDate(submittedAt)) ?? catalogue.history(rec.MaTTHC).at(-1);
  if (!version) return `thủ tục MaTTHC ${rec.MaTTHC} không có trong danh mục thủ tục`;
  const channel = CHANNEL_BY_CODE[rec.KenhThucHien]!;
  const method = version.record.methods.find((m) => m.channel === channel) ?? version.record.methods[0];
  if (!method) return `thủ tục ${rec.MaTTHC} không có cách thức thực hiện nào trong danh mục`;
  const receivingUnitCode = rec.NoiNopHoSo && tree.find(rec.NoiNopHoSo) ? rec.NoiNopHoSo : channel === 'online' ? unitCode : receptionUnitFor(tree, unitCode);
  const header = buildHeader(version.record, channel, unitCode, receivingUnitCode, null);
  const locationIndependent = version.record.locationIndependent && !deskServes(receivingUnitCode, unitCode, tree);
  return { version, header, submittedAt, locationIndependent };
}

/** Records checked and inserted together: one transaction, a few multi-row statements, one audit record. */
export const IMPORT_BATCH = 500;

interface Prepared {
  index: number;
  rec: SyncDossier;
  id: string;
  row: Insertable<DossiersTable>;
  /** The folded state (stored in the row as JSON). */
  state: DossierState;
  actions: RecordedAction[];
  files: Insertable<DossierFilesTable>[];
  results: Insertable<ResultDocumentsTable>[];
  /** Its fee lines, from DanhSachLePhi, and the payment a gateway confirmed where the record says so. */
  payments: ReturnType<typeof importedPayments>;
  sequence: { unit_code: string; day: string; last: number } | null;
  mode: 'progress' | 'milestones';
}

export async function importDossiers(
  deps: Deps,
  input: { records: readonly unknown[]; meta: RequestMeta; onProgress?: (done: number, total: number) => void },
): Promise<SyncImportReport> {
  const tree = deps.units.tree();
  const unitByName = new Map<string, string>();
  for (const u of tree.all()) if (!unitByName.has(u.name)) unitByName.set(u.name, u.code);
  const report: SyncImportReport = { total: input.records.length, imported: 0, unchanged: 0, failed: 0, problems: [], notes: [] };
  const problem = (index: number, code: string | null, message: string) => {
    report.failed++;
    report.problems.push({ index, code, message });
  };

  /** Check one record and build its rows; a string is the reason it cannot be imported. */
  const prepare = (index: number, rec: SyncDossier, owners: ReadonlyMap<string, string>): Prepared | string => {
    const resolved = resolve(rec, tree, deps.catalogue);
    if (typeof resolved === 'string') return resolved;
    const { header, version, submittedAt } = resolved;
    const rules = deps.calendars.rulesFor(header.receivingUnitCode);
    let builder = new HistoryBuilder(header, rules);
    let mode: Prepared['mode'] = 'progress';
    if (!replayProgress(rec, builder, header, unitByName) || disagreement(rec, builder.state) !== null) {
      builder = new HistoryBuilder(header, rules);
      mode = 'milestones';
      const wrong = rebuildMilestones(rec, builder, header, toLocal(submittedAt)) ?? disagreement(rec, builder.state);
      if (wrong !== null) return wrong;
    }
    if (header.channel === 'online') header.applicantId = owners.get(rec.SoGiayToChuHoSo) ?? null;
    const applicant: ApplicantJson = {
      fullName: rec.ChuHoSo,
      personalId: sealOrNull(deps.personalData, rec.SoGiayToChuHoSo),
      address: rec.DiaChiChuHoSo || null,
      phone: rec.SoDienThoai || null,
      email: rec.Email || null,
    };
    const id = randomUUID();
    const documents = documentsOf(rec, id, deps.clock());
    const components = documents.components;
    for (const note of documents.notes) report.notes.push({ index, code: rec.MaHoSo, message: note });
    // Codes of the form {unit}-{YYMMDD}-{n}: the unit's daily sequence moves past n so that intake never reissues it.
    const m = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{1,9})$/.exec(rec.MaHoSo);
    const day = m ? `20${m[2]}-${m[3]}-${m[4]}` : null;
    const sequence = m && day && parseSyncDate(`${day.replace(/-/g, '')}000000`) !== null ? { unit_code: m[1]!, day, last: Number(m[5]) } : null;
    return {
      index,
      rec,
      id,
      mode,
      state: builder.state,
      actions: builder.actions,
      files: documents.files,
      results: importedResults(rec, id, header.unitCode, builder.state),
      sequence,
      row: {
        id,
        code: rec.MaHoSo,
        procedure_code: version.code,
        procedure_version_id: version.id,
        channel: header.channel,
        unit_code: header.unitCode,
        receiving_unit_code: header.receivingUnitCode,
        location_independent: resolved.locationIndependent,
        applicant_id: header.applicantId,
        // The portal's word on VNeID (issue 20), for an online dossier linked to its owner's account.
        eid_level: header.applicantId !== null && rec.TaiKhoanDuocXacThucVoiVNeID === '1' ? 1 : null,
        applicant: JSON.stringify(applicant),
        components: JSON.stringify(components),
        header: JSON.stringify(header),
        submitted_at: submittedAt,
        created_by: input.meta.actor?.userId ?? null,
        ...projection(header, builder.state, rules),
        fee_due: rec.DanhSachLePhi.some((f) => Number(f.Gia) > 0),
      },
      payments: importedPayments({ id, code: rec.MaHoSo, unitCode: header.unitCode, at: submittedAt }, rec),
    };
  };

  /** Write a batch of prepared dossiers in one transaction. */
  const write = async (batch: readonly Prepared[]) => {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('dossiers')
        .values(batch.map((b) => b.row))
        .execute();
      const actions = batch.flatMap((b) => b.actions.map((a) => actionRow(b.id, a)));
      for (let i = 0; i < actions.length; i += 2000)
        await trx
          .insertInto('dossier_actions')
          .values(actions.slice(i, i + 2000))
          .execute();
      const attempts = batch.flatMap((b) => b.payments.attempts);
      if (attempts.length > 0) await trx.insertInto('payment_attempts').values(attempts).execute();
      const fees = batch.flatMap((b) => b.payments.fees);
      for (let i = 0; i < fees.length; i += 2000)
        await trx
          .insertInto('dossier_fees')
          .values(fees.slice(i, i + 2000))
          .execute();
      const files = batch.flatMap((b) => b.files);
      for (let i = 0; i < files.length; i += 2000)
        await trx
          .insertInto('dossier_files')
          .values(files.slice(i, i + 2000))
          .execute();
      const results = batch.flatMap((b) => b.results);
      if (results.length > 0) await trx.insertInto('result_documents').values(results).execute();
      await followDossiers(
        trx,
        batch.map((b) => b.id),
      );
      const sequences = new Map<string, { unit_code: string; day: string; last: number }>();
      for (const b of batch) {
        if (!b.sequence) continue;
        const key = `${b.sequence.unit_code}|${b.sequence.day}`;
        const cur = sequences.get(key);
        if (!cur || cur.last < b.sequence.last) sequences.set(key, b.sequence);
      }
      if (sequences.size > 0) {
        await trx
          .insertInto('dossier_sequences')
          .values([...sequences.values()])
          .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet({ last: sql<number>`greatest(dossier_sequences.last, excluded.last)` }))
          .execute();
      }
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: 'dossier.imported',
        targetType: 'dossier_import',
        targetId: batch[0]!.id,
        details: {
          dossiers: batch.map((b) => ({
            id: b.id,
            code: b.rec.MaHoSo,
            procedureCode: b.row.procedure_code,
            nationalCode: b.row.national_code,
            history: b.mode,
            actions: b.actions.length,
          })),
        },
        at: deps.clock(),
      });
    });
  };

  for (let start = 0; start < input.records.length; start += IMPORT_BATCH) {
    const slice = input.records.slice(start, start + IMPORT_BATCH);
    const parsed: { index: number; rec: SyncDossier }[] = [];
    slice.forEach((raw, i) => {
      const index = start + i + 1;
      const result = SyncDossierSchema.safeParse(raw);
      const rawCode = (raw as { MaHoSo?: unknown } | null)?.MaHoSo;
      if (result.success) parsed.push({ index, rec: result.data });
      else
        problem(
          index,
          typeof rawCode === 'string' ? rawCode : null,
          result.error.issues.map((x) => `${x.path.join('.') || 'bản ghi'}: ${x.message}`).join('; '),
        );
    });
    const codes = [...new Set(parsed.map((p) => p.rec.MaHoSo))];
    const personalIds = [
      ...new Set(parsed.filter((p) => p.rec.KenhThucHien === '2' && /^\d{12}$/.test(p.rec.SoGiayToChuHoSo)).map((p) => p.rec.SoGiayToChuHoSo)),
    ];
    // Accounts hold the ID number sealed: they are found by its keyed hash.
    const byHash = new Map(personalIds.map((p) => [deps.personalData.lookupKey(p), p]));
    const [existingRows, ownerRows] = await Promise.all([
      codes.length === 0 ? [] : deps.db.selectFrom('dossiers').select(['code', 'procedure_code', 'unit_code', 'state']).where('code', 'in', codes).execute(),
      personalIds.length === 0
        ? []
        : deps.db
            .selectFrom('users')
            .select(['id', 'personal_id_hash'])
            .where('personal_id_hash', 'in', [...byHash.keys()])
            .where('role', 'in', ['citizen', 'organization'])
            .execute(),
    ]);
    const existing = new Map(existingRows.map((r) => [r.code, { procedure_code: r.procedure_code, unit_code: r.unit_code, state: r.state as DossierState }]));
    // An owner is linked only when exactly one account holds the personal ID.
    const ownerCount = new Map<string, number>();
    for (const o of ownerRows) ownerCount.set(o.personal_id_hash!, (ownerCount.get(o.personal_id_hash!) ?? 0) + 1);
    const owners = new Map(ownerRows.filter((o) => ownerCount.get(o.personal_id_hash!) === 1).map((o) => [byHash.get(o.personal_id_hash!)!, o.id]));
    const batch: Prepared[] = [];
    for (const { index, rec } of parsed) {
      const stored = existing.get(rec.MaHoSo);
      if (stored) {
        const differs =
          stored.procedure_code !== rec.MaTTHC
            ? `MaTTHC ${stored.procedure_code}`
            : stored.unit_code !== rec.DonViXuLy
              ? `DonViXuLy ${stored.unit_code}`
              : disagreement(rec, stored.state);
        if (differs === null) report.unchanged++;
        else problem(index, rec.MaHoSo, `đã có hồ sơ mã này với dữ liệu khác (${differs}); không ghi đè, lịch sử hồ sơ chỉ được ghi thêm`);
        continue;
      }
      const prepared = prepare(index, rec, owners);
      if (typeof prepared === 'string') {
        problem(index, rec.MaHoSo, prepared);
        continue;
      }
      // The same code twice in one file: the first is imported, the second compared with it.
      existing.set(rec.MaHoSo, { procedure_code: prepared.row.procedure_code, unit_code: prepared.row.unit_code, state: prepared.state });
      batch.push(prepared);
    }
    if (batch.length > 0) {
      try {
        await write(batch);
        report.imported += batch.length;
      } catch (error) {
        if ((error as { code?: string }).code !== '23505') throw error;
        // Another import wrote some of these codes at the same moment: write one by one, reporting the losers.
        for (const b of batch) {
          try {
            await write([b]);
            report.imported++;
          } catch (single) {
            if ((single as { code?: string }).code !== '23505') throw single;
            problem(b.index, b.rec.MaHoSo, 'hồ sơ mã này vừa được ghi bởi một lần nhập khác; chạy lại để kiểm tra');
          }
        }
      }
    }
    input.onProgress?.(Math.min(start + IMPORT_BATCH, input.records.length), input.records.length);
  }
  report.problems.sort((a, b) => a.index - b.index);
  report.notes.sort((a, b) => a.index - b.index);
  return report;
}
