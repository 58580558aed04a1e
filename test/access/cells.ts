/**
 * The vocabulary of the access matrix's rows (test/access/matrix.ts, test/access/payment-rows.ts): a row, its
 * cells by identity, and who sees each of the matrix's dossiers.
 */
import { ALL, IDENTITIES, DOSSIERS, type IdentitySpec, type Identity, type DossierKind, type Target, type Expected } from './fixture.js';
import type { Role } from '../../src/domain/access/roles.js';

export interface Row {
  /** `METHOD /api/v1/path` as in the served OpenAPI document. */
  operation: string;
  /** The request the test sends (PROBES in test/api/access-matrix.test.ts). */
  probe: string;
  target: Target;
  cells: Record<Identity, Expected>;
  /**
   * A probe that changes the dossier when it succeeds: its rows run after the others, and a cell expected to
   * succeed gets a fresh dossier of its kind.
   */
  consumes?: boolean;
  note?: string;
}

/** Cells: the identities named get their class, everyone else `rest`, anonymous `login` unless named. */
export function cells(rest: Expected, named: Partial<Record<Expected, readonly Identity[]>> = {}): Record<Identity, Expected> {
  const out = Object.fromEntries(ALL.map((i) => [i, i === 'anonymous' ? 'login' : rest])) as Record<Identity, Expected>;
  for (const [expected, identities] of Object.entries(named) as [Expected, readonly Identity[]][]) for (const i of identities) out[i] = expected;
  return out;
}
/** The identities with one of the roles. */
export const withRole = (...roles: Role[]): Identity[] =>
  ALL.filter((i) => (IDENTITIES[i] as IdentitySpec).role !== null && roles.includes((IDENTITIES[i] as IdentitySpec).role!));
export const CITIZENS = withRole('citizen');
export const OFFICIALS = withRole('desk_officer', 'specialist', 'leader', 'monitor', 'admin');
export const minus = (from: readonly Identity[], ...out: Identity[]) => from.filter((i) => !out.includes(i));

/** Public: everyone, anonymous included, gets an answer. */
export const PUBLIC = cells('ok', { ok: ['anonymous'] });
/** Any session. */
export const SESSION = cells('ok');
/** The holders of a capability (roles.ts), whatever their unit; the others 403. */
export const capable = (...roles: Role[]) => cells('forbidden', { ok: withRole(...roles) });

/** Who sees each dossier (canSee): the rest get 404. */
export const SEE: Record<DossierKind, readonly Identity[]> = {
  ward: ['deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
  online: ['citizenOwner', 'deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
  processing: ['deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
  returned: ['citizenOwner', 'deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
  sibling: ['deskSibling', 'specialistSibling', 'monitor', 'admin'],
  department: ['deskProvince', 'specialistDepartment', 'leaderDepartment', 'monitor', 'admin'],
  // The provincial centre received it; Phường Tam Thanh settles it (its desk, specialist and leader see it).
  remote: ['deskProvince', 'deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
  remoteProcessing: ['deskProvince', 'deskOwn', 'specialistOwn', 'leaderOwn', 'monitor', 'admin'],
};
export const KINDS = Object.keys(DOSSIERS) as DossierKind[];

/** Those who see the dossier get `seen` (or `ok` when named in `ok`), the rest 404. */
export function onDossier(kind: DossierKind, ok: readonly Identity[], seen: Expected = 'refused'): Record<Identity, Expected> {
  return cells('hidden', { [seen]: minus(SEE[kind], ...ok), ok });
}

export function dossierRows(
  operation: string,
  probe: string,
  kinds: readonly DossierKind[],
  who: (kind: DossierKind) => Record<Identity, Expected>,
  extra: Partial<Row> = {},
): Row[] {
  return kinds.map((kind) => ({ operation, probe, target: { dossier: kind }, cells: who(kind), ...extra }));
}
