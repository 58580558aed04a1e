/**
 * Opening a survey round (issue 23 §6): an administrator or monitor names the period and the units; motcua counts N,
 * the dossiers of those units' subtrees whose result was returned in the period (so far), draws n = ceil(N / (1 + N·e²))
 * of them at random from the round's seed, and writes one invitation per drawn dossier with a fresh single-use token,
 * e-mailed through the notification outbox to the applicants who gave an address. Rounds may not overlap (a dossier is
 * asked once). The round, the invitations, the messages and the audit record are written in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../infrastructure/db/schema.js';
import type { RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { CONTACT_COLUMNS } from '../dossier/notifications.js';
import { fail, ok, type ErrorCode, type Result } from '../../domain/errors/error-codes.js';
import { drawSample, marginBasisPoints, sampleSize } from '../../domain/survey/sampling.js';
import { checkSurveyQuestions, roundsOverlap } from '../../domain/survey/survey.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import type { OpenSurveyRoundBody, SurveyRound } from '../../contract/survey.js';
import { invitationMessage } from './survey-mail.js';
import {
  countByUnit,
  mayManage,
  newToken,
  reachOf,
  returnedDossiers,
  roundView,
  unitsReached,
  type FrameDossier,
  type RoundRow,
  type SurveyDeps,
} from './survey-store.js';

/** One round opens at a time (the overlap check, then the insert). */
const ROUND_LOCK = 727_023;
const BATCH = 500;

class Refused extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/** Invitations for the drawn dossiers, and their e-mails; returns how many were e-mailed. */
async function invite(trx: Transaction<DB>, round: RoundRow, drawn: readonly FrameDossier[], now: Date): Promise<number> {
  let notified = 0;
  for (let i = 0; i < drawn.length; i += BATCH) {
    const batch = drawn.slice(i, i + BATCH);
    const contacts = await trx
      .selectFrom('dossiers as d')
      .leftJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
      .select(['d.id', ...CONTACT_COLUMNS])
      .where(
        'd.id',
        'in',
        batch.map((d) => d.id),
      )
      .execute();
    const contactOf = new Map(contacts.map((c) => [c.id, c]));
    const invitations = [];
    const messages = [];
    for (const d of batch) {
      const { token, hash } = newToken();
      const contact = contactOf.get(d.id);
      const message = invitationMessage({
        dossierId: d.id,
        code: d.code,
        email: contact?.email ?? null,
        procedureName: contact?.procedure_name ?? null,
        token,
        answerBy: round.answer_by,
        at: now,
      });
      if (message) messages.push(message);
      invitations.push({
        round_id: round.id,
        dossier_id: d.id,
        unit_code: d.unit_code,
        procedure_code: d.procedure_code,
        returned_at: d.returned_at,
        source: 'sample' as const,
        token_hash: hash,
        notified: message !== null,
        created_at: now,
      });
    }
    if (invitations.length > 0) await trx.insertInto('survey_invitations').values(invitations).execute();
    if (messages.length > 0) await trx.insertInto('notification_outbox').values(messages).execute();
    notified += messages.length;
  }
  return notified;
}

export async function openSurveyRound(
  deps: SurveyDeps,
  input: { body: z.output<typeof OpenSurveyRoundBody>; meta: RequestMeta },
): Promise<Result<SurveyRound>> {
  const { body, meta } = input;
  const tree = deps.units.tree();
  const unitCodes = [...new Set(body.unitCodes)];
  const allowed = mayManage(meta, unitCodes, tree);
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  if (body.answerBy < vietnamDate(now)) return fail('VALIDATION_FAILED', [{ path: 'answerBy', message: 'Hạn trả lời phiếu đã qua.' }]);
  const problems = checkSurveyQuestions(body.questions);
  if (problems.length > 0) return fail('SURVEY_QUESTIONS_INVALID', problems);
  const reach = { from: body.from, to: body.to, unitCodes };
  const seed = body.seed ?? randomBytes(8).toString('hex');
  const marginBp = marginBasisPoints(body.margin);
  try {
    const { round, invited, notified } = await deps.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${ROUND_LOCK})`.execute(trx);
      const others = await trx
        .selectFrom('survey_rounds')
        .select(['period_from', 'period_to', 'unit_codes'])
        .where('period_from', '<=', body.to)
        .where('period_to', '>=', body.from)
        .execute();
      if (others.some((o) => roundsOverlap(reach, reachOf(o), tree))) throw new Refused('SURVEY_ROUND_OVERLAPS');
      const frame = await returnedDossiers(trx, reach, unitsReached(unitCodes, tree));
      const n = sampleSize(frame.length, body.margin);
      const drawn = drawSample(frame.length, n, seed).map((i) => frame[i]!);
      const row = await trx
        .insertInto('survey_rounds')
        .values({
          name: body.name,
          period_from: body.from,
          period_to: body.to,
          unit_codes: unitCodes,
          margin_bp: marginBp,
          questions: JSON.stringify(body.questions),
          population: frame.length,
          populations: JSON.stringify(countByUnit(frame)),
          sample_size: n,
          seed,
          answer_by: body.answerBy,
          opened_by: meta.actor!.userId,
          opened_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const mailed = await invite(trx, row, drawn, now);
      await appendAudit(trx, {
        ...auditActor(meta),
        action: 'survey.roundOpened',
        targetType: 'survey_round',
        targetId: row.id,
        details: {
          name: body.name,
          from: body.from,
          to: body.to,
          unitCodes,
          margin: body.margin,
          seed,
          population: frame.length,
          sampleSize: n,
          notified: mailed,
        },
        at: now,
      });
      return { round: row, invited: drawn.length, notified: mailed };
    });
    return ok(roundView(round, { invited, notified, answered: 0 }, tree));
  } catch (error) {
    if (error instanceof Refused) return fail(error.code);
    throw error;
  }
}
