/**
 * The dossier's lists that the server, the contract (src/contract) and the web app share: one home each, so a
 * new queue, form or file type is added once.
 */
import type { ActionType } from './dossier.js';

/** The types a component's file may have, judged by its content. */
export const DOSSIER_FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
/** Original, copy, certified copy or electronic. */
export const DOSSIER_FILE_FORMS = ['original', 'copy', 'certifiedCopy', 'electronic'] as const;
/** The component code of a paper asked for in a supplement request that is none of the dossier's declared components. */
export const SUPPLEMENT_COMPONENT_CODE = 'BO_SUNG';

/** The printable forms of a dossier (Circular 01/2018 forms 01–06; 07 is the register). */
export const DOSSIER_FORMS = ['01', '02', '03', '04', '05', '06'] as const;
export type DossierFormNumber = (typeof DOSSIER_FORMS)[number];
/** Their titles, and the register's (Mẫu số 07), as printed and as the web app names them. */
export const FORM_TITLES = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
  '05': 'Thông báo dừng giải quyết hồ sơ',
  '06': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  '07': 'Sổ theo dõi hồ sơ',
} as const satisfies Record<DossierFormNumber | '07', string>;

/** The officials' work queues. */
export const QUEUES = ['reception', 'mine', 'unassigned', 'all', 'result'] as const;
export type Queue = (typeof QUEUES)[number];

/** The actions an official may take on many dossiers at once, and how many at most. */
export const BULK_ACTION_TYPES = ['claim', 'approve', 'returnResult'] as const satisfies readonly ActionType[];
export const BULK_MAX_ITEMS = 100;

/** The five SIPAS elements, in the survey's order, with what the applicant reads. */
export const RATING_ELEMENTS = {
  access: 'Tiếp cận dịch vụ',
  procedure: 'Thủ tục hành chính',
  official: 'Công chức trực tiếp giải quyết',
  result: 'Kết quả giải quyết',
  feedback: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
} as const;
export type RatingElement = keyof typeof RATING_ELEMENTS;
