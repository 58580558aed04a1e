/**
 * Demo procedure catalogue for Tỉnh Lạng Sơn under the two-tier local government (from 1/7/2025): the fields
 * used, 68 procedures at province and commune level, the legal documents they rest on, and the chairman's
 * publication decisions that announced them.
 *
 * Pure data: no I/O. The content follows the wording of the national catalogue and the legal texts, simplified
 * to a few components per procedure. Accuracy notes:
 *  - MaTTHC codes: 1.001193 (khai sinh), 1.001612 (thành lập hộ kinh doanh) and 2.000635 (bản sao trích lục)
 *    are, to our knowledge, the national codes; the others are plausible and unique, not verified against
 *    the national database.
 *  - Fees are the national rates (chứng thực, lý lịch tư pháp, đăng ký doanh nghiệp) or typical rates that the
 *    provincial People's Council sets (hộ tịch, giấy phép xây dựng, Giấy chứng nhận quyền sử dụng đất).
 *  - Time limits follow the legal texts or the shortened limits provinces commonly publish.
 *  - The two legal documents that take effect after 22/11/2026 and all signer names are fictional.
 */
import type { LegalBasis, ProcedureRecord } from '../../domain/catalogue/procedure.js';
import { provideOnce } from './demo-provide-once.js';
import { buildProcedure as p, calendarDays, days, doc, fee, hours, law, type Family } from './procedure-generator.js';

/**
 * MaLinhVuc. "G09-TP05" (Hộ tịch) is the code of the worked example; the others are invented in the same
 * pattern (ministry – sector letters and number, after the 2025 ministry restructuring) until the codes of
 * Thông tư 03/2025/TT-VPCP are imported.
 */
export const DEMO_FIELDS: readonly { code: string; name: string }[] = [
  { code: 'G09-TP05', name: 'Hộ tịch' }, { code: 'G09-TP02', name: 'Chứng thực' },
  { code: 'G09-TP07', name: 'Lý lịch tư pháp' }, { code: 'G09-TP08', name: 'Nuôi con nuôi' },
  { code: 'G09-TP09', name: 'Quốc tịch' }, { code: 'G11-XD01', name: 'Hoạt động xây dựng' },
  { code: 'G11-GT02', name: 'Giao thông vận tải' }, { code: 'G12-NM01', name: 'Đất đai' },
  { code: 'G12-NM04', name: 'Môi trường' }, { code: 'G04-TC06', name: 'Thành lập và hoạt động doanh nghiệp' },
  { code: 'G04-TC07', name: 'Thành lập và hoạt động của hộ kinh doanh' }, { code: 'G10-YT09', name: 'Bảo trợ xã hội' },
  { code: 'G02-NV07', name: 'Người có công' }, { code: 'G08-GD01', name: 'Giáo dục và đào tạo' },
  { code: 'G10-YT01', name: 'Khám bệnh, chữa bệnh' }, { code: 'G02-NV04', name: 'Thi đua, khen thưởng' },
];

/** Department codes of DEMO_UNITS (demo-province.ts). */
const UNIT = {
  vanPhong: '000.00.01.H37', noiVu: '000.00.02.H37', tuPhap: '000.00.03.H37', taiChinh: '000.00.04.H37', nnmt: '000.00.06.H37',
  xayDung: '000.00.07.H37', giaoDuc: '000.00.09.H37', yTe: '000.00.10.H37', congAn: '000.00.15.H37',
} as const;

// ---------------------------------------------------------------------------------------------- legal bases

const L = {
  hoTich: law('60/2014/QH13', 'Luật Hộ tịch', '2016-01-01'),
  nd123: law('123/2015/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2016-01-01'),
  tt04: law('04/2020/TT-BTP', 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP', '2020-07-16'),
  honNhan: law('52/2014/QH13', 'Luật Hôn nhân và gia đình', '2015-01-01'),
  lienThong: law('63/2024/NĐ-CP', 'Nghị định quy định việc thực hiện liên thông điện tử 02 nhóm thủ tục hành chính về đăng ký khai sinh, đăng ký khai tử', '2024-07-01'),
  chungThuc: law('23/2015/NĐ-CP', 'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch', '2015-04-10'),
  tt01: law('01/2020/TT-BTP', 'Thông tư quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP', '2020-05-05'),
  phiChungThuc: law('226/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực', '2017-01-01'),
  lltp: law('28/2009/QH12', 'Luật Lý lịch tư pháp', '2010-07-01'),
  phiLltp: law('244/2016/TT-BTC', 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp', '2017-01-01'),
  nuoiConNuoi: law('52/2010/QH12', 'Luật Nuôi con nuôi', '2011-01-01'),
  nd19: law('19/2011/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Nuôi con nuôi', '2011-05-05'),
  quocTich: law('24/2008/QH12', 'Luật Quốc tịch Việt Nam', '2009-07-01'),
  nd16: law('16/2020/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Quốc tịch Việt Nam', '2020-03-20'),
  xayDung: law('50/2014/QH13', 'Luật Xây dựng', '2015-01-01'),
  xayDungSuaDoi: law('62/2020/QH14', 'Luật sửa đổi, bổ sung một số điều của Luật Xây dựng', '2021-01-01'),
  nd175: law('175/2024/NĐ-CP', 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng', '2024-12-30'),
  duongBo: law('35/2024/QH15', 'Luật Đường bộ', '2025-01-01'),
  tratTuGiaoThong: law('36/2024/QH15', 'Luật Trật tự, an toàn giao thông đường bộ', '2025-01-01'),
  datDai: law('31/2024/QH15', 'Luật Đất đai', '2024-08-01'),
  nd101: law('101/2024/NĐ-CP', 'Nghị định quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', '2024-08-01'),
  nd102: law('102/2024/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Đất đai', '2024-08-01'),
  moiTruong: law('72/2020/QH14', 'Luật Bảo vệ môi trường', '2022-01-01'),
  nd08: law('08/2022/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật Bảo vệ môi trường', '2022-01-10'),
  doanhNghiep: law('59/2020/QH14', 'Luật Doanh nghiệp', '2021-01-01'),
  nd168: law('168/2025/NĐ-CP', 'Nghị định về đăng ký doanh nghiệp', '2025-07-01'),
  nd20: law('20/2021/NĐ-CP', 'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội', '2021-07-01'),
  khuyetTat: law('51/2010/QH12', 'Luật Người khuyết tật', '2011-01-01'),
  uuDai: law('02/2020/UBTVQH14', 'Pháp lệnh Ưu đãi người có công với cách mạng', '2021-07-01'),
  nd131: law('131/2021/NĐ-CP', 'Nghị định quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng', '2022-02-15'),
  giaoDuc: law('43/2019/QH14', 'Luật Giáo dục', '2020-07-01'),
  kcb: law('15/2023/QH15', 'Luật Khám bệnh, chữa bệnh', '2024-01-01'),
  nd96: law('96/2023/NĐ-CP', 'Nghị định quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh', '2024-01-01'),
  thiDua: law('06/2022/QH15', 'Luật Thi đua, khen thưởng', '2024-01-01'),
  nd98: law('98/2023/NĐ-CP', 'Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng', '2024-01-01'),
  chinhQuyen: law('72/2025/QH15', 'Luật Tổ chức chính quyền địa phương', '2025-07-01'),
  // Fictional: announced, not yet in force on 22/11/2026 (for the publication watchdog).
  hoTichSuaDoi: law('256/2026/NĐ-CP', 'Nghị định sửa đổi, bổ sung một số điều của Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '2026-12-01'),
  phiLePhi: law('18/2026/NQ-HĐND', 'Nghị quyết quy định mức thu, miễn, giảm, chế độ thu, nộp, quản lý và sử dụng lệ phí hộ tịch, lệ phí cấp giấy phép xây dựng trên địa bàn tỉnh Lạng Sơn', '2027-01-01'),
};

export interface DemoLegalDocument {
  number: string;
  title: string;
  issuer: string;
  /** yyyy-MM-dd */
  issuedOn: string;
  effectiveFrom: string;
}

const legalDocument = (basis: LegalBasis, issuer: string, issuedOn: string): DemoLegalDocument => ({ ...basis, issuer, issuedOn });

export const DEMO_LEGAL_DOCUMENTS: readonly DemoLegalDocument[] = [
  legalDocument(L.hoTich, 'Quốc hội', '2014-11-20'),
  legalDocument(L.chungThuc, 'Chính phủ', '2015-02-16'),
  legalDocument(L.lltp, 'Quốc hội', '2009-06-17'),
  legalDocument(L.xayDung, 'Quốc hội', '2014-06-18'),
  legalDocument(L.datDai, 'Quốc hội', '2024-01-18'),
  legalDocument(L.nd168, 'Chính phủ', '2025-06-30'),
  legalDocument(L.chinhQuyen, 'Quốc hội', '2025-06-16'),
  legalDocument(L.doanhNghiep, 'Quốc hội', '2020-06-17'),
  legalDocument(L.hoTichSuaDoi, 'Chính phủ', '2026-10-12'),
  legalDocument(L.phiLePhi, 'Hội đồng nhân dân tỉnh Lạng Sơn', '2026-11-06'),
];

// ---------------------------------------------------------------------------------------------- families

const XA = 'Ủy ban nhân dân cấp xã';
const TT04 = 'ban hành kèm Thông tư số 04/2020/TT-BTP';
/** A form to fill in: the template carries the form's name and source. */
const form = (name: string, source: string, quantity = 1) => doc(name, 'original', `${name} (mẫu ${source})`, quantity);

const HO_TICH: Family = { field: 'G09-TP05', level: 'commune', by: XA, units: [], legal: [L.hoTich, L.nd123, L.tt04], subjects: ['citizen'], postal: true,
  does: 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ; đủ điều kiện thì ghi vào Sổ hộ tịch, cập nhật Cơ sở dữ liệu hộ tịch điện tử và trình Chủ tịch Ủy ban nhân dân cấp xã ký kết quả',
  work: 'Thẩm tra hồ sơ, ghi Sổ hộ tịch, cập nhật Cơ sở dữ liệu hộ tịch điện tử', sign: 'Chủ tịch UBND cấp xã ký giấy tờ hộ tịch' };
const CHUNG_THUC: Family = { field: 'G09-TP02', level: 'commune', by: XA, units: [], legal: [L.chungThuc, L.tt01, L.phiChungThuc], subjects: ['citizen', 'organization', 'foreigner'], postal: false,
  does: 'Người thực hiện chứng thực kiểm tra giấy tờ; người yêu cầu ký trước mặt người thực hiện chứng thực (nếu có); người thực hiện chứng thực ghi lời chứng, ký, đóng dấu và ghi vào sổ chứng thực',
  work: 'Kiểm tra, đối chiếu giấy tờ, ghi lời chứng', sign: 'Người có thẩm quyền ký chứng thực, đóng dấu' };
const NUOI_CON_NUOI: Family = { field: 'G09-TP08', level: 'commune', by: XA, units: [], legal: [L.nuoiConNuoi, L.nd19], subjects: ['citizen'], postal: false,
  does: 'Công chức tư pháp – hộ tịch kiểm tra hồ sơ, lấy ý kiến của cha mẹ đẻ hoặc người giám hộ và của trẻ em từ đủ 09 tuổi trở lên; đủ điều kiện thì Ủy ban nhân dân cấp xã đăng ký và tổ chức giao nhận con nuôi',
  work: 'Kiểm tra hồ sơ, lấy ý kiến những người liên quan', sign: 'Chủ tịch UBND cấp xã ký Giấy chứng nhận nuôi con nuôi' };
const LLTP: Family = { field: 'G09-TP07', level: 'province', by: 'Sở Tư pháp', units: [UNIT.tuPhap], legal: [L.lltp, L.phiLltp], subjects: ['citizen', 'foreigner'], postal: true,
  does: 'Sở Tư pháp tra cứu Cơ sở dữ liệu lý lịch tư pháp, đề nghị Công an tỉnh tra cứu, xác minh thông tin về án tích; tổng hợp kết quả và lập Phiếu lý lịch tư pháp',
  work: 'Tra cứu Cơ sở dữ liệu lý lịch tư pháp, lập hồ sơ xác minh', sign: 'Lãnh đạo Sở Tư pháp ký Phiếu lý lịch tư pháp' };
const QUOC_TICH: Family = { field: 'G09-TP09', level: 'province', by: 'Sở Tư pháp', units: [UNIT.tuPhap], legal: [L.quocTich, L.nd16], subjects: ['citizen'], postal: false,
  does: 'Sở Tư pháp thẩm tra hồ sơ, đề nghị Công an tỉnh xác minh nhân thân; trên cơ sở kết quả xác minh, Sở Tư pháp giải quyết theo thẩm quyền hoặc trình Chủ tịch Ủy ban nhân dân tỉnh đề xuất gửi Bộ Tư pháp',
  work: 'Thẩm tra hồ sơ, dự thảo văn bản', sign: 'Giám đốc Sở Tư pháp ký văn bản' };
const XD_XA: Family = { field: 'G11-XD01', level: 'commune', by: XA, units: [], legal: [L.xayDung, L.xayDungSuaDoi, L.nd175], subjects: ['citizen'], postal: true,
  does: 'Bộ phận chuyên môn về xây dựng của Ủy ban nhân dân cấp xã thẩm định hồ sơ, kiểm tra thực địa, đối chiếu với quy hoạch và điều kiện cấp phép; đủ điều kiện thì trình Chủ tịch Ủy ban nhân dân cấp xã cấp giấy phép',
  work: 'Thẩm định hồ sơ, kiểm tra thực địa', sign: 'Chủ tịch UBND cấp xã ký giấy phép xây dựng' };
const XD_TINH: Family = { ...XD_XA, level: 'province', by: 'Sở Xây dựng', units: [UNIT.xayDung], subjects: ['enterprise', 'organization'],
  does: 'Sở Xây dựng thẩm định hồ sơ, lấy ý kiến các cơ quan quản lý nhà nước liên quan (nếu cần) và giải quyết theo thẩm quyền',
  work: 'Thẩm định hồ sơ, lấy ý kiến cơ quan liên quan', sign: 'Lãnh đạo Sở Xây dựng ký kết quả' };
const GIAO_THONG: Family = { ...XD_TINH, field: 'G11-GT02', legal: [L.duongBo, L.tratTuGiaoThong], does: 'Sở Xây dựng kiểm tra hồ sơ; đủ điều kiện thì cấp phép theo thẩm quyền, không đủ điều kiện thì trả lời bằng văn bản và nêu rõ lý do',
  work: 'Kiểm tra hồ sơ, dự thảo giấy phép', sign: 'Lãnh đạo Sở Xây dựng ký giấy phép' };
const DAT_XA: Family = { field: 'G12-NM01', level: 'commune', by: XA, units: [], legal: [L.datDai, L.nd101], subjects: ['citizen'], postal: true,
  does: 'Ủy ban nhân dân cấp xã kiểm tra hồ sơ, xác nhận hiện trạng, tình trạng tranh chấp, nguồn gốc và thời điểm sử dụng đất, niêm yết công khai; chuyển Văn phòng đăng ký đất đai thực hiện các bước theo quy định',
  work: 'Kiểm tra hồ sơ, xác minh nguồn gốc sử dụng đất, niêm yết công khai', sign: 'Chủ tịch UBND cấp xã ký Giấy chứng nhận' };
const DAT_TINH: Family = { ...DAT_XA, level: 'province', by: 'Văn phòng đăng ký đất đai thuộc Sở Nông nghiệp và Môi trường', units: [UNIT.nnmt], subjects: ['citizen', 'organization', 'enterprise'],
  does: 'Văn phòng đăng ký đất đai kiểm tra hồ sơ, gửi thông tin xác định nghĩa vụ tài chính đến cơ quan thuế, cập nhật biến động vào hồ sơ địa chính và cơ sở dữ liệu đất đai',
  work: 'Kiểm tra hồ sơ, cập nhật hồ sơ địa chính', sign: 'Lãnh đạo Văn phòng đăng ký đất đai ký xác nhận' };
const MOI_TRUONG: Family = { field: 'G12-NM04', level: 'province', by: 'Ủy ban nhân dân tỉnh', units: [UNIT.nnmt], legal: [L.moiTruong, L.nd08], subjects: ['enterprise', 'organization'], postal: true,
  does: 'Sở Nông nghiệp và Môi trường tổ chức thẩm định hồ sơ, kiểm tra thực tế (nếu cần), lấy ý kiến cơ quan liên quan và trình Ủy ban nhân dân tỉnh quyết định',
  work: 'Thẩm định hồ sơ, kiểm tra thực tế', sign: 'Lãnh đạo UBND tỉnh ký quyết định' };
const DOANH_NGHIEP: Family = { field: 'G04-TC06', level: 'province', by: 'Phòng Đăng ký kinh doanh – Sở Tài chính', units: [UNIT.taiChinh], legal: [L.doanhNghiep, L.nd168], subjects: ['citizen', 'enterprise'], postal: true,
  does: 'Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ; hồ sơ hợp lệ thì cập nhật Hệ thống thông tin quốc gia về đăng ký doanh nghiệp và cấp kết quả; chưa hợp lệ thì thông báo nội dung cần sửa đổi, bổ sung',
  work: 'Kiểm tra tính hợp lệ của hồ sơ, cập nhật Hệ thống thông tin quốc gia về đăng ký doanh nghiệp', sign: 'Trưởng phòng Đăng ký kinh doanh ký kết quả' };
const HO_KINH_DOANH: Family = { ...DOANH_NGHIEP, field: 'G04-TC07', level: 'commune', by: XA, units: [], legal: [L.nd168], subjects: ['citizen'],
  does: 'Cơ quan đăng ký kinh doanh cấp xã kiểm tra tính hợp lệ của hồ sơ; hồ sơ hợp lệ thì cấp kết quả và cập nhật Hệ thống thông tin quốc gia về đăng ký hộ kinh doanh',
  work: 'Kiểm tra tính hợp lệ của hồ sơ, cập nhật hệ thống đăng ký hộ kinh doanh', sign: 'Lãnh đạo UBND cấp xã ký kết quả' };
const BAO_TRO: Family = { field: 'G10-YT09', level: 'commune', by: 'Chủ tịch Ủy ban nhân dân cấp xã', units: [], legal: [L.nd20, L.khuyetTat], subjects: ['citizen'], postal: true,
  does: 'Công chức Văn hóa – Xã hội kiểm tra hồ sơ, tổ chức xét duyệt và niêm yết công khai kết quả tại trụ sở Ủy ban nhân dân cấp xã; không có ý kiến thắc mắc, khiếu nại thì trình Chủ tịch Ủy ban nhân dân cấp xã quyết định',
  work: 'Kiểm tra hồ sơ, xét duyệt, niêm yết công khai', sign: 'Chủ tịch UBND cấp xã ký quyết định' };
const NGUOI_CO_CONG: Family = { field: 'G02-NV07', level: 'commune', by: 'Giám đốc Sở Nội vụ', units: [], legal: [L.uuDai, L.nd131], subjects: ['citizen'], postal: true,
  does: 'Ủy ban nhân dân cấp xã xác nhận bản khai, lập danh sách gửi Sở Nội vụ; Sở Nội vụ kiểm tra hồ sơ, ra quyết định và chuyển kết quả về Ủy ban nhân dân cấp xã',
  work: 'Xác nhận bản khai, lập danh sách đề nghị', sign: 'Lãnh đạo UBND cấp xã ký thông báo kết quả' };
const GIAO_DUC: Family = { field: 'G08-GD01', level: 'province', by: 'Sở Giáo dục và Đào tạo', units: [UNIT.giaoDuc], legal: [L.giaoDuc], subjects: ['citizen'], postal: true,
  does: 'Sở Giáo dục và Đào tạo kiểm tra hồ sơ; đủ điều kiện thì giải quyết, không đủ điều kiện thì trả lời bằng văn bản và nêu rõ lý do',
  work: 'Kiểm tra, xử lý hồ sơ', sign: 'Lãnh đạo Sở Giáo dục và Đào tạo ký kết quả' };
const KHAM_CHUA_BENH: Family = { field: 'G10-YT01', level: 'province', by: 'Sở Y tế', units: [UNIT.yTe], legal: [L.kcb, L.nd96], subjects: ['citizen'], postal: true,
  does: 'Sở Y tế thẩm định hồ sơ, tổ chức thẩm định thực tế tại cơ sở (nếu cần); đủ điều kiện thì cấp giấy phép, không đủ điều kiện thì trả lời bằng văn bản và nêu rõ lý do',
  work: 'Thẩm định hồ sơ, thẩm định thực tế', sign: 'Lãnh đạo Sở Y tế ký giấy phép' };
const THI_DUA: Family = { field: 'G02-NV04', level: 'province', by: 'Chủ tịch Ủy ban nhân dân tỉnh', units: [UNIT.noiVu], legal: [L.thiDua, L.nd98], subjects: ['citizen', 'organization', 'enterprise'], postal: false,
  does: 'Sở Nội vụ thẩm định hồ sơ, lấy ý kiến Hội đồng Thi đua – Khen thưởng tỉnh và trình Chủ tịch Ủy ban nhân dân tỉnh quyết định',
  work: 'Thẩm định hồ sơ, tổng hợp ý kiến Hội đồng Thi đua – Khen thưởng', sign: 'Chủ tịch UBND tỉnh ký quyết định khen thưởng' };

// ---------------------------------------------------------------------------------------------- procedures

const KET_HON = 'Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; việc kết hôn do nam và nữ tự nguyện quyết định; không bị mất năng lực hành vi dân sự; không thuộc trường hợp cấm kết hôn theo Luật Hôn nhân và gia đình';
const LE_PHI_HO_TICH = (name: string, amount: number) => fee(name, amount, 'Mức thu do Hội đồng nhân dân tỉnh quy định; miễn cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật');
const FEE_DN = [fee('Lệ phí đăng ký doanh nghiệp', 50000, 'Miễn lệ phí khi đăng ký qua mạng thông tin điện tử', 'submission', 0), fee('Phí công bố nội dung đăng ký doanh nghiệp', 100000, 'Công bố trên Cổng thông tin quốc gia về đăng ký doanh nghiệp')];
const TT68 = 'ban hành kèm Thông tư số 68/2025/TT-BTC';
const FREE = [fee('Không thu phí, lệ phí', 0, 'Thủ tục không thu phí, lệ phí')];

export const DEMO_PROCEDURES: readonly ProcedureRecord[] = provideOnce([
  // Hộ tịch (cấp xã)
  p(HO_TICH, { code: '1.001193', name: 'Đăng ký khai sinh', limit: days(1), online: 'full', paper: true, resultTemplate: `Giấy khai sinh (mẫu ${TT04})`,
    does: 'Công chức tư pháp – hộ tịch kiểm tra tờ khai và giấy tờ; thông tin đầy đủ, phù hợp thì ghi vào Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử, lấy số định danh cá nhân và trình Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh',
    docs: [form('Tờ khai đăng ký khai sinh', TT04), doc('Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh; trẻ bị bỏ rơi thì nộp biên bản xác nhận việc trẻ bị bỏ rơi')],
    result: 'Giấy khai sinh (bản chính)', fees: [fee('Lệ phí đăng ký khai sinh', 0, 'Miễn lệ phí đăng ký khai sinh đúng hạn')] }),
  p(HO_TICH, { code: '1.000656', name: 'Đăng ký khai tử', limit: days(1), online: 'full', paper: true, result: 'Trích lục khai tử (bản chính)',
    does: 'Công chức tư pháp – hộ tịch kiểm tra; việc khai tử đúng thì ghi vào Sổ đăng ký khai tử, cập nhật Cơ sở dữ liệu hộ tịch điện tử và trình Chủ tịch Ủy ban nhân dân cấp xã cấp Trích lục khai tử',
    docs: [form('Tờ khai đăng ký khai tử', TT04), doc('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp')],
    fees: [fee('Lệ phí đăng ký khai tử', 0, 'Miễn lệ phí đăng ký khai tử đúng hạn')], req: 'Người thân thích của người chết đi khai tử trong thời hạn 15 ngày kể từ ngày có người chết' }),
  p(HO_TICH, { code: '1.000894', name: 'Đăng ký kết hôn', limit: days(1), online: 'partial', postal: false, legal: [L.hoTich, L.honNhan, L.nd123, L.tt04], req: KET_HON,
    does: 'Công chức tư pháp – hộ tịch kiểm tra điều kiện kết hôn; đủ điều kiện thì ghi vào Sổ đăng ký kết hôn; hai bên nam, nữ cùng có mặt ký vào Giấy chứng nhận kết hôn và Sổ đăng ký kết hôn',
    docs: [form('Tờ khai đăng ký kết hôn', TT04), doc('Giấy xác nhận tình trạng hôn nhân (khi đăng ký kết hôn tại nơi không phải nơi thường trú)', 'original', null, 1, false)],
    result: 'Giấy chứng nhận kết hôn (02 bản chính, mỗi bên giữ 01 bản)', fees: [fee('Lệ phí đăng ký kết hôn', 0, 'Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước')] }),
  p(HO_TICH, { code: '1.001022', name: 'Đăng ký nhận cha, mẹ, con', limit: days(3), online: 'partial', postal: false, result: 'Trích lục đăng ký nhận cha, mẹ, con',
    does: 'Công chức tư pháp – hộ tịch kiểm tra, xác minh (nếu cần) và niêm yết việc nhận cha, mẹ, con; việc nhận là đúng, không có tranh chấp thì ghi vào Sổ đăng ký nhận cha, mẹ, con; các bên có mặt ký vào Sổ',
    docs: [form('Tờ khai đăng ký nhận cha, mẹ, con', TT04), doc('Văn bản của cơ quan y tế, cơ quan giám định xác nhận quan hệ cha con, mẹ con hoặc chứng cứ chứng minh quan hệ cha, mẹ, con')],
    fees: [LE_PHI_HO_TICH('Lệ phí đăng ký nhận cha, mẹ, con', 15000)] }),
  p(HO_TICH, { code: '1.004859', name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', limit: days(3), online: 'full', result: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch',
    docs: [form('Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', TT04), doc('Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch', 'copy')],
    fees: [LE_PHI_HO_TICH('Lệ phí thay đổi, cải chính, bổ sung thông tin hộ tịch', 15000)], req: 'Thay đổi họ, chữ đệm, tên cho người từ đủ 09 tuổi trở lên phải có sự đồng ý của người đó' }),
  p(HO_TICH, { code: '2.000635', name: 'Cấp bản sao trích lục hộ tịch', limit: hours(4), online: 'full', anywhere: true, result: 'Bản sao trích lục hộ tịch',
    does: 'Công chức tư pháp – hộ tịch tra cứu Sổ hộ tịch hoặc Cơ sở dữ liệu hộ tịch điện tử, in bản sao trích lục và trình lãnh đạo ký', work: 'Tra cứu Cơ sở dữ liệu hộ tịch điện tử, in bản sao trích lục', sign: 'Lãnh đạo UBND cấp xã ký bản sao trích lục',
    docs: [form('Tờ khai cấp bản sao trích lục hộ tịch', TT04)], fees: [fee('Phí cấp bản sao trích lục hộ tịch', 8000, '8.000 đồng/bản sao trích lục')] }),
  p(HO_TICH, { code: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', limit: days(3), online: 'full', result: 'Giấy xác nhận tình trạng hôn nhân',
    does: 'Công chức tư pháp – hộ tịch kiểm tra, xác minh tình trạng hôn nhân trong Cơ sở dữ liệu hộ tịch điện tử; đủ cơ sở thì trình Chủ tịch Ủy ban nhân dân cấp xã ký Giấy xác nhận tình trạng hôn nhân',
    docs: [form('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', TT04), doc('Bản án, quyết định ly hôn đã có hiệu lực pháp luật hoặc trích lục khai tử của vợ/chồng (nếu có)', 'copy', null, 1, false)],
    fees: [LE_PHI_HO_TICH('Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 10000)] }),
  p(HO_TICH, { code: '1.004884', name: 'Đăng ký lại khai sinh', limit: days(5), online: 'partial', result: 'Giấy khai sinh (bản chính)', fees: [LE_PHI_HO_TICH('Lệ phí đăng ký lại khai sinh', 15000)],
    docs: [form('Tờ khai đăng ký lại khai sinh', TT04), doc('Bản sao giấy khai sinh trước đây hoặc giấy tờ cá nhân có thông tin về họ tên, ngày, tháng, năm sinh', 'copy')],
    req: 'Việc khai sinh đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất' }),
  p(HO_TICH, { code: '1.005461', name: 'Đăng ký khai sinh có yếu tố nước ngoài', limit: days(3), online: 'partial', subjects: ['citizen', 'foreigner'], result: 'Giấy khai sinh (bản chính)',
    docs: [form('Tờ khai đăng ký khai sinh', TT04), doc('Giấy chứng sinh'), doc('Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con', 'original', null, 1, false), doc('Hộ chiếu của cha hoặc mẹ là người nước ngoài', 'copy')],
    fees: [LE_PHI_HO_TICH('Lệ phí đăng ký khai sinh có yếu tố nước ngoài', 75000)] }),
  p(HO_TICH, { code: '1.001695', name: 'Đăng ký kết hôn có yếu tố nước ngoài', limit: days(10), online: 'partial', postal: false, subjects: ['citizen', 'foreigner'], req: KET_HON, legal: [L.hoTich, L.honNhan, L.nd123, L.tt04],
    does: 'Công chức tư pháp – hộ tịch thẩm tra hồ sơ, phỏng vấn hai bên nam, nữ, đề nghị cơ quan công an xác minh khi cần; đủ điều kiện thì trình Chủ tịch Ủy ban nhân dân cấp xã ký Giấy chứng nhận kết hôn và tổ chức trao cho hai bên',
    inter: { unitCode: UNIT.congAn, name: 'Công an tỉnh xác minh nhân thân của bên nam, nữ', hours: 24 }, result: 'Giấy chứng nhận kết hôn',
    docs: [form('Tờ khai đăng ký kết hôn của mỗi bên', TT04, 2), doc('Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài, đã hợp pháp hóa lãnh sự và dịch sang tiếng Việt'), doc('Giấy xác nhận của tổ chức y tế về việc không mắc bệnh tâm thần hoặc bệnh khác không có khả năng nhận thức, làm chủ hành vi', 'original', null, 2), doc('Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người nước ngoài', 'copy')],
    fees: [fee('Lệ phí đăng ký kết hôn có yếu tố nước ngoài', 1000000, 'Mức thu do Hội đồng nhân dân tỉnh quy định')] }),
  p(HO_TICH, { code: '1.003583', name: 'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', limit: days(5), online: 'full', legal: [L.hoTich, L.lienThong],
    does: 'Ủy ban nhân dân cấp xã đăng ký khai sinh và chuyển thông tin để cơ quan công an đăng ký thường trú, cơ quan bảo hiểm xã hội cấp thẻ bảo hiểm y tế cho trẻ',
    inter: { unitCode: UNIT.congAn, name: 'Công an tỉnh đăng ký thường trú cho trẻ', hours: 16 }, result: ['Giấy khai sinh (bản điện tử và bản giấy)', 'Thông báo kết quả đăng ký thường trú', 'Thẻ bảo hiểm y tế của trẻ'],
    docs: [doc('Tờ khai điện tử liên thông trên Cổng Dịch vụ công quốc gia', 'electronic', 'Biểu mẫu điện tử tương tác liên thông khai sinh – thường trú – bảo hiểm y tế'), doc('Giấy chứng sinh', 'electronic')] }),
  p(HO_TICH, { code: '1.004645', name: 'Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, trợ cấp mai táng', limit: days(5), online: 'full', legal: [L.hoTich, L.lienThong],
    does: 'Ủy ban nhân dân cấp xã đăng ký khai tử và chuyển thông tin để cơ quan công an xóa đăng ký thường trú, cơ quan bảo hiểm xã hội hoặc Sở Nội vụ giải quyết chế độ tử tuất, mai táng phí',
    inter: { unitCode: UNIT.congAn, name: 'Công an tỉnh xóa đăng ký thường trú', hours: 8 }, result: ['Trích lục khai tử', 'Thông báo xóa đăng ký thường trú', 'Quyết định hưởng chế độ tử tuất, trợ cấp mai táng'],
    docs: [doc('Tờ khai điện tử liên thông trên Cổng Dịch vụ công quốc gia', 'electronic', 'Biểu mẫu điện tử tương tác liên thông khai tử – xóa thường trú – tử tuất'), doc('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 'electronic')] }),
  // Chứng thực (cấp xã; không phụ thuộc nơi cư trú)
  p(CHUNG_THUC, { code: '2.000815', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận', limit: hours(4), online: 'none', anywhere: true,
    docs: [doc('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao'), doc('Bản sao cần chứng thực (cơ quan chụp từ bản chính nếu người yêu cầu không nộp)', 'copy', null, 1, false)], result: 'Bản sao được chứng thực từ bản chính',
    fees: [fee('Phí chứng thực bản sao từ bản chính', 2000, 'Trang thứ nhất, thứ hai: 2.000 đồng/trang; từ trang thứ ba: 1.000 đồng/trang, tối đa 200.000 đồng/bản')],
    req: 'Không chứng thực bản sao từ bản chính bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ, bị hư hỏng, cũ nát không xác định được nội dung, hoặc đóng dấu mật' }),
  p(CHUNG_THUC, { code: '2.000884', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ)', limit: hours(4), online: 'none', anywhere: true, result: 'Giấy tờ, văn bản đã được chứng thực chữ ký',
    docs: [doc('Căn cước hoặc hộ chiếu còn giá trị sử dụng'), doc('Giấy tờ, văn bản mà người yêu cầu chứng thực sẽ ký')], fees: [fee('Phí chứng thực chữ ký', 10000, '10.000 đồng/trường hợp')] }),
  p(CHUNG_THUC, { code: '2.001035', name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở', limit: days(2), online: 'none', subjects: ['citizen', 'organization'], result: 'Hợp đồng, giao dịch được chứng thực',
    docs: [doc('Dự thảo hợp đồng, giao dịch'), doc('Bản sao giấy tờ tùy thân của người yêu cầu chứng thực', 'copy'), doc('Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở hoặc giấy tờ chứng minh quyền sở hữu tài sản', 'copy')],
    fees: [fee('Phí chứng thực hợp đồng, giao dịch', 50000, '50.000 đồng/hợp đồng, giao dịch')] }),
  p(CHUNG_THUC, { code: '2.000913', name: 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', limit: days(2), online: 'none', subjects: ['citizen', 'organization'], result: 'Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch được chứng thực',
    docs: [doc('Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch'), doc('Hợp đồng, giao dịch đã được chứng thực')], fees: [fee('Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', 30000, '30.000 đồng/hợp đồng, giao dịch')] }),
  p(CHUNG_THUC, { code: '2.000927', name: 'Chứng thực di chúc', limit: days(2), online: 'none', subjects: ['citizen'], result: 'Di chúc được chứng thực', req: 'Người lập di chúc phải tự mình yêu cầu chứng thực, không ủy quyền cho người khác',
    docs: [doc('Dự thảo di chúc'), doc('Bản sao giấy tờ tùy thân của người lập di chúc', 'copy'), doc('Bản sao giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản', 'copy')], fees: [fee('Phí chứng thực di chúc', 50000, '50.000 đồng/di chúc')] }),
  p(CHUNG_THUC, { code: '2.002486', name: 'Chứng thực bản sao điện tử từ bản chính', limit: hours(4), online: 'partial', paper: false, anywhere: true, result: 'Bản sao điện tử được chứng thực từ bản chính, có chữ ký số của cơ quan chứng thực',
    does: 'Người thực hiện chứng thực đối chiếu bản chính với bản chụp điện tử; nội dung đúng thì ký số, gửi bản sao điện tử vào kho dữ liệu điện tử của người yêu cầu trên Cổng Dịch vụ công quốc gia',
    docs: [doc('Bản chính giấy tờ, văn bản')], fees: [fee('Phí chứng thực bản sao điện tử từ bản chính', 2000, 'Mức thu như chứng thực bản sao từ bản chính')] }),
  // Nuôi con nuôi (cấp xã)
  p(NUOI_CON_NUOI, { code: '1.003005', name: 'Đăng ký nuôi con nuôi trong nước', limit: calendarDays(30), online: 'partial', result: 'Giấy chứng nhận nuôi con nuôi',
    docs: [form('Đơn xin nhận con nuôi', 'TP/CN-2014/CN.01'), doc('Phiếu lý lịch tư pháp của người nhận con nuôi'), doc('Văn bản xác nhận tình trạng hôn nhân của người nhận con nuôi'), doc('Giấy khai sinh của trẻ em được nhận làm con nuôi', 'copy')],
    fees: [fee('Lệ phí đăng ký nuôi con nuôi trong nước', 400000, 'Miễn khi cha dượng, mẹ kế nhận con riêng của vợ, chồng hoặc cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi')],
    req: 'Người nhận con nuôi có năng lực hành vi dân sự đầy đủ, hơn con nuôi từ 20 tuổi trở lên, có điều kiện về sức khỏe, kinh tế, chỗ ở bảo đảm việc chăm sóc, nuôi dưỡng, giáo dục con nuôi và có tư cách đạo đức tốt' }),
  p(NUOI_CON_NUOI, { code: '1.003160', name: 'Đăng ký lại việc nuôi con nuôi trong nước', limit: days(5), online: 'partial', result: 'Giấy chứng nhận nuôi con nuôi (đăng ký lại)', fees: FREE,
    docs: [form('Tờ khai đăng ký lại việc nuôi con nuôi', 'TP/CN-2014/CN.03'), doc('Bản sao Quyết định cho nhận con nuôi hoặc giấy tờ chứng minh việc nuôi con nuôi đã được đăng ký', 'copy', null, 1, false)] }),
  // Lý lịch tư pháp, quốc tịch (Sở Tư pháp)
  p(LLTP, { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', limit: days(10), online: 'full', result: 'Phiếu lý lịch tư pháp số 1 hoặc số 2 (bản điện tử hoặc bản giấy)',
    inter: { unitCode: UNIT.congAn, name: 'Công an tỉnh tra cứu, xác minh thông tin về án tích', hours: 40 },
    docs: [form('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'số 03/2013/TT-LLTP'), doc('Văn bản ủy quyền (khi ủy quyền làm thủ tục yêu cầu cấp Phiếu số 1)', 'original', null, 1, false)],
    fees: [fee('Phí cung cấp thông tin lý lịch tư pháp', 200000, '200.000 đồng/lần/người; 100.000 đồng đối với sinh viên, người có công với cách mạng, thân nhân liệt sĩ'), fee('Phí cấp Phiếu lý lịch tư pháp từ Phiếu thứ 3 trở đi', 5000, '5.000 đồng/Phiếu')] }),
  p(LLTP, { code: '2.000505', name: 'Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị – xã hội', limit: days(10), online: 'partial', subjects: ['organization'], result: 'Phiếu lý lịch tư pháp số 1',
    inter: { unitCode: UNIT.congAn, name: 'Công an tỉnh tra cứu, xác minh thông tin về án tích', hours: 40 }, docs: [form('Văn bản yêu cầu cấp Phiếu lý lịch tư pháp', 'số 05a/2013/TT-LLTP')],
    fees: [fee('Phí cung cấp thông tin lý lịch tư pháp', 0, 'Không thu phí đối với cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị – xã hội')] }),
  p(QUOC_TICH, { code: '1.004924', name: 'Thôi quốc tịch Việt Nam ở trong nước', limit: days(35), online: 'partial', by: 'Chủ tịch nước (Sở Tư pháp tiếp nhận, thẩm tra hồ sơ)', result: 'Quyết định cho thôi quốc tịch Việt Nam của Chủ tịch nước',
    inter: { unitCode: UNIT.congAn, name: 'Công an tỉnh xác minh nhân thân người xin thôi quốc tịch', hours: 160 }, sign: 'Giám đốc Sở Tư pháp ký văn bản trình Chủ tịch UBND tỉnh',
    docs: [form('Đơn xin thôi quốc tịch Việt Nam', 'TP/QT-2020-ĐXTQT.1'), form('Bản khai lý lịch', 'TP/QT-2020-BKLL'), doc('Phiếu lý lịch tư pháp'), doc('Giấy tờ xác nhận việc người đó đang làm thủ tục nhập quốc tịch nước ngoài, đã dịch sang tiếng Việt')],
    fees: [fee('Lệ phí giải quyết thôi quốc tịch Việt Nam', 2500000, '2.500.000 đồng/trường hợp')], req: 'Người xin thôi quốc tịch không đang nợ thuế, không đang bị truy cứu trách nhiệm hình sự hoặc chấp hành bản án, quyết định của Tòa án Việt Nam' }),
  p(QUOC_TICH, { code: '1.005141', name: 'Cấp Giấy xác nhận có quốc tịch Việt Nam ở trong nước', limit: days(10), online: 'partial', result: 'Giấy xác nhận có quốc tịch Việt Nam', sign: 'Giám đốc Sở Tư pháp ký Giấy xác nhận',
    inter: { unitCode: UNIT.congAn, name: 'Công an tỉnh xác minh thông tin về quốc tịch', hours: 24 },
    docs: [form('Tờ khai đề nghị xác nhận có quốc tịch Việt Nam', 'TP/QT-2020-TKXNCQT'), doc('Bản sao giấy tờ chứng minh quốc tịch Việt Nam của người yêu cầu', 'copy')],
    fees: [fee('Lệ phí cấp Giấy xác nhận có quốc tịch Việt Nam', 100000, '100.000 đồng/trường hợp')] }),
  // Hoạt động xây dựng
  p(XD_XA, { code: '1.009994', name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', limit: calendarDays(15), online: 'partial', result: 'Giấy phép xây dựng nhà ở riêng lẻ', resultTemplate: 'Mẫu số 03 Phụ lục II Nghị định số 175/2024/NĐ-CP',
    docs: [form('Đơn đề nghị cấp giấy phép xây dựng', 'số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP'), doc('Giấy tờ chứng minh quyền sử dụng đất', 'copy'), doc('Bản vẽ thiết kế xây dựng: mặt bằng, mặt cắt, mặt đứng, móng và đấu nối hạ tầng', 'original', null, 2)],
    fees: [fee('Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 75000, 'Mức thu do Hội đồng nhân dân tỉnh quy định', 'result')],
    req: 'Phù hợp với mục đích sử dụng đất theo quy hoạch; bảo đảm an toàn cho công trình và công trình lân cận; thiết kế tuân thủ tiêu chuẩn, quy chuẩn kỹ thuật về xây dựng' }),
  p(XD_XA, { code: '1.009995', name: 'Cấp giấy phép xây dựng sửa chữa, cải tạo đối với nhà ở riêng lẻ', limit: days(10), online: 'partial', result: 'Giấy phép xây dựng sửa chữa, cải tạo nhà ở riêng lẻ',
    docs: [form('Đơn đề nghị cấp giấy phép xây dựng', 'số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP'), doc('Giấy tờ chứng minh quyền sở hữu, sử dụng nhà ở', 'copy'), doc('Ảnh chụp hiện trạng công trình đề nghị sửa chữa, cải tạo'), doc('Bản vẽ thiết kế sửa chữa, cải tạo', 'original', null, 2)],
    fees: [fee('Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 75000, 'Mức thu do Hội đồng nhân dân tỉnh quy định', 'result')] }),
  p(XD_XA, { code: '1.009996', name: 'Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ', limit: days(5), online: 'full', paper: true, result: 'Giấy phép xây dựng được gia hạn',
    docs: [form('Đơn đề nghị gia hạn giấy phép xây dựng', 'số 02 Phụ lục II Nghị định số 175/2024/NĐ-CP'), doc('Bản chính giấy phép xây dựng đã được cấp')], fees: [fee('Lệ phí gia hạn giấy phép xây dựng', 15000, 'Mức thu do Hội đồng nhân dân tỉnh quy định', 'result')] }),
  p(XD_TINH, { code: '1.009972', name: 'Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II (công trình không theo tuyến)', limit: days(20), online: 'partial', result: 'Giấy phép xây dựng công trình',
    inter: { unitCode: UNIT.congAn, name: 'Lấy ý kiến Công an tỉnh về thẩm duyệt thiết kế phòng cháy và chữa cháy', hours: 40 },
    docs: [form('Đơn đề nghị cấp giấy phép xây dựng', 'số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP'), doc('Giấy tờ chứng minh quyền sử dụng đất', 'copy'), doc('Quyết định phê duyệt dự án và văn bản thông báo kết quả thẩm định của cơ quan chuyên môn về xây dựng', 'copy'), doc('Bản vẽ thiết kế xây dựng', 'original', null, 2)],
    fees: [fee('Lệ phí cấp giấy phép xây dựng công trình', 150000, 'Mức thu do Hội đồng nhân dân tỉnh quy định', 'result')] }),
  p(XD_TINH, { code: '1.009973', name: 'Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng, điều chỉnh Báo cáo nghiên cứu khả thi đầu tư xây dựng', limit: days(25), online: 'partial', result: 'Văn bản thông báo kết quả thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng',
    docs: [form('Tờ trình thẩm định', 'số 01 Phụ lục I Nghị định số 175/2024/NĐ-CP'), doc('Báo cáo nghiên cứu khả thi đầu tư xây dựng'), doc('Hồ sơ khảo sát xây dựng và thiết kế cơ sở'), doc('Quyết định hoặc văn bản chấp thuận chủ trương đầu tư', 'copy')],
    fees: [fee('Phí thẩm định dự án đầu tư xây dựng', 0, 'Tính theo tỷ lệ phần trăm trên tổng mức đầu tư theo Thông tư số 28/2023/TT-BTC', 'result')] }),
  p(XD_TINH, { code: '1.009980', name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', limit: days(10), online: 'full', subjects: ['citizen'], result: 'Chứng chỉ hành nghề hoạt động xây dựng (bản điện tử)',
    docs: [form('Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng', 'số 01 Phụ lục IV Nghị định số 175/2024/NĐ-CP'), doc('Văn bằng đào tạo chuyên môn', 'electronic'), doc('Kết quả sát hạch đạt yêu cầu', 'electronic'), doc('Ảnh màu cỡ 4x6 cm', 'electronic')],
    fees: [fee('Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng', 300000, '300.000 đồng/chứng chỉ')] }),
  p(XD_TINH, { code: '1.009985', name: 'Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài thực hiện hợp đồng của dự án nhóm B, nhóm C', limit: days(15), online: 'partial', subjects: ['foreigner', 'enterprise'], result: 'Giấy phép hoạt động xây dựng của nhà thầu nước ngoài',
    docs: [form('Đơn đề nghị cấp giấy phép hoạt động xây dựng', 'số 04 Phụ lục IV Nghị định số 175/2024/NĐ-CP'), doc('Quyết định trúng thầu hoặc văn bản chọn thầu', 'certifiedCopy'), doc('Giấy phép thành lập hoặc giấy chứng nhận đăng ký kinh doanh của nhà thầu, đã hợp pháp hóa lãnh sự và dịch sang tiếng Việt', 'certifiedCopy'), doc('Hợp đồng liên danh hoặc hợp đồng với nhà thầu phụ Việt Nam', 'certifiedCopy')],
    fees: [fee('Lệ phí cấp giấy phép hoạt động xây dựng', 2000000, '2.000.000 đồng/giấy phép')] }),
  // Giao thông vận tải
  p(GIAO_THONG, { code: '1.002804', name: 'Cấp Giấy phép liên vận giữa Việt Nam và Trung Quốc cho phương tiện thương mại', limit: days(2), online: 'full', paper: true, subjects: ['enterprise'], result: 'Giấy phép liên vận Việt – Trung',
    docs: [form('Giấy đề nghị cấp Giấy phép vận tải đường bộ quốc tế Việt – Trung', 'Phụ lục Nghị định số 119/2021/NĐ-CP'), doc('Giấy chứng nhận đăng ký xe', 'copy'), doc('Hợp đồng thuê phương tiện (khi phương tiện không thuộc sở hữu của doanh nghiệp)', 'copy', null, 1, false)],
    fees: [fee('Lệ phí cấp giấy phép liên vận', 50000, '50.000 đồng/giấy phép')] }),
  p(GIAO_THONG, { code: '1.002809', name: 'Cấp giấy phép thi công công trình trên đường bộ đang khai thác', limit: days(7), online: 'partial', result: 'Giấy phép thi công', fees: FREE,
    docs: [form('Đơn đề nghị cấp giấy phép thi công', 'Phụ lục Thông tư số 39/2024/TT-BGTVT'), doc('Hồ sơ thiết kế và biện pháp tổ chức thi công bảo đảm an toàn giao thông'), doc('Văn bản chấp thuận thiết kế của cơ quan quản lý đường bộ', 'copy')] }),
  p(GIAO_THONG, { code: '1.002835', name: 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp', limit: days(5), online: 'full', paper: true, anywhere: true, subjects: ['citizen', 'foreigner'], by: 'Công an tỉnh', units: [UNIT.congAn],
    does: 'Phòng Cảnh sát giao thông Công an tỉnh kiểm tra hồ sơ, đối chiếu dữ liệu giấy phép lái xe và giấy khám sức khỏe; đủ điều kiện thì cấp đổi giấy phép lái xe', work: 'Kiểm tra hồ sơ, đối chiếu dữ liệu giấy phép lái xe', sign: 'Lãnh đạo Phòng Cảnh sát giao thông ký duyệt',
    docs: [form('Đơn đề nghị đổi giấy phép lái xe', 'Phụ lục Thông tư số 12/2025/TT-BCA'), doc('Giấy khám sức khỏe của người lái xe (dữ liệu liên thông điện tử)', 'electronic'), doc('Giấy phép lái xe cũ')],
    result: 'Giấy phép lái xe (thẻ PET) và giấy phép lái xe điện tử trên ứng dụng VNeID', fees: [fee('Lệ phí cấp đổi giấy phép lái xe', 135000, '135.000 đồng/lần; nộp trực tuyến được giảm theo quy định của Bộ Tài chính')] }),
  // Đất đai
  p(DAT_XA, { code: '1.012756', name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với cá nhân', limit: days(20), online: 'partial',
    inter: { unitCode: UNIT.nnmt, name: 'Văn phòng đăng ký đất đai trích đo địa chính, cập nhật hồ sơ địa chính, chuyển thông tin xác định nghĩa vụ tài chính', hours: 80 },
    docs: [form('Đơn đăng ký đất đai, tài sản gắn liền với đất', 'số 04/ĐK ban hành kèm Nghị định số 101/2024/NĐ-CP'), doc('Giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai (nếu có)', 'copy', null, 1, false), doc('Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ miễn, giảm nghĩa vụ tài chính', 'copy', null, 1, false)],
    result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', fees: [fee('Lệ phí cấp Giấy chứng nhận', 100000, 'Mức thu do Hội đồng nhân dân tỉnh quy định', 'result')] }),
  p(DAT_XA, { code: '1.012771', name: 'Chuyển mục đích sử dụng đất đối với cá nhân', limit: days(15), online: 'partial', result: 'Quyết định cho phép chuyển mục đích sử dụng đất của Chủ tịch Ủy ban nhân dân cấp xã', sign: 'Chủ tịch UBND cấp xã ký quyết định',
    does: 'Ủy ban nhân dân cấp xã thẩm tra hồ sơ, xác minh thực địa, thẩm định nhu cầu chuyển mục đích sử dụng đất và căn cứ kế hoạch sử dụng đất để quyết định', work: 'Thẩm tra hồ sơ, xác minh thực địa',
    docs: [form('Đơn xin chuyển mục đích sử dụng đất', 'số 02c Phụ lục Nghị định số 102/2024/NĐ-CP'), doc('Giấy chứng nhận quyền sử dụng đất đã cấp')], legal: [L.datDai, L.nd102] }),
  p(DAT_TINH, { code: '1.012789', name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế', limit: days(10), online: 'partial', anywhere: true,
    docs: [form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', 'số 11/ĐK ban hành kèm Nghị định số 101/2024/NĐ-CP'), doc('Hợp đồng, văn bản chuyển nhượng, tặng cho, thừa kế đã công chứng hoặc chứng thực'), doc('Giấy chứng nhận đã cấp')],
    result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất hoặc xác nhận biến động trên Giấy chứng nhận đã cấp', fees: [fee('Lệ phí đăng ký biến động đất đai', 50000, 'Mức thu do Hội đồng nhân dân tỉnh quy định', 'result')] }),
  p(DAT_TINH, { code: '1.012794', name: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', limit: days(7), online: 'partial', anywhere: true, result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (cấp đổi)',
    docs: [form('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất', 'số 11/ĐK ban hành kèm Nghị định số 101/2024/NĐ-CP'), doc('Giấy chứng nhận đã cấp')], fees: [fee('Lệ phí cấp đổi Giấy chứng nhận', 50000, 'Mức thu do Hội đồng nhân dân tỉnh quy định', 'result')] }),
  p(DAT_TINH, { code: '1.012801', name: 'Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', limit: days(3), online: 'partial', anywhere: true, result: 'Chứng nhận đăng ký thế chấp trên Phiếu yêu cầu và trên Giấy chứng nhận',
    docs: [form('Phiếu yêu cầu đăng ký thế chấp', 'số 01a Phụ lục Nghị định số 99/2022/NĐ-CP'), doc('Hợp đồng thế chấp quyền sử dụng đất, tài sản gắn liền với đất', 'certifiedCopy'), doc('Giấy chứng nhận đã cấp')],
    fees: [fee('Lệ phí đăng ký thế chấp', 80000, '80.000 đồng/hồ sơ')], legal: [L.datDai, law('99/2022/NĐ-CP', 'Nghị định về đăng ký biện pháp bảo đảm', '2023-01-01')] }),
  p(DAT_TINH, { code: '1.012815', name: 'Giao đất, cho thuê đất không đấu giá quyền sử dụng đất, không đấu thầu lựa chọn nhà đầu tư thực hiện dự án có sử dụng đất', limit: days(20), online: 'none', by: 'Ủy ban nhân dân tỉnh', subjects: ['enterprise', 'organization'],
    does: 'Sở Nông nghiệp và Môi trường thẩm định hồ sơ, kiểm tra thực địa, trình Ủy ban nhân dân tỉnh quyết định giao đất, cho thuê đất; tổ chức bàn giao đất trên thực địa', work: 'Thẩm định hồ sơ, kiểm tra thực địa', sign: 'Lãnh đạo UBND tỉnh ký quyết định giao đất, cho thuê đất',
    docs: [form('Đơn xin giao đất, cho thuê đất', 'số 02a Phụ lục Nghị định số 102/2024/NĐ-CP'), doc('Văn bản chấp thuận chủ trương đầu tư hoặc quyết định phê duyệt dự án', 'copy'), doc('Trích lục bản đồ địa chính hoặc trích đo địa chính thửa đất')],
    result: 'Quyết định giao đất, cho thuê đất của Ủy ban nhân dân tỉnh', legal: [L.datDai, L.nd102] }),
  // Môi trường
  p(MOI_TRUONG, { code: '1.010727', name: 'Cấp giấy phép môi trường (cấp tỉnh)', limit: days(20), online: 'partial', result: 'Giấy phép môi trường',
    inter: { unitCode: UNIT.xayDung, name: 'Lấy ý kiến Sở Xây dựng về công trình bảo vệ môi trường và quy hoạch', hours: 24 },
    docs: [form('Văn bản đề nghị cấp giấy phép môi trường', 'số 01 Phụ lục XII Nghị định số 08/2022/NĐ-CP'), doc('Báo cáo đề xuất cấp giấy phép môi trường'), doc('Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương của dự án', 'copy')],
    fees: [fee('Phí thẩm định cấp giấy phép môi trường', 5000000, 'Mức thu do Hội đồng nhân dân tỉnh quy định theo quy mô dự án')] }),
  p(MOI_TRUONG, { code: '1.010733', name: 'Thẩm định báo cáo đánh giá tác động môi trường (cấp tỉnh)', limit: days(30), online: 'partial', result: 'Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường',
    docs: [form('Văn bản đề nghị thẩm định báo cáo đánh giá tác động môi trường', 'số 01 Phụ lục IV Nghị định số 08/2022/NĐ-CP'), doc('Báo cáo đánh giá tác động môi trường'), doc('Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương', 'copy')],
    fees: [fee('Phí thẩm định báo cáo đánh giá tác động môi trường', 9500000, 'Mức thu theo tổng vốn đầu tư của dự án do Hội đồng nhân dân tỉnh quy định')] }),
  p(MOI_TRUONG, { code: '1.010740', name: 'Đăng ký môi trường', level: 'commune', by: XA, units: [], limit: days(5), online: 'full', subjects: ['citizen', 'enterprise', 'organization'], result: 'Văn bản tiếp nhận đăng ký môi trường',
    does: 'Ủy ban nhân dân cấp xã kiểm tra nội dung đăng ký, tiếp nhận và cập nhật vào cơ sở dữ liệu môi trường', work: 'Kiểm tra nội dung đăng ký môi trường', sign: 'Lãnh đạo UBND cấp xã ký văn bản tiếp nhận',
    docs: [form('Văn bản đăng ký môi trường', 'số 47 Phụ lục Nghị định số 08/2022/NĐ-CP')] }),
  // Doanh nghiệp (Sở Tài chính)
  p(DOANH_NGHIEP, { code: '2.001610', name: 'Đăng ký thành lập doanh nghiệp tư nhân', limit: days(3), online: 'full', result: 'Giấy chứng nhận đăng ký doanh nghiệp', fees: FEE_DN,
    docs: [form('Giấy đề nghị đăng ký doanh nghiệp', `Phụ lục I-1 ${TT68}`), doc('Giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân', 'copy')] }),
  p(DOANH_NGHIEP, { code: '2.002030', name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', limit: days(3), online: 'full', result: 'Giấy chứng nhận đăng ký doanh nghiệp', fees: FEE_DN,
    docs: [form('Giấy đề nghị đăng ký doanh nghiệp', `Phụ lục I-2 ${TT68}`), doc('Điều lệ công ty'), doc('Giấy tờ pháp lý của chủ sở hữu công ty', 'copy'), doc('Giấy tờ pháp lý của người đại diện theo ủy quyền', 'copy', null, 1, false)] }),
  p(DOANH_NGHIEP, { code: '2.002038', name: 'Đăng ký thành lập công ty cổ phần', limit: days(3), online: 'full', subjects: ['citizen', 'enterprise', 'foreigner'], result: 'Giấy chứng nhận đăng ký doanh nghiệp', fees: FEE_DN,
    docs: [form('Giấy đề nghị đăng ký doanh nghiệp', `Phụ lục I-4 ${TT68}`), doc('Điều lệ công ty'), form('Danh sách cổ đông sáng lập và cổ đông là nhà đầu tư nước ngoài', `Phụ lục I-7 ${TT68}`), doc('Giấy tờ pháp lý của cổ đông sáng lập', 'copy')] }),
  p(DOANH_NGHIEP, { code: '2.002045', name: 'Đăng ký thay đổi nội dung đăng ký doanh nghiệp (đối với công ty trách nhiệm hữu hạn, công ty cổ phần, công ty hợp danh)', limit: days(3), online: 'full', subjects: ['enterprise'], fees: FEE_DN,
    docs: [form('Thông báo thay đổi nội dung đăng ký doanh nghiệp', `Phụ lục II-1 ${TT68}`), doc('Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông về việc thay đổi')], result: 'Giấy chứng nhận đăng ký doanh nghiệp cấp theo nội dung thay đổi' }),
  p(DOANH_NGHIEP, { code: '2.002052', name: 'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo', limit: days(3), online: 'full', subjects: ['enterprise'], fees: FREE,
    docs: [form('Thông báo về việc tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn', `Phụ lục II-19 ${TT68}`)], result: 'Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh hoặc tiếp tục kinh doanh' }),
  p(DOANH_NGHIEP, { code: '2.002059', name: 'Giải thể doanh nghiệp', limit: days(5), online: 'full', subjects: ['enterprise'], fees: FREE, result: 'Thông báo cập nhật tình trạng pháp lý "Đã giải thể" của doanh nghiệp',
    docs: [form('Thông báo về giải thể doanh nghiệp', `Phụ lục II-22 ${TT68}`), doc('Báo cáo thanh lý tài sản, danh sách chủ nợ và số nợ đã thanh toán')] }),
  // Hộ kinh doanh (cấp xã)
  p(HO_KINH_DOANH, { code: '1.001612', name: 'Đăng ký thành lập hộ kinh doanh', limit: days(3), online: 'full', result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    docs: [form('Giấy đề nghị đăng ký hộ kinh doanh', `Phụ lục III-1 ${TT68}`), doc('Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (khi các thành viên hộ gia đình đăng ký)', 'copy', null, 1, false)],
    fees: [fee('Lệ phí đăng ký hộ kinh doanh', 100000, 'Mức thu do Hội đồng nhân dân tỉnh quy định; miễn khi đăng ký qua mạng', 'submission', 0)] }),
  p(HO_KINH_DOANH, { code: '1.001570', name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', limit: days(3), online: 'full', result: 'Giấy chứng nhận đăng ký hộ kinh doanh cấp theo nội dung thay đổi',
    docs: [form('Thông báo thay đổi nội dung đăng ký hộ kinh doanh', `Phụ lục III-2 ${TT68}`)], fees: [fee('Lệ phí đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 50000, 'Mức thu do Hội đồng nhân dân tỉnh quy định')] }),
  p(HO_KINH_DOANH, { code: '1.001266', name: 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh', limit: days(3), online: 'full', fees: FREE,
    docs: [form('Thông báo về việc tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn', `Phụ lục III-3 ${TT68}`)], result: 'Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh' }),
  p(HO_KINH_DOANH, { code: '2.000575', name: 'Chấm dứt hoạt động hộ kinh doanh', limit: days(3), online: 'full', fees: FREE, result: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh',
    docs: [form('Thông báo về việc chấm dứt hoạt động hộ kinh doanh', `Phụ lục III-4 ${TT68}`), doc('Thông báo của cơ quan thuế về việc chấm dứt hiệu lực mã số thuế', 'copy')] }),
  // Bảo trợ xã hội, người có công
  p(BAO_TRO, { code: '1.001776', name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng', limit: days(15), online: 'partial', result: 'Quyết định trợ cấp xã hội hằng tháng của Chủ tịch Ủy ban nhân dân cấp xã',
    docs: [form('Tờ khai đề nghị trợ giúp xã hội', 'số 1a Phụ lục Nghị định số 20/2021/NĐ-CP'), doc('Giấy xác nhận khuyết tật (đối với người khuyết tật)', 'copy', null, 1, false)] }),
  p(BAO_TRO, { code: '1.001731', name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', limit: days(3), online: 'partial', result: 'Quyết định hỗ trợ chi phí mai táng', does: 'Công chức Văn hóa – Xã hội kiểm tra hồ sơ, trình Chủ tịch Ủy ban nhân dân cấp xã quyết định hỗ trợ chi phí mai táng',
    docs: [form('Tờ khai đề nghị hỗ trợ chi phí mai táng', 'số 04 Phụ lục Nghị định số 20/2021/NĐ-CP'), doc('Trích lục khai tử', 'copy')] }),
  p(BAO_TRO, { code: '1.001699', name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', limit: days(25), online: 'partial', result: 'Giấy xác nhận khuyết tật', legal: [L.khuyetTat],
    does: 'Hội đồng xác định mức độ khuyết tật cấp xã tổ chức xác định bằng quan sát trực tiếp và bộ câu hỏi theo tiêu chí; trường hợp không kết luận được thì chuyển Hội đồng Giám định y khoa tỉnh; Chủ tịch Ủy ban nhân dân cấp xã cấp Giấy xác nhận khuyết tật',
    inter: { unitCode: UNIT.yTe, name: 'Hội đồng Giám định y khoa tỉnh (Sở Y tế) giám định mức độ khuyết tật khi Hội đồng cấp xã không kết luận được', hours: 80 },
    docs: [form('Đơn đề nghị xác định, xác định lại mức độ khuyết tật', 'số 01 Thông tư số 01/2019/TT-BLĐTBXH'), doc('Giấy tờ y tế chứng minh về khuyết tật: bệnh án, giấy khám, điều trị, phẫu thuật', 'copy', null, 1, false)] }),
  p(NGUOI_CO_CONG, { code: '1.010810', name: 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ', limit: days(12), online: 'partial', result: 'Quyết định trợ cấp thờ cúng liệt sĩ của Giám đốc Sở Nội vụ',
    inter: { unitCode: UNIT.noiVu, name: 'Sở Nội vụ kiểm tra hồ sơ, ra quyết định trợ cấp thờ cúng liệt sĩ', hours: 56 },
    docs: [form('Bản khai đề nghị giải quyết chế độ thờ cúng liệt sĩ', 'số 12 Phụ lục I Nghị định số 131/2021/NĐ-CP'), form('Văn bản ủy quyền của thân nhân liệt sĩ', 'số 13 Phụ lục I Nghị định số 131/2021/NĐ-CP')] }),
  p(NGUOI_CO_CONG, { code: '1.010822', name: 'Giải quyết chế độ mai táng phí, trợ cấp một lần khi người có công với cách mạng từ trần', limit: days(12), online: 'partial', result: 'Quyết định trợ cấp một lần và mai táng phí',
    inter: { unitCode: UNIT.noiVu, name: 'Sở Nội vụ kiểm tra hồ sơ, ra quyết định trợ cấp một lần và mai táng phí', hours: 56 },
    docs: [form('Bản khai của thân nhân người có công từ trần', 'số 20 Phụ lục I Nghị định số 131/2021/NĐ-CP'), doc('Trích lục khai tử', 'copy')] }),
  p(NGUOI_CO_CONG, { code: '1.010836', name: 'Cấp lại Giấy chứng nhận người có công với cách mạng bị hỏng hoặc bị mất', level: 'province', units: [UNIT.noiVu], limit: days(5), online: 'partial', result: 'Giấy chứng nhận người có công với cách mạng (cấp lại)',
    does: 'Sở Nội vụ đối chiếu hồ sơ người có công đang quản lý; đủ căn cứ thì cấp lại Giấy chứng nhận', work: 'Đối chiếu hồ sơ người có công đang quản lý', sign: 'Giám đốc Sở Nội vụ ký Giấy chứng nhận',
    docs: [form('Đơn đề nghị cấp lại Giấy chứng nhận', 'số 27 Phụ lục I Nghị định số 131/2021/NĐ-CP'), doc('Giấy chứng nhận bị hỏng (nếu có)', 'original', null, 1, false)] }),
  // Giáo dục và đào tạo
  p(GIAO_DUC, { code: '1.005092', name: 'Chuyển trường đối với học sinh trung học phổ thông', limit: days(3), online: 'partial', result: 'Giấy giới thiệu chuyển trường',
    docs: [doc('Đơn xin chuyển trường do cha mẹ hoặc người giám hộ ký', 'original', 'Đơn xin chuyển trường (mẫu ban hành kèm Thông tư số 50/2021/TT-BGDĐT)'), doc('Học bạ'), doc('Giấy giới thiệu chuyển trường do Hiệu trưởng trường nơi đi cấp')] }),
  p(GIAO_DUC, { code: '1.005088', name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', limit: days(1), online: 'full', paper: true, legal: [L.giaoDuc, L.chungThuc], result: 'Bản sao văn bằng, chứng chỉ từ sổ gốc',
    docs: [form('Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'Phụ lục Thông tư số 21/2019/TT-BGDĐT')] }),
  p(GIAO_DUC, { code: '1.005080', name: 'Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở giáo dục nước ngoài cấp', limit: days(20), online: 'partial', subjects: ['citizen', 'foreigner'], result: 'Giấy công nhận văn bằng',
    docs: [form('Đơn đề nghị công nhận văn bằng', 'Phụ lục Thông tư số 13/2021/TT-BGDĐT'), doc('Văn bằng kèm bản dịch tiếng Việt', 'certifiedCopy'), doc('Kết quả học tập', 'certifiedCopy')] }),
  p(GIAO_DUC, { code: '1.004515', name: 'Cho phép trường mầm non, trường mẫu giáo, nhà trẻ hoạt động giáo dục', level: 'commune', by: 'Chủ tịch Ủy ban nhân dân cấp xã', units: [], limit: days(20), online: 'none', subjects: ['organization'],
    does: 'Ủy ban nhân dân cấp xã thẩm định hồ sơ, kiểm tra thực tế cơ sở vật chất, đội ngũ; đủ điều kiện thì Chủ tịch Ủy ban nhân dân cấp xã quyết định cho phép hoạt động giáo dục', work: 'Thẩm định hồ sơ, kiểm tra thực tế', sign: 'Chủ tịch UBND cấp xã ký quyết định',
    docs: [doc('Tờ trình đề nghị cho phép hoạt động giáo dục'), doc('Quyết định thành lập hoặc cho phép thành lập trường', 'copy'), doc('Danh sách cán bộ quản lý, giáo viên, nhân viên kèm văn bằng')], result: 'Quyết định cho phép hoạt động giáo dục' }),
  // Khám bệnh, chữa bệnh
  p(KHAM_CHUA_BENH, { code: '1.012265', name: 'Cấp giấy phép hoạt động đối với phòng khám đa khoa', limit: days(30), online: 'partial', subjects: ['enterprise', 'organization'], result: 'Giấy phép hoạt động khám bệnh, chữa bệnh',
    docs: [form('Đơn đề nghị cấp giấy phép hoạt động', 'số 01 Phụ lục II Nghị định số 96/2023/NĐ-CP'), doc('Bản kê khai cơ sở vật chất, thiết bị y tế và danh sách nhân sự'), doc('Giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập', 'copy')],
    fees: [fee('Phí thẩm định cấp giấy phép hoạt động', 4300000, 'Mức thu đối với phòng khám đa khoa')] }),
  p(KHAM_CHUA_BENH, { code: '1.012240', name: 'Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh đối với chức danh bác sỹ', limit: days(20), online: 'full', result: 'Giấy phép hành nghề khám bệnh, chữa bệnh',
    docs: [form('Đơn đề nghị cấp mới giấy phép hành nghề', 'số 01 Phụ lục I Nghị định số 96/2023/NĐ-CP'), doc('Văn bằng chuyên môn', 'electronic'), doc('Giấy xác nhận kết quả kiểm tra đánh giá năng lực hành nghề', 'electronic'), doc('Giấy chứng nhận đủ sức khỏe để hành nghề', 'electronic')],
    fees: [fee('Phí thẩm định cấp giấy phép hành nghề', 360000, '360.000 đồng/hồ sơ')] }),
  // Thi đua, khen thưởng
  p(THI_DUA, { code: '1.012390', name: 'Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', limit: days(20), online: 'partial', result: 'Quyết định và Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    inter: { unitCode: UNIT.vanPhong, name: 'Văn phòng UBND tỉnh thẩm tra, trình Chủ tịch UBND tỉnh ký quyết định', hours: 40 },
    docs: [doc('Tờ trình đề nghị khen thưởng'), form('Báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng', 'số 01, 02 Phụ lục Nghị định số 98/2023/NĐ-CP'), doc('Biên bản họp xét khen thưởng của Hội đồng Thi đua – Khen thưởng cơ sở')] }),
  p(THI_DUA, { code: '1.012395', name: 'Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh', limit: days(20), online: 'partial', subjects: ['citizen'], result: 'Quyết định và Bằng chứng nhận danh hiệu Chiến sĩ thi đua cấp tỉnh',
    inter: { unitCode: UNIT.vanPhong, name: 'Văn phòng UBND tỉnh thẩm tra, trình Chủ tịch UBND tỉnh ký quyết định', hours: 40 },
    docs: [doc('Tờ trình đề nghị khen thưởng'), form('Báo cáo thành tích cá nhân', 'số 02 Phụ lục Nghị định số 98/2023/NĐ-CP'), doc('Văn bản công nhận sáng kiến hoặc đề tài khoa học', 'copy')] }),
  p(THI_DUA, { code: '1.012402', name: 'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', level: 'commune', by: 'Chủ tịch Ủy ban nhân dân cấp xã', units: [], limit: days(10), online: 'none', result: 'Quyết định và Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã',
    does: 'Công chức phụ trách thi đua, khen thưởng thẩm định hồ sơ, trình Hội đồng Thi đua – Khen thưởng cấp xã xét và Chủ tịch Ủy ban nhân dân cấp xã quyết định', work: 'Thẩm định hồ sơ, trình Hội đồng Thi đua – Khen thưởng cấp xã', sign: 'Chủ tịch UBND cấp xã ký quyết định khen thưởng',
    docs: [doc('Tờ trình đề nghị khen thưởng'), form('Báo cáo thành tích', 'số 01, 02 Phụ lục Nghị định số 98/2023/NĐ-CP')] }),
]);

// ---------------------------------------------------------------------------------------------- publication decisions

export type DecisionItemKind = 'new' | 'amended' | 'replaced' | 'abolished';

export interface DemoDecisionItem {
  kind: DecisionItemKind;
  procedureCode: string;
  replacesCode?: string;
  effectiveFrom: string;
  legalDocumentNumber: string | null;
}

export interface DemoPublicationDecision {
  number: string;
  issuedOn: string;
  signer: string;
  /** The day the procedures were made public on the national database; null while not yet public. */
  publishedOn: string | null;
  items: DemoDecisionItem[];
}

const codesOf = (fields: readonly string[]) => DEMO_PROCEDURES.filter((x) => fields.includes(x.fieldCode)).map((x) => x.code);
const newItems = (codes: readonly string[], effectiveFrom: string, legalDocumentNumber: string | null): DemoDecisionItem[] =>
  codes.map((procedureCode) => ({ kind: 'new', procedureCode, effectiveFrom, legalDocumentNumber }));

/** Fictional signers: the chairman and a vice-chairman of the provincial People's Committee. */
const CHU_TICH = 'Nông Quốc Hùng';
const PHO_CHU_TICH = 'Hà Thị Bích Ngọc';

/**
 * - 1175: the commune-level justice procedures of the two-tier government, issued on time before 1/7/2025.
 * - 1398: enterprise and household-business registration under Decree 168/2025 (in force 1/7/2025), issued
 *   on 18/7/2025: late by the 5-working-day rule.
 * - 1620: land, environment, construction and transport, issued 22/8/2025 but made public only on 10/9/2025:
 *   published late.
 * - 1985: the remaining fields, on time, no new legal basis (standardised after the reorganisation).
 * - 2387: a draft amending two procedures and abolishing one, issued 18/11/2026, not yet public (its items
 *   carry no new content: a seeder reuses the current record for the amended versions).
 * Decree 256/2026 (in force 1/12/2026) and Resolution 18/2026 (1/1/2027) have no decision yet.
 */
export const DEMO_PUBLICATION_DECISIONS: readonly DemoPublicationDecision[] = [
  { number: '1175/QĐ-UBND', issuedOn: '2025-06-20', signer: CHU_TICH, publishedOn: '2025-06-24',
    items: newItems(codesOf(['G09-TP05', 'G09-TP02', 'G09-TP08']), '2025-07-01', L.chinhQuyen.number) },
  { number: '1398/QĐ-UBND', issuedOn: '2025-07-18', signer: PHO_CHU_TICH, publishedOn: '2025-07-21',
    items: newItems(codesOf(['G04-TC06', 'G04-TC07']), '2025-07-18', L.nd168.number) },
  { number: '1620/QĐ-UBND', issuedOn: '2025-08-22', signer: PHO_CHU_TICH, publishedOn: '2025-09-10',
    items: newItems(codesOf(['G12-NM01', 'G12-NM04', 'G11-XD01', 'G11-GT02']), '2025-08-22', null) },
  { number: '1985/QĐ-UBND', issuedOn: '2025-10-06', signer: CHU_TICH, publishedOn: '2025-10-09',
    items: newItems(codesOf(['G09-TP07', 'G09-TP09', 'G10-YT09', 'G02-NV07', 'G08-GD01', 'G10-YT01', 'G02-NV04']), '2025-10-06', null) },
  { number: '2387/QĐ-UBND', issuedOn: '2026-11-18', signer: PHO_CHU_TICH, publishedOn: null,
    items: [
      { kind: 'amended', procedureCode: '1.009994', effectiveFrom: '2026-12-01', legalDocumentNumber: null },
      { kind: 'amended', procedureCode: '1.009995', effectiveFrom: '2026-12-01', legalDocumentNumber: null },
      // The certificate of marital status gives way to a lookup in the electronic civil-status database.
      { kind: 'abolished', procedureCode: '1.004873', effectiveFrom: '2026-12-01', legalDocumentNumber: null },
    ] },
];
