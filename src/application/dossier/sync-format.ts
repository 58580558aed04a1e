/**
 * The national portal's sync format (REFERENCE §9, CONTRACT "Import / export format"): a dossier as a
 * `HoSoDongBoDVC` object with its history as `QuaTrinhXuLy`, a list of `QuaTrinhXuLyDongBoDVC` progress
 * objects (one per recorded action). The portal's wire conventions are kept: every value is a string,
 * '' means none, dates are `yyyyMMddHHmmss` in Vietnam time. Reading is lenient (numbers and booleans
 * for codes and flags, null or a missing field for '', unknown fields ignored); writing is exact.
 *
 * Mapping decisions (also in the report of the import):
 * - MaHoSo is the dossier code, DonViXuLy the competent unit (the code's prefix), NoiNopHoSo the unit that
 *   received it (a desk or centre; online: the competent unit).
 * - NgayHenTra is the legal due date (after clock stops), not an apology's new appointment: an apology does
 *   not turn a late dossier into an on-time one.
 * - NgayKetThucXuLy is when processing ended (result ready, refusal, stop, withdrawal); NgayTuChoi is the
 *   refusal at reception or the refusal to settle (then with status 9/10).
 * - People are never named: NguoiXuLy and ChucDanh carry the role ("Cán bộ một cửa"), PhongBanXuLy the unit.
 * - HinhThuc is how the result was (or, until returned, will be) delivered, coded like KenhThucHien.
 * - Extensions beyond the portal's list: DiaChiChuHoSo, and LoaiBan/SoLuong on each TaiLieuNop item
 *   (LoaiBan: 0 original, 1 copy, 2 electronic, as in the ministries' iGate adapter), KieuTepTin/KichThuocTepTin
 *   (the file's type and size) on items with a file.
 *
 * Flags say what happened, never what was declared (issue 14):
 * - TaiLieuNop: one item per distinct file (by SHA-256) of each component, a component without a file as one
 *   item without a file; files of components the dossier did not declare follow, with SoLuong 0 and no LoaiBan.
 *   TepDinhKemId is the file's SHA-256 (as GiayToId of a result), DuongDanTaiTepTin its link.
 * - DuocSoHoa=1 when a file was attached to the component: uploaded online, taken from a vault, or digitized at
 *   the desk (issue 20: signed with the unit's certificate after the officer stated it matches the paper).
 *   HoSoCoThanhPhanSoHoa=1 when any component has a file.
 * - DuocTaiSuDung=1 when the file was taken from a data vault (issue 20: dossier_files.reused), with the vault
 *   DuocLayTuKhoDMQG=1 when that vault was the national portal's; MaKetQuaThayThe lists the catalogue's result
 *   codes that can stand in for the component.
 *   TaiKhoanDuocXacThucVoiVNeID=1 when the sender's VNeID level was recorded at submission.
 * - Links (DuongDanTaiTepTin, DuongDanTepTinKetQua) go to the authorised download route
 *   PUBLIC_URL/api/v1/dossiers/{id}/files/{fileId}: it needs a session of someone who may see the dossier (the
 *   applicant of an online dossier, or an official); motcua has no public or signed link. An imported file keeps
 *   the link it came with (its bytes are there, not here). A result whose bytes were never attached has no link.
 * - DanhSachLePhi: the dossier's fee lines (issue 18: from the catalogue at intake at the channel's amount, and
 *   those officials added or adjusted; HinhThucThu 1 reception, 2 supplement, 4 delivery; LoaiPhiLePhi 1 phí,
 *   2 lệ phí). A dossier from before fee lines sends the amounts requested (requestFee) or else its schedule.
 * - DuocThanhToanTrucTuyen comes from payments a gateway confirmed only (domain/dossier/online-payment.ts): 1 the
 *   national platform, 2 the province's VNPay; cash and transfers are never online.
 */
import type { z } from 'zod';
import type { Channel, FeeCollectedAt, ProcedureRecord } from '../../domain/catalogue/procedure.js';
import { ACTION_LABELS, CHANNEL_CODES, type ActionType, type RecordedAction } from '../../domain/dossier/dossier.js';
import { evolve, initialState, type DossierHeader, type DossierState } from '../../domain/dossier/fold.js';
import { ROLE_LABELS, type Role } from '../../domain/access/roles.js';
import { onlinePaymentCode, type GatewayConfirmation } from '../../domain/dossier/online-payment.js';
import { HINH_THUC_THU as HINH_THUC_THU_OF_MOMENT } from '../../domain/payment/fees.js';
import type { ExportedFeeLine } from '../payment/payment-records.js';
import type { DossierFileContentType } from '../../infrastructure/db/schema.js';
import { toLocal } from './dossier-store.js';
import type { StatusMapper } from '../../domain/national-sync/status-mapping.js';

// ------------------------------------------------------------------------------------------ dates

import {
  parseSyncDate,
  syncDate,
  syncLocal,
  type SyncDocument,
  type SyncDossier,
  type SyncFeeSchema,
  type SyncProgress,
  type SyncSupplement,
} from '../../contract/national-sync.js';

/** Local minutes (seconds dropped, as actions are recorded) of a sync date; null when empty. */
export function localOfSync(value: string): number | null {
  const d = parseSyncDate(value);
  return d ? toLocal(d) : null;
}

// ------------------------------------------------------------------------------------------ vocabulary

export const CHANNEL_BY_CODE: Record<string, Channel> = { '1': 'counter', '2': 'online', '3': 'postal' };
const FORM_TO_LOAI_BAN: Record<string, '0' | '1' | '2'> = { original: '0', copy: '1', certifiedCopy: '1', electronic: '2' };
export const LOAI_BAN_TO_FORM: Record<string, string> = { '0': 'original', '1': 'copy', '2': 'electronic' };

/** NoiDungXuLy: the action's Vietnamese label; a transfer names the step it goes to ("Chuyển bước: …"). */
export function progressContent(type: ActionType, stepName: string | null): string {
  return type === 'transfer' && stepName ? `${ACTION_LABELS.transfer}: ${stepName}` : ACTION_LABELS[type];
}

const ACTION_BY_LABEL = new Map(Object.entries(ACTION_LABELS).map(([type, label]) => [label as string, type as ActionType]));
export function parseProgressContent(content: string): { type: ActionType; detail: string | null } | null {
  const exact = ACTION_BY_LABEL.get(content);
  if (exact) return { type: exact, detail: null };
  const prefix = `${ACTION_LABELS.transfer}: `;
  return content.startsWith(prefix) ? { type: 'transfer', detail: content.slice(prefix.length) } : null;
}

export const roleLabel = (role: string): string => (role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role || 'Hệ thống');
const ROLE_BY_LABEL = new Map(Object.entries(ROLE_LABELS).map(([role, label]) => [label as string, role]));
export const roleOfLabel = (label: string): string | undefined => ROLE_BY_LABEL.get(label);

export const NO_REASON = 'Nhập từ dữ liệu đồng bộ (không ghi lý do)';

// ------------------------------------------------------------------------------------------ reading records

/** A DanhSachHoSoBoSung entry in local minutes. */
export interface Supplement {
  at: number;
  receivedAt: number | null;
  dueBefore: number | null;
  dueAfter: number | null;
  reason: string;
  items: string[];
}

/** The supplements in request order, split at acceptance: before it, at reception (no clock); after it, during processing. */
export function supplementsOf(rec: SyncDossier, acceptedAt: number | null): { reception: Supplement[]; processing: Supplement[] } | string {
  const all: Supplement[] = [];
  for (const s of rec.DanhSachHoSoBoSung) {
    const at = localOfSync(s.NgayBoSung);
    if (at === null) return `DanhSachHoSoBoSung ${s.HoSoBoSungId || all.length + 1}: cần NgayBoSung`;
    const items = s.DanhSachGiayToBoSung.map((g) => g.TenGiayTo).filter((n) => n !== '');
    all.push({
      at,
      receivedAt: localOfSync(s.NgayTiepNhanBoSung),
      dueBefore: localOfSync(s.NgayHenTraTruoc),
      dueAfter: localOfSync(s.NgayHenTraMoi),
      reason: s.NoiDungBoSung || NO_REASON,
      items,
    });
  }
  all.sort((a, b) => a.at - b.at);
  // A request in the minute of acceptance belongs to reception when it carries no previous due date.
  const atReception = (s: Supplement) => acceptedAt === null || s.at < acceptedAt || (s.at === acceptedAt && s.dueBefore === null);
  return { reception: all.filter(atReception), processing: all.filter((s) => !atReception(s)) };
}

/** Where a folded history (rebuilt, or of the stored dossier) disagrees with the record's status and dates, to the minute; null when it agrees. */
export function disagreement(rec: SyncDossier, state: DossierState): string | null {
  if (String(state.nationalCode) !== rec.TrangThaiHoSo) return `TrangThaiHoSo ${rec.TrangThaiHoSo} khác trạng thái theo lịch sử hồ sơ (${state.nationalCode})`;
  const checks: [string, string, number | null][] = [
    ['NgayTiepNhan', rec.NgayTiepNhan, state.acceptedAt],
    ['NgayHenTra', state.acceptedAt === null ? '' : rec.NgayHenTra, state.dueAt],
    ['NgayKetThucXuLy', rec.NgayKetThucXuLy, state.finishedAt],
    ['NgayTra', rec.NgayTra, state.returnedAt],
  ];
  for (const [field, value, folded] of checks)
    if (value !== '' && localOfSync(value) !== folded) return `${field} ${value} khác ngày theo lịch sử hồ sơ (${syncLocal(folded) || 'không có'})`;
  return null;
}

// ------------------------------------------------------------------------------------------ export mapping

export interface ApplicantJson {
  fullName: string;
  personalId: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}
export interface ComponentJson {
  code: string;
  name: string;
  form: string;
  copies: number;
}

/** A file attached to a dossier, as read for the export. */
export interface FileForSync {
  id: string;
  componentCode: string;
  sha256: string;
  contentType: DossierFileContentType;
  size: number;
  reused: boolean;
  /** Issue 20: taken from the national portal's data vault. */
  fromNationalVault?: boolean;
  /** Imported files: where their bytes are ('' unknown); null for files uploaded here. */
  sourceUrl: string | null;
}

/** One stored dossier, as read for the export. */
export interface DossierForSync {
  id: string;
  code: string;
  procedureCode: string;
  channel: Channel;
  unitCode: string;
  receivingUnitCode: string;
  /** The role of the applicant's account (online dossiers), else null. */
  applicantRole: string | null;
  /** Issue 20: sent from a VNeID-verified account (its level recorded at submission); absent: any applicant account. */
  eidVerified?: boolean;
  /** The personal ID of that account (VNeID): the owner of an online dossier when the applicant data lacks it. */
  applicantPersonalId: string | null;
  applicant: ApplicantJson;
  components: ComponentJson[];
  submittedAt: Date;
  header: DossierHeader;
  history: readonly RecordedAction[];
  /** Its files, in upload order. */
  files: readonly FileForSync[];
  /** Payments a gateway confirmed (application/payment/payment-records.ts). */
  gatewayConfirmations: readonly GatewayConfirmation[];
  /** Its current fee lines (not replaced); empty for a dossier from before them, whose requested amounts or schedule are sent. */
  feeLines: readonly ExportedFeeLine[];
  /** Result documents with their final signature (issue 19); absent for a dossier read from a sync file. */
  signedResults?: readonly SignedResultForSync[];
}

export interface SignedResultForSync {
  title: string;
  /** The signed file's SHA-256 (GiayToId). */
  sha256: string;
  /** The verification code of its QR: the link is the public verification page's file. */
  code: string;
  /** Where the national portal holds an imported result's file; null for results signed here. */
  sourceUrl: string | null;
  resultCode: string | null;
  kind: 'result' | 'annex' | 'certifiedCopy';
}

export interface SyncNames {
  procedure: ProcedureRecord | undefined;
  /** The province's mapping to the portal's status codes and agency ids (issue 21); absent: the built-in codes, unit codes. */
  portal?: PortalMapping;
  fieldName: string | null;
  unitName(code: string | null): string;
  /** PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
}

/** How statuses and units are named on the portal (application/national-sync/portal-mapping.ts). */
export interface PortalMapping {
  status: StatusMapper;
  agency(unitCode: string): string;
}

/** The authorised download route of a dossier's file (it needs a session of someone who may see the dossier). */
export const fileDownloadUrl = (publicUrl: string, dossierId: string, fileId: string) => `${publicUrl}/api/v1/dossiers/${dossierId}/files/${fileId}`;

type SyncFee = z.output<typeof SyncFeeSchema>;
/** TenPhiLePhi of an amount requested without a note. */
export const UNNAMED_FEE = 'Phí, lệ phí';
const HINH_THUC_THU: Record<FeeCollectedAt, string> = HINH_THUC_THU_OF_MOMENT;
/** LoaiPhiLePhi by the fee's name: 2 lệ phí (a charge), 1 phí (a fee); '' when the name says neither. */
export const feeKind = (name: string): string => (/^\s*lệ phí/iu.test(name) ? '2' : /^\s*phí/iu.test(name) ? '1' : '');

/** A stored fee line as the portal's DanhSachLePhi item (HinhThucThu 1 reception, 2 supplement, 4 delivery; LoaiPhiLePhi 1 phí, 2 lệ phí). */
function syncFeeLine(l: ExportedFeeLine): SyncFee {
  return {
    TenPhiLePhi: l.name,
    MaPhiLePhi: '',
    HinhThucThu: HINH_THUC_THU_OF_MOMENT[l.moment],
    Gia: String(l.amount),
    LoaiPhiLePhi: l.kind === 'fee' ? '1' : '2',
  };
}

/** The procedure's fee schedule as fee lines. */
export function scheduleFees(procedure: ProcedureRecord | undefined): SyncFee[] {
  return (procedure?.fees ?? []).map((f) => ({
    TenPhiLePhi: f.name,
    MaPhiLePhi: '',
    HinhThucThu: HINH_THUC_THU[f.collectedAt],
    Gia: String(f.amount),
    LoaiPhiLePhi: feeKind(f.name),
  }));
}

/** Whole codes, comma-separated, as many as fit in `max` characters (the field's length): none is cut. */
function fitCodes(codes: readonly string[], max: number): string {
  let out = '';
  for (const c of codes) {
    const next = out === '' ? c : `${out},${c}`;
    if (next.length > max) break;
    out = next;
  }
  return out;
}

/** The TaiLieuNop items: each component's distinct files (by SHA-256), then files of undeclared components. */
function documentsOf(d: DossierForSync, names: SyncNames): { items: SyncDocument[]; links: Map<string, string> } {
  const links = new Map<string, string>();
  const byComponent = new Map<string, { file: FileForSync; reused: boolean }[]>();
  for (const f of d.files) {
    if (!links.has(f.sha256)) links.set(f.sha256, f.sourceUrl ?? fileDownloadUrl(names.publicUrl, d.id, f.id));
    const list = byComponent.get(f.componentCode) ?? [];
    const same = list.find((x) => x.file.sha256 === f.sha256);
    if (same) same.reused ||= f.reused;
    else list.push({ file: f, reused: f.reused });
    byComponent.set(f.componentCode, list);
  }
  const item = (code: string, name: string, form: string | null, copies: string, x: { file: FileForSync; reused: boolean } | null): SyncDocument => ({
    TepDinhKemId: x?.file.sha256 ?? '',
    TenTepDinhKem: name,
    IsDeleted: '0',
    MaThanhPhanHoSo: code,
    DuongDanTaiTepTin: x ? (x.file.sourceUrl ?? fileDownloadUrl(names.publicUrl, d.id, x.file.id)) : '',
    DuocSoHoa: x ? '1' : '0',
    DuocTaiSuDung: x?.reused ? '1' : '0',
    DuocLayTuKhoDMQG: x?.file.fromNationalVault ? '1' : '0',
    // The catalogue's result codes that can stand in for the component (issue 20).
    MaKetQuaThayThe: fitCodes(names.procedure?.components.find((c) => c.code === code)?.replaceableBy ?? [], 60),
    LoaiBan: form === null ? '' : (FORM_TO_LOAI_BAN[form] ?? '0'),
    SoLuong: copies,
    KieuTepTin: x?.file.contentType ?? '',
    KichThuocTepTin: x ? String(x.file.size) : '',
  });
  const bySha = (a: { file: FileForSync }, b: { file: FileForSync }) => (a.file.sha256 < b.file.sha256 ? -1 : a.file.sha256 > b.file.sha256 ? 1 : 0);
  const items: SyncDocument[] = [];
  const declared = new Set<string>();
  for (const c of d.components) {
    declared.add(c.code);
    const files = [...(byComponent.get(c.code) ?? [])].sort(bySha);
    if (files.length === 0) items.push(item(c.code, c.name, c.form, String(c.copies), null));
    for (const x of files) items.push(item(c.code, c.name, c.form, String(c.copies), x));
  }
  for (const [code, files] of byComponent) {
    if (declared.has(code)) continue;
    const name = names.procedure?.components.find((c) => c.code === code)?.name ?? code;
    for (const x of [...files].sort(bySha)) items.push(item(code, name, null, '0', x));
  }
  return { items, links };
}

const REASON_TYPES: ReadonlySet<ActionType> = new Set(['refuse', 'reject', 'withdraw', 'stop']);

/** A stored dossier as `HoSoDongBoDVC`, its history folded once to know the state after every action. */
export function toSyncRecord(d: DossierForSync, names: SyncNames): SyncDossier {
  let state = initialState();
  const progress: SyncProgress[] = [];
  const supplements: SyncSupplement[] = [];
  const requested: SyncFee[] = [];
  let open: SyncSupplement | null = null;
  let returnMethod: Channel | null = null;
  let refusedAt: number | null = null;
  let note = '';
  for (const a of d.history) {
    const before = state;
    state = evolve(d.header, state, a);
    let limit: number | null = null;
    let start: number | null = null;
    if (a.type === 'accept' || a.type === 'transfer') {
      limit = a.stepDueAt;
      start = a.at;
    } else if ((a.type === 'approve' || a.type === 'reject') && a.stepDueAt !== null) {
      limit = a.stepDueAt;
      start = a.at;
    } else if (a.type === 'receiveSupplement') limit = a.stepDueAt;
    else if (a.type === 'apologize') limit = a.newAppointmentAt;
    else if (a.type === 'recomputeDue') limit = a.dueAt;
    if (a.type === 'requestSupplement' || a.type === 'requestSupplementAtReception') {
      open = {
        HoSoBoSungId: String(supplements.length + 1),
        NguoiYeuCauBoSung: roleLabel(a.actor.role),
        NoiDungBoSung: a.reason,
        NgayBoSung: syncLocal(a.at),
        NguoiTiepNhanBoSung: '',
        ThongTinTiepNhan: '',
        NgayTiepNhanBoSung: '',
        TrangThaiBoSung: '0',
        DanhSachGiayToBoSung: a.items.map((TenGiayTo) => ({ TenGiayTo })),
        DanhSachLePhiBoSung: [],
        NgayHenTraTruoc: a.type === 'requestSupplement' ? syncLocal(before.dueAt) : '',
        NgayHenTraMoi: '',
      };
      supplements.push(open);
    }
    if ((a.type === 'receiveSupplement' || a.type === 'resubmit') && open) {
      open.NguoiTiepNhanBoSung = roleLabel(a.actor.role);
      open.NgayTiepNhanBoSung = syncLocal(a.at);
      open.TrangThaiBoSung = '1';
      open.NgayHenTraMoi = a.type === 'receiveSupplement' ? syncLocal(a.dueAt) : '';
      open = null;
    }
    if (a.type === 'requestFee')
      requested.push({
        TenPhiLePhi: a.note ?? UNNAMED_FEE,
        MaPhiLePhi: '',
        HinhThucThu: '',
        Gia: String(a.amount),
        LoaiPhiLePhi: a.note ? feeKind(a.note) : '',
      });
    if (a.type === 'returnResult') returnMethod = a.method;
    if (a.type === 'refuse' || a.type === 'reject') refusedAt = a.at;
    if (REASON_TYPES.has(a.type)) note = (a as { reason: string }).reason;
    const step = a.type === 'transfer' ? d.header.steps[a.toStep] : undefined;
    progress.push({
      MaHoSo: d.code,
      NguoiXuLy: roleLabel(a.actor.role).slice(0, 50),
      ChucDanh: roleLabel(a.actor.role),
      ThoiDiemXuLy: syncLocal(a.at),
      PhongBanXuLy: a.actor.unitCode ? names.unitName(a.actor.unitCode) : '',
      NoiDungXuLy: progressContent(a.type, step?.name ?? null),
      TrangThai: (names.portal ? names.portal.status(state.status, a.type) : String(state.nationalCode)) as SyncProgress['TrangThai'],
      NgayBatDau: syncLocal(start),
      NgayKetThucTheoQuyDinh: syncLocal(limit),
    });
  }
  const p = names.procedure;
  const personalId = d.applicant.personalId ?? d.applicantPersonalId ?? '';
  const documents = documentsOf(d, names);
  return {
    MaHoSo: d.code,
    MaTTHC: d.procedureCode,
    TenTTHC: p?.name ?? '',
    MaLinhVuc: p?.fieldCode ?? '',
    TenLinhVuc: names.fieldName ?? '',
    KenhThucHien: String(CHANNEL_CODES[d.channel]) as SyncDossier['KenhThucHien'],
    ChuHoSo: d.applicant.fullName,
    SoGiayToChuHoSo: personalId,
    LoaiDoiTuong: d.applicantRole === 'organization' ? '4' : '1',
    DiaChiChuHoSo: d.applicant.address ?? '',
    Email: d.applicant.email ?? '',
    SoDienThoai: d.applicant.phone ?? '',
    TrichYeuHoSo: (p?.name ?? d.procedureCode).slice(0, 1000),
    NgayNopHoSo: syncDate(d.submittedAt),
    NgayTiepNhan: syncLocal(state.acceptedAt),
    NgayHenTra: syncLocal(state.dueAt),
    NgayKetThucXuLy: syncLocal(state.finishedAt),
    NgayTra: syncLocal(state.returnedAt),
    NgayTuChoi: syncLocal(refusedAt),
    TrangThaiHoSo: (names.portal
      ? names.portal.status(state.status, d.history.at(-1)?.type ?? null)
      : String(state.nationalCode)) as SyncDossier['TrangThaiHoSo'],
    HinhThuc: String(CHANNEL_CODES[returnMethod ?? d.channel]),
    DonViXuLy: names.portal ? names.portal.agency(d.unitCode) : d.unitCode,
    NoiNopHoSo: names.portal ? names.portal.agency(d.receivingUnitCode) : d.receivingUnitCode,
    GhiChu: note,
    HoSoCoThanhPhanSoHoa: d.files.length > 0 ? '1' : '0',
    TaiKhoanDuocXacThucVoiVNeID: (d.eidVerified ?? d.applicantRole !== null) ? '1' : '0',
    DuocThanhToanTrucTuyen: onlinePaymentCode(d.gatewayConfirmations),
    DinhDanhCHS: /^\d{12}$/.test(personalId) ? [{ LoaiDinhDanh: '1', SoDinhDanh: personalId }] : [],
    TaiLieuNop: documents.items,
    DanhSachLePhi: d.feeLines.length > 0 ? d.feeLines.map(syncFeeLine) : requested.length > 0 ? requested : scheduleFees(p),
    DanhSachHoSoBoSung: supplements,
    DanhSachGiayToKetQua:
      d.signedResults && d.signedResults.length > 0
        ? d.signedResults.map((r) => ({
            TenGiayTo: r.title,
            MaThanhPhanHoSo: '',
            GiayToId: r.sha256,
            DuongDanTepTinKetQua: r.sourceUrl ?? `${names.publicUrl}/api/v1/verify/${r.code}/file`,
            MaGiayToKetQua: r.resultCode ?? (r.kind === 'result' ? (p?.results[0]?.code ?? '') : ''),
          }))
        : state.resultFile
          ? [
              {
                TenGiayTo: state.resultFile.name,
                MaThanhPhanHoSo: '',
                GiayToId: state.resultFile.sha256,
                DuongDanTepTinKetQua: documents.links.get(state.resultFile.sha256) ?? '',
                MaGiayToKetQua: p?.results[0]?.code ?? '',
              },
            ]
          : [],
    QuaTrinhXuLy: progress,
  };
}
