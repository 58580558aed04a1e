import { describe, expect, it } from 'vitest';
import { missingParts, processTemplateProblems, publicationProblems } from './completeness.js';
import type { ProcedureRecord } from './procedure.js';

export const birthRegistration: ProcedureRecord = {
  code: '1.001193',
  onlineServiceCode: '1.001193.000.00.00.H37',
  name: 'Đăng ký khai sinh',
  fieldCode: 'G09-TP05',
  level: 'commune',
  sequence: ['Nộp hồ sơ tại Bộ phận Một cửa hoặc trực tuyến', 'Công chức tư pháp – hộ tịch kiểm tra, ghi sổ', 'Trả kết quả'],
  methods: [
    { channel: 'counter', timeLimit: { amount: 1, unit: 'working_days' }, description: 'Nộp trực tiếp tại Bộ phận Một cửa' },
    { channel: 'online', timeLimit: { amount: 1, unit: 'working_days' }, description: 'Nộp trên Cổng Dịch vụ công' },
  ],
  components: [{ code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', form: 'original', quantity: 1, required: true, template: 'Mẫu tờ khai đăng ký khai sinh' }],
  subjects: ['citizen'],
  agency: { competentAuthority: 'Ủy ban nhân dân cấp xã', implementingUnitCodes: [], coordinatingUnitCodes: [] },
  results: [{ code: 'KQ-KS', name: 'Giấy khai sinh (bản chính)', template: null }],
  requirements: null,
  fees: [{ name: 'Lệ phí đăng ký khai sinh', amount: 0, collectedAt: 'submission', description: 'Miễn lệ phí khi đăng ký đúng hạn' }],
  legalBases: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', effectiveFrom: '2016-01-01' }],
  onlineLevel: 'full',
  fullOnlineEligible: true,
  paperResultRequired: true,
  locationIndependent: false,
  processTemplate: [
    { name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'desk_officer', unitCode: null, interAgency: false, budget: { amount: 2, unit: 'working_hours' } },
    { name: 'Thẩm định, ghi sổ hộ tịch', role: 'specialist', unitCode: null, interAgency: false, budget: { amount: 4, unit: 'working_hours' } },
    { name: 'Ký giấy khai sinh', role: 'leader', unitCode: null, interAgency: false, budget: { amount: 2, unit: 'working_hours' } },
  ],
};

describe('publication checks', () => {
  it('accepts a complete procedure whose step budgets add up to its time limit', () => {
    expect(publicationProblems(birthRegistration)).toEqual([]);
  });

  it('names each missing constituent part by its letter in the decree', () => {
    const empty: ProcedureRecord = {
      ...birthRegistration,
      name: ' ',
      sequence: [],
      methods: [],
      components: [],
      subjects: [],
      results: [],
      agency: { ...birthRegistration.agency, competentAuthority: '' },
    };
    expect([...new Set(missingParts(empty).map((p) => p.part))]).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h']);
    expect(missingParts(empty)[0]?.message).toBe('a) Tên thủ tục: chưa có nội dung');
    const provinceWithoutUnit: ProcedureRecord = { ...birthRegistration, level: 'province' };
    expect(missingParts(provinceWithoutUnit).map((p) => p.path)).toEqual(['agency.implementingUnitCodes']);
  });

  it('enforces the budget sum against the counter channel, and no channel may be shorter than the budgets', () => {
    const short = { ...birthRegistration, processTemplate: birthRegistration.processTemplate.slice(0, 2) };
    expect(processTemplateProblems(short).map((p) => p.message)).toEqual([
      'Tổng thời gian các bước (6 giờ làm việc) phải bằng thời hạn giải quyết (1 ngày làm việc)',
    ]);
    const fasterOnline: ProcedureRecord = {
      ...birthRegistration,
      methods: [birthRegistration.methods[0]!, { ...birthRegistration.methods[1]!, timeLimit: { amount: 4, unit: 'working_hours' } }],
    };
    expect(processTemplateProblems(fasterOnline).map((p) => p.path)).toEqual(['methods.1.timeLimit']);
    const interAgencyWithoutUnit: ProcedureRecord = {
      ...birthRegistration,
      processTemplate: birthRegistration.processTemplate.map((s, i) => (i === 1 ? { ...s, interAgency: true } : s)),
    };
    expect(processTemplateProblems(interAgencyWithoutUnit).map((p) => p.path)).toEqual(['processTemplate.1.unitCode']);
    // A limit in calendar days cannot be compared with working-time budgets: not checked.
    const calendarDays: ProcedureRecord = { ...short, methods: [{ ...birthRegistration.methods[0]!, timeLimit: { amount: 15, unit: 'calendar_days' } }] };
    expect(processTemplateProblems(calendarDays)).toEqual([]);
  });
});
