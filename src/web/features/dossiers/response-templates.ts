/**
 * Canned Vietnamese reasons an official picks instead of typing the same sentence at every counter. A
 * supplement template also proposes the documents to ask for; both stay editable before sending.
 */
import type { ActionType } from '../../../domain/dossier/dossier.js';

export interface ResponseTemplate {
  reason: string;
  /** Documents to ask for (supplement requests only). */
  items?: readonly string[];
}

const SUPPLEMENT: readonly ResponseTemplate[] = [
  { reason: 'Thiếu bản sao giấy tờ tùy thân', items: ['Bản sao Thẻ căn cước hoặc Căn cước công dân của người yêu cầu'] },
  { reason: 'Tờ khai chưa ghi đầy đủ thông tin theo mẫu', items: ['Tờ khai ghi đầy đủ thông tin, có chữ ký của người yêu cầu'] },
  { reason: 'Bản sao chưa được chứng thực hoặc không kèm bản chính để đối chiếu', items: ['Bản sao có chứng thực hoặc bản chính để đối chiếu'] },
  { reason: 'Thông tin giữa các giấy tờ trong hồ sơ không thống nhất', items: ['Văn bản xác nhận hoặc giấy tờ đã điều chỉnh thông tin cho thống nhất'] },
  { reason: 'Giấy tờ nộp kèm đã hết thời hạn sử dụng', items: ['Giấy tờ còn thời hạn sử dụng'] },
  { reason: 'Thiếu văn bản ủy quyền khi nộp hồ sơ thay', items: ['Văn bản ủy quyền được chứng thực theo quy định'] },
];

const REFUSAL: readonly ResponseTemplate[] = [
  { reason: 'Thủ tục không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận' },
  { reason: 'Người nộp không thuộc đối tượng thực hiện thủ tục hành chính' },
  { reason: 'Người nộp không bổ sung, hoàn thiện hồ sơ theo hướng dẫn' },
  { reason: 'Hồ sơ giả mạo hoặc có dấu hiệu tẩy xóa, sửa chữa giấy tờ' },
];

const REJECTION: readonly ResponseTemplate[] = [
  { reason: 'Hồ sơ không đủ điều kiện giải quyết theo quy định của pháp luật' },
  { reason: 'Kết quả xác minh không phù hợp với thông tin trong hồ sơ' },
  { reason: 'Người yêu cầu không thực hiện nghĩa vụ tài chính theo quy định' },
];

const APOLOGY: readonly ResponseTemplate[] = [
  { reason: 'Cần thêm thời gian xác minh thông tin với cơ quan liên quan' },
  { reason: 'Hệ thống cơ sở dữ liệu chuyên ngành gặp sự cố, chưa cập nhật được kết quả' },
  { reason: 'Người có thẩm quyền ký kết quả đi công tác đột xuất' },
];

const WITHDRAWAL: readonly ResponseTemplate[] = [{ reason: 'Người nộp hồ sơ có văn bản đề nghị rút hồ sơ' }];

const STOP: readonly ResponseTemplate[] = [
  { reason: 'Người yêu cầu không bổ sung hồ sơ trong thời hạn theo yêu cầu' },
  { reason: 'Có tranh chấp, khiếu nại liên quan đang được cơ quan có thẩm quyền giải quyết' },
];

const RECOMPUTE: readonly ResponseTemplate[] = [{ reason: 'Lịch nghỉ lễ, làm bù năm nay được công bố sau khi tiếp nhận hồ sơ' }];

const TEMPLATES: Partial<Record<ActionType, readonly ResponseTemplate[]>> = {
  requestSupplement: SUPPLEMENT,
  requestSupplementAtReception: SUPPLEMENT,
  refuse: REFUSAL,
  reject: REJECTION,
  apologize: APOLOGY,
  withdraw: WITHDRAWAL,
  stop: STOP,
  recomputeDue: RECOMPUTE,
};

/** The templates offered for an action's reason; empty when it has none. */
export function templatesFor(type: ActionType): readonly ResponseTemplate[] {
  return TEMPLATES[type] ?? [];
}
