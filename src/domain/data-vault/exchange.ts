/**
 * The two outside systems of "provide once" (issue 20), as ports the application calls and infrastructure
 * implements (src/infrastructure/data-exchange/): the national population database reached through a data-exchange
 * platform (a provincial LGSP today, the national NDOP under Decree 278/2025 tomorrow: the transport is pluggable),
 * and the personal data vault of the national public-service portal (INTEGRATIONS §3.2, §6). Types only.
 */

/** A lookup in the population database (the NDXP service's inputs, INTEGRATIONS §6). */
export interface PopulationQuery {
  /** MaYeuCau: the caller's request id (≤ 40 characters). */
  requestId: string;
  /** MaDVC: the procedure's public-service code. */
  serviceCode: string;
  /** MaDonVi: the asking agency's electronic id. */
  unitCode: string;
  /** The official asking (their username): the adapter maps it to MaCanBo and the per-officer AuthHash. */
  officer: string;
  /** SoDinhDanh: 12 digits. */
  personalId: string;
  /** HoVaTen */
  fullName: string;
  /** NgayThangNamSinh: yyyy-mm-dd, or yyyy when only the year is known. */
  birthDate: string;
}

/** An address of the population database, read as one line (ChiTiet, then the commune, district and province names or codes). */
export interface RegistryAddress {
  provinceCode: string | null;
  districtCode: string | null;
  communeCode: string | null;
  detail: string;
}

/** A person as the population database returns them (CongDan). */
export interface RegistryCitizen {
  personalId: string;
  /** SoCMND: the old 9-digit id, when there was one. */
  oldId: string | null;
  fullName: string;
  gender: 'Nam' | 'Nữ' | null;
  /** yyyy-mm-dd, or yyyy. */
  birthDate: string;
  nationality: string | null;
  ethnicity: string | null;
  permanentAddress: RegistryAddress | null;
  currentAddress: RegistryAddress | null;
  hometown: RegistryAddress | null;
  householdHead: { fullName: string; personalId: string | null; relation: string | null } | null;
}

export type PopulationAnswer =
  | { kind: 'found'; citizen: RegistryCitizen }
  | { kind: 'notFound' }
  /** The platform refused: 401 bad credentials, 403 no right to the API, 429 over the quota. */
  | { kind: 'refused'; status: 401 | 403 | 429; message: string }
  /** No answer in time, connection refused, 5xx or an answer that cannot be read. */
  | { kind: 'unavailable'; reason: 'timeout' | 'down' | 'badAnswer'; message: string };

export interface PopulationRegistry {
  lookup(query: PopulationQuery): Promise<PopulationAnswer>;
}

/** KenhThucHien of a vault query: online by the owner, or at the counter by an official on the owner's behalf. */
export type VaultChannel = 'online' | 'counter';

/** GetKetQuaGiayTo's inputs (INTEGRATIONS §3.2). */
export interface NationalVaultQuery {
  /** SoDinhDanhChuSoHuu: the owner's personal id or tax code. */
  ownerId: string;
  /** HoTenNguoiYeuCau */
  requesterName: string;
  /** SoDinhDanhNguoiYeuCau */
  requesterId: string;
  channel: VaultChannel;
  /** MaThuTuc */
  procedureCode: string;
  /** DanhSachDanhMucKetQua: the result codes that may stand in for a component (MaKetQua, optionally SoKyHieu). */
  resultCodes: { code: string; number?: string }[];
}

/** One document of the national vault (DanhSachGiayToKetQua[]). */
export interface NationalVaultDocument {
  /** MaKetQua */
  resultCode: string;
  /** TenGiayTo */
  name: string;
  /** SoKyHieu */
  number: string | null;
  /** CoQuanChuQuan: the issuer, also needed to fetch the files. */
  issuer: string;
  /** Ngày cấp, yyyy-mm-dd, when given. */
  issuedOn: string | null;
  /** Hiệu lực đến, yyyy-mm-dd; null: no end. */
  validUntil: string | null;
  /** DanhSachTepDinhKem[] */
  files: { name: string; path: string }[];
}

export type NationalVaultAnswer =
  | { kind: 'ok'; documents: NationalVaultDocument[] }
  | { kind: 'refused'; message: string }
  | { kind: 'unavailable'; reason: 'timeout' | 'down' | 'badAnswer'; message: string };

export type NationalVaultFile =
  { kind: 'ok'; bytes: Buffer } | { kind: 'notFound' } | { kind: 'unavailable'; reason: 'timeout' | 'down' | 'badAnswer'; message: string };

export interface NationalVault {
  query(query: NationalVaultQuery): Promise<NationalVaultAnswer>;
  /** GetGiayToByUrl: one file's bytes. */
  fetchFile(issuer: string, path: string): Promise<NationalVaultFile>;
}
