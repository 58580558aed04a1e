/**
 * Histories for imported dossiers (sync-import.ts): replayed from a motcua export's QuaTrinhXuLy, or rebuilt
 * from the record's dates and status, folded as they grow so that the result can be checked against the
 * record. What decide() would compute is computed here, minus the due dates the record gives.
 */
import { computeDue, addWorkingTime } from '../../domain/calendar/working-time.js';
import { extendAppointment, workingMinutesBetween } from '../../domain/calendar/clock.js';
import { evolve, initialState, type DossierHeader, type DossierState } from '../../domain/dossier/fold.js';
import { resultStepIndex } from '../../domain/dossier/decide.js';
import type { ActionEvent, RecordedAction } from '../../domain/dossier/dossier.js';
import type { WorkingRules } from '../calendar/calendar-directory.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { toDate } from './dossier-store.js';
import { CHANNEL_BY_CODE, NO_REASON, UNNAMED_FEE, localOfSync, parseProgressContent, roleOfLabel, supplementsOf, type Supplement } from './sync-format.js';
import type { SyncDossier } from '../../contract/national-sync.js';

/** Appends reconstructed actions and folds as it goes; computes what decide() would record, minus the due dates given. */
export class HistoryBuilder {
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
      counted.dueAtLocal === dueAt
        ? counted.explanation
        : [{ kind: 'due' as const, date: vietnamDate(toDate(dueAt)!), text: 'Ngày hẹn trả theo dữ liệu được nhập (NgayHenTra), không tính lại' }];
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
  decideResult(
    event: { type: 'approve'; note: string | null } | { type: 'reject'; reason: string },
    at: number,
    stepDueAt: number | null,
    role: string,
    unitCode: string | null,
  ): void {
    const next = resultStepIndex(this.header, this.state);
    this.push({ ...event, stepDueAt: next === null ? null : (stepDueAt ?? this.stepDue(next, at)) }, at, role, unitCode);
  }

  apologize(at: number, newAppointmentAt: number, role: string, unitCode: string | null): void {
    const original = this.state.appointmentAt ?? this.state.dueAt ?? at;
    const r = extendAppointment(this.rules.calendar, this.rules.hours, {
      originalDueAtLocal: original,
      newAppointmentAtLocal: newAppointmentAt,
      apologisedAtLocal: at,
      previousExtensions: 0,
    });
    const apologyLate = r.ok ? r.apologyLate : at >= original;
    this.push({ type: 'apologize', reason: NO_REASON, newAppointmentAt, apologyLate }, at, role, unitCode);
  }
}

const resultOf = (rec: SyncDossier) => rec.DanhSachGiayToKetQua.findLast((r) => /^[0-9a-f]{64}$/.test(r.GiayToId));

/** Replays QuaTrinhXuLy; false when a progress object is not motcua's own (unknown content, role or date). */
export function replayProgress(rec: SyncDossier, b: HistoryBuilder, header: DossierHeader, unitByName: Map<string, string>): boolean {
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
        simple({ type: 'requestFee', amount: Number(fee?.Gia || 0), note: fee?.TenPhiLePhi && fee.TenPhiLePhi !== UNNAMED_FEE ? fee.TenPhiLePhi : null });
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
export function rebuildMilestones(rec: SyncDossier, b: HistoryBuilder, header: DossierHeader, submittedAt: number): string | null {
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
