/**
 * The demo's commune-level reform index (issue 23): the structure of a province's own index for its communes (fields
 * as QĐ 876/QĐ-BNV names them; a subset of the criteria, points illustrative — a province sets its own each year).
 */
import type { SchemeDefinition, SubCriterion } from '../../domain/par-index/scheme.js';

const yesNo = (code: string, name: string, maxPoints: number, evidence: string): SubCriterion => ({
  code,
  name,
  maxPoints,
  method: { kind: 'yesNo' },
  evidence,
});
const levels = (code: string, name: string, maxPoints: number, evidence: string): SubCriterion => ({
  code,
  name,
  maxPoints,
  method: {
    kind: 'levels',
    levels: [
      { label: 'Hoàn thành 100%', points: maxPoints },
      { label: 'Từ 80% đến dưới 100%', points: maxPoints / 2 },
      { label: 'Dưới 80%', points: 0 },
    ],
  },
  evidence,
});

export const DEMO_COMMUNE_SCHEME: SchemeDefinition = {
  fields: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
      criteria: [
        {
          code: '1.1',
          name: 'Kế hoạch cải cách hành chính năm',
          subCriteria: [
            yesNo('1.1.1', 'Ban hành kế hoạch cải cách hành chính năm đúng thời hạn', 1, 'Kế hoạch CCHC năm đã ban hành'),
            levels('1.1.2', 'Mức độ hoàn thành kế hoạch cải cách hành chính', 2, 'Báo cáo kết quả thực hiện kế hoạch'),
          ],
        },
        {
          code: '1.2',
          name: 'Kiểm tra, tuyên truyền cải cách hành chính',
          subCriteria: [yesNo('1.2.1', 'Thực hiện kế hoạch tuyên truyền cải cách hành chính', 1, 'Báo cáo, hình ảnh tuyên truyền')],
        },
      ],
    },
    {
      code: '3',
      name: 'Cải cách thủ tục hành chính',
      criteria: [
        {
          code: '3.1',
          name: 'Công khai thủ tục hành chính',
          subCriteria: [
            { code: '3.1.1', name: 'Thủ tục hành chính công bố đúng hạn', maxPoints: 1, method: { kind: 'figure', figure: 'publicationOnTime' }, evidence: '' },
          ],
        },
        {
          code: '3.2',
          name: 'Kết quả giải quyết thủ tục hành chính',
          subCriteria: [
            {
              code: '3.2.1',
              name: 'Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn',
              maxPoints: 3,
              method: {
                kind: 'figure',
                figure: 'onTimeRate',
                bands: [
                  { from: 100, points: 3 },
                  { from: 95, points: 2 },
                  { from: 90, points: 1 },
                ],
              },
              evidence: '',
            },
            { code: '3.2.2', name: 'Hồ sơ trễ hạn có văn bản xin lỗi', maxPoints: 1, method: { kind: 'figure', figure: 'lateWithApologyRate' }, evidence: '' },
            { code: '3.2.3', name: 'Phản ánh, kiến nghị xử lý đúng hạn', maxPoints: 1, method: { kind: 'figure', figure: 'feedbackOnTimeRate' }, evidence: '' },
          ],
        },
      ],
    },
    {
      code: '7',
      name: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
      criteria: [
        {
          code: '7.1',
          name: 'Cung cấp dịch vụ công trực tuyến',
          subCriteria: [
            { code: '7.1.1', name: 'Hồ sơ trực tuyến toàn trình', maxPoints: 2, method: { kind: 'figure', figure: 'fullOnlineRate' }, evidence: '' },
            { code: '7.1.2', name: 'Hồ sơ được số hóa', maxPoints: 1, method: { kind: 'figure', figure: 'digitizedRate' }, evidence: '' },
            { code: '7.1.3', name: 'Hồ sơ thanh toán trực tuyến', maxPoints: 1, method: { kind: 'figure', figure: 'paidOnlineRate' }, evidence: '' },
          ],
        },
      ],
    },
    {
      code: '8',
      name: 'Tác động của cải cách hành chính đến người dân',
      criteria: [
        {
          code: '8.1',
          name: 'Sự hài lòng của người dân',
          subCriteria: [{ code: '8.1.1', name: 'Mức độ hài lòng qua điều tra xã hội học', maxPoints: 4, method: { kind: 'survey' }, evidence: '' }],
        },
      ],
    },
  ],
};
