/**
 * Append an action to a dossier. The dossier row is locked, the caller's `expectedSeq` must be the last
 * action's number (optimistic concurrency: of two officials acting at once, one gets DOSSIER_CHANGED),
 * the domain decides, and the action, the projection, the applicant's message and the audit record are
 * written together, in one statement.
 */
import { portalFollow } from '../national-sync/portal-outbox.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { actionDigest, auditActor, auditChainOf, sealAudit, writeSealedAudit } from '../audit/audit-chain.js';
import { fail, ok, type Result, type ErrorCode } from '../../domain/errors/error-codes.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { UnitTree } from '../../domain/units/unit.js';
import { decide, type DecisionFacts } from '../../domain/dossier/decide.js';
import { evolve, type DossierHeader, type DossierState } from '../../domain/dossier/fold.js';
import type { Command, RecordedAction } from '../../domain/dossier/dossier.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { actionRow, projection, relationOf, toLocal } from './dossier-store.js';
import { CONTACT_COLUMNS, notificationRow } from './notifications.js';
import { openOrNull, type PersonalDataCipher } from '../personal-data.js';
import { loadFeeLines, officialFeeLine } from '../payment/fee-lines.js';
import { payableNow } from '../../domain/payment/fees.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Deps = AppDeps & { calendars: CalendarDirectory; personalData: PersonalDataCipher };

class Refused extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

/** What decide() needs beyond the dossier: the competent unit's supplement rule, and a named recipient (one more query, only then). */
async function factsFor(
  trx: Transaction<DB>,
  command: Command,
  dossier: { id: string; header: DossierHeader; status: DossierState['status'] },
  calendars: CalendarDirectory,
  tree: UnitTree,
): Promise<DecisionFacts> {
  const { header } = dossier;
  const facts: DecisionFacts = { allowRepeatedSupplement: calendars.rulesFor(header.unitCode).allowRepeatedSupplement, tree };
  // "Xác nhận đã nộp phí" stands only when no payable line is unpaid (a payment records the money; issue 18).
  if (command.type === 'payFee') facts.feesOwed = (await loadFeeLines(trx, dossier.id)).some((l) => l.moment !== 'result' && payableNow(l, dossier.status));
  if (command.type === 'issueResult') {
    const signed = await trx
      .selectFrom('result_documents')
      .select('id')
      .where('dossier_id', '=', dossier.id)
      .where('kind', '=', 'result')
      .where('status', '=', 'signed')
      .where('file_sha256', '=', command.fileSha256)
      .executeTakeFirst();
    facts.signedResult = signed !== undefined;
  }
  if (command.type === 'transfer' && command.toOfficialId) {
    const found = UUID.test(command.toOfficialId)
      ? await trx
          .selectFrom('users')
          .select(['id', 'role', 'unit_code', 'disabled'])
          .where('id', '=', command.toOfficialId)
          .where('kind', '=', 'official')
          .executeTakeFirst()
      : undefined;
    facts.recipient = found ? { userId: found.id, role: found.role, unitCode: found.unit_code, disabled: found.disabled } : null;
  }
  return facts;
}

export async function actOnDossier(
  deps: Deps,
  input: { id: string; command: Command; expectedSeq: number; meta: RequestMeta },
): Promise<Result<{ id: string; seq: number; status: string; nationalCode: number }>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!UUID.test(input.id)) return fail('DOSSIER_NOT_FOUND');
  const tree = deps.units.tree();
  const chain = auditChainOf({ targetId: input.id, requestId: input.meta.requestId });
  try {
    // Four round trips, as few as a bare locked update: begin, read-and-lock, one write statement, commit.
    const result = await deps.db.transaction().execute(async (trx) => {
      // The dossier, then its audit chain's head, locked in that order (every writer takes a dossier before a head).
      const row = await trx
        .selectFrom('dossiers as d')
        .innerJoin('audit_head as h', (join) => join.on('h.id', '=', chain))
        .leftJoin('procedure_versions as v', 'v.id', 'd.procedure_version_id')
        .select(['d.id', 'd.code', 'd.header', 'd.state', 'd.last_seq', 'h.seq as audit_seq', 'h.hash as audit_hash', ...CONTACT_COLUMNS])
        .where('d.id', '=', input.id)
        .forUpdate(['d', 'h'])
        .executeTakeFirst();
      if (!row) throw new Refused('DOSSIER_NOT_FOUND');
      const header = row.header as DossierHeader;
      const state = row.state as DossierState;
      const relation = relationOf(actor, header, state, tree);
      if (!relation.isApplicant && !relation.atReceivingUnit && !relation.atCompetentUnit && !relation.atStepUnit) throw new Refused('DOSSIER_NOT_FOUND');
      if (row.last_seq !== input.expectedSeq) throw new Refused('DOSSIER_CHANGED', { lastSeq: row.last_seq });
      const now = deps.clock();
      const at = toLocal(now);
      const rules = deps.calendars.rulesFor(header.receivingUnitCode);
      const facts = await factsFor(trx, input.command, { id: row.id, header, status: state.status }, deps.calendars, tree);
      const decided = decide(header, state, input.command, relation, at, rules, facts);
      if (!decided.ok) throw new Refused(decided.refusal.code);
      const action = {
        ...decided.event,
        seq: row.last_seq + 1,
        at,
        actor: { userId: actor.userId, role: actor.role, unitCode: actor.unitCode },
      } as RecordedAction;
      const next = evolve(header, state, action);
      const notice = { dossierId: row.id, code: row.code, channel: header.channel, before: state, after: next, action, at: now };
      const message = notificationRow(notice, {
        email: row.email,
        personalId: openOrNull(deps.personalData, row.personal_id),
        procedureName: row.procedure_name,
      });
      const recorded = actionRow(row.id, action);
      const audit = sealAudit(
        { chain, seq: row.audit_seq, hash: row.audit_hash },
        {
          ...auditActor(input.meta),
          action: `dossier.${input.command.type}`,
          targetType: 'dossier',
          targetId: row.id,
          // The whole action's digest, so that the chain covers its payload too.
          details: { code: row.code, seq: action.seq, status: next.status, action: actionDigest(recorded) },
          at: now,
        },
      );
      // An official's request for a fee is one more fee line of the dossier, which the applicant can then pay (issue 18).
      const feeLine = input.command.type === 'requestFee' ? officialFeeLine(row.id, input.command, actor.userId, now) : null;
      const writes = trx
        .with('recorded_action', (qc) => qc.insertInto('dossier_actions').values(recorded))
        .with('dossier_projection', (qc) =>
          qc
            .updateTable('dossiers')
            .set({ ...projection(header, next, rules), ...(feeLine && feeLine.amount > 0 ? { fee_due: true } : {}) })
            .where('id', '=', row.id),
        )
        // The statistics worker follows the dossier's new facts (application/scorecard/statistics.ts).
        .with('statistics_follow', (qc) => qc.insertInto('stat_queue').values({ dossier_id: row.id }))
        // …and the sync with the national portal (application/national-sync/portal-outbox.ts).
        .with('portal_follow', (qc) => portalFollow(qc, [row.id]));
      // No message when there is nothing to tell or no address to tell it to.
      const statement = message
        ? writeSealedAudit(
            writes.with('applicant_message', (qc) => qc.insertInto('notification_outbox').values(message)),
            audit,
          )
        : writeSealedAudit(writes, audit);
      await statement.execute();
      if (feeLine) await trx.insertInto('dossier_fees').values(feeLine).execute();
      return { id: row.id, seq: action.seq, status: next.status, nationalCode: next.nationalCode };
    });
    return ok(result);
  } catch (error) {
    if (error instanceof Refused) return fail(error.code, error.details);
    // Two transactions inserting the same (dossier, seq): the loser is told to reload.
    if ((error as { code?: string }).code === '23505') return fail('DOSSIER_CHANGED');
    throw error;
  }
}
