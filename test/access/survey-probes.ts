/** The requests of the survey rows (test/access/survey-rows.ts), for test/api/access-matrix.test.ts. */
import type { Dossier, Harness } from './harness.js';
import type { Identity } from './fixture.js';
import type { Row } from './cells.js';
import { UNITS } from './fixture.js';

type Probe = (who: Identity, row: Row, fresh?: Dossier) => Promise<number>;

const NO_SUCH_TOKEN = 'A'.repeat(43);
const SCORES = { access: 5, procedure: 4, official: 5, result: 4, feedback: null };

/** `harness` is read when a probe runs. */
export function surveyProbes(harness: () => Harness, dossierOf: (row: Row, fresh?: Dossier) => Dossier): Record<string, Probe> {
  const send: Harness['send'] = (...args) => harness().send(...args);
  const status = async (p: ReturnType<Harness['send']>) => (await p).statusCode;
  let demoRound: Promise<string> | null = null;
  /** The demo's closed round over the whole province (application/seed/seed-survey.ts). */
  const closedRound = () =>
    (demoRound ??= send('admin', 'GET', '/api/v1/surveys/rounds').then((res) => {
      const round = (res.json() as { items: { id: string; status: string }[] }).items.find((r) => r.status === 'closed');
      if (!round) throw new Error(`no closed survey round: ${res.statusCode} ${res.body}`);
      return round.id;
    }));
  const month = new Date().toISOString().slice(0, 7);
  return {
    surveyInvitation: (w) => status(send(w, 'GET', `/api/v1/surveys/invitations/${NO_SUCH_TOKEN}`)),
    surveyAnswer: (w) => status(send(w, 'POST', `/api/v1/surveys/invitations/${NO_SUCH_TOKEN}`, { json: { scores: SCORES } })),
    surveyOffer: (w, row, fresh) => status(send(w, 'GET', `/api/v1/surveys/dossiers/${dossierOf(row, fresh).id}`)),
    surveyIssue: (w, row, fresh) => status(send(w, 'POST', `/api/v1/surveys/dossiers/${dossierOf(row, fresh).id}/invitation`)),
    surveyRounds: (w) => status(send(w, 'GET', '/api/v1/surveys/rounds')),
    surveyPopulation: (w) => status(send(w, 'GET', `/api/v1/surveys/population?from=2026-01-01&to=2026-01-31&units=${UNITS.province}`)),
    surveyOpen: (w) => status(send(w, 'POST', '/api/v1/surveys/rounds', { json: {} })),
    surveyClose: async (w) => status(send(w, 'POST', `/api/v1/surveys/rounds/${await closedRound()}/close`)),
    surveyRoundResults: async (w) => status(send(w, 'GET', `/api/v1/surveys/rounds/${await closedRound()}/results`)),
    surveyMonthResults: (w) => status(send(w, 'GET', `/api/v1/surveys/results?month=${month}`)),
    surveyPortalRatings: (w) => status(send(w, 'GET', `/api/v1/surveys/portal-ratings?month=${month}`)),
  };
}
