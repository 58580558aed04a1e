/**
 * Every expected refusal has a stable machine code and a Vietnamese message for people.
 * The HTTP status of each code is decided in exactly one place: src/http/error-status.ts.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: 'Dữ liệu gửi lên không hợp lệ.',
  FORMULA_INVALID: 'Phiên bản công thức tính chỉ số không hợp lệ.',
  MALFORMED_BODY: 'Nội dung yêu cầu không đọc được (JSON sai cú pháp).',
  UNSUPPORTED_MEDIA_TYPE: 'Định dạng nội dung không được hỗ trợ.',
  BODY_TOO_LARGE: 'Nội dung yêu cầu vượt quá dung lượng cho phép.',
  NOT_FOUND: 'Không tìm thấy đường dẫn yêu cầu.',
  METHOD_NOT_ALLOWED: 'Phương thức không được hỗ trợ.',
  AUTH_REQUIRED: 'Vui lòng đăng nhập để tiếp tục.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  ACCOUNT_DISABLED: 'Tài khoản đã bị khóa.',
  ACCOUNT_LOCKED: 'Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần liên tiếp.',
  CSRF_INVALID: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
  RATE_LIMITED: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.',
  FORBIDDEN_ROLE: 'Vai trò của bạn không được phép thực hiện thao tác này.',
  FORBIDDEN_UNIT: 'Bạn không có quyền truy cập dữ liệu của đơn vị này.',
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị.',
  USERNAME_TAKEN: 'Tên đăng nhập đã tồn tại.',
  WEAK_PASSWORD: 'Mật khẩu phải có ít nhất 10 ký tự.',
  OIDC_FAILED: 'Đăng nhập bằng định danh điện tử không thành công, vui lòng thử lại.',
  OIDC_UNAVAILABLE: 'Hệ thống định danh điện tử tạm thời không truy cập được.',
  CONFLICT: 'Dữ liệu đã bị người khác thay đổi, vui lòng tải lại.',
  PROCEDURE_NOT_FOUND: 'Không tìm thấy thủ tục hành chính.',
  FILE_NOT_FOUND: 'Không tìm thấy tệp.',
  DOSSIER_NOT_FOUND: 'Không tìm thấy hồ sơ.',
  PORTAL_NOT_CONFIGURED: 'Chưa cấu hình kết nối Cổng Dịch vụ công quốc gia (NATIONAL_PORTAL).',
  FEEDBACK_CHALLENGE_FAILED: 'Câu trả lời kiểm tra không đúng hoặc đã hết hạn; vui lòng trả lời câu hỏi mới.',
  FEEDBACK_CHANGED: 'Phản ánh vừa được người khác cập nhật; vui lòng tải lại trước khi thao tác.',
  FEEDBACK_ACTION_NOT_ALLOWED: 'Thao tác này không thực hiện được ở trạng thái hiện tại của phản ánh.',
  FEEDBACK_NOT_FOUND: 'Không tìm thấy phản ánh, kiến nghị (hoặc mã tra cứu không đúng).',
  MAPPING_CHANGED: 'Bảng ánh xạ với Cổng Dịch vụ công quốc gia vừa được người khác sửa; vui lòng tải lại rồi sửa tiếp.',
  DOSSIER_CHANGED: 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại trước khi thao tác.',
  RESULT_NOT_SIGNED: 'Tệp kết quả điện tử phải là văn bản kết quả của hồ sơ đã được lãnh đạo ký số.',
  RESULT_DOCUMENT_NOT_FOUND: 'Không tìm thấy văn bản kết quả.',
  RESULT_DOCUMENT_STATE: 'Văn bản kết quả không ở trạng thái cho phép thao tác này; vui lòng tải lại.',
  RESULT_FILE_NOT_PDF: 'Tệp kết quả phải là tệp PDF đọc được.',
  RESULT_NOT_READY: 'Hồ sơ chưa được phê duyệt nên chưa thể ban hành kết quả.',
  SIGNATURE_INVALID: 'Chữ ký số vừa tạo không hợp lệ nên không được lưu; hồ sơ giữ nguyên.',
  SIGNATURE_TOO_LARGE: 'Chữ ký số vượt quá chỗ dành sẵn trong tệp PDF.',
  SIGNING_PROVIDER_NOT_CONFIGURED: 'Hình thức ký số này chưa được cấu hình cho đơn vị.',
  SIGNING_CERTIFICATE_MISSING: 'Người ký chưa được cấp chứng thư số.',
  SIGNING_CERTIFICATE_REVOKED: 'Chứng thư số của người ký đã bị thu hồi; không thể ký.',
  REMOTE_SIGNING_TIMEOUT: 'Dịch vụ ký số từ xa không phản hồi kịp; văn bản chưa được ký, hồ sơ giữ nguyên.',
  REMOTE_SIGNING_REFUSED: 'Dịch vụ ký số từ xa từ chối yêu cầu ký; văn bản chưa được ký.',
  REMOTE_SIGNING_UNAVAILABLE: 'Không kết nối được dịch vụ ký số từ xa; văn bản chưa được ký.',
  VAULT_DOCUMENT_NOT_FOUND: 'Không tìm thấy giấy tờ trong kho dữ liệu.',
  VAULT_DOCUMENT_EXPIRED: 'Giấy tờ trong kho dữ liệu đã hết hiệu lực; không dùng lại được, cần nộp giấy tờ mới.',
  VAULT_DOCUMENT_WRONG_TYPE: 'Loại giấy tờ này không thay thế được thành phần hồ sơ đã chọn.',
  VAULT_CONSENT_REQUIRED: 'Cán bộ chỉ xem được kho dữ liệu của công dân khi công dân đồng ý tại quầy; hãy ghi nhận sự đồng ý trước.',
  VAULT_IDENTITY_NOT_CHECKED:
    'Tra cứu Cơ sở dữ liệu quốc gia về dân cư (số định danh, họ tên, ngày sinh của công dân) trước khi ghi nhận công dân đồng ý cho xem kho dữ liệu.',
  NATIONAL_VAULT_UNAVAILABLE: 'Kho dữ liệu trên Cổng Dịch vụ công quốc gia tạm thời không phản hồi; vui lòng nộp tệp giấy tờ hoặc thử lại sau.',
  POPULATION_REGISTRY_UNAVAILABLE: 'Cơ sở dữ liệu quốc gia về dân cư tạm thời không phản hồi; tiếp tục nhập thông tin người nộp bằng tay.',
  POPULATION_REGISTRY_REFUSED: 'Nền tảng chia sẻ dữ liệu từ chối yêu cầu tra cứu dân cư; tiếp tục nhập thông tin người nộp bằng tay.',
  PERSONAL_ID_INVALID: 'Số định danh cá nhân phải gồm 12 chữ số, bắt đầu bằng mã tỉnh nơi đăng ký khai sinh (001–096).',
  EID_LEVEL_REQUIRED: 'Thủ tục này yêu cầu tài khoản định danh điện tử VNeID mức độ 2.',
  DIGITIZATION_NOT_CONFIRMED: 'Cần xác nhận bản số hóa đúng với bản gốc trước khi ký số.',
  FEES_NOT_PAID:
    'Hồ sơ còn khoản phí, lệ phí chưa nộp: ghi nhận khoản thu tại mục "Phí, lệ phí" (tiền mặt, chuyển khoản) hoặc chờ người nộp thanh toán trực tuyến.',
  NOTHING_TO_PAY: 'Hồ sơ không có khoản phí, lệ phí nào phải nộp lúc này.',
  PAYMENT_PROVIDER_NOT_OFFERED: 'Đơn vị giải quyết hồ sơ chưa mở hình thức thanh toán này.',
  PAYMENT_GATEWAY_UNAVAILABLE: 'Cổng thanh toán tạm thời không phản hồi; khoản phí chưa bị trừ tiền. Vui lòng thử lại sau ít phút.',
  PAYMENT_IN_PROGRESS: 'Đang có một giao dịch thanh toán chờ cổng thanh toán xác nhận; vui lòng đợi kết quả trước khi thanh toán lại.',
  PAYMENT_NOT_FOUND: 'Không tìm thấy giao dịch thanh toán.',
  PAYMENT_STATE_CHANGED: 'Giao dịch thanh toán vừa thay đổi trạng thái; vui lòng tải lại.',
  FEE_LINE_NOT_FOUND: 'Không tìm thấy khoản phí, lệ phí.',
  FEE_LINE_ALREADY_PAID: 'Khoản phí, lệ phí này đã được nộp; không điều chỉnh được.',
  RECEIPT_NOT_FOUND: 'Không tìm thấy biên lai.',
  ACTION_NOT_AVAILABLE: 'Thao tác này không thực hiện được ở trạng thái hiện tại của hồ sơ, hoặc bạn không phải người đang xử lý.',
  INVALID_STEP: 'Bước chuyển đến không có trong quy trình hoặc là bước hiện tại.',
  NEW_DATE_NOT_LATER: 'Ngày hẹn mới phải sau ngày hẹn hiện tại.',
  TOO_MANY_EXTENSIONS: 'Hồ sơ đã được hẹn lại; không được hẹn lại lần nữa.',
  NEW_DATE_OUTSIDE_OFFICE_HOURS: 'Ngày hẹn mới phải là ngày làm việc và trong giờ làm việc của đơn vị.',
  SUPPLEMENT_ALREADY_REQUESTED: 'Hồ sơ đã được yêu cầu bổ sung một lần trong quá trình giải quyết; theo quy định chỉ được yêu cầu bổ sung một lần.',
  REPEATED_SUPPLEMENT_NOT_ACKNOWLEDGED: 'Yêu cầu bổ sung lần thứ hai: hồ sơ sẽ bị tính là quá hạn. Cần xác nhận đã biết trước khi gửi.',
  RECIPIENT_NOT_ELIGIBLE: 'Cán bộ nhận phải là cán bộ đang hoạt động của đơn vị và đúng vai trò của bước chuyển đến.',
  LOOKUP_KEY_INVALID: 'Mã tra cứu không đúng. Vui lòng xem lại mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
  METRICS_LOCAL_ONLY: 'Số liệu giám sát chỉ đọc được từ chính máy chủ; đặt METRICS_TOKEN để đọc từ xa.',
  ARCHIVE_LIMITS_EXCEEDED: 'Tệp nén (xlsx, docx) vượt giới hạn an toàn khi giải nén: số mục, dung lượng sau giải nén hoặc tỷ lệ nén.',
  MANDATORY_COMPONENTS_MISSING: 'Hồ sơ thiếu thành phần bắt buộc: tiếp nhận đủ thành phần hoặc lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02).',
  CHANNEL_NOT_OFFERED: 'Thủ tục này không được thực hiện qua kênh đã chọn.',
  DECISION_NOT_FOUND: 'Không tìm thấy quyết định công bố.',
  DECISION_NUMBER_TAKEN: 'Số quyết định công bố này đã có.',
  DECISION_NOT_DRAFT: 'Quyết định đã được công bố: không thể công bố lại hoặc xóa.',
  NATIONAL_NOTICE_NOT_FOUND: 'Không tìm thấy thông báo thay đổi thủ tục trên CSDL quốc gia.',
  LEGAL_DOCUMENT_EXISTS: 'Văn bản pháp luật này đã có trong danh mục.',
  PUBLICATION_BLOCKED: 'Quyết định chưa thể công bố: thủ tục chưa đầy đủ hoặc không khớp với danh mục hiện hành.',
  SERVICE_UNAVAILABLE: 'Hệ thống tạm thời không phục vụ được, vui lòng thử lại sau.',
  INTERNAL: 'Hệ thống gặp sự cố, vui lòng thử lại sau.',
  DOSSIER_ALREADY_RATED: 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface AppErrorValue {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

export function fail(code: ErrorCode, details?: unknown): { ok: false; error: AppErrorValue } {
  return { ok: false, error: { code, message: ERROR_MESSAGES[code], ...(details === undefined ? {} : { details }) } };
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
