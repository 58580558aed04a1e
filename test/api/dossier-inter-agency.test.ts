import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { receivedComponents } from '../support/intake.js';

/** Cấp Phiếu lý lịch tư pháp: Sở Tư pháp, with an inter-agency step at Công an tỉnh (step 3 of 5). */
const CRIMINAL_RECORD = '2.000488';
const JUSTICE = '000.00.03.H37';
const POLICE = '000.00.15.H37';
const INTER_STEP = 2;
const applicant = {
  fullName: 'Lường Văn Phúc',
  personalId: '020088004512',
  address: 'Số 9 đường Bà Triệu, phường Đông Kinh',
  phone: '0915222333',
  email: null,
};

interface DossierJson {
  seq: number;
  status: string;
  currentStep: { index: number; unitCode: string } | null;
  availableActions: string[];
  template: { index: number; unitCode: string; interAgency: boolean; role: string }[];
  steps: { index: number; unitCode: string; unitName: string; interAgency: boolean; handedOverAt: string | null; timeliness: string }[];
}

describe.each(ENGINES)('an inter-agency step at another unit on %s', (engine) => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let police: Client;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    desk = await Client.official(app, 'motcua.tinh');
    specialist = await Client.official(app, 'chuyenvien.tuphap');
    leader = await Client.official(app, 'lanhdao.tuphap');
    police = await Client.official(app, 'chuyenvien.congan');
  });
  afterAll(() => app.stop());

  const act = (client: Client, id: string, body: Record<string, unknown>) => client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
  const view = (client: Client, id: string) => client.request('GET', `/api/v1/dossiers/${id}`);
  const unassigned = async (client: Client) =>
    ((await client.request('GET', '/api/v1/dossiers?queue=unassigned')).json() as { items: { id: string }[] }).items.map((i) => i.id);
  const ok = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await act(client, id, body);
    expect(res.statusCode, res.body).toBe(200);
  };

  /** Received at the provincial desk for Sở Tư pháp and brought to the specialist's step, claimed. */
  async function atJusticeSpecialist(): Promise<string> {
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: CRIMINAL_RECORD,
      channel: 'counter',
      applicant,
      components: receivedComponents(CRIMINAL_RECORD),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    await ok(desk, id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    await ok(specialist, id, { type: 'claim', expectedSeq: 2 });
    return id;
  }

  it('fixes the template with the inter-agency step at Công an tỉnh', async () => {
    const id = await atJusticeSpecialist();
    const d = (await view(specialist, id)).json() as DossierJson;
    expect(d.template.map((s) => [s.unitCode, s.role, s.interAgency])).toEqual([
      ['000.01.20.H37', 'desk_officer', false],
      [JUSTICE, 'specialist', false],
      [POLICE, 'specialist', true],
      [JUSTICE, 'leader', false],
      ['000.01.20.H37', 'desk_officer', false],
    ]);
  });

  it('lets the other unit act only at its own step, and then takes the dossier out of its sight', async () => {
    const id = await atJusticeSpecialist();

    // Before the step reaches them, the police official neither sees the dossier nor can act on it.
    expect((await view(police, id)).statusCode).toBe(404);
    expect((await act(police, id, { type: 'claim', expectedSeq: 3 })).statusCode).toBe(404);
    expect(await unassigned(police)).not.toContain(id);

    // The competent unit's specialist sends it to the inter-agency step.
    await ok(specialist, id, { type: 'transfer', expectedSeq: 3, toStep: INTER_STEP, note: 'Đề nghị tra cứu, xác minh án tích' });
    // The sender no longer holds it: the step waits for an official of Công an tỉnh.
    expect(((await view(specialist, id)).json() as DossierJson).availableActions).not.toContain('transfer');
    expect((await act(specialist, id, { type: 'transfer', expectedSeq: 4, toStep: 3, note: null })).json().error.code).toBe('ACTION_NOT_AVAILABLE');
    // Nor can Sở Tư pháp's specialist claim a step of another unit.
    expect((await act(specialist, id, { type: 'claim', expectedSeq: 4 })).json().error.code).toBe('ACTION_NOT_AVAILABLE');

    // At their step, the police official sees it in the waiting queue and may claim it, then transfer.
    expect(await unassigned(police)).toContain(id);
    let d = (await view(police, id)).json() as DossierJson;
    expect(d.currentStep).toMatchObject({ index: INTER_STEP, unitCode: POLICE });
    expect(d.availableActions).toEqual(['claim']);
    await ok(police, id, { type: 'claim', expectedSeq: 4 });
    d = (await view(police, id)).json() as DossierJson;
    expect(d.availableActions).toContain('transfer');
    // Leaders of the competent unit cannot act for the police official at the inter-agency step.
    expect((await act(leader, id, { type: 'transfer', expectedSeq: 5, toStep: 3, note: null })).json().error.code).toBe('ACTION_NOT_AVAILABLE');
    await ok(police, id, { type: 'transfer', expectedSeq: 5, toStep: 3, note: 'Không có án tích' });

    // Back at Sở Tư pháp: under the current rules the police official loses sight of the dossier
    // (canSee covers the receiving, competent and current step's units only).
    expect((await view(police, id)).statusCode).toBe(404);
    expect((await act(police, id, { type: 'transfer', expectedSeq: 6, toStep: 2, note: null })).statusCode).toBe(404);
    expect(await unassigned(police)).not.toContain(id);

    // The competent unit keeps the record of the visit at Công an tỉnh, and finishes the dossier.
    d = (await view(leader, id)).json() as DossierJson;
    const visit = d.steps.find((s) => s.index === INTER_STEP)!;
    expect(visit).toMatchObject({ unitCode: POLICE, unitName: 'Công an tỉnh', interAgency: true });
    expect(visit.handedOverAt).not.toBeNull();
    expect(['early', 'onTime', 'late']).toContain(visit.timeliness);
    await ok(leader, id, { type: 'claim', expectedSeq: 6 });
    await ok(leader, id, { type: 'approve', expectedSeq: 7, note: null });
    await ok(desk, id, { type: 'returnResult', expectedSeq: 8, method: 'counter' });
    expect(((await view(desk, id)).json() as DossierJson).status).toBe('returned');
  });
});
