/**
 * What crosses the wire for the province's satisfaction survey (issue 23 §6; src/http/routes/surveys.ts): rounds and
 * their opening, the public answering page behind a token, the applicant's offer on their dossier page, the results
 * per unit and element (a round, a month) and the monthly aggregate in the national portal's DongBoDanhGia shape.
 */
import { z } from 'zod';
import { DEFAULT_SURVEY_QUESTIONS, RATING_ELEMENTS, SURVEY_ELEMENTS, SURVEY_SCALE } from '../domain/survey/survey.js';
import { DEFAULT_MARGIN } from '../domain/survey/sampling.js';
import type { PortalRatingItem } from '../domain/national-sync/portal-port.js';
import { RateDossierBody } from './rating.js';
import { isoDate, text } from './text.js';

const Element = z.enum(SURVEY_ELEMENTS).describe(`Yếu tố: ${SURVEY_ELEMENTS.map((e) => `${e} (${RATING_ELEMENTS[e]})`).join(', ')}`);
const UnitCode = text(40).trim().min(1);
const Month = z
  .string()
  .regex(/^(19\d\d|2\d\d\d)-(0[1-9]|1[0-2])$/, 'tháng dạng yyyy-MM, từ năm 1900 đến 2999')
  .describe('Tháng (yyyy-MM), giờ Việt Nam');

export const SurveyQuestion = z.strictObject({
  element: Element,
  text: text(500).trim().min(1),
  optional: z.boolean().describe('Người trả lời được bỏ qua (chỉ yếu tố góp ý, phản ánh, kiến nghị)'),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/** POST /surveys/rounds */
export const OpenSurveyRoundBody = z
  .strictObject({
    name: text(200).trim().min(1).describe('Tên đợt, ví dụ "Khảo sát sự hài lòng tháng 11/2026"'),
    from: isoDate.describe('Ngày đầu kỳ: hồ sơ trả kết quả từ ngày này'),
    to: isoDate.describe('Ngày cuối kỳ, tính cả ngày này'),
    unitCodes: z.array(UnitCode).min(1).max(100).describe('Các đơn vị khảo sát (gồm cả đơn vị trực thuộc)'),
    margin: z.number().min(0.01).max(0.2).default(DEFAULT_MARGIN).describe('Sai số e của cỡ mẫu n = N / (1 + N·e²); mặc định 0,05'),
    answerBy: isoDate.describe('Hạn trả lời phiếu (hết ngày này)'),
    questions: z
      .array(SurveyQuestion)
      .min(4)
      .max(SURVEY_ELEMENTS.length)
      .default(() => DEFAULT_SURVEY_QUESTIONS.map((q) => ({ ...q })))
      .describe('Bộ câu hỏi; mặc định 5 yếu tố SIPAS'),
    seed: text(64).trim().min(1).nullable().default(null).describe('Hạt giống chọn mẫu ngẫu nhiên (để chọn lại được đúng mẫu); mặc định ngẫu nhiên'),
  })
  .refine((b) => b.from <= b.to, { path: ['to'], message: 'ngày cuối kỳ phải không trước ngày đầu kỳ' })
  .refine((b) => b.to <= b.answerBy, { path: ['answerBy'], message: 'hạn trả lời phải không trước ngày cuối kỳ' });
export type OpenSurveyRoundBody = z.input<typeof OpenSurveyRoundBody>;

export const SurveyRoundParams = z.strictObject({ id: z.uuid() });

export const SurveyRound = z
  .object({
    id: z.string(),
    name: z.string(),
    from: z.string(),
    to: z.string(),
    unitCodes: z.array(z.string()),
    unitNames: z.array(z.string()),
    margin: z.number(),
    questions: z.array(SurveyQuestion),
    population: z.number().int().describe('N: hồ sơ đã trả kết quả trong kỳ, đếm khi mở đợt'),
    sampleSize: z.number().int().describe('n = ceil(N / (1 + N·e²))'),
    seed: z.string(),
    answerBy: z.string(),
    status: z.enum(['open', 'closed']),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    invited: z.number().int().describe('Phiếu mời: mẫu ngẫu nhiên và người nộp tự mở từ trang hồ sơ'),
    notified: z.number().int().describe('Phiếu mời đã gửi thư điện tử'),
    answered: z.number().int(),
    responseRate: z.number().nullable().describe('Tỷ lệ phản hồi (%)'),
  })
  .meta({ id: 'SurveyRound' });
export type SurveyRound = z.infer<typeof SurveyRound>;

export const SurveyRoundList = z.object({ items: z.array(SurveyRound), canManage: z.boolean() });
export type SurveyRoundList = z.infer<typeof SurveyRoundList>;

/** GET /surveys/population: N and n before a round is opened. */
export const SurveyPopulationQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    units: text(4000)
      .trim()
      .min(1)
      .transform((s) => [...new Set(s.split(',').map((u) => u.trim()))].filter((u) => u.length > 0))
      .describe('Mã đơn vị, cách nhau bởi dấu phẩy'),
    margin: z.coerce.number<number>().min(0.01).max(0.2).default(DEFAULT_MARGIN),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'ngày cuối kỳ phải không trước ngày đầu kỳ' });
export type SurveyPopulationQuery = z.input<typeof SurveyPopulationQuery>;

export const SurveyPopulation = z.object({ population: z.number().int(), sampleSize: z.number().int(), margin: z.number() });
export type SurveyPopulation = z.infer<typeof SurveyPopulation>;

const ElementFigures = z.object({
  element: Element,
  label: z.string(),
  answered: z.number().int(),
  satisfied: z.number().int().describe('Số trả lời 4 (hài lòng) hoặc 5 (rất hài lòng)'),
  index: z.number().nullable().describe('Chỉ số hài lòng (%): satisfied / answered'),
  distribution: z.array(z.number().int()).describe('Số trả lời mức 1, 2, 3, 4, 5'),
});

export const SurveyGroupFigures = z.object({
  population: z.number().int().describe('N: hồ sơ đã trả kết quả trong kỳ'),
  invited: z.number().int(),
  answers: z.number().int(),
  responseRate: z.number().nullable().describe('answers / invited (%)'),
  margin: z.number().nullable().describe('Sai số (điểm %): √(1/answers − 1/N)'),
  overall: z.number().nullable().describe('Chỉ số hài lòng chung (%): trung bình các yếu tố'),
  elements: z.array(ElementFigures),
  priorities: z.record(Element, z.number().int()).describe('Số người chọn yếu tố cần cải thiện nhất'),
});
export type SurveyGroupFigures = z.infer<typeof SurveyGroupFigures>;

export const SurveyResults = z
  .object({
    kind: z.enum(['round', 'month']),
    title: z.string(),
    from: z.string(),
    to: z.string(),
    total: SurveyGroupFigures,
    units: z.array(SurveyGroupFigures.extend({ unitCode: z.string(), unitName: z.string() })),
  })
  .meta({ id: 'SurveyResults' });
export type SurveyResults = z.infer<typeof SurveyResults>;

/** GET /surveys/results?month= and /surveys/portal-ratings?month= */
export const SurveyMonthQuery = z.strictObject({ month: Month, unit: UnitCode.optional().describe('Chỉ đơn vị này và các đơn vị trực thuộc') });
export type SurveyMonthQuery = z.input<typeof SurveyMonthQuery>;

const PortalRatingItemSchema = z.object({
  NgayTongHop: z.string(),
  TongSoNguoiDanhGia: z.string(),
  PhanTramDanhGiaRatHaiLong: z.string(),
  PhanTramDanhGiaHaiLong: z.string(),
  PhanTramDanhGiaChuaHaiLong: z.string(),
  PhanTramDanhGiaDichVuRatHaiLong: z.string(),
  PhanTramDanhGiaDichVuHaiLong: z.string(),
  PhanTramDanhGiaDichVuChuaHaiLong: z.string(),
  NoiDung: z.string(),
  MaThuTuc: z.string(),
  DanhSachNoiDungYKien: z.array(z.string()),
  Madonvi: z.string(),
  TenDonVi: z.string(),
}) satisfies z.ZodType<PortalRatingItem>;

export const SurveyPortalRatings = z
  .object({
    month: z.string(),
    answers: z.number().int(),
    items: z.array(PortalRatingItemSchema).describe('Dạng DongBoDanhGia của Cổng DVCQG: mỗi đơn vị, thủ tục một mục'),
  })
  .meta({ id: 'SurveyPortalRatings' });
export type SurveyPortalRatings = z.infer<typeof SurveyPortalRatings>;

/** The answering page's credential. */
export const SurveyTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'mã phiếu không đúng dạng') });

export const SurveyInvitation = z
  .object({
    state: z.enum(['open', 'answered', 'expired']).describe('open: trả lời được; answered: đã trả lời; expired: đợt đã kết thúc hoặc quá hạn'),
    roundName: z.string(),
    unitName: z.string(),
    procedureName: z.string(),
    returnedOn: z.string().describe('Ngày trả kết quả hồ sơ'),
    answerBy: z.string(),
    questions: z.array(SurveyQuestion.extend({ label: z.string() })),
    scale: z.array(z.object({ score: z.number().int(), label: z.string() })),
  })
  .meta({ id: 'SurveyInvitation' });
export type SurveyInvitation = z.infer<typeof SurveyInvitation>;

/** POST /surveys/invitations/{token}: the scores (feedback null when not asked or skipped), the element to improve first, a comment. */
export const SurveyAnswerBody = RateDossierBody.extend({
  expectation: Element.nullable().default(null).describe('Yếu tố Ông/Bà mong muốn cải thiện nhất'),
});
export type SurveyAnswerBody = z.input<typeof SurveyAnswerBody>;

export const SurveyAnswerReceipt = z.object({ answeredAt: z.string() });

/** GET /surveys/dossiers/{id}: the survey offered to the applicant on their dossier page, if any. */
export const DossierSurveyOffer = z.object({
  offer: z
    .object({ roundName: z.string(), state: z.enum(['open', 'answered', 'expired']), answerBy: z.string() })
    .nullable()
    .describe('null: hồ sơ không thuộc đợt khảo sát nào đang mở'),
});
export type DossierSurveyOffer = z.infer<typeof DossierSurveyOffer>;

export const SurveyInvitationIssued = z.object({ token: z.string().describe('Mở /khao-sat/{token} để trả lời') });
export type SurveyInvitationIssued = z.infer<typeof SurveyInvitationIssued>;

export { SURVEY_ELEMENTS, SURVEY_SCALE };
