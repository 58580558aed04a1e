/**
 * The national public-service portal as the sync needs it (INTEGRATIONS §3.1): the port its adapter implements
 * (infrastructure/national-portal/portal-client.ts), against the real portal or the simulator
 * (infrastructure/national-portal/portal-simulator.ts), which speak the same protocol. Records travel in the
 * portal's own shape (src/contract/national-sync.ts: HoSoDongBoDVC, QuaTrinhXuLyDongBoDVC); the port only needs
 * their codes.
 */

/** A `HoSoDongBoDVC` record. */
export type PortalRecord = { readonly MaHoSo: string } & Readonly<Record<string, unknown>>;
/** A `QuaTrinhXuLyDongBoDVC` progress entry (all strings on the wire). */
export type PortalProgress = { readonly MaHoSo: string } & Readonly<Record<string, string>>;

/** How a call ended. */
export type PortalOutcome<T> =
  | { kind: 'ok'; result: T }
  /** DongBoHoSoMC without isUpdating, for a dossier the portal holds ("đã tồn tại"). */
  | { kind: 'exists'; message: string }
  /** An update or progress for a dossier the portal does not hold. */
  | { kind: 'notFound'; message: string }
  /** The portal refused the data: the dossier's fault, retried later and parked in the end. */
  | { kind: 'refused'; message: string }
  /**
   * Out of reach (down, 5xx, past the timeout) or an answer that cannot be read or does not match the request: the
   * portal may or may not have written it.
   */
  | { kind: 'unavailable'; reason: 'timeout' | 'down' | 'badAnswer'; message: string };

/** A dossier as TraCuuHoSo tells it. */
export interface PortalDossierView {
  MaHoSo: string;
  TrangThaiHoSo: string;
  DonViXuLy: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  NgayKetThucXuLy: string;
  NgayTra: string;
  /** The progress entries it holds. */
  QuaTrinhXuLy: PortalProgress[];
}

/** One monthly satisfaction aggregate (DongBoDanhGia, INTEGRATIONS §3.1): NgayTongHop "M-YYYY", percentages such as "80%". */
export interface PortalRatingItem {
  NgayTongHop: string;
  TongSoNguoiDanhGia: string;
  PhanTramDanhGiaRatHaiLong: string;
  PhanTramDanhGiaHaiLong: string;
  PhanTramDanhGiaChuaHaiLong: string;
  PhanTramDanhGiaDichVuRatHaiLong: string;
  PhanTramDanhGiaDichVuHaiLong: string;
  PhanTramDanhGiaDichVuChuaHaiLong: string;
  NoiDung: string;
  MaThuTuc: string;
  DanhSachNoiDungYKien: string[];
  Madonvi: string;
  TenDonVi: string;
}

/** A procedure of the national catalogue as LayDanhSachTTHC lists it. */
export interface PortalProcedureSummary {
  MaTTHC: string;
  TenTTHC: string;
  /** When the ministry last changed it, yyyyMMddHHmmss. */
  NgayCapNhat: string;
}

/** CongKhaiTTHC: the province makes a procedure of its publication decision public on the national procedure database. */
export interface PortalPublicationRequest {
  /** MaTTHC */
  code: string;
  /** SoQuyetDinh: the number of the province's publication decision. */
  decisionNumber: string;
  /** NgayQuyetDinh: the decision's date, yyyy-MM-dd (Vietnam). */
  decisionDate: string;
  /** MaDonVi: the agency that issued the decision, as the portal knows it. */
  agencyId: string;
}

export interface NationalPortal {
  /** DongBoHoSoMC with one record. */
  syncDossier(record: PortalRecord, isUpdating: boolean): Promise<PortalOutcome<{ code: string }>>;
  /** CapNhatTienDoHoSoMC with up to 10 entries of one dossier: the portal's count of entries after them (null: not told). */
  pushProgress(code: string, entries: readonly PortalProgress[]): Promise<PortalOutcome<{ code: string; count: number | null }>>;
  /** TraCuuHoSo for up to 100 codes: those the portal holds. */
  lookup(codes: readonly string[]): Promise<PortalOutcome<PortalDossierView[]>>;
  /** DongBoDanhGia. */
  pushRatings(items: readonly PortalRatingItem[]): Promise<PortalOutcome<null>>;
  /** LayDanhSachTTHC. */
  listProcedures(): Promise<PortalOutcome<PortalProcedureSummary[]>>;
  /** LayThuTuc: the portal's record of a procedure, as it sends it. */
  getProcedure(code: string): Promise<PortalOutcome<Record<string, unknown> | null>>;
  /** CongKhaiTTHC: when the portal made the procedure public (its NgayCongKhai). */
  publishProcedure(request: PortalPublicationRequest): Promise<PortalOutcome<{ code: string; madePublicAt: Date }>>;
}
