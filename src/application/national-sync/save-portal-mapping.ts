/**
 * Reading and replacing the province's mapping to the national portal (issue 21 §2): statuses and sub-statuses to
 * the portal's codes, units to its agency ids. The whole mapping is replaced at once, against the version read, so
 * that two administrators editing it at the same time do not overwrite each other unknowingly; the change is audited.
 */
import { createHash } from 'node:crypto';
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { DOSSIER_STATUSES, STATUS_LABELS, NATIONAL_STATUS_CODE } from '../../domain/dossier/dossier.js';
import type { PortalStatusCode } from '../../domain/national-sync/status-mapping.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { readPortalMappingTables, type PortalMappingTables } from './portal-mapping.js';
import type { PortalMapping, PortalMappingBody } from '../../contract/national-portal.js';

const versionOf = (t: PortalMappingTables) => createHash('sha256').update(JSON.stringify(t)).digest('base64url').slice(0, 22);

function view(t: PortalMappingTables): PortalMapping {
  return {
    statuses: t.statuses as PortalMapping['statuses'],
    agencies: t.agencies,
    builtIn: DOSSIER_STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], portalCode: String(NATIONAL_STATUS_CODE[status]) as PortalStatusCode })),
    version: versionOf(t),
  };
}

export async function getPortalMapping(deps: AppDeps, input: { meta: RequestMeta }): Promise<Result<PortalMapping>> {
  const allowed = authorize(input.meta.actor, 'audit.view');
  if (!allowed.ok) return fail(allowed.code);
  return ok(view(await readPortalMappingTables(deps.db)));
}

export async function savePortalMapping(deps: AppDeps, input: { body: PortalMappingBody; meta: RequestMeta }): Promise<Result<PortalMapping>> {
  const allowed = authorize(input.meta.actor, 'integrations.manage');
  if (!allowed.ok) return fail(allowed.code);
  const { statuses, agencies } = input.body;
  const tree = deps.units.tree();
  const problems: { path: string; message: string }[] = [];
  const seenStatus = new Set<string>();
  statuses.forEach((s, i) => {
    const key = `${s.status}|${s.subStatus}`;
    if (seenStatus.has(key)) problems.push({ path: `body.statuses.${i}`, message: 'Trùng trạng thái và thao tác' });
    seenStatus.add(key);
  });
  const seenUnit = new Set<string>();
  agencies.forEach((a, i) => {
    if (!tree.find(a.unitCode)) problems.push({ path: `body.agencies.${i}.unitCode`, message: `Không có đơn vị ${a.unitCode}` });
    if (seenUnit.has(a.unitCode)) problems.push({ path: `body.agencies.${i}.unitCode`, message: 'Trùng đơn vị' });
    seenUnit.add(a.unitCode);
  });
  if (problems.length > 0) return fail('VALIDATION_FAILED', problems);
  const actorId = input.meta.actor!.userId;
  return deps.db.transaction().execute(async (trx) => {
    // One editor at a time: the version is compared under the lock.
    await trx.selectFrom('portal_agency_mapping').select('unit_code').forUpdate().execute();
    await trx.selectFrom('portal_status_mapping').select('status').forUpdate().execute();
    const current = await readPortalMappingTables(trx);
    if (versionOf(current) !== input.body.version) return fail('MAPPING_CHANGED');
    await trx.deleteFrom('portal_status_mapping').execute();
    await trx.deleteFrom('portal_agency_mapping').execute();
    if (statuses.length > 0)
      await trx
        .insertInto('portal_status_mapping')
        .values(statuses.map((s) => ({ status: s.status, sub_status: s.subStatus, portal_code: s.portalCode, updated_by: actorId })))
        .execute();
    if (agencies.length > 0)
      await trx
        .insertInto('portal_agency_mapping')
        .values(agencies.map((a) => ({ unit_code: a.unitCode, agency_id: a.agencyId, updated_by: actorId })))
        .execute();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'nationalSync.mapping',
      targetType: 'system',
      targetId: 'portal-mapping',
      details: { statuses: statuses.length, agencies: agencies.length },
      at: deps.clock(),
    });
    return ok(view(await readPortalMappingTables(trx)));
  });
}
