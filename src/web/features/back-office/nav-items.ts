import { hasCapability, type Capability, type Role } from '../../../domain/access/roles.js';

export interface NavItem {
  label: string;
  path: string;
  /** Needed to see the entry (several: any one of them); null means every official. */
  capability: Capability | readonly Capability[] | null;
  /** False while the screen is a placeholder. */
  implemented: boolean;
  description: string;
}

/** The back-office menu, shown per role from the same capability table the server enforces. */
export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Tổng quan', path: '/can-bo', capability: null, implemented: true, description: 'Trang chính của cán bộ.' },
  {
    label: 'Tiếp nhận hồ sơ',
    path: '/can-bo/tiep-nhan-ho-so',
    capability: 'dossier.receive',
    implemented: true,
    description: 'Tiếp nhận hồ sơ trực tiếp và trực tuyến tại Bộ phận Một cửa.',
  },
  {
    label: 'Xử lý hồ sơ',
    path: '/can-bo/xu-ly-ho-so',
    capability: 'dossier.process',
    implemented: true,
    description: 'Thẩm định, xử lý hồ sơ được phân công.',
  },
  {
    label: 'Phê duyệt',
    path: '/can-bo/phe-duyet',
    capability: 'dossier.approve',
    implemented: true,
    description: 'Xem xét, ký duyệt kết quả giải quyết hồ sơ.',
  },
  {
    label: 'Phản ánh, kiến nghị',
    path: '/can-bo/phan-anh',
    capability: 'feedback.handle',
    implemented: true,
    description:
      'Phản ánh, kiến nghị của người dân, doanh nghiệp: phân loại, chuyển xử lý, dự thảo và duyệt trả lời, công khai; nhập phản ánh qua đường dây nóng, thư, thư điện tử.',
  },
  {
    label: 'Thu phí, lệ phí',
    path: '/can-bo/thu-phi',
    capability: 'payment.manage',
    implemented: true,
    description: 'Xác nhận chuyển khoản, hoàn trả, kiểm tra giao dịch thanh toán và đối soát với cổng thanh toán theo ngày.',
  },
  {
    label: 'Cây đơn vị',
    path: '/can-bo/don-vi',
    capability: 'units.view',
    implemented: true,
    description: 'Cơ cấu cơ quan, đơn vị và cán bộ trực thuộc.',
  },
  {
    label: 'Chỉ số 766',
    path: '/can-bo/chi-so',
    capability: 'scorecard.view',
    implemented: true,
    description:
      'Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ (Quyết định 766/QĐ\u2011TTg): điểm, xếp hạng đơn vị, diễn biến, dự báo và hồ sơ làm mất điểm.',
  },
  {
    label: 'Báo cáo giải quyết TTHC',
    path: '/can-bo/bao-cao-giai-quyet',
    capability: 'scorecard.view',
    implemented: true,
    description: 'Báo cáo tình hình, kết quả giải quyết thủ tục hành chính theo đơn vị, lĩnh vực, thủ tục; xuất Excel, PDF.',
  },
  {
    label: 'Báo cáo số hóa',
    path: '/can-bo/bao-cao-so-hoa',
    capability: 'scorecard.view',
    implemented: true,
    description:
      'Báo cáo số hóa và dữ liệu dân cư: tỷ lệ hồ sơ được số hóa, tái sử dụng dữ liệu, tra cứu CSDL dân cư theo đơn vị và cán bộ, thời gian tiếp nhận tại quầy.',
  },
  {
    label: 'Khảo sát sự hài lòng',
    path: '/can-bo/khao-sat-hai-long',
    capability: 'scorecard.view',
    implemented: true,
    description:
      'Khảo sát sự hài lòng của người dân (5 yếu tố SIPAS): mở đợt khảo sát theo mẫu ngẫu nhiên, chỉ số theo đơn vị và yếu tố, tỷ lệ phản hồi, sai số; tổng hợp tháng gửi Cổng DVCQG.',
  },
  {
    label: 'Đồng bộ Cổng DVCQG',
    path: '/can-bo/dong-bo-cong-dvcqg',
    capability: 'audit.view',
    implemented: true,
    description:
      'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia: hàng đợi, tỷ lệ hồ sơ đã đồng bộ theo đơn vị, đối soát, hồ sơ bị Cổng từ chối và bảng ánh xạ mã.',
  },
  {
    label: 'Lịch làm việc',
    path: '/can-bo/lich-lam-viec',
    capability: 'calendar.manage',
    implemented: true,
    description: 'Ngày nghỉ lễ, nghỉ bù, làm bù hằng năm và giờ làm việc của đơn vị, dùng để tính ngày hẹn trả.',
  },
  {
    label: 'Theo dõi công bố TTHC',
    path: '/can-bo/cong-bo-thu-tuc',
    capability: 'catalogue.manage',
    implemented: true,
    description: 'Quyết định công bố ban hành muộn, thủ tục công khai muộn hoặc sắp đến hạn, văn bản sắp có hiệu lực chưa có quyết định.',
  },
  {
    label: 'Quyết định công bố',
    path: '/can-bo/quyet-dinh-cong-bo',
    capability: 'catalogue.manage',
    implemented: true,
    description: 'Soạn, kiểm tra và công bố quyết định công bố thủ tục hành chính; văn bản pháp luật làm căn cứ.',
  },
  {
    label: 'Chỉ số CCHC',
    path: '/can-bo/chi-so-cai-cach',
    capability: ['par.manage', 'par.assess'],
    implemented: true,
    description:
      'Chỉ số cải cách hành chính: bộ chỉ số theo năm và cấp, đơn vị tự đánh giá kèm tài liệu kiểm chứng và số liệu tự động, thẩm định, xếp hạng, biểu đồ và báo cáo.',
  },
  {
    label: 'Kế hoạch cải cách hành chính',
    path: '/can-bo/ke-hoach-cai-cach',
    capability: 'reform.manage',
    implemented: true,
    description:
      'Kế hoạch cải cách hành chính năm: nhập từ Excel, tỷ lệ hoàn thành theo đơn vị và của tỉnh, nhiệm vụ quá hạn, kế hoạch kiểm tra và kết quả khắc phục; xuất Excel.',
  },
  {
    label: 'Nhiệm vụ cải cách hành chính',
    path: '/can-bo/ke-hoach-cai-cach',
    capability: 'reform.report',
    implemented: true,
    description: 'Nhiệm vụ cải cách hành chính đơn vị chủ trì: báo cáo tiến độ, kết quả hoàn thành kèm minh chứng; nhắc trước thời hạn.',
  },
  {
    label: 'Văn bản quy phạm pháp luật',
    path: '/can-bo/van-ban-phap-luat',
    capability: 'reform.manage',
    implemented: true,
    description: 'Văn bản quy phạm pháp luật của tỉnh: hiệu lực, văn bản sửa đổi, bãi bỏ, thay thế; lịch rà soát, hệ thống hóa, văn bản quá hạn rà soát.',
  },
  {
    label: 'Kết nối hệ thống',
    path: '/quan-tri/ket-noi',
    capability: 'audit.view',
    implemented: true,
    description: 'Tình trạng các hệ thống kết nối: Cổng DVCQG, CSDL dân cư, thanh toán, ký số, thư điện tử; hàng đợi, độ trễ, tỷ lệ lỗi.',
  },
  {
    label: 'Nhật ký hệ thống',
    path: '/can-bo/nhat-ky',
    capability: 'audit.view',
    implemented: true,
    description: 'Ghi nhận các thao tác trên hệ thống.',
  },
];

/** Entries still shown as a placeholder page; each needs a capability. */
export const PLACEHOLDER_ITEMS = NAV_ITEMS.filter(
  (item): item is NavItem & { capability: Capability | readonly Capability[] } => !item.implemented && item.capability !== null,
);

/** Whether the role holds the capability, or one of several. */
export function holdsAny(role: Role, capability: Capability | readonly Capability[]): boolean {
  return typeof capability === 'string' ? hasCapability(role, capability) : capability.some((c) => hasCapability(role, c));
}

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.capability === null || holdsAny(role, item.capability));
}
