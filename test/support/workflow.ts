/**
 * Driving a dossier through its steps in tests: every official takes the next action offered to them (accept,
 * claim, transfer onward, approve), until the leader has approved it.
 */
import { expect } from 'vitest';
import type { Client } from './app.js';

interface Seen {
  seq: number;
  status: string;
  availableActions: string[];
  currentStep: { index: number } | null;
  template: unknown[];
}

/** Moves the dossier to `resultReady` with the given officials (the desk first: its view is the one checked at the end). */
export async function driveToApproval(officials: readonly Client[], id: string): Promise<void> {
  for (let round = 0; round < 12; round++) {
    let acted = false;
    for (const client of officials) {
      const d = (await client.request('GET', `/api/v1/dossiers/${id}`)).json() as Seen;
      if (d.status === 'resultReady') return;
      const type = ['accept', 'approve', 'claim', 'transfer'].find((t) => d.availableActions.includes(t));
      if (!type) continue;
      const body: Record<string, unknown> = { type, expectedSeq: d.seq };
      if (type === 'approve') body.note = null;
      if (type === 'transfer') Object.assign(body, { toStep: Math.min((d.currentStep?.index ?? 0) + 1, d.template.length - 1), note: null });
      const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
      expect(res.statusCode, `${type}: ${res.body}`).toBe(200);
      acted = true;
      break;
    }
    if (!acted) break;
  }
  expect(((await officials[0]!.request('GET', `/api/v1/dossiers/${id}`)).json() as { status: string }).status).toBe('resultReady');
}
