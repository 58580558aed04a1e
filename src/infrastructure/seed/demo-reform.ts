/**
 * The demo province's reform plan for 2026 and its register of legal documents (issue 23 items 7 and 8). Pure data;
 * numbers and texts are illustrative, in the style of a province's plan and documents. As of early December 2026: 7
 * of 12 tasks done (one of them late), one overdue, two due in the coming days; one document's review overdue.
 */
import type { LegalDocumentType, LegalRelation, MarkedStatus, ReviewResult } from '../../domain/legal-documents/legal-document.js';
import type { ReformTaskKind, RemedyStatus } from '../../domain/reform-plan/reform-task.js';

const JUSTICE = '000.00.03.H37';
const TAM_THANH = '000.00.31.H37';
const CAO_LOC = '000.00.35.H37';

export const DEMO_REFORM_PLAN = { year: 2026, title: 'Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân tỉnh Lạng Sơn' } as const;

export interface DemoReformTask {
  kind: ReformTaskKind;
  content: string;
  unitCode: string;
  deadline: string;
  expectedOutput: string;
  /** Done on that day with the evidence link; in progress with the note; or not started (neither). */
  done?: { on: string; evidence: string };
  progress?: string;
  findings?: readonly { content: string; remedy: RemedyStatus }[];
}

const EVIDENCE = 'https://langson.gov.vn/van-ban/cchc-2026';

export const DEMO_REFORM_TASKS: readonly DemoReformTask[] = [
  {
    kind: 'task',
    content: 'Rà soát, đánh giá thủ tục hành chính lĩnh vực hộ tịch, chứng thực; đề xuất phương án đơn giản hóa',
    unitCode: JUSTICE,
    deadline: '2026-06-30',
    expectedOutput: 'Báo cáo rà soát và phương án đơn giản hóa trình UBND tỉnh',
    done: { on: '2026-06-25', evidence: `${EVIDENCE}/bao-cao-ra-soat-ho-tich` },
  },
  {
    kind: 'task',
    content: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành năm 2025',
    unitCode: JUSTICE,
    deadline: '2026-03-31',
    expectedOutput: 'Danh mục văn bản còn hiệu lực, hết hiệu lực, cần sửa đổi',
    done: { on: '2026-04-10', evidence: `${EVIDENCE}/ket-qua-he-thong-hoa-2025` },
  },
  {
    kind: 'inspection',
    content: 'Kiểm tra công tác kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa tại UBND các xã, phường',
    unitCode: JUSTICE,
    deadline: '2026-10-31',
    expectedOutput: 'Kết luận kiểm tra',
    done: { on: '2026-10-20', evidence: `${EVIDENCE}/ket-luan-kiem-tra-mot-cua` },
    findings: [
      { content: 'Phường Tam Thanh niêm yết chưa đầy đủ 5 thủ tục lĩnh vực đất đai tại Bộ phận Một cửa', remedy: 'remedied' },
      { content: 'Xã Cao Lộc còn 12 hồ sơ trễ hạn chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả', remedy: 'remedying' },
      { content: 'Tỷ lệ số hóa kết quả giải quyết thủ tục hành chính của xã Cao Lộc dưới 50%', remedy: 'open' },
    ],
  },
  {
    kind: 'task',
    content: 'Số hóa sổ hộ tịch lưu trữ giai đoạn 2015–2020',
    unitCode: JUSTICE,
    deadline: '2026-12-15',
    expectedOutput: 'Dữ liệu hộ tịch điện tử được cập nhật vào cơ sở dữ liệu',
    progress: 'Đã số hóa 8.200/10.500 trang sổ.',
  },
  {
    kind: 'task',
    content: 'Niêm yết, công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa phường',
    unitCode: TAM_THANH,
    deadline: '2026-03-31',
    expectedOutput: 'Bảng niêm yết, danh mục thủ tục cập nhật',
    done: { on: '2026-03-20', evidence: `${EVIDENCE}/niem-yet-tam-thanh` },
  },
  {
    kind: 'task',
    content: 'Tiếp nhận 100% hồ sơ thủ tục hành chính qua Hệ thống thông tin giải quyết thủ tục hành chính',
    unitCode: TAM_THANH,
    deadline: '2026-06-30',
    expectedOutput: 'Báo cáo kết quả tiếp nhận qua hệ thống',
    done: { on: '2026-06-30', evidence: `${EVIDENCE}/tiep-nhan-tam-thanh` },
  },
  {
    kind: 'task',
    content: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt tỷ lệ 80%',
    unitCode: TAM_THANH,
    deadline: '2026-11-30',
    expectedOutput: 'Báo cáo tỷ lệ số hóa',
    progress: 'Tỷ lệ số hóa đến hết tháng 11 đạt 71%.',
  },
  {
    kind: 'task',
    content: 'Tổ chức đối thoại với người dân, doanh nghiệp về giải quyết thủ tục hành chính',
    unitCode: TAM_THANH,
    deadline: '2026-12-20',
    expectedOutput: 'Biên bản hội nghị đối thoại',
  },
  {
    kind: 'task',
    content: 'Kiện toàn Bộ phận Một cửa xã sau sắp xếp đơn vị hành chính',
    unitCode: CAO_LOC,
    deadline: '2026-02-28',
    expectedOutput: 'Quyết định kiện toàn Bộ phận Một cửa',
    done: { on: '2026-02-15', evidence: `${EVIDENCE}/kien-toan-mot-cua-cao-loc` },
  },
  {
    kind: 'task',
    content: 'Tuyên truyền, hướng dẫn người dân nộp hồ sơ, thanh toán phí, lệ phí trực tuyến',
    unitCode: CAO_LOC,
    deadline: '2026-09-30',
    expectedOutput: 'Báo cáo kết quả tuyên truyền',
    done: { on: '2026-09-28', evidence: `${EVIDENCE}/tuyen-truyen-cao-loc` },
  },
  {
    kind: 'task',
    content: 'Khảo sát mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của xã',
    unitCode: CAO_LOC,
    deadline: '2026-12-31',
    expectedOutput: 'Báo cáo kết quả khảo sát',
    progress: 'Đã thu 240/300 phiếu khảo sát.',
  },
  {
    kind: 'task',
    content: 'Rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính của xã',
    unitCode: CAO_LOC,
    deadline: '2026-12-10',
    expectedOutput: 'Quy trình nội bộ được phê duyệt, cập nhật lên hệ thống',
  },
];

export interface DemoRegisterDocument {
  number: string;
  type: LegalDocumentType;
  title: string;
  issuer: string;
  issuedOn: string;
  effectiveFrom: string;
  expiresOn?: string;
  markedStatus?: MarkedStatus;
  reviewDueOn: string | null;
  reviews?: readonly { reviewedOn: string; dueOn: string; result: ReviewResult; nextDueOn: string }[];
  /** This document changes an earlier one of the register. */
  changes?: { number: string; relation: LegalRelation };
}

const HDND = 'Hội đồng nhân dân tỉnh Lạng Sơn';
const UBND = 'Ủy ban nhân dân tỉnh Lạng Sơn';

/** The resolution on fees is the catalogue's legal basis already (demo-catalogue.ts): the register takes it in. */
export const DEMO_REGISTER: readonly DemoRegisterDocument[] = [
  {
    number: '07/2022/NQ-HĐND',
    type: 'resolution',
    title: 'Nghị quyết quy định mức thu, chế độ thu, nộp lệ phí hộ tịch trên địa bàn tỉnh Lạng Sơn',
    issuer: HDND,
    issuedOn: '2022-07-15',
    effectiveFrom: '2022-08-01',
    reviewDueOn: '2026-12-31',
  },
  {
    number: '18/2026/NQ-HĐND',
    type: 'resolution',
    title:
      'Nghị quyết quy định mức thu, miễn, giảm, chế độ thu, nộp, quản lý và sử dụng lệ phí hộ tịch, lệ phí cấp giấy phép xây dựng trên địa bàn tỉnh Lạng Sơn',
    issuer: HDND,
    issuedOn: '2026-11-06',
    effectiveFrom: '2027-01-01',
    reviewDueOn: '2027-12-31',
    changes: { number: '07/2022/NQ-HĐND', relation: 'replaces' },
  },
  {
    number: '12/2024/QĐ-UBND',
    type: 'decision',
    title: 'Quyết định ban hành Quy chế phối hợp giải quyết thủ tục hành chính theo cơ chế một cửa liên thông trên địa bàn tỉnh Lạng Sơn',
    issuer: UBND,
    issuedOn: '2024-03-15',
    effectiveFrom: '2024-03-25',
    reviewDueOn: '2027-03-31',
    reviews: [{ reviewedOn: '2026-03-20', dueOn: '2026-03-31', result: 'amend', nextDueOn: '2027-03-31' }],
  },
  {
    number: '03/2026/QĐ-UBND',
    type: 'decision',
    title: 'Quyết định sửa đổi, bổ sung một số điều của Quy chế ban hành kèm theo Quyết định số 12/2024/QĐ-UBND',
    issuer: UBND,
    issuedOn: '2026-02-10',
    effectiveFrom: '2026-02-20',
    reviewDueOn: '2027-02-10',
    changes: { number: '12/2024/QĐ-UBND', relation: 'amends' },
  },
  {
    number: '25/2023/QĐ-UBND',
    type: 'decision',
    title: 'Quyết định quy định việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trên địa bàn tỉnh Lạng Sơn',
    issuer: UBND,
    issuedOn: '2023-08-10',
    effectiveFrom: '2023-08-20',
    reviewDueOn: '2026-06-30',
  },
  {
    number: '15/2021/QĐ-UBND',
    type: 'decision',
    title: 'Quyết định quy định chức năng, nhiệm vụ, quyền hạn của Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn',
    issuer: UBND,
    issuedOn: '2021-05-05',
    effectiveFrom: '2021-05-15',
    expiresOn: '2025-07-01',
    reviewDueOn: null,
  },
  {
    number: '05/2014/CT-UBND',
    type: 'directive',
    title: 'Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính trong giải quyết thủ tục hành chính',
    issuer: 'Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn',
    issuedOn: '2014-04-02',
    effectiveFrom: '2014-04-02',
    markedStatus: 'partlyExpired',
    reviewDueOn: '2027-10-15',
    reviews: [{ reviewedOn: '2026-10-15', dueOn: '2026-09-30', result: 'amend', nextDueOn: '2027-10-15' }],
  },
  {
    number: '09/2025/QĐ-UBND',
    type: 'decision',
    title: 'Quyết định phân cấp giải quyết thủ tục hành chính cho Ủy ban nhân dân cấp xã sau sắp xếp đơn vị hành chính',
    issuer: UBND,
    issuedOn: '2025-06-20',
    effectiveFrom: '2025-07-01',
    reviewDueOn: '2026-12-31',
  },
];
