/** Seeds the demo province (units, officials and the procedure catalogue) into an empty database. Idempotent. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { DEMO_OFFICIALS, DEMO_UNITS } from '../../infrastructure/seed/demo-province.js';
import { validateUnitTree } from '../../domain/units/unit.js';
import { parentsFirst } from '../units/import-units.js';
import { toUnitRow } from '../units/unit-directory.js';
import { hashPassword } from '../../infrastructure/auth/password.js';
import { appendAudit } from '../audit/audit-chain.js';
import { seedDemoCatalogue } from './seed-catalogue.js';
import { seedDemoReform } from './seed-reform.js';
import { seedDemoSurvey } from './seed-survey.js';
import { seedDemoParIndex } from './seed-par-index.js';

export async function seedDemo(db: Kysely<DB>, now = new Date()): Promise<{ seeded: boolean; units: number; officials: number }> {
  const existing = await db.selectFrom('units').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { seeded: false, units: 0, officials: 0 };
  const problems = validateUnitTree(DEMO_UNITS);
  if (problems.length > 0) throw new Error(`demo province is invalid:\n${problems.join('\n')}`);
  const hashes = new Map<string, string>();
  for (const password of new Set(DEMO_OFFICIALS.map((o) => o.password))) hashes.set(password, await hashPassword(password));

  const seeded = await db.transaction().execute(async (trx) => {
    // Two instances starting on one empty PostgreSQL database: the second waits, then finds it seeded.
    await sql`select pg_advisory_xact_lock(727002)`.execute(trx);
    const again = await trx.selectFrom('units').select(trx.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    if (Number(again.n) > 0) return false;
    await trx.insertInto('units').values(parentsFirst(DEMO_UNITS).map(toUnitRow)).execute();
    await trx
      .insertInto('users')
      .values(
        DEMO_OFFICIALS.map((o) => ({
          kind: 'official' as const,
          role: o.role,
          username: o.username,
          password_hash: hashes.get(o.password) as string,
          full_name: o.fullName,
          email: o.email,
          unit_code: o.unitCode,
        })),
      )
      .execute();
    const catalogue = await seedDemoCatalogue(trx);
    const reform = await seedDemoReform(trx);
    // A closed round of the satisfaction survey with its answers, so that the survey's page shows figures (issue 23 §6).
    await seedDemoSurvey(trx, now);
    // Last year's reform index ranked, this year's round open (issue 23).
    const par = await seedDemoParIndex(trx, now);
    await appendAudit(trx, {
      action: 'seed.demo_province',
      actorId: null,
      actorRole: null,
      actorUnit: null,
      ip: null,
      requestId: 'seed',
      details: { units: DEMO_UNITS.length, officials: DEMO_OFFICIALS.length, ...catalogue, ...reform, ...par },
      at: now,
    });
    return true;
  });
  return seeded ? { seeded: true, units: DEMO_UNITS.length, officials: DEMO_OFFICIALS.length } : { seeded: false, units: 0, officials: 0 };
}
