/** What the lists of dossiers share: their dependencies, what each shows of a dossier, and the rows of a work queue. */
import type { AppDeps, RequestMeta } from '../context.js';
import type { PersonalDataCipher } from '../personal-data.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { availableActions } from '../../domain/dossier/decide.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { STATUS_LABELS, type ActionType, type DossierStatus } from '../../domain/dossier/dossier.js';
import { judge } from '../../domain/dossier/timeliness.js';
import type { Actor } from '../../domain/access/policy.js';
import { isOfficialRole } from '../../domain/access/roles.js';
import { relationOf, toLocal } from './dossier-store.js';
import type { CatalogueDirectory } from '../catalogue/catalogue-directory.js';
import type { CalendarDirectory } from '../calendar/calendar-directory.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';

/** What reading dossiers needs: the catalogue and calendars, and the cipher of applicants' personal data. */
export type DossierReadDeps = AppDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory; personalData: PersonalDataCipher };

type QueueRow = {
  id: string;
  code: string;
  procedure_code: string;
  status: string;
  assignee_id: string | null;
  due_at: Date | null;
  appointment_at: Date | null;
  step_due_at: Date | null;
  step_index: number | null;
  submitted_at: Date;
  channel: string;
  header: unknown;
  state: unknown;
  last_seq: number;
};

/** What every list of dossiers shows of one: its code, procedure (by its current name) and status. */
export function dossierListing(deps: DossierReadDeps, r: { id: string; code: string; procedure_code: string; status: string }) {
  return {
    id: r.id,
    code: r.code,
    procedureCode: r.procedure_code,
    procedureName: deps.catalogue.history(r.procedure_code).at(-1)?.record.name ?? r.procedure_code,
    status: r.status as DossierStatus,
    statusLabel: STATUS_LABELS[r.status as DossierStatus],
  };
}

/** The request's actor when it is an official of a unit: AUTH_REQUIRED without one, FORBIDDEN_ROLE for anyone else. */
export function officialOf(meta: RequestMeta): Result<Actor> {
  const actor = meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  if (!isOfficialRole(actor.role) || !actor.unitCode) return fail('FORBIDDEN_ROLE');
  return ok(actor);
}

/** One row of a work queue. */
export function queueItem(deps: DossierReadDeps, r: QueueRow, actor: NonNullable<RequestMeta['actor']>, now: number) {
  const header = r.header as DossierHeader;
  const state = r.state as DossierState;
  const tree = deps.units.tree();
  const step = r.step_index === null ? null : header.steps[r.step_index];
  const deadline = r.step_due_at ?? r.due_at;
  return {
    ...dossierListing(deps, r),
    channel: r.channel,
    stepName: step?.name ?? null,
    assigned: r.assignee_id !== null,
    stepDueAt: r.step_due_at ? vietnamIso(r.step_due_at) : null,
    dueAt: r.due_at ? vietnamIso(r.due_at) : null,
    appointmentAt: r.appointment_at ? vietnamIso(r.appointment_at) : null,
    overdue: deadline !== null && deadline.getTime() < now,
    /** The one judgement now (domain/dossier/timeliness.ts): a dossier supplemented twice is overdue. */
    timeliness: state.dueAt === null && !state.repeatedSupplement ? null : (judge(state, toLocal(new Date(now)) + 1)?.verdict ?? null),
    submittedAt: vietnamIso(r.submitted_at),
    seq: r.last_seq,
    availableActions: availableActions(header, state, relationOf(actor, header, state, tree)) as ActionType[],
  };
}
