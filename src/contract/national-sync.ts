/**
 * The national portal's sync format on the wire (REFERENCE §9): `HoSoDongBoDVC` with its `QuaTrinhXuLy`, as the
 * import reads it (leniently: numbers, booleans and null become the portal's strings) and the export writes it.
 * The mapping to and from motcua's dossiers is the use cases' (src/application/dossier/sync-format.ts).
 */
import { z } from 'zod';
import { text } from './text.js';
import { utcMsFromLocalMinutes } from '../domain/calendar/working-time.js';
import { VIETNAM_OFFSET_MS, vietnamFields } from '../domain/calendar/vietnam-time.js';

// ------------------------------------------------------------------------------------------ dates

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyyMMddHHmmss` in Vietnam time; '' for none. */
export function syncDate(instant: Date | null): string {
  if (!instant) return '';
  const d = vietnamFields(instant);
  return `${d.year}${pad(d.month)}${pad(d.day)}${pad(d.hours)}${pad(d.minutes)}${pad(d.seconds)}`;
}

/** A local-minutes instant (as actions record them) in the sync format. */
export const syncLocal = (local: number | null): string => (local === null ? '' : syncDate(new Date(utcMsFromLocalMinutes(local))));

/** The instant of a `yyyyMMddHHmmss` Vietnam-time string; null when empty or not a real date. */
export function parseSyncDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59 || s! > 59) return null;
  return new Date(ms - VIETNAM_OFFSET_MS);
}

// ------------------------------------------------------------------------------------------ schema

/** The portal sends strings; other systems numbers, booleans or null. All become the portal's string. */
const toWire = (v: unknown): unknown => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? '1' : '0') : v);
const str = (max: number) => z.preprocess(toWire, text(max));
const list = <T extends z.ZodType>(item: T, max: number) => z.preprocess((v) => v ?? [], z.array(item).max(max));
const date = z.preprocess(
  toWire,
  z.string().refine((s) => s === '' || parseSyncDate(s) !== null, 'ngày giờ phải có dạng yyyyMMddHHmmss (giờ Việt Nam)'),
);
const flag = z.preprocess(toWire, z.string().regex(/^\d?$/, 'cờ phải là "0" hoặc "1"'));

export const NATIONAL_STATUS_VALUES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
const status = z.preprocess(toWire, z.enum(NATIONAL_STATUS_VALUES));

export const SyncDocumentSchema = z.object({
  TepDinhKemId: str(200),
  TenTepDinhKem: str(2000),
  IsDeleted: flag,
  MaThanhPhanHoSo: str(60),
  DuongDanTaiTepTin: str(2000),
  DuocSoHoa: flag,
  DuocTaiSuDung: flag,
  DuocLayTuKhoDMQG: flag,
  MaKetQuaThayThe: str(60),
  LoaiBan: z.preprocess(toWire, z.enum(['', '0', '1', '2'])),
  SoLuong: z.preprocess(toWire, z.string().regex(/^\d{0,3}$/, 'số bản là số nguyên')),
  KieuTepTin: z.preprocess(toWire, z.enum(['', 'application/pdf', 'image/png', 'image/jpeg'])),
  KichThuocTepTin: z.preprocess(toWire, z.string().regex(/^\d{0,9}$/, 'kích thước tệp là số byte')),
});

export const SyncFeeSchema = z.object({
  TenPhiLePhi: str(500),
  MaPhiLePhi: str(60),
  HinhThucThu: str(20),
  Gia: z.preprocess(toWire, z.string().regex(/^\d{0,12}$/, 'giá là số đồng')),
  LoaiPhiLePhi: str(20),
});

export const SyncSupplementSchema = z.object({
  HoSoBoSungId: str(60),
  NguoiYeuCauBoSung: str(200),
  NoiDungBoSung: str(2000),
  /** When the supplement was requested. */
  NgayBoSung: date,
  NguoiTiepNhanBoSung: str(200),
  ThongTinTiepNhan: str(2000),
  NgayTiepNhanBoSung: date,
  /** '1' received, '0' still waiting. */
  TrangThaiBoSung: flag,
  DanhSachGiayToBoSung: list(z.object({ TenGiayTo: str(500) }), 50),
  DanhSachLePhiBoSung: list(SyncFeeSchema, 20),
  /** The due date before the request ('' at reception: no clock runs yet). */
  NgayHenTraTruoc: date,
  /** The due date after the supplement was received. */
  NgayHenTraMoi: date,
});

export const SyncResultSchema = z.object({
  TenGiayTo: str(500),
  MaThanhPhanHoSo: str(60),
  GiayToId: str(200),
  DuongDanTepTinKetQua: str(2000),
  MaGiayToKetQua: str(60),
});

export const SyncProgressSchema = z.object({
  MaHoSo: str(60),
  NguoiXuLy: str(50),
  ChucDanh: str(200),
  ThoiDiemXuLy: date,
  PhongBanXuLy: str(500),
  NoiDungXuLy: str(2000),
  TrangThai: z.preprocess(toWire, z.enum(['', ...NATIONAL_STATUS_VALUES])),
  NgayBatDau: date,
  NgayKetThucTheoQuyDinh: date,
});

export const SyncDossierSchema = z
  .object({
    MaHoSo: z.preprocess(toWire, text(60).trim().min(1, 'cần MaHoSo')),
    MaTTHC: z.preprocess(toWire, text(40).trim().min(1, 'cần MaTTHC')),
    TenTTHC: str(1000),
    MaLinhVuc: str(60),
    TenLinhVuc: str(500),
    KenhThucHien: z.preprocess(toWire, z.enum(['1', '2', '3'])),
    ChuHoSo: z.preprocess(toWire, text(200).trim().min(1, 'cần ChuHoSo')),
    SoGiayToChuHoSo: str(20),
    LoaiDoiTuong: z.preprocess(toWire, z.enum(['', '1', '2', '3', '4'])),
    DiaChiChuHoSo: str(500),
    Email: str(200),
    SoDienThoai: str(20),
    TrichYeuHoSo: str(1000),
    NgayNopHoSo: date,
    NgayTiepNhan: date,
    NgayHenTra: date,
    NgayKetThucXuLy: date,
    NgayTra: date,
    NgayTuChoi: date,
    TrangThaiHoSo: status,
    HinhThuc: str(20),
    DonViXuLy: z.preprocess(toWire, text(40).trim().min(1, 'cần DonViXuLy')),
    NoiNopHoSo: str(40),
    GhiChu: str(2000),
    HoSoCoThanhPhanSoHoa: flag,
    TaiKhoanDuocXacThucVoiVNeID: flag,
    DuocThanhToanTrucTuyen: flag,
    DinhDanhCHS: list(z.object({ LoaiDinhDanh: str(10), SoDinhDanh: str(20) }), 10),
    TaiLieuNop: list(SyncDocumentSchema, 100),
    DanhSachLePhi: list(SyncFeeSchema, 50),
    DanhSachHoSoBoSung: list(SyncSupplementSchema, 20),
    DanhSachGiayToKetQua: list(SyncResultSchema, 20),
    QuaTrinhXuLy: list(SyncProgressSchema, 500),
  })
  .meta({ id: 'HoSoDongBoDVC' });

export type SyncDossier = z.output<typeof SyncDossierSchema>;
export type SyncProgress = z.output<typeof SyncProgressSchema>;
export type SyncSupplement = z.output<typeof SyncSupplementSchema>;
export type SyncDocument = z.output<typeof SyncDocumentSchema>;
