/** The full dossier, for its officials and applicant: where it stands, its steps, what the viewer may do, its history. */
import { sql } from 'kysely';
import type { RequestMeta } from '../context.js';
import { openApplicant } from '../personal-data.js';
import type { ApplicantInput } from './create-dossier.js';
import { fail, ok } from '../../domain/errors/error-codes.js';
import { availableActions } from '../../domain/dossier/decide.js';
import type { ActionType } from '../../domain/dossier/dossier.js';
import { toLocal } from './dossier-store.js';
import { seenBy } from './visible-dossier.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import type { Dossier } from '../../contract/dossier.js';
import type { DossierReadDeps } from './dossier-listing.js';
import { stepsView, summary } from './dossier-progress.js';

interface HistoryEntry {
  seq: number;
  type: string;
  /** ISO instant as JSON gives it. */
  at: string;
  role: string | null;
  reason: string | null;
  note: string | null;
  /** The papers asked for by a supplement request. */
  items: string[] | null;
}

export async function getDossier(deps: DossierReadDeps, input: { id: string; meta: RequestMeta }) {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  // One round trip: the dossier with its history (seq, type, time, role and the reason or note of each action).
  const found = await deps.db
    .selectFrom('dossiers as d')
    .select([
      'd.id',
      'd.code',
      'd.procedure_code',
      'd.procedure_version_id',
      'd.channel',
      'd.unit_code',
      'd.receiving_unit_code',
      'd.location_independent',
      'd.applicant',
      'd.components',
      'd.submitted_at',
      'd.header',
      'd.state',
      'd.lookup_key',
    ])
    .select(
      sql<
        HistoryEntry[]
      >`(select coalesce(json_agg(json_build_object('seq', a.seq, 'type', a.type, 'at', a.at, 'role', a.actor_role, 'reason', a.payload ->> 'reason', 'note', a.payload ->> 'note', 'items', a.payload -> 'items') order by a.seq), '[]'::json)
        from dossier_actions a where a.dossier_id = d.id)`.as('history'),
    )
    .where('d.id', '=', input.id)
    .executeTakeFirst();
  const tree = deps.units.tree();
  const seen = seenBy(actor, found, tree);
  if (!seen.ok) return seen;
  const { row, header, state, relation } = seen.value;
  const now = toLocal(deps.clock());
  const procedure = deps.catalogue.history(row.procedure_code).find((v) => v.id === row.procedure_version_id);
  return ok<Dossier>({
    id: row.id,
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: procedure?.record.name ?? row.procedure_code,
    procedureVersion: procedure?.version ?? null,
    channel: row.channel,
    unitCode: row.unit_code,
    unitName: tree.find(row.unit_code)?.name ?? row.unit_code,
    receivingUnitCode: row.receiving_unit_code,
    locationIndependent: row.location_independent,
    applicant: openApplicant(deps.personalData, row.applicant as ApplicantInput),
    components: row.components as { code: string; name: string; form: string; copies: number }[],
    submittedAt: vietnamIso(row.submitted_at),
    lookupKey: row.lookup_key,
    ...summary(deps, header, state, now),
    assigneeId: state.assigneeId,
    steps: stepsView(deps, header, state, now),
    template: header.steps.map((s, index) => ({
      index,
      name: s.name,
      role: s.role,
      unitCode: s.unitCode,
      interAgency: s.interAgency,
      budgetMinutes: s.budgetMinutes,
    })),
    availableActions: availableActions(header, state, relation) as ActionType[],
    history: row.history.map((a) => ({
      seq: a.seq,
      type: a.type as ActionType,
      at: vietnamIso(new Date(a.at)),
      actorRole: a.role ?? '',
      note: a.reason || a.note || null,
      items: Array.isArray(a.items) ? a.items : [],
    })),
  });
}
