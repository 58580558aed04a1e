/**
 * The requests of the reform-index rows (test/access/par-rows.ts), for test/api/access-matrix.test.ts. The demo's
 * monitor makes a commune-level scheme, opens a round for the two communes and a second one it closes, and the ward's
 * specialist attaches a PDF to the ward's assessment, the first time a probe needs them.
 */
import { PDF, type Harness } from './harness.js';
import type { Identity } from './fixture.js';
import { UNITS } from './fixture.js';
import { COMMUNE_SCHEME } from '../support/par-index.js';

type Probe = (who: Identity) => Promise<number>;

export function parProbes(harness: () => Harness): Record<string, Probe> {
  const send: Harness['send'] = (...args) => harness().send(...args);
  const status = async (p: ReturnType<Harness['send']>) => (await p).statusCode;
  const created = async (p: ReturnType<Harness['send']>) => {
    const res = await p;
    if (res.statusCode !== 201) throw new Error(`reform-index fixture: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  let fixture: Promise<{ scheme: string; round: string; closed: string; evidence: string }> | null = null;
  const made = () =>
    (fixture ??= (async () => {
      const scheme = await created(
        send('monitor', 'POST', '/api/v1/par/schemes', { json: { year: 2098, level: 'commune', name: 'Ma trận quyền', definition: COMMUNE_SCHEME } }),
      );
      const open = (name: string) =>
        created(
          send('monitor', 'POST', '/api/v1/par/rounds', {
            json: { schemeId: scheme, name, year: 2098, deadline: '2098-12-31', unitCodes: [UNITS.ward, UNITS.commune] },
          }),
        );
      const round = await open('Đợt của ma trận quyền');
      const closed = await open('Đợt đã kết thúc của ma trận quyền');
      const shut = await send('monitor', 'POST', `/api/v1/par/rounds/${closed}/close`);
      if (shut.statusCode !== 200) throw new Error(`close: ${shut.statusCode} ${shut.body}`);
      const evidence = await created(
        send('specialistOwn', 'POST', `/api/v1/par/rounds/${round}/units/${UNITS.ward}/scores/1.1.1/evidence`, {
          json: { kind: 'file', name: 'ke-hoach.pdf', contentType: 'application/pdf', data: PDF.toString('base64') },
        }),
      );
      return { scheme, round, closed, evidence };
    })());
  const ward = async () => `/api/v1/par/rounds/${(await made()).round}/units/${UNITS.ward}`;
  const STALE = 9999;
  return {
    parSchemes: (w) => status(send(w, 'GET', '/api/v1/par/schemes')),
    parSchemeCreate: (w) => status(send(w, 'POST', '/api/v1/par/schemes', { json: { year: 2098 } })),
    parSchemeImport: (w) => status(send(w, 'POST', '/api/v1/par/schemes/import', { json: { year: 2098 } })),
    parScheme: async (w) => status(send(w, 'GET', `/api/v1/par/schemes/${(await made()).scheme}`)),
    parSchemeXlsx: async (w) => status(send(w, 'GET', `/api/v1/par/schemes/${(await made()).scheme}/xlsx`)),
    parSchemeUpdate: async (w) =>
      status(send(w, 'PUT', `/api/v1/par/schemes/${(await made()).scheme}`, { json: { expectedVersion: STALE, name: 'Sửa cũ', definition: COMMUNE_SCHEME } })),
    parSchemeCopy: async (w) =>
      status(send(w, 'POST', `/api/v1/par/schemes/${(await made()).scheme}/copy`, { json: { year: 2099, name: `Bản sao của ${w}` } })),
    parRounds: (w) => status(send(w, 'GET', '/api/v1/par/rounds')),
    parRoundOpen: (w) => status(send(w, 'POST', '/api/v1/par/rounds', { json: { name: 'Thiếu' } })),
    parRound: async (w) => status(send(w, 'GET', `/api/v1/par/rounds/${(await made()).round}`)),
    parRoundClose: async (w) => status(send(w, 'POST', `/api/v1/par/rounds/${(await made()).closed}/close`)),
    parSurvey: async (w) =>
      status(
        send(w, 'POST', `/api/v1/par/rounds/${(await made()).round}/survey-results`, {
          json: { results: [{ unitCode: UNITS.justice, subCode: '3.1.3', value: 80 }] },
        }),
      ),
    parResults: async (w) => status(send(w, 'GET', `/api/v1/par/rounds/${(await made()).round}/results`)),
    parReport: async (w) => status(send(w, 'GET', `/api/v1/par/rounds/${(await made()).round}/report.xlsx`)),
    parAssessment: async (w) => status(send(w, 'GET', await ward())),
    parScore: async (w) =>
      status(send(w, 'PUT', `${await ward()}/scores/1.1.1`, { json: { expectedSeq: STALE, answer: { kind: 'yesNo', done: true }, note: null } })),
    parEvidenceAdd: async (w) =>
      status(send(w, 'POST', `${await ward()}/scores/1.1.2/evidence`, { json: { kind: 'link', name: 'Báo cáo', url: 'https://motcua.example/bao-cao' } })),
    parEvidence: async (w) => status(send(w, 'GET', `${await ward()}/evidence/${(await made()).evidence}`)),
    parSubmit: async (w) => status(send(w, 'POST', `${await ward()}/submit`, { json: { expectedSeq: STALE } })),
    parAppraise: async (w) => status(send(w, 'POST', `${await ward()}/scores/1.1.1/appraisal`, { json: { expectedSeq: STALE, points: 1, reason: null } })),
    parDecide: async (w) => status(send(w, 'POST', `${await ward()}/decision`, { json: { expectedSeq: STALE, decision: 'finish', note: null } })),
  };
}
