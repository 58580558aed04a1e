/**
 * The access matrix's rows for e-results (issue 19): routes in src/http/routes/results.ts, rules in
 * src/application/result/. Part of MATRIX (test/access/matrix.ts), whose header gives the rules and relations.
 * Probes are in test/access/result-probes.ts.
 *
 * Preparing and signing (prepare-result.ts mayPrepare): a specialist or leader of the competent unit; anyone else
 * who sees the dossier 403. A leader's signature is the final one and needs the dossier approved: on the
 * processing dossier (1.001193 at the ward's specialist step) it is refused 409 RESULT_NOT_READY, while the
 * specialist's initial is taken. Revoking a signed result: the leader (dossier.approve), on the returned dossier
 * whose result the leader signed (harness). Certified copies (certify-copy.ts mayCertify): a desk officer of the
 * receiving or competent unit. The verification behind a QR code is public.
 */
import { cells, KINDS, onDossier, PUBLIC, SEE, dossierRows, minus, type Row } from './cells.js';
import type { Identity } from './fixture.js';

const PREPARERS: Identity[] = ['specialistOwn', 'leaderOwn'];
const seenNotPreparing = minus(SEE.processing, ...PREPARERS);

export const RESULT_ROWS: Row[] = [
  ...dossierRows('GET /api/v1/dossiers/{id}/results', 'results', KINDS, (k) => onDossier(k, SEE[k])),
  ...(
    [
      ['POST /api/v1/dossiers/{id}/results', 'prepareResult'],
      ['POST /api/v1/dossiers/{id}/results/upload', 'uploadResult'],
      ['POST /api/v1/dossiers/{id}/results/{documentId}/submit', 'submitResult'],
    ] as const
  ).flatMap(([operation, probe]) => dossierRows(operation, probe, ['processing'], () => cells('hidden', { ok: PREPARERS, forbidden: seenNotPreparing }))),
  ...dossierRows('POST /api/v1/dossiers/{id}/results/{documentId}/sign', 'signResult', ['processing'], () =>
    cells('hidden', { ok: ['specialistOwn'], refused: ['leaderOwn'], forbidden: seenNotPreparing }),
  ),
  ...dossierRows('POST /api/v1/dossiers/{id}/results/certified-copies', 'certifyCopy', ['processing'], () =>
    cells('hidden', { ok: ['deskOwn'], forbidden: minus(SEE.processing, 'deskOwn') }),
  ),
  // The applicant downloads what was issued to them; officials who see the dossier too.
  ...dossierRows('GET /api/v1/dossiers/{id}/results/{documentId}/file', 'resultFile', ['returned'], () => onDossier('returned', SEE.returned)),
  ...dossierRows(
    'POST /api/v1/dossiers/{id}/results/{documentId}/revoke',
    'revokeResult',
    ['returned'],
    () => cells('hidden', { ok: ['leaderOwn'], forbidden: minus(SEE.returned, 'leaderOwn') }),
    { consumes: true },
  ),
  ...(
    [
      ['GET /api/v1/verify/{code}', 'verifyRecord'],
      ['GET /api/v1/verify/{code}/file', 'verifyFile'],
      ['POST /api/v1/verify', 'verifyPdf'],
    ] as const
  ).map(([operation, probe]): Row => ({ operation, probe, target: { dossier: 'returned' }, cells: PUBLIC })),
];
