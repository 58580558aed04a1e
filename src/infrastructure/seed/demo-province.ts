/**
 * Demo data for Tỉnh Lạng Sơn under the two-tier local government in force since 1/7/2025
 * (province → commune). Historical districts are kept read-only, valid until 30/6/2025, with
 * `replacedBy` pointing at the communes that took over their territory.
 *
 * Pure data: no I/O. Codes follow the agency electronic identifier V1V2V3.Z1Z2.Y1Y2.MX1X2:
 *   000.00.00.H37            the province
 *   000.00.01–15.H37         departments (sở, ban, ngành)
 *   000.00.20.H37            provincial public administration service centre
 *   000.01.20.H37            its one-stop desk
 *   000.00.21–25.H37         historical districts (before 1/7/2025)
 *   000.00.31–55.H37         communes and wards
 *   000.01.NN.H37            the service centre of commune 000.00.NN.H37
 *
 * The unit list is a demo subset (the real province has 65 commune-level units); names are real,
 * codes are illustrative.
 */
import type { Unit } from '../../domain/units/unit.js';
import type { OfficialRole } from '../../domain/access/roles.js';

export const DEMO_PROVINCE_CODE = '000.00.00.H37';

const PROVINCE_SUFFIX = 'H37';
const TWO_TIER_START = '2025-07-01';
const DISTRICT_END = '2025-06-30';
const BASELINE = '2008-01-01';
/** Departments created or renamed by the 2025 restructuring took effect on 1/3/2025. */
const RESTRUCTURE_2025 = '2025-03-01';

function code(z: string, y: string): string {
  return `000.${z}.${y}.${PROVINCE_SUFFIX}`;
}

const PROVINCE: Unit = {
  code: DEMO_PROVINCE_CODE,
  name: 'Ủy ban nhân dân tỉnh Lạng Sơn',
  level: 'province',
  parentCode: null,
  validFrom: BASELINE,
  validTo: null,
  replacedBy: [],
};

/** [Y1Y2, name, validFrom] */
const DEPARTMENT_ROWS: readonly (readonly [string, string, string])[] = [
  ['01', 'Văn phòng Ủy ban nhân dân tỉnh', BASELINE],
  ['02', 'Sở Nội vụ', RESTRUCTURE_2025],
  ['03', 'Sở Tư pháp', BASELINE],
  ['04', 'Sở Tài chính', RESTRUCTURE_2025],
  ['05', 'Sở Công Thương', BASELINE],
  ['06', 'Sở Nông nghiệp và Môi trường', RESTRUCTURE_2025],
  ['07', 'Sở Xây dựng', RESTRUCTURE_2025],
  ['08', 'Sở Khoa học và Công nghệ', RESTRUCTURE_2025],
  ['09', 'Sở Giáo dục và Đào tạo', BASELINE],
  ['10', 'Sở Y tế', BASELINE],
  ['11', 'Sở Văn hóa, Thể thao và Du lịch', BASELINE],
  ['12', 'Sở Dân tộc và Tôn giáo', RESTRUCTURE_2025],
  ['13', 'Thanh tra tỉnh', BASELINE],
  ['14', 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn', BASELINE],
  ['15', 'Công an tỉnh', BASELINE],
];

const DEPARTMENTS: Unit[] = DEPARTMENT_ROWS.map(([y, name, validFrom]) => ({
  code: code('00', y),
  name,
  level: 'department',
  parentCode: DEMO_PROVINCE_CODE,
  validFrom,
  validTo: null,
  replacedBy: [],
}));

const PROVINCIAL_SERVICE_CENTER_CODE = code('00', '20');

const PROVINCIAL_SERVICE: Unit[] = [
  {
    code: PROVINCIAL_SERVICE_CENTER_CODE,
    name: 'Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn',
    level: 'service_center',
    parentCode: DEMO_PROVINCE_CODE,
    validFrom: TWO_TIER_START,
    validTo: null,
    replacedBy: [],
  },
  {
    code: code('01', '20'),
    name: 'Bộ phận Một cửa - Trung tâm Phục vụ hành chính công tỉnh',
    level: 'one_stop_desk',
    parentCode: PROVINCIAL_SERVICE_CENTER_CODE,
    validFrom: TWO_TIER_START,
    validTo: null,
    replacedBy: [],
  },
];

/** [Y1Y2, official short name] — wards first, then communes. */
const COMMUNE_ROWS: readonly (readonly [string, string])[] = [
  ['31', 'Phường Tam Thanh'],
  ['32', 'Phường Lương Văn Tri'],
  ['33', 'Phường Đông Kinh'],
  ['34', 'Phường Kỳ Lừa'],
  ['35', 'Xã Cao Lộc'],
  ['36', 'Xã Đồng Đăng'],
  ['37', 'Xã Công Sơn'],
  ['38', 'Xã Ba Sơn'],
  ['39', 'Xã Hữu Lũng'],
  ['40', 'Xã Tuấn Sơn'],
  ['41', 'Xã Cai Kinh'],
  ['42', 'Xã Yên Bình'],
  ['43', 'Xã Chi Lăng'],
  ['44', 'Xã Quan Sơn'],
  ['45', 'Xã Nhân Lý'],
  ['46', 'Xã Lộc Bình'],
  ['47', 'Xã Mẫu Sơn'],
  ['48', 'Xã Na Dương'],
  ['49', 'Xã Đình Lập'],
  ['50', 'Xã Tràng Định'],
  ['51', 'Xã Thất Khê'],
  ['52', 'Xã Bắc Sơn'],
  ['53', 'Xã Bình Gia'],
  ['54', 'Xã Văn Quan'],
  ['55', 'Xã Na Sầm'],
];

/** 'Phường Tam Thanh' → 'phường Tam Thanh', as it reads inside a longer name. */
function inlineName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const COMMUNES: Unit[] = COMMUNE_ROWS.flatMap(([y, name]): Unit[] => [
  {
    code: code('00', y),
    name,
    level: 'commune',
    parentCode: DEMO_PROVINCE_CODE,
    validFrom: TWO_TIER_START,
    validTo: null,
    replacedBy: [],
  },
  {
    code: code('01', y),
    name: `Trung tâm Phục vụ hành chính công ${inlineName(name)}`,
    level: 'service_center',
    parentCode: code('00', y),
    validFrom: TWO_TIER_START,
    validTo: null,
    replacedBy: [],
  },
]);

/** [Y1Y2, name, Y1Y2 of the communes that took over its territory] */
const DISTRICT_ROWS: readonly (readonly [string, string, readonly string[]])[] = [
  ['21', 'Thành phố Lạng Sơn', ['31', '32', '33', '34']],
  ['22', 'Huyện Cao Lộc', ['35', '36', '37', '38']],
  ['23', 'Huyện Hữu Lũng', ['39', '40', '41', '42']],
  ['24', 'Huyện Chi Lăng', ['43', '44', '45']],
  ['25', 'Huyện Lộc Bình', ['46', '47', '48']],
];

const DISTRICTS: Unit[] = DISTRICT_ROWS.map(([y, name, successors]) => ({
  code: code('00', y),
  name,
  level: 'district',
  parentCode: DEMO_PROVINCE_CODE,
  validFrom: BASELINE,
  validTo: DISTRICT_END,
  replacedBy: successors.map((s) => code('00', s)),
}));

export const DEMO_UNITS: readonly Unit[] = [PROVINCE, ...DEPARTMENTS, ...PROVINCIAL_SERVICE, ...DISTRICTS, ...COMMUNES];

export interface DemoOfficial {
  username: string;
  password: string;
  fullName: string;
  role: OfficialRole;
  unitCode: string;
  email: string;
}

const OFFICIAL_PASSWORD = 'MotCua@2026';

export const DEMO_OFFICIALS: readonly DemoOfficial[] = [
  {
    username: 'admin',
    password: OFFICIAL_PASSWORD,
    fullName: 'Hoàng Văn Hải',
    role: 'admin',
    unitCode: DEMO_PROVINCE_CODE,
    email: 'admin@langson.gov.vn',
  },
  {
    // Staff of Văn phòng UBND tỉnh, scoped to the whole province.
    username: 'giamsat',
    password: OFFICIAL_PASSWORD,
    fullName: 'Nông Thị Thu Hà',
    role: 'monitor',
    unitCode: DEMO_PROVINCE_CODE,
    email: 'giamsat@langson.gov.vn',
  },
  {
    username: 'motcua.tinh',
    password: OFFICIAL_PASSWORD,
    fullName: 'Lương Thị Mai',
    role: 'desk_officer',
    unitCode: code('01', '20'),
    email: 'motcua.tinh@langson.gov.vn',
  },
  {
    username: 'chuyenvien.tuphap',
    password: OFFICIAL_PASSWORD,
    fullName: 'Vi Văn Thắng',
    role: 'specialist',
    unitCode: code('00', '03'),
    email: 'chuyenvien.tuphap@langson.gov.vn',
  },
  {
    username: 'lanhdao.tuphap',
    password: OFFICIAL_PASSWORD,
    fullName: 'Hoàng Thị Lan',
    role: 'leader',
    unitCode: code('00', '03'),
    email: 'lanhdao.tuphap@langson.gov.vn',
  },
  {
    username: 'chuyenvien.xaydung',
    password: OFFICIAL_PASSWORD,
    fullName: 'Nguyễn Đức Mạnh',
    role: 'specialist',
    unitCode: code('00', '07'),
    email: 'chuyenvien.xaydung@langson.gov.vn',
  },
  {
    // Works the inter-agency steps (liên thông) that demo procedures send to Công an tỉnh.
    username: 'chuyenvien.congan',
    password: OFFICIAL_PASSWORD,
    fullName: 'Hoàng Minh Tuấn',
    role: 'specialist',
    unitCode: code('00', '15'),
    email: 'chuyenvien.congan@langson.gov.vn',
  },
  {
    username: 'motcua.tamthanh',
    password: OFFICIAL_PASSWORD,
    fullName: 'Đinh Thị Hương',
    role: 'desk_officer',
    unitCode: code('01', '31'),
    email: 'motcua.tamthanh@langson.gov.vn',
  },
  {
    username: 'chuyenvien.tamthanh',
    password: OFFICIAL_PASSWORD,
    fullName: 'Trần Văn Quang',
    role: 'specialist',
    unitCode: code('00', '31'),
    email: 'chuyenvien.tamthanh@langson.gov.vn',
  },
  {
    username: 'lanhdao.tamthanh',
    password: OFFICIAL_PASSWORD,
    fullName: 'Lăng Văn Tuấn',
    role: 'leader',
    unitCode: code('00', '31'),
    email: 'lanhdao.tamthanh@langson.gov.vn',
  },
  {
    username: 'motcua.caoloc',
    password: OFFICIAL_PASSWORD,
    fullName: 'Chu Thị Ngọc',
    role: 'desk_officer',
    unitCode: code('01', '35'),
    email: 'motcua.caoloc@langson.gov.vn',
  },
  {
    username: 'chuyenvien.caoloc',
    password: OFFICIAL_PASSWORD,
    fullName: 'Hà Văn Đông',
    role: 'specialist',
    unitCode: code('00', '35'),
    email: 'chuyenvien.caoloc@langson.gov.vn',
  },
];

/**
 * Citizens of the development identity provider standing in for VNeID.
 * personalId is a 12-digit CCCD number: 3-digit province of birth (001 Hà Nội, 020 Lạng Sơn),
 * 1 digit for century and gender (0 male / 1 female born 1900s, 2 male / 3 female born 2000s),
 * 2 digits of the birth year, 6 random digits.
 */
export interface DemoCitizen {
  personalId: string;
  password: string;
  fullName: string;
  birthDate: string;
  gender: 'Nam' | 'Nữ';
  phone: string;
  email: string;
  address: string;
  /** The VNeID account's level (default 2). */
  eidLevel?: 1 | 2;
}

const CITIZEN_PASSWORD = 'VNeID@2026';

export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  {
    personalId: '020085003417',
    password: CITIZEN_PASSWORD,
    fullName: 'Hoàng Văn Minh',
    birthDate: '1985-04-12',
    gender: 'Nam',
    phone: '0912345678',
    email: 'hoangvanminh@example.com',
    address: 'Số 25 đường Trần Đăng Ninh, phường Tam Thanh, tỉnh Lạng Sơn',
  },
  {
    personalId: '020192006852',
    password: CITIZEN_PASSWORD,
    fullName: 'Lương Thị Hoa',
    birthDate: '1992-09-03',
    gender: 'Nữ',
    phone: '0983456712',
    email: 'luongthihoa@example.com',
    address: 'Số 118 đường Bà Triệu, phường Đông Kinh, tỉnh Lạng Sơn',
  },
  {
    personalId: '020203001239',
    password: CITIZEN_PASSWORD,
    fullName: 'Nông Đức Anh',
    birthDate: '2003-01-25',
    gender: 'Nam',
    phone: '0976218340',
    email: 'nongducanh@example.com',
    address: 'Thôn Bản Vàng, xã Cao Lộc, tỉnh Lạng Sơn',
  },
  {
    personalId: '001301008746',
    password: CITIZEN_PASSWORD,
    fullName: 'Nguyễn Thị Thu Trang',
    birthDate: '2001-11-08',
    gender: 'Nữ',
    phone: '0834562190',
    email: 'nguyenthithutrang@example.com',
    eidLevel: 1,
    address: 'Số 7 đường Lê Lợi, phường Lương Văn Tri, tỉnh Lạng Sơn',
  },
];
