/**
 * The demo's reform index (issue 23): last year's commune-level scheme and its closed round with every commune
 * scored and appraised, so that the ranking, its change and the charts show on `npm start`; this year's scheme copied
 * from it and an open round waiting for the communes' self-assessment.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { DEMO_UNITS } from '../../infrastructure/seed/demo-province.js';
import { DEMO_COMMUNE_SCHEME } from '../../infrastructure/seed/demo-par-scheme.js';
import { subCriteriaOf } from '../../domain/par-index/scheme.js';
import { round2 } from '../../domain/par-index/scheme.js';
import { vietnamFields } from '../../domain/calendar/vietnam-time.js';

export async function seedDemoParIndex(trx: Transaction<DB>, now: Date): Promise<{ parRounds: number }> {
  const year = vietnamFields(now).year;
  const province = DEMO_UNITS.find((u) => u.level === 'province')!.code;
  const communes = DEMO_UNITS.filter((u) => u.level === 'commune').map((u) => u.code);
  const definition = JSON.stringify(DEMO_COMMUNE_SCHEME);
  const scheme = async (y: number, copiedFrom: string | null) =>
    (
      await trx
        .insertInto('par_schemes')
        .values({
          year: y,
          level: 'commune',
          name: `Bộ chỉ số cải cách hành chính cấp xã năm ${y}`,
          definition,
          copied_from: copiedFrom,
          owner_unit: province,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const last = await scheme(year - 1, null);
  const current = await scheme(year, last);
  const round = async (schemeId: string, y: number, status: 'open' | 'closed') =>
    (
      await trx
        .insertInto('par_rounds')
        .values({
          scheme_id: schemeId,
          name: `Xác định Chỉ số cải cách hành chính cấp xã năm ${y}`,
          year: y,
          deadline: `${y + (status === 'closed' ? 1 : 0)}-${status === 'closed' ? '01-15' : '12-31'}`,
          status,
          owner_unit: province,
          closed_at: status === 'closed' ? now : null,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const closed = await round(last, year - 1, 'closed');
  const open = await round(current, year, 'open');
  await trx
    .insertInto('par_assessments')
    .values([
      ...communes.map((unit_code) => ({ round_id: closed, unit_code, status: 'appraised' as const, submitted_at: now, appraised_at: now })),
      ...communes.map((unit_code) => ({ round_id: open, unit_code })),
    ])
    .execute();
  // Last year's points: each commune earns a share of every sub-criterion (a fixed spread, not chance).
  const subs = subCriteriaOf(DEMO_COMMUNE_SCHEME);
  await trx
    .insertInto('par_scores')
    .values(
      communes.flatMap((unit_code, u) =>
        subs.map((s, i) => {
          const share = 0.55 + ((u * 7 + i * 3) % 10) / 22;
          const points = round2(Math.min(1, share) * s.maxPoints);
          const appraised = i === 1 && u % 3 === 0 ? round2(points / 2) : null;
          return {
            round_id: closed,
            unit_code,
            sub_code: s.code,
            self_points: points,
            appraised_points: appraised,
            appraisal_reason: appraised === null ? null : 'Tài liệu kiểm chứng chưa chứng minh hoàn thành toàn bộ kế hoạch',
            updated_at: now,
          };
        }),
      ),
    )
    .execute();
  return { parRounds: 2 };
}
