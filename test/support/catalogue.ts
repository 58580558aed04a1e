/** Test fixtures for the procedure catalogue. */
import type { ProcedureRecord } from '../../src/domain/catalogue/procedure.js';
import { DEMO_FIELDS } from '../../src/infrastructure/seed/demo-catalogue.js';

export const fieldCode = DEMO_FIELDS[0]!.code;

/** A complete commune procedure of 1 working day whose budgets add up. */
export function procedure(code: string, overrides: Partial<ProcedureRecord> = {}): ProcedureRecord {
  return {
    code,
    onlineServiceCode: null,
    name: 'Xác nhận tình trạng nhà ở thử nghiệm',
    fieldCode,
    level: 'commune',
    sequence: ['Nộp hồ sơ tại Bộ phận Một cửa', 'Công chức kiểm tra, trình ký', 'Trả kết quả'],
    methods: [{ channel: 'counter', timeLimit: { amount: 1, unit: 'working_days' }, description: 'Nộp trực tiếp' }],
    components: [{ code: 'DON', name: 'Đơn đề nghị xác nhận', form: 'original', quantity: 1, required: true, template: null }],
    subjects: ['citizen'],
    agency: { competentAuthority: 'Ủy ban nhân dân cấp xã', implementingUnitCodes: [], coordinatingUnitCodes: [] },
    results: [{ code: 'KQ', name: 'Giấy xác nhận', template: null }],
    requirements: null,
    fees: [],
    legalBases: [],
    onlineLevel: 'partial',
    fullOnlineEligible: false,
    paperResultRequired: true,
    locationIndependent: false,
    processTemplate: [
      { name: 'Tiếp nhận', role: 'desk_officer', unitCode: null, interAgency: false, budget: { amount: 2, unit: 'working_hours' } },
      { name: 'Xử lý', role: 'specialist', unitCode: null, interAgency: false, budget: { amount: 4, unit: 'working_hours' } },
      { name: 'Ký duyệt', role: 'leader', unitCode: null, interAgency: false, budget: { amount: 2, unit: 'working_hours' } },
    ],
    ...overrides,
  };
}
