/**
 * The web app offers exactly the actions the server accepts (issue 16, "access as data"). The server computes a
 * dossier's `availableActions` from the domain's action table (src/domain/dossier/action-rules.ts) and sends it
 * with the dossier and each queue row; the web app shows those (the back office's ActionBar, the citizen's
 * DossierActions, the queue's bulk selection) and nothing else, leaving out only what it has no form for yet (the
 * first test pins which). The others take every identity of the access matrix (test/access/matrix.ts) to
 * dossiers in every status of the demo's workflow (the matrix's dossiers and more), and for every ActionType
 * compare what the dossier offers the identity with what the server does when the identity sends it:
 * - an offered action is sent on a fresh dossier in the same state and must succeed;
 * - any other is sent on the shared dossier and must be refused as not available (409 ACTION_NOT_AVAILABLE), or
 *   hidden from those who do not see the dossier (404, 401 anonymous), never for the body it carries.
 * By those who see the dossier, the bulk actions (claim, approve, returnResult: what a queue offers on its selected
 * rows) are sent to the bulk endpoint as well (the matrix's bulkClaim row tries it for the others), and each queue
 * row's `availableActions` must equal the dossier's.
 *
 * Every ActionType is tried in every state. What it leaves aside: data-level refusals of an available action
 * (a second supplement request during processing, an apology with too early a date, a transfer to a step that is
 * not next) are the command's, not access; the states here are those where the offered command is well formed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { startHarness, type Harness } from '../access/harness.js';
import { IDENTITIES, type DossierKind, type Identity } from '../access/matrix.js';
import { ACTION_TYPES, DOSSIER_STATUSES, type ActionType, type DossierStatus } from '../../src/domain/dossier/dossier.js';
import { transferTargets } from '../../src/domain/dossier/workflow-graph.js';
import type { DossierStep } from '../../src/domain/dossier/fold.js';
import type { Role } from '../../src/domain/access/roles.js';
import { ACTION_RULES } from '../../src/domain/dossier/action-rules.js';
import { BULK_ACTIONS, type BulkAction } from '../../src/web/features/dossiers/bulk-actions.js';
import { HIDDEN_ACTIONS } from '../../src/web/features/dossiers/action-forms.js';
import { APPLICANT_ACTIONS } from '../../src/web/features/portal-dossiers/dossier-format.js';

type Step = [Identity, Record<string, unknown>];
interface StateSpec {
  /** The matrix's dossier it starts from (harness `make`). */
  base: DossierKind;
  /** Then these actions, each by the identity named. */
  steps: Step[];
  /** The status it ends in (checked). */
  status: DossierStatus;
}

const reason = 'Thử thao tác được phép';
const ACCEPT_AND_ROUTE: Step[] = [
  ['deskOwn', { type: 'accept' }],
  ['deskOwn', { type: 'transfer', toStep: 1, note: null }],
];
const CLAIMED: Step[] = [...ACCEPT_AND_ROUTE, ['specialistOwn', { type: 'claim' }]];
const DECIDING: Step[] = [...CLAIMED, ['specialistOwn', { type: 'transfer', toStep: 2, note: null }], ['leaderOwn', { type: 'claim' }]];

/** The dossiers tried: the matrix's eight, and one in each status they leave out (most online, so that the applicant is there too). */
const STATES = {
  ward: { base: 'ward', steps: [], status: 'accepted' },
  online: { base: 'online', steps: [], status: 'submitted' },
  processing: { base: 'processing', steps: [], status: 'processing' },
  returned: { base: 'returned', steps: [], status: 'returned' },
  sibling: { base: 'sibling', steps: [], status: 'accepted' },
  department: { base: 'department', steps: [], status: 'accepted' },
  remote: { base: 'remote', steps: [], status: 'accepted' },
  remoteProcessing: { base: 'remoteProcessing', steps: [], status: 'processing' },
  receptionSupplement: {
    base: 'online',
    steps: [['deskOwn', { type: 'requestSupplementAtReception', reason, items: ['Tờ khai'] }]],
    status: 'receptionSupplement',
  },
  refused: { base: 'online', steps: [['deskOwn', { type: 'refuse', reason }]], status: 'refused' },
  withdrawn: { base: 'online', steps: [['citizenOwner', { type: 'withdraw', reason }]], status: 'withdrawn' },
  claimed: { base: 'online', steps: CLAIMED, status: 'processing' },
  supplementRequested: {
    base: 'online',
    steps: [...CLAIMED, ['specialistOwn', { type: 'requestSupplement', reason, items: ['Tờ khai'] }]],
    status: 'supplementRequested',
  },
  feeRequested: { base: 'online', steps: [...CLAIMED, ['specialistOwn', { type: 'requestFee', amount: 8000, note: null }]], status: 'feeRequested' },
  deciding: { base: 'online', steps: DECIDING, status: 'processing' },
  resultReady: { base: 'online', steps: [...DECIDING, ['leaderOwn', { type: 'approve', note: null }]], status: 'resultReady' },
  resultRejected: { base: 'online', steps: [...DECIDING, ['leaderOwn', { type: 'reject', reason }]], status: 'resultReady' },
  stopped: { base: 'ward', steps: [['leaderOwn', { type: 'stop', reason }]], status: 'stopped' },
  // Location-independent: received at the provincial centre, settled by Phường Tam Thanh, returned by the centre.
  remoteResultReady: {
    base: 'remoteProcessing',
    steps: [
      ['specialistOwn', { type: 'claim' }],
      ['specialistOwn', { type: 'transfer', toStep: 2, note: null }],
      ['leaderOwn', { type: 'claim' }],
      ['leaderOwn', { type: 'approve', note: null }],
    ],
    status: 'resultReady',
  },
} as const satisfies Record<string, StateSpec>;
type State = keyof typeof STATES;

/** The commands a queue sends for its selected rows (the web app's BULK_ACTIONS, the server's BULK_ACTION_TYPES). */
const BULK_COMMANDS = {
  claim: { type: 'claim' },
  approve: { type: 'approve', note: null },
  returnResult: { type: 'returnResult', method: 'counter' },
} satisfies Record<BulkAction, unknown>;
const BULK: Partial<Record<ActionType, Record<string, unknown>>> = BULK_COMMANDS;

it('leaves out of what the server offers only issueResult in the back office, and payFee, which a recorded payment takes', () => {
  expect(Object.keys(BULK_COMMANDS)).toEqual([...BULK_ACTIONS]);
  expect([...HIDDEN_ACTIONS]).toEqual(['issueResult']);
  const applicants = ACTION_TYPES.filter((a) => (ACTION_RULES[a].who as readonly string[]).includes('applicant'));
  expect(applicants.filter((a) => !(APPLICANT_ACTIONS as readonly ActionType[]).includes(a))).toEqual(['payFee']);
});

const IDS = Object.keys(IDENTITIES) as Identity[];
const isOfficial = (who: Identity) => (['desk_officer', 'specialist', 'leader', 'monitor', 'admin'] as (Role | null)[]).includes(IDENTITIES[who].role);

/** What a dossier tells the web app. */
interface View {
  seq: number;
  status: DossierStatus;
  receivingUnitCode: string;
  dueAt: string | null;
  appointmentAt: string | null;
  currentStep: { index: number } | null;
  template: DossierStep[];
  availableActions: ActionType[];
}
interface Made {
  id: string;
  view: View;
}

describe.each(ENGINES)('the actions offered are those accepted, on %s', (engine) => {
  let h: Harness;
  let resultFile: string;
  const timings: string[] = [];

  beforeAll(async () => {
    h = await startHarness(engine);
    resultFile = await h.resultFile();
  }, 120_000);
  afterAll(async () => {
    await h?.app.stop();
    if (process.env.OFFERED_ACTIONS_TIMINGS) console.log(timings.join('\n'));
  });

  const read = async (who: Identity, id: string) => h.send(who, 'GET', `/api/v1/dossiers/${id}`);

  /** A dossier in the state: the matrix's dossier, then the steps (each expecting the seq the last one answered). */
  async function make(state: State): Promise<Made> {
    const spec: StateSpec = STATES[state];
    const { id } = await h.make(spec.base);
    let seq = await h.seqOf(id);
    for (const [who, command] of spec.steps) {
      const res = await h.send(who, 'POST', `/api/v1/dossiers/${id}/actions`, { json: { ...command, expectedSeq: seq } });
      expect(res.statusCode, `${state}: ${who} ${String(command.type)}: ${res.body}`).toBe(200);
      seq = (res.json() as { seq: number }).seq;
    }
    const view = (await read('admin', id)).json() as View;
    expect(view.status, state).toBe(spec.status);
    return { id, view };
  }

  /** A later appointment, within the receiving unit's office hours (the server's calendar says which). */
  async function laterAppointment(view: View): Promise<string> {
    const from = view.appointmentAt ?? view.dueAt;
    if (from === null) return '2099-01-05T09:00:00+07:00';
    const res = await h.send(
      'anonymous',
      'GET',
      `/api/v1/calendar/due?from=${encodeURIComponent(from)}&amount=2&unit=working_days&unitCode=${view.receivingUnitCode}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { dueAt: string }).dueAt;
  }

  /** A well-formed command of the type for the dossier as it stands (what the web app's form would send). */
  async function commandFor(type: ActionType, view: View): Promise<Record<string, unknown>> {
    switch (type) {
      case 'accept':
      case 'resubmit':
      case 'claim':
      case 'receiveSupplement':
      case 'payFee':
        return { type };
      case 'refuse':
      case 'reject':
      case 'withdraw':
      case 'stop':
      case 'recomputeDue':
        return { type, reason };
      case 'requestSupplementAtReception':
      case 'requestSupplement':
        return { type, reason, items: ['Bản sao giấy tờ'] };
      case 'transfer': {
        const targets = transferTargets({ steps: view.template }, { stepIndex: view.currentStep?.index ?? null });
        return { type, toStep: targets[0] ?? 1, note: null };
      }
      case 'requestFee':
        return { type, amount: 8000, note: null };
      case 'approve':
        return { type, note: null };
      case 'issueResult':
        return { type, fileSha256: resultFile, fileName: 'ket-qua.pdf' };
      case 'returnResult':
        return { type, method: 'counter' };
      case 'apologize':
        return { type, reason, newAppointmentAt: await laterAppointment(view) };
    }
  }

  /** Sends the action one by one (`single`) or through the bulk endpoint: its status and error code. */
  async function send(who: Identity, made: Made, type: ActionType, via: 'single' | 'bulk'): Promise<{ status: number; code: string | null }> {
    let res;
    if (via === 'single') {
      res = await h.send(who, 'POST', `/api/v1/dossiers/${made.id}/actions`, { json: { ...(await commandFor(type, made.view)), expectedSeq: made.view.seq } });
    } else {
      res = await h.send(who, 'POST', '/api/v1/dossiers/bulk-actions', { json: { command: BULK[type], items: [{ id: made.id, expectedSeq: made.view.seq }] } });
      if (res.statusCode === 200) {
        const [item] = (res.json() as { items: { ok: boolean; code?: string }[] }).items;
        return item!.ok ? { status: 200, code: null } : { status: 409, code: item!.code ?? null };
      }
    }
    return { status: res.statusCode, code: res.statusCode < 400 ? null : ((res.json() as { error?: { code?: string } }).error?.code ?? null) };
  }

  /**
   * Refused for access, not for the body: not available to one who sees the dossier (a citizen is refused the
   * bulk endpoint as a whole, 403); hidden from one who does not (404, or 401 anonymous).
   */
  function refusedForAccess(readable: boolean, via: 'single' | 'bulk', got: { status: number; code: string | null }): boolean {
    if (readable) return got.code === 'ACTION_NOT_AVAILABLE' || (via === 'bulk' && got.status === 403);
    return got.status === 401 || got.code === 'DOSSIER_NOT_FOUND';
  }

  it('tries dossiers in every status', () => {
    expect(new Set(Object.values(STATES).map((s) => s.status))).toEqual(new Set(DOSSIER_STATUSES));
  });

  it.each(Object.keys(STATES) as State[])(
    '%s: each identity is offered exactly what the server accepts',
    async (state) => {
      const started = Date.now();
      const wrong: string[] = [];
      let shared = await make(state);
      let tried = 0;
      for (const who of IDS) {
        const res = await read(who, shared.id);
        const readable = res.statusCode === 200;
        if (!readable) expect([401, 404], `${who} reads the ${state} dossier`).toContain(res.statusCode);
        const offered = new Set(readable ? (res.json() as View).availableActions : []);
        // A queue row offers the same as the dossier page (the queue's bulk selection reads it).
        if (readable && isOfficial(who)) {
          const queue = await h.send(who, 'GET', '/api/v1/dossiers?queue=all&limit=500');
          const row = (queue.json() as { items: { id: string; availableActions: ActionType[] }[] }).items.find((i) => i.id === shared.id);
          if (row && [...row.availableActions].sort().join() !== [...offered].sort().join())
            wrong.push(`${who}: the queue row offers [${row.availableActions.join()}], the dossier [${[...offered].join()}]`);
        }
        for (const type of ACTION_TYPES) {
          for (const via of BULK[type] && readable ? (['single', 'bulk'] as const) : (['single'] as const)) {
            tried++;
            const label = `${who} ${type}${via === 'bulk' ? ' (bulk)' : ''}`;
            if (offered.has(type)) {
              const got = await send(who, await make(state), type, via);
              if (got.status >= 300) wrong.push(`${label}: offered, but the server answered ${got.status} ${got.code}`);
            } else {
              const got = await send(who, shared, type, via);
              if (got.status < 300) {
                wrong.push(`${label}: accepted, but not offered`);
                shared = await make(state);
              } else if (
                !refusedForAccess(readable, via, got) &&
                !(type === 'payFee' && got.code === 'FEES_NOT_PAID') &&
                !(type === 'issueResult' && got.code === 'RESULT_NOT_SIGNED')
              )
                // (payFee and issueResult are never offered: a recorded payment, a leader's signature on the result take
                // them, and a click is refused before: the fees unpaid, the file named not a signed result.)
                wrong.push(`${label}: refused for another reason than access: ${got.status} ${got.code}`);
            }
          }
        }
      }
      timings.push(`${engine} ${state}: ${tried} tries, ${Date.now() - started} ms`);
      expect(wrong).toEqual([]);
    },
    120_000,
  );
});
