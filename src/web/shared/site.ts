export const SITE_NAME = 'Cổng Dịch vụ công tỉnh Lạng Sơn';
export const BACK_OFFICE_NAME = 'Hệ thống giải quyết thủ tục hành chính tỉnh Lạng Sơn';
export const MAIN_CONTENT_ID = 'noi-dung-chinh';
export const VNEID_LOGIN_URL = '/api/v1/auth/oidc/start?returnTo=/tai-khoan';
