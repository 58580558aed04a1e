/**
 * The access matrix's rows for "provide once" (issue 20): routes in src/http/routes/data-vault.ts, rules in
 * src/application/data-vault/. Part of MATRIX (test/access/matrix.ts), whose header gives the rules and relations.
 * Probes are in test/access/vault-probes.ts.
 *
 * A citizen's own vault and prefilled form: citizens (portal.use). A walk-in citizen's vault, the consent that
 * opens it and registry lookups: desk officers (dossier.receive), whatever their unit, since the person, not a
 * unit, is the target; the vault itself opens only with the consent recorded at the officer's unit. Reuse in a
 * dossier: those who may attach files to it (decide.ts mayAttach), the others who see it 409. Digitization: the
 * desk that received the dossier, while it may attach. What a dossier recorded: whoever sees it. The reports:
 * scorecard.view for a unit in the reader's subtree.
 */
import { cells, onDossier, SEE, dossierRows, withRole, CITIZENS, minus, type Row } from './cells.js';
import type { DossierKind, Identity, UnitTarget } from './fixture.js';

const DESKS = withRole('desk_officer');
/** Who may attach on the matrix's dossiers that reuse and digitization rows try (as matrix.ts ATTACH). */
const ATTACH: Partial<Record<DossierKind, readonly Identity[]>> = { ward: ['deskOwn'], online: ['citizenOwner', 'deskOwn'], returned: [] };
const SCORECARD_OF: Partial<Record<UnitTarget, readonly Identity[]>> = {
  ward: ['leaderOwn', 'monitor', 'admin'],
  province: ['monitor', 'admin'],
  otherProvince: ['monitorOtherProvince', 'adminOtherProvince'],
};

export const VAULT_ROWS: Row[] = [
  ...(
    [
      ['GET /api/v1/my/vault', 'myVault'],
      ['GET /api/v1/my/intake-form', 'intakeForm'],
    ] as const
  ).map(([operation, probe]): Row => ({ operation, probe, target: 'none', cells: cells('forbidden', { ok: CITIZENS }) })),
  ...(
    [
      ['GET /api/v1/vault', 'deskVault'],
      ['POST /api/v1/vault/consents', 'vaultConsent'],
      ['POST /api/v1/population/lookups', 'populationLookup'],
    ] as const
  ).map(([operation, probe]): Row => ({ operation, probe, target: 'none', cells: cells('forbidden', { ok: DESKS }) })),
  // A component code the procedure lacks: those who may attach get 400 (the rule let them through), the other viewers 409.
  ...dossierRows('POST /api/v1/dossiers/{id}/files/reuse', 'reuse', ['ward', 'online', 'returned'], (k) =>
    cells('hidden', { invalid: ATTACH[k]!, refused: minus(SEE[k], ...ATTACH[k]!) }),
  ),
  // Only desks pass the guard; of them, the receiving desk while it may attach.
  ...dossierRows('POST /api/v1/dossiers/{id}/files/digitize', 'digitize', ['ward', 'returned'], (k) =>
    cells('forbidden', {
      ok: k === 'ward' ? ['deskOwn'] : [],
      refused: k === 'returned' ? ['deskOwn'] : [],
      hidden: minus(DESKS, 'deskOwn'),
    }),
  ),
  ...dossierRows('GET /api/v1/dossiers/{id}/provide-once', 'provideOnce', ['ward', 'online', 'returned'], (k) => onDossier(k, SEE[k])),
  ...(
    [
      ['GET /api/v1/reports/population-lookups', 'lookupReport'],
      ['GET /api/v1/reports/digitization', 'digitizationReport'],
    ] as const
  ).flatMap(([operation, probe]) =>
    (Object.entries(SCORECARD_OF) as [UnitTarget, readonly Identity[]][]).map(([unit, who]): Row => ({
      operation,
      probe,
      target: { unit },
      cells: cells('forbidden', { ok: who }),
    })),
  ),
];
