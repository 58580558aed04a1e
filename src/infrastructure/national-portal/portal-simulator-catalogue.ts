/**
 * The procedure side of the portal simulator (portal-simulator.ts): the national procedure catalogue (CSDL quốc gia
 * về TTHC) that LayDanhSachTTHC lists, LayThuTuc tells and a ministry changes (POST /_procedures/<MaTTHC>), and the
 * province's CongKhaiTTHC calls making its procedures public. `demoNationalProcedures` is the demo province's 68
 * procedures as the national catalogue would publish them, every one last changed on 01/01/2026 00:00 (Vietnam time).
 */
import { z } from 'zod';
import { parseSyncDate, syncDate } from '../../contract/national-sync.js';
import { nationalProcedureOf, type NationalProcedure } from '../../domain/national-sync/national-procedure.js';

export { nationalProcedureOf };

/** A procedure of the national catalogue, as LayThuTuc sends it (the domain's shape). NgayCapNhat is yyyyMMddHHmmss, Vietnam time. */
export type PortalProcedure = NationalProcedure;

/** What a ministry may change of a procedure: anything but its code and the date of the change (the simulator's). */
export type PortalProcedurePatch = Partial<Omit<PortalProcedure, 'MaTTHC' | 'NgayCapNhat'>>;

const line = z.string().max(20_000);

/** A change of a procedure: known fields only, so that a misspelt field is refused rather than ignored. */
export const PortalProcedurePatchSchema = z
  .object({
    TenTTHC: line,
    MaLinhVuc: line,
    CapThucHien: line,
    TrinhTuThucHien: line,
    CachThucThucHien: line,
    ThanhPhanHoSo: z.array(z.object({ Ten: line, MaThanhPhanHoSo: line })).max(200),
    ThoiHanGiaiQuyet: line,
    DoiTuongThucHien: line,
    CoQuanThucHien: line,
    KetQuaThucHien: line,
    PhiLePhi: line,
    CanCuPhapLy: line,
  })
  .partial()
  .strict();

/** A procedure the catalogue did not hold before a change: empty fields but those the change gives. */
function blankProcedure(code: string, updatedAt: string): PortalProcedure {
  return {
    MaTTHC: code,
    TenTTHC: '',
    MaLinhVuc: '',
    CapThucHien: '',
    TrinhTuThucHien: '',
    CachThucThucHien: '',
    ThanhPhanHoSo: [],
    ThoiHanGiaiQuyet: '',
    DoiTuongThucHien: '',
    CoQuanThucHien: '',
    KetQuaThucHien: '',
    PhiLePhi: '',
    CanCuPhapLy: '',
    NgayCapNhat: updatedAt,
  };
}

/** A deep copy, so that no caller holds the simulator's own objects. */
const copyProcedure = (p: PortalProcedure): PortalProcedure => ({ ...p, ThanhPhanHoSo: p.ThanhPhanHoSo.map((c) => ({ ...c })) });

/** One CongKhaiTTHC call received. */
export interface PortalPublication {
  MaTTHC: string;
  SoQuyetDinh: string;
  NgayQuyetDinh: string;
  MaDonVi: string;
  /** When the simulator made it public, yyyyMMddHHmmss. */
  NgayCongKhai: string;
}

/** A service's result, or why the data was refused. */
export type Refusable<T> = { ok: true; result: T } | { ok: false; problem: string };

/** "path: message" of a refusal's first issue; `skip` leading path elements are left out (an array's index). */
export function firstIssue(error: z.ZodError, skip = 0): string {
  const issue = error.issues[0];
  if (!issue) return 'không rõ lỗi';
  const path = issue.path.slice(skip);
  return path.length > 0 ? `${path.join('.')}: ${issue.message}` : issue.message;
}

const required = z.string().trim().min(1);
const procedureQuery = z.object({ maTTHC: required });
const publication = z.object({
  MaTTHC: required,
  SoQuyetDinh: required,
  NgayQuyetDinh: z.string().refine((s) => parseSyncDate(s) !== null, 'NgayQuyetDinh phải có dạng yyyyMMddHHmmss (giờ Việt Nam)'),
  MaDonVi: required,
});

export interface PortalCatalogue {
  /** LayDanhSachTTHC. */
  list(): { MaTTHC: string; TenTTHC: string; NgayCapNhat: string }[];
  /** LayThuTuc, data `{maTTHC}`: null when unknown. */
  find(data: unknown): Refusable<PortalProcedure | null>;
  /** CongKhaiTTHC, data `{MaTTHC, SoQuyetDinh, NgayQuyetDinh, MaDonVi}`. */
  publish(data: unknown): Refusable<{ MaTTHC: string; NgayCongKhai: string }>;
  published(): PortalPublication[];
  /** A ministry changes a procedure (created if absent): NgayCapNhat becomes now. Throws on a patch not of the schema. */
  change(code: string, patch: PortalProcedurePatch): PortalProcedure;
}

export function createPortalCatalogue(procedures: readonly PortalProcedure[], clock: () => Date): PortalCatalogue {
  const catalogue = new Map(procedures.map((p) => [p.MaTTHC, copyProcedure(p)]));
  const publications: PortalPublication[] = [];
  return {
    list: () => [...catalogue.values()].map((p) => ({ MaTTHC: p.MaTTHC, TenTTHC: p.TenTTHC, NgayCapNhat: p.NgayCapNhat })),
    find(data) {
      const parsed = procedureQuery.safeParse(data);
      if (!parsed.success) return { ok: false, problem: firstIssue(parsed.error) };
      const found = catalogue.get(parsed.data.maTTHC);
      return { ok: true, result: found ? copyProcedure(found) : null };
    },
    publish(data) {
      const parsed = publication.safeParse(data);
      if (!parsed.success) return { ok: false, problem: firstIssue(parsed.error) };
      const NgayCongKhai = syncDate(clock());
      publications.push({ ...parsed.data, NgayCongKhai });
      return { ok: true, result: { MaTTHC: parsed.data.MaTTHC, NgayCongKhai } };
    },
    published: () => publications.map((p) => ({ ...p })),
    change(code, patch) {
      const changes = PortalProcedurePatchSchema.parse(patch);
      const now = syncDate(clock());
      const changed = { ...(catalogue.get(code) ?? blankProcedure(code, now)), ...changes, MaTTHC: code, NgayCapNhat: now };
      catalogue.set(code, changed);
      return copyProcedure(changed);
    },
  };
}

// ------------------------------------------------------------------------------------------ the demo catalogue

/** 01/01/2026 00:00 in Vietnam: when the demo catalogue was last changed, as far as the simulator tells. */
export const DEMO_CATALOGUE_UPDATED_AT = '20260101000000';

/** The demo province's procedures as the national catalogue holds them (the seed module is loaded only when asked). */
export async function demoNationalProcedures(): Promise<PortalProcedure[]> {
  const { DEMO_PROCEDURES } = await import('../seed/demo-catalogue.js');
  return DEMO_PROCEDURES.map((record) => nationalProcedureOf(record, DEMO_CATALOGUE_UPDATED_AT));
}
