/** A commune-level reform-index scheme for tests (issue 23): yes/no and levels with evidence, two figures, a survey. */
import type { SchemeDefinition } from '../../src/domain/par-index/scheme.js';

export const COMMUNE_SCHEME: SchemeDefinition = {
  fields: [
    {
      code: '1',
      name: 'Công tác chỉ đạo, điều hành cải cách hành chính',
      criteria: [
        {
          code: '1.1',
          name: 'Kế hoạch cải cách hành chính',
          subCriteria: [
            {
              code: '1.1.1',
              name: 'Ban hành kế hoạch cải cách hành chính năm',
              maxPoints: 1,
              method: { kind: 'yesNo' },
              evidence: 'Kế hoạch CCHC năm đã ban hành',
            },
            {
              code: '1.1.2',
              name: 'Mức độ hoàn thành kế hoạch',
              maxPoints: 1.5,
              method: {
                kind: 'levels',
                levels: [
                  { label: 'Hoàn thành 100%', points: 1.5 },
                  { label: 'Từ 80%', points: 0.75 },
                  { label: 'Dưới 80%', points: 0 },
                ],
              },
              evidence: 'Báo cáo kết quả thực hiện kế hoạch',
            },
          ],
        },
      ],
    },
    {
      code: '3',
      name: 'Cải cách thủ tục hành chính',
      criteria: [
        {
          code: '3.1',
          name: 'Kết quả giải quyết thủ tục hành chính',
          subCriteria: [
            { code: '3.1.1', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', maxPoints: 2, method: { kind: 'figure', figure: 'onTimeRate' }, evidence: '' },
            {
              code: '3.1.2',
              name: 'Phản ánh, kiến nghị xử lý đúng hạn',
              maxPoints: 1,
              method: {
                kind: 'figure',
                figure: 'feedbackOnTimeRate',
                bands: [
                  { from: 100, points: 1 },
                  { from: 90, points: 0.5 },
                ],
              },
              evidence: '',
            },
            { code: '3.1.3', name: 'Hài lòng của người dân (điều tra xã hội học)', maxPoints: 2, method: { kind: 'survey' }, evidence: '' },
          ],
        },
      ],
    },
  ],
};
