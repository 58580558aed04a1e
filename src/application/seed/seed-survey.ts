/**
 * The demo's satisfaction survey (issue 23 §6): one closed round over the whole province for the month before last,
 * N = 60 dossiers returned in three units, n = 53 invited, 40 answers given last month, so that the survey's page,
 * its Excel export and the DongBoDanhGia view show figures on a fresh `npm start`. The demo seeds no dossiers, so its
 * invitations name none (source `demo`) and their tokens are thrown away. Deterministic: the same figures every time.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { SurveyAnswersTable, SurveyInvitationsTable } from '../../infrastructure/db/schema-survey.js';
import { DEMO_PROVINCE_CODE } from '../../infrastructure/seed/demo-province.js';
import { seededRandom, marginBasisPoints, sampleSize, DEFAULT_MARGIN } from '../../domain/survey/sampling.js';
import { DEFAULT_SURVEY_QUESTIONS, SURVEY_ELEMENTS, type RatingElement } from '../../domain/survey/survey.js';
import { vietnamDate, vietnamDayStart } from '../../domain/calendar/vietnam-time.js';
import { addMonths } from '../national-catalogue/send-monthly-ratings.js';
import { newToken } from '../survey/survey-store.js';

/** [unit, procedure, N, invited, answered, how well the unit does (0 worst … 1 best)] */
const UNITS = [
  ['000.00.31.H37', '1.001193', 24, 21, 16, 0.8],
  ['000.00.35.H37', '2.000635', 14, 12, 9, 0.55],
  ['000.00.03.H37', '2.000488', 22, 20, 15, 0.7],
] as const;

const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, dễ hiểu.',
  'Thời gian chờ tại quầy còn lâu vào buổi sáng.',
  'Nên gửi tin nhắn khi hồ sơ có kết quả.',
  'Trang nộp hồ sơ trực tuyến còn khó dùng trên điện thoại.',
  'Kết quả trả đúng hẹn, rất hài lòng.',
];

const at = (day: string, hours: number) => new Date(vietnamDayStart(day).getTime() + hours * 3_600_000);
const dayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

export async function seedDemoSurvey(trx: Transaction<DB>, now: Date): Promise<void> {
  const random = seededRandom('motcua demo survey');
  const thisMonth = vietnamDate(now).slice(0, 7);
  const answeredIn = addMonths(thisMonth, -1);
  const period = addMonths(thisMonth, -2);
  const periodEnd = vietnamDate(new Date(vietnamDayStart(`${answeredIn}-01`).getTime() - 1));
  const answerBy = vietnamDate(new Date(vietnamDayStart(`${thisMonth}-01`).getTime() - 1));
  const population = UNITS.reduce((n, u) => n + u[2], 0);
  const round = await trx
    .insertInto('survey_rounds')
    .values({
      name: `Khảo sát sự hài lòng tháng ${Number(period.slice(5, 7))}/${period.slice(0, 4)} (dữ liệu mẫu)`,
      period_from: `${period}-01`,
      period_to: periodEnd,
      unit_codes: [DEMO_PROVINCE_CODE],
      margin_bp: marginBasisPoints(DEFAULT_MARGIN),
      questions: JSON.stringify(DEFAULT_SURVEY_QUESTIONS),
      population,
      populations: JSON.stringify(Object.fromEntries(UNITS.map((u) => [u[0], u[2]]))),
      sample_size: sampleSize(population),
      seed: 'demo',
      answer_by: answerBy,
      status: 'closed',
      opened_by: null,
      opened_at: at(`${answeredIn}-01`, 8),
      closed_by: null,
      closed_at: at(answerBy, 17),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const score = (quality: number) => {
    const x = random() * 0.75 + quality * 0.25;
    return x > 0.62 ? 5 : x > 0.35 ? 4 : x > 0.2 ? 3 : x > 0.08 ? 2 : 1;
  };
  const invitations: Insertable<SurveyInvitationsTable>[] = [];
  const answers: Insertable<SurveyAnswersTable>[] = [];
  let serial = 0;
  for (const [unitCode, procedureCode, , invited, answered, quality] of UNITS) {
    for (let i = 0; i < invited; i++) {
      serial += 1;
      const id = randomUUID();
      const answeredAt = i < answered ? at(dayOf(answeredIn, 1 + (serial % 25)), 8 + (serial % 9)) : null;
      invitations.push({
        id,
        round_id: round.id,
        dossier_id: null,
        unit_code: unitCode,
        procedure_code: procedureCode,
        returned_at: at(dayOf(period, 1 + (serial % 27)), 9 + (serial % 8)),
        source: 'demo',
        token_hash: newToken().hash,
        notified: i % 4 !== 3,
        created_at: at(`${answeredIn}-01`, 8),
        answered_at: answeredAt,
      });
      if (!answeredAt) continue;
      const expectation: RatingElement | null = random() < 0.6 ? SURVEY_ELEMENTS[Math.floor(random() * 4)]! : null;
      answers.push({
        invitation_id: id,
        round_id: round.id,
        unit_code: unitCode,
        procedure_code: procedureCode,
        score_access: score(quality),
        score_procedure: score(quality - 0.2),
        score_official: score(quality + 0.1),
        score_result: score(quality),
        score_feedback: random() < 0.3 ? score(quality - 0.3) : null,
        expectation,
        comment: serial % 5 === 0 ? COMMENTS[serial % COMMENTS.length]! : null,
        answered_at: answeredAt,
      });
    }
  }
  await trx.insertInto('survey_invitations').values(invitations).execute();
  await trx.insertInto('survey_answers').values(answers).execute();
}
