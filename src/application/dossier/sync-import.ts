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
 * Due dates are the stored ones (NgayHenTra, NgayHenTraTruoc/Moi), never recomputed; step deadlines the
 * format does not carry are counted from the procedure's step budgets. The history is folded and must give
 * back the record's status and dates, or the record is refused. Imported actions have no user (userId null).
 * One audit record (`dossier.imported`) per imported dossier, in the dossier's transaction.
 */
import { sql } from 'kysely';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { scopeRootOf } from '../../domain/access/policy.js';
import { computeDue, addWorkingTime } from '../../domain/calendar/working-time.js';
import { extendAppointment, workingMinutesBetween } from '../../domain/calendar/clock.js';
import { evolve, initialState, type DossierHeader, type DossierState } from '../../domain/dossier/fold.js';
import { resultStepIndex } from '../../domain/dossier/decide.js';
import { buildHeader } from './create-dossier.js';
import { followDossiers } from '../scorecard/statistics.js';
import type { ActionEvent, RecordedAction } from '../../domain/dossier/dossier.js';
import type { UnitTree } from '../../domain/units/unit.js';
import type { CatalogueDirectory, CatalogueVersion } from '../catalogue/catalogue-directory.js';
import type { CalendarDirectory, WorkingRules } from '../calendar/calendar-directory.js';
import { vietnamDate } from '../vietnam-time.js';
import { appendAction, projection, toDate, toLocal } from './dossier-store.js';
import {
  CHANNEL_BY_CODE,
  NO_REASON,
  LOAI_BAN_TO_FORM,
  SyncDossierSchema,
  disagreement,
  localOfSync,
  parseProgressContent,
  parseSyncDate,
  roleOfLabel,
  supplementsOf,
  type ApplicantJson,
  type ComponentJson,
  type Supplement,
  type SyncDossier,
} from './sync-format.js';

type Deps = AppDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory };

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
  const locationIndependent = version.record.locationIndependent && !tree.isWithin(unitCode, scopeRootOf(receivingUnitCode, tree));
  return { version, header, submittedAt, locationIndependent };
}

/** Appends reconstructed actions and folds as it goes; computes what decide() would record, minus the due dates given. */
class HistoryBuilder {
  actions: RecordedAction[] = [];
  state: DossierState = initialState();
  constructor(
    private readonly header: DossierHeader,
    private readonly rules: WorkingRules,
  ) {}

  push(event: ActionEvent, at: number, role: string, unitCode: string | null): void {
    const action = { ...event, seq: this.actions.length + 1, at, actor: { userId: null, role, unitCode } } as RecordedAction;
    this.state = evolve(this.header, this.state, action);
    this.actions.push(action);
  }

  /** As decide.ts: a step's budget in whole working hours from when it is received, no cut-off. */
  private stepDue(index: number, at: number): number {
    const hours = Math.ceil((this.header.steps[index]?.budgetMinutes ?? 0) / 60);
    return computeDue(this.rules.calendar, { ...this.rules.hours, cutoffMinute: null }, at, hours, 'working_hours', { explain: false }).dueAtLocal;
  }

  accept(at: number, dueAt: number, stepDueAt: number | null, role: string, unitCode: string | null): void {
    // The stored due date is kept; the explanation is today's counting only when it reaches the same date.
    const counted = computeDue(this.rules.calendar, this.rules.hours, at, this.header.timeLimit.amount, this.header.timeLimit.unit);
    const explanation =
      counted.dueAtLocal === dueAt ? counted.explanation : [{ kind: 'due' as const, date: vietnamDate(toDate(dueAt)!), text: 'Ngày hẹn trả theo dữ liệu được nhập (NgayHenTra), không tính lại' }];
    this.push({ type: 'accept', dueAt, explanation, stepDueAt: stepDueAt ?? this.stepDue(0, at) }, at, role, unitCode);
  }

  transfer(toStep: number, at: number, stepDueAt: number | null, role: string, unitCode: string | null): void {
    this.push({ type: 'transfer', toStep, note: null, stepDueAt: stepDueAt ?? this.stepDue(toStep, at) }, at, role, unitCode);
  }

  receiveSupplement(at: number, dueAt: number | null, stepDueAt: number | null, role: string, unitCode: string | null): void {
    const { calendar, hours } = this.rules;
    const s = this.state;
    const pausedMinutes = workingMinutesBetween(calendar, hours, s.pausedSince ?? at, at);
    const visit = s.visits.at(-1);
    const stepDue = stepDueAt ?? (visit && visit.handedOverAt === null ? addWorkingTime(calendar, hours, visit.dueAt, pausedMinutes) : null);
    const due = dueAt ?? (s.dueAt === null ? at : addWorkingTime(calendar, hours, s.dueAt, pausedMinutes));
    this.push({ type: 'receiveSupplement', pausedMinutes, dueAt: due, stepDueAt: stepDue }, at, role, unitCode);
  }

  /** Approval or rejection; the result enters the final desk step, if the template has one, as decide.ts does. */
  decideResult(event: { type: 'approve'; note: string | null } | { type: 'reject'; reason: string }, at: number, stepDueAt: number | null, role: string, unitCode: string | null): void {
    const next = resultStepIndex(this.header, this.state);
    this.push({ ...event, stepDueAt: next === null ? null : (stepDueAt ?? this.stepDue(next, at)) }, at, role, unitCode);
  }

  apologize(at: number, newAppointmentAt: number, role: string, unitCode: string | null): void {
    const original = this.state.appointmentAt ?? this.state.dueAt ?? at;
    const r = extendAppointment(this.rules.calendar, this.rules.hours, { originalDueAtLocal: original, newAppointmentAtLocal: newAppointmentAt, apologisedAtLocal: at, previousExtensions: 0 });
    const apologyLate = r.ok ? r.apologyLate : at >= original;
    this.push({ type: 'apologize', reason: NO_REASON, newAppointmentAt, apologyLate }, at, role, unitCode);
  }
}

const resultOf = (rec: SyncDossier) => rec.DanhSachGiayToKetQua.findLast((r) => /^[0-9a-f]{64}$/.test(r.GiayToId));

/** Replays QuaTrinhXuLy; false when a progress object is not motcua's own (unknown content, role or date). */
function replayProgress(rec: SyncDossier, b: HistoryBuilder, header: DossierHeader, unitByName: Map<string, string>): boolean {
  if (rec.QuaTrinhXuLy.length === 0) return false;
  const s = supplementsOf(rec, localOfSync(rec.NgayTiepNhan));
  if (typeof s === 'string') return false;
  const fees = [...rec.DanhSachLePhi];
  const reason = rec.GhiChu || NO_REASON;
  let current: Supplement | undefined;
  for (const p of rec.QuaTrinhXuLy) {
    const content = parseProgressContent(p.NoiDungXuLy);
    const at = localOfSync(p.ThoiDiemXuLy);
    const role = roleOfLabel(p.NguoiXuLy);
    if (!content || at === null || !role) return false;
    const unit = unitByName.get(p.PhongBanXuLy) ?? null;
    const limit = localOfSync(p.NgayKetThucTheoQuyDinh);
    const simple = (event: ActionEvent) => b.push(event, at, role, unit);
    switch (content.type) {
      case 'accept': {
        const due = s.processing[0]?.dueBefore ?? localOfSync(rec.NgayHenTra);
        if (due === null) return false;
        b.accept(at, due, limit, role, unit);
        break;
      }
      case 'transfer': {
        const named = content.detail === null ? -1 : header.steps.findIndex((st) => st.name === content.detail);
        const to = named >= 0 ? named : (b.state.stepIndex ?? -1) + 1;
        if (to >= header.steps.length) return false;
        b.transfer(to, at, limit, role, unit);
        break;
      }
      case 'requestSupplementAtReception':
      case 'requestSupplement': {
        current = (content.type === 'requestSupplement' ? s.processing : s.reception).shift();
        simple({ type: content.type, reason: current?.reason ?? NO_REASON, items: current?.items ?? [] });
        break;
      }
      case 'receiveSupplement':
        b.receiveSupplement(at, current?.dueAfter ?? null, limit, role, unit);
        break;
      case 'requestFee': {
        const fee = fees.shift();
        simple({ type: 'requestFee', amount: Number(fee?.Gia || 0), note: fee?.TenPhiLePhi || null });
        break;
      }
      case 'issueResult': {
        const result = resultOf(rec);
        if (!result) return false;
        simple({ type: 'issueResult', fileSha256: result.GiayToId, fileName: result.TenGiayTo || 'Kết quả' });
        break;
      }
      case 'apologize':
        if (limit === null) return false;
        b.apologize(at, limit, role, unit);
        break;
      case 'recomputeDue':
        if (limit === null) return false;
        simple({ type: 'recomputeDue', reason: NO_REASON, dueAt: limit, explanation: [] });
        break;
      case 'returnResult':
        simple({ type: 'returnResult', method: CHANNEL_BY_CODE[rec.HinhThuc] ?? header.channel });
        break;
      case 'approve':
        b.decideResult({ type: 'approve', note: null }, at, limit, role, unit);
        break;
      case 'reject':
        b.decideResult({ type: 'reject', reason }, at, limit, role, unit);
        break;
      case 'refuse':
      case 'withdraw':
      case 'stop':
        simple({ type: content.type, reason });
        break;
      case 'resubmit':
      case 'claim':
      case 'payFee':
        simple({ type: content.type });
        break;
      default: {
        const never: never = content.type;
        return never;
      }
    }
  }
  return true;
}

/** Rebuilds the milestones from the dates and status; a message when the record lacks a date it needs. */
function rebuildMilestones(rec: SyncDossier, b: HistoryBuilder, header: DossierHeader, submittedAt: number): string | null {
  const status = Number(rec.TrangThaiHoSo);
  const [acc, fin, ret, ref, due] = [rec.NgayTiepNhan, rec.NgayKetThucXuLy, rec.NgayTra, rec.NgayTuChoi, rec.NgayHenTra].map(localOfSync);
  const s = supplementsOf(rec, acc ?? null);
  if (typeof s === 'string') return s;
  const desk = header.receivingUnitCode;
  const competent = header.unitCode;
  const reason = rec.GhiChu || NO_REASON;
  const statusAt = (code: string) => localOfSync(rec.QuaTrinhXuLy.findLast((p) => p.TrangThai === code)?.ThoiDiemXuLy ?? '');
  const latest = () => b.actions.at(-1)?.at ?? acc ?? submittedAt;
  for (const r of s.reception) {
    b.push({ type: 'requestSupplementAtReception', reason: r.reason, items: r.items }, r.at, 'desk_officer', desk);
    if (r.receivedAt !== null) b.push({ type: 'resubmit' }, r.receivedAt, 'desk_officer', desk);
  }
  if (status === 1 || (status === 5 && acc == null)) return null;
  if (status === 3) {
    const at = ref ?? fin;
    if (at == null) return 'trạng thái 3 (không được tiếp nhận) cần NgayTuChoi';
    b.push({ type: 'refuse', reason }, at, 'desk_officer', desk);
    return null;
  }
  if (acc == null) {
    if (status !== 7) return `trạng thái ${status} cần NgayTiepNhan`;
    b.push({ type: 'withdraw', reason }, fin ?? statusAt('7') ?? latest(), 'desk_officer', desk);
    return null;
  }
  const firstDue = s.processing[0]?.dueBefore ?? due;
  if (firstDue == null) return 'hồ sơ đã tiếp nhận cần NgayHenTra';
  b.accept(acc, firstDue, null, 'desk_officer', desk);
  if (status !== 2 && header.steps[0]?.role === 'desk_officer' && header.steps.length > 1) b.transfer(1, acc, null, 'desk_officer', desk);
  for (const r of s.processing) {
    b.push({ type: 'requestSupplement', reason: r.reason, items: r.items }, r.at, 'specialist', competent);
    if (r.receivedAt !== null) b.receiveSupplement(r.receivedAt, r.dueAfter, null, 'desk_officer', desk);
  }
  switch (status) {
    case 2:
    case 4:
    case 5:
      return null;
    case 6: {
      const amount = rec.DanhSachLePhi.reduce((sum, f) => sum + Number(f.Gia || 0), 0);
      b.push({ type: 'requestFee', amount, note: rec.DanhSachLePhi[0]?.TenPhiLePhi || null }, statusAt('6') ?? latest(), 'specialist', competent);
      return null;
    }
    case 7:
      b.push({ type: 'withdraw', reason }, fin ?? statusAt('7') ?? latest(), 'desk_officer', desk);
      return null;
    case 8:
      if (fin == null) return 'trạng thái 8 (dừng xử lý) cần NgayKetThucXuLy';
      b.push({ type: 'stop', reason }, fin, 'leader', competent);
      return null;
    default: {
      if (fin == null) return `trạng thái ${status} cần NgayKetThucXuLy`;
      b.decideResult(ref != null ? { type: 'reject', reason } : { type: 'approve', note: null }, fin, null, 'leader', competent);
      const result = ref == null ? resultOf(rec) : undefined;
      if (result) b.push({ type: 'issueResult', fileSha256: result.GiayToId, fileName: result.TenGiayTo || 'Kết quả' }, fin, 'leader', competent);
      if (status === 10) {
        if (ret == null) return 'trạng thái 10 (đã trả kết quả) cần NgayTra';
        b.push({ type: 'returnResult', method: CHANNEL_BY_CODE[rec.HinhThuc] ?? header.channel }, ret, 'desk_officer', desk);
      }
      return null;
    }
  }
}

export async function importDossiers(
  deps: Deps,
  input: { records: readonly unknown[]; meta: RequestMeta; onProgress?: (done: number, total: number) => void },
): Promise<SyncImportReport> {
  const tree = deps.units.tree();
  const unitByName = new Map<string, string>();
  for (const u of tree.all()) if (!unitByName.has(u.name)) unitByName.set(u.name, u.code);
  const report: SyncImportReport = { total: input.records.length, imported: 0, unchanged: 0, failed: 0, problems: [] };
  const problem = (index: number, code: string | null, message: string) => {
    report.failed++;
    report.problems.push({ index, code, message });
  };
  for (const [i, raw] of input.records.entries()) {
    const index = i + 1;
    try {
      const parsed = SyncDossierSchema.safeParse(raw);
      const rawCode = (raw as { MaHoSo?: unknown } | null)?.MaHoSo;
      if (!parsed.success) {
        problem(index, typeof rawCode === 'string' ? rawCode : null, parsed.error.issues.map((x) => `${x.path.join('.') || 'bản ghi'}: ${x.message}`).join('; '));
        continue;
      }
      const rec = parsed.data;
      const resolved = resolve(rec, tree, deps.catalogue);
      if (typeof resolved === 'string') {
        problem(index, rec.MaHoSo, resolved);
        continue;
      }
      const existing = await deps.db.selectFrom('dossiers').select(['procedure_code', 'unit_code', 'state']).where('code', '=', rec.MaHoSo).executeTakeFirst();
      if (existing) {
        const differs =
          existing.procedure_code !== rec.MaTTHC ? `MaTTHC ${existing.procedure_code}` : existing.unit_code !== rec.DonViXuLy ? `DonViXuLy ${existing.unit_code}` : disagreement(rec, existing.state as DossierState);
        if (differs === null) report.unchanged++;
        else problem(index, rec.MaHoSo, `đã có hồ sơ mã này với dữ liệu khác (${differs}); không ghi đè, lịch sử hồ sơ chỉ được ghi thêm`);
        continue;
      }
      const { header, version, submittedAt } = resolved;
      const rules = deps.calendars.rulesFor(header.receivingUnitCode);
      let builder = new HistoryBuilder(header, rules);
      let mode = 'progress';
      if (!replayProgress(rec, builder, header, unitByName) || disagreement(rec, builder.state) !== null) {
        builder = new HistoryBuilder(header, rules);
        mode = 'milestones';
        const missing = rebuildMilestones(rec, builder, header, toLocal(submittedAt));
        const wrong = missing ?? disagreement(rec, builder.state);
        if (wrong !== null) {
          problem(index, rec.MaHoSo, wrong);
          continue;
        }
      }
      if (header.channel === 'online' && /^\d{12}$/.test(rec.SoGiayToChuHoSo)) {
        const owners = await deps.db.selectFrom('users').select('id').where('personal_id', '=', rec.SoGiayToChuHoSo).where('role', 'in', ['citizen', 'organization']).limit(2).execute();
        if (owners.length === 1) header.applicantId = owners[0]!.id;
      }
      const applicant: ApplicantJson = { fullName: rec.ChuHoSo, personalId: rec.SoGiayToChuHoSo || null, address: rec.DiaChiChuHoSo || null, phone: rec.SoDienThoai || null, email: rec.Email || null };
      const components: ComponentJson[] = rec.TaiLieuNop.filter((t) => t.IsDeleted !== '1').map((t) => ({
        code: t.MaThanhPhanHoSo,
        name: t.TenTepDinhKem,
        form: LOAI_BAN_TO_FORM[t.LoaiBan] ?? (t.DuocSoHoa === '1' ? 'electronic' : 'original'),
        copies: t.SoLuong === '' ? 1 : Number(t.SoLuong),
      }));
      const state = builder.state;
      const actions = builder.actions;
      await deps.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('dossiers')
          .values({
            code: rec.MaHoSo,
            procedure_code: version.code,
            procedure_version_id: version.id,
            channel: header.channel,
            unit_code: header.unitCode,
            receiving_unit_code: header.receivingUnitCode,
            location_independent: resolved.locationIndependent,
            applicant_id: header.applicantId,
            applicant: JSON.stringify(applicant),
            components: JSON.stringify(components),
            header: JSON.stringify(header),
            submitted_at: submittedAt,
            created_by: input.meta.actor?.userId ?? null,
            ...projection(header, state),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const action of actions) await appendAction(trx, row.id, action);
        await followDossiers(trx, [row.id]);
        // Codes of the form {unit}-{YYMMDD}-{n}: the unit's daily sequence moves past n so that intake never reissues it.
        const m = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{1,9})$/.exec(rec.MaHoSo);
        const day = m ? `20${m[2]}-${m[3]}-${m[4]}` : null;
        if (m && day && parseSyncDate(`${day.replace(/-/g, '')}000000`) !== null) {
          await trx
            .insertInto('dossier_sequences')
            .values({ unit_code: m[1]!, day, last: Number(m[5]) })
            .onConflict((oc) => oc.columns(['unit_code', 'day']).doUpdateSet({ last: sql<number>`greatest(dossier_sequences.last, excluded.last)` }))
            .execute();
        }
        await appendAudit(trx, {
          ...auditActor(input.meta),
          action: 'dossier.imported',
          targetType: 'dossier',
          targetId: row.id,
          details: { code: rec.MaHoSo, procedureCode: version.code, nationalCode: state.nationalCode, history: mode, actions: actions.length },
          at: deps.clock(),
        });
      });
      report.imported++;
    } catch (error) {
      // Another import inserting the same code at once: the loser reports it, and a rerun finds it stored.
      if ((error as { code?: string }).code !== '23505') throw error;
      problem(index, (raw as { MaHoSo?: string }).MaHoSo ?? null, 'hồ sơ mã này vừa được ghi bởi một lần nhập khác; chạy lại để kiểm tra');
    } finally {
      input.onProgress?.(index, input.records.length);
    }
  }
  return report;
}
