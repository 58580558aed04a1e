/**
 * What a dossier records of "provide once" (issue 20), for whoever may see the dossier: the VNeID level it was
 * sent with, its e-form (declared and typed fields, those prefilled, where the applicant differs from the
 * population registry), the registry lookups linked to it, how many components were digitized or reused, and
 * how long intake took at the desk. The applicant sees no official's name.
 */
import type { RequestMeta } from '../context.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { displayDate, eFormOf } from '../../domain/data-vault/e-form.js';
import type { DossierProvideOnce } from '../../contract/data-vault.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { openOrNull } from '../personal-data.js';
import type { VaultDeps } from './vault-store.js';

export async function dossierProvideOnce(
  deps: Pick<VaultDeps, 'db' | 'units' | 'clock' | 'catalogue' | 'personalData'>,
  input: { id: string; meta: RequestMeta },
): Promise<Result<DossierProvideOnce>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  const { relation, row } = visible.value;
  const d = await deps.db
    .selectFrom('dossiers')
    .select(['eid_level', 'eform', 'intake_started_at', 'submitted_at', 'procedure_code', 'procedure_version_id'])
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const files = await deps.db.selectFrom('dossier_files').select(['digitized_by', 'reused', 'uploaded_at']).where('dossier_id', '=', row.id).execute();
  const lookups = await deps.db
    .selectFrom('population_lookups as l')
    .leftJoin('users as u', 'u.id', 'l.official_id')
    .select(['l.at', 'l.outcome', 'l.channel', 'u.full_name'])
    .where('l.dossier_id', '=', row.id)
    .orderBy('l.at')
    .execute();
  const record = deps.catalogue.history(d.procedure_code).find((v) => v.id === d.procedure_version_id)?.record;
  const fields = record ? eFormOf(record) : [];
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  // What was sent, as read: ID numbers other than the applicant's are stored sealed and opened for those who see the dossier.
  const shown = (key: string, value: string): string => {
    const type = fields.find((f) => f.key === key)?.type;
    if (type === 'personalId' && value !== '') return openOrNull(deps.personalData, value) ?? '';
    return type === 'date' ? displayDate(value) : value;
  };
  const scans = files.filter((f) => f.digitized_by !== null).map((f) => f.uploaded_at.getTime());
  const end = Math.max(d.submitted_at.getTime(), ...scans);
  return ok({
    eidLevel: d.eid_level,
    eform: d.eform
      ? {
          declared: d.eform.declared,
          typed: d.eform.typed,
          prefilled: d.eform.prefilled.map((k) => labels.get(k) ?? k),
          mismatches: d.eform.mismatches.map((k) => ({ key: k, label: labels.get(k) ?? k, typed: shown(k, d.eform!.values[k] ?? '') })),
          registry: d.eform.registry,
          values: fields
            .filter((f) => (d.eform!.values[f.key] ?? '') !== '')
            .map((f) => ({ key: f.key, label: f.label, value: shown(f.key, d.eform!.values[f.key]!) })),
        }
      : null,
    lookups: lookups.map((l) => ({ at: vietnamIso(l.at), outcome: l.outcome, channel: l.channel, official: relation.isApplicant ? null : l.full_name })),
    intakeSeconds: d.intake_started_at ? Math.max(0, Math.round((end - d.intake_started_at.getTime()) / 1000)) : null,
    digitized: scans.length,
    reused: files.filter((f) => f.reused).length,
  });
}
