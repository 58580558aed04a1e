/**
 * A dossier as its forms need it: the header, the folded state, the history and the names of the
 * officials who acted, loaded for someone who may see the dossier (the same rule as GET /dossiers/{id}).
 */
import type { AppDeps, RequestMeta } from '../../context.js';
import type { CatalogueDirectory } from '../../catalogue/catalogue-directory.js';
import { fail, ok, type Result } from '../../../domain/errors/error-codes.js';
import type { DossierHeader, DossierState } from '../../../domain/dossier/fold.js';
import type { RecordedAction } from '../../../domain/dossier/dossier.js';
import type { Channel } from '../../../domain/catalogue/procedure.js';
import type { FeeKind, FeeMoment } from '../../../domain/payment/fees.js';
import type { UnitTree } from '../../../domain/units/unit.js';
import type { OverrunRules } from '../../../domain/dossier/step-overrun.js';
import type { CalendarDirectory } from '../../calendar/calendar-directory.js';
import { canSee, loadHistory, relationOf, toLocal } from '../dossier-store.js';

/** No form prints the ID number: it stays sealed (application/personal-data.ts) and is not loaded here. */
export interface FormApplicant {
  fullName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface FormComponent {
  code: string;
  name: string;
  form: string;
  copies: number;
}

/** A fee line that still counts (not replaced by an official's adjustment); 0 VND is an exemption. */
export interface FormFeeLine {
  kind: FeeKind;
  name: string;
  /** VND */
  amount: number;
  moment: FeeMoment;
  /** Why this amount: the catalogue's description, or the official's reason. */
  basis: string;
}

export interface DossierFormData {
  id: string;
  code: string;
  /** Printed on the forms handed to the applicant, with the code it opens the public status's detail. */
  lookupKey: string;
  procedureCode: string;
  procedureName: string;
  channel: Channel;
  applicant: FormApplicant;
  components: FormComponent[];
  /** In line order (application/payment/fee-lines.ts). */
  fees: FormFeeLine[];
  header: DossierHeader;
  state: DossierState;
  history: RecordedAction[];
  /** Local minutes (UTC+7). */
  submittedAt: number;
  now: number;
  /** Full names of the officials who acted, by user id. */
  officials: ReadonlyMap<string, string>;
  tree: UnitTree;
  publicUrl: string;
  /** The receiving unit's working calendar and office hours: steps' working time is measured with them. */
  rules: OverrunRules;
}

const formApplicant = ({ fullName, address, phone, email }: FormApplicant): FormApplicant => ({ fullName, address, phone, email });

type Deps = AppDeps & { catalogue: CatalogueDirectory; calendars: CalendarDirectory };

export async function loadDossierFormData(deps: Deps, input: { id: string; meta: RequestMeta; publicUrl: string }): Promise<Result<DossierFormData>> {
  const actor = input.meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const row = await deps.db.selectFrom('dossiers').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) return fail('DOSSIER_NOT_FOUND');
  const header = row.header as DossierHeader;
  const state = row.state as DossierState;
  const tree = deps.units.tree();
  if (!canSee(relationOf(actor, header, state, tree), header, tree, actor)) return fail('DOSSIER_NOT_FOUND');
  const [history, fees] = await Promise.all([
    loadHistory(deps.db, row.id),
    deps.db
      .selectFrom('dossier_fees')
      .select(['kind', 'name', 'amount', 'moment', 'basis'])
      .where('dossier_id', '=', row.id)
      .where('replaced_by', 'is', null)
      .orderBy('line')
      .execute(),
  ]);
  const ids = new Set<string>();
  for (const a of history) if (a.actor.userId) ids.add(a.actor.userId);
  for (const v of state.visits) if (v.officialId) ids.add(v.officialId);
  const names =
    ids.size === 0
      ? []
      : await deps.db
          .selectFrom('users')
          .select(['id', 'full_name'])
          .where('id', 'in', [...ids])
          .where('kind', '=', 'official')
          .execute();
  const procedure = deps.catalogue.history(row.procedure_code).find((v) => v.id === row.procedure_version_id);
  return ok({
    id: row.id,
    code: row.code,
    lookupKey: row.lookup_key,
    procedureCode: row.procedure_code,
    procedureName: procedure?.record.name ?? row.procedure_code,
    channel: row.channel,
    applicant: formApplicant(row.applicant as FormApplicant),
    components: (row.components as FormComponent[] | null) ?? [],
    fees: fees.map((f) => ({ ...f, amount: Number(f.amount) })),
    header,
    state,
    history,
    submittedAt: toLocal(row.submitted_at),
    now: toLocal(deps.clock()),
    officials: new Map(names.map((n) => [n.id, n.full_name])),
    tree,
    publicUrl: input.publicUrl,
    rules: deps.calendars.rulesFor(header.receivingUnitCode),
  });
}

export type ActionOf<T extends RecordedAction['type']> = Extract<RecordedAction, { type: T }>;

/** The latest recorded action of one of `types`, typed by them. */
export function latestAction<T extends RecordedAction['type']>(history: readonly RecordedAction[], ...types: T[]): ActionOf<T> | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const a = history[i]!;
    if ((types as string[]).includes(a.type)) return a as ActionOf<T>;
  }
  return undefined;
}

/** The full name of the official with this id, when known. */
export function officialName(data: Pick<DossierFormData, 'officials'>, userId: string | null | undefined): string | null {
  return userId ? (data.officials.get(userId) ?? null) : null;
}
