import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAuditChain } from '../../src/application/audit/audit-chain.js';
import { checkpointIsGenuine, lastGenuineCheckpoint, writeAuditCheckpoint } from '../../src/application/audit/audit-checkpoint.js';
import { CHECKPOINT_FILE, fileCheckpointStore } from '../../src/infrastructure/audit/checkpoint-file.js';
import { receivedComponents } from '../support/intake.js';

describe.each(ENGINES)('tamper-evident audit trail on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => app.stop());

  it('every state change appends a record with who, role, unit, action, target, time, IP and request id', async () => {
    const client = await Client.official(app, 'lanhdao.tuphap');
    await client.request('POST', '/api/v1/auth/logout', undefined, { 'x-request-id': 'test-logout-0001' });
    const rows = await app.database.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(2).execute();
    const [logoutRow, loginRow] = rows;
    expect(loginRow).toMatchObject({ action: 'auth.login', actor_role: 'leader', actor_unit: '000.00.03.H37', target_type: 'user', ip: client.remoteAddress });
    expect(logoutRow).toMatchObject({ action: 'auth.logout', actor_id: loginRow?.actor_id, request_id: 'test-logout-0001' });
    expect(new Date(logoutRow!.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('failed logins are audited without the attempted password', async () => {
    await new Client(app).request('POST', '/api/v1/auth/login', { username: 'admin', password: 'Bi-Mat-123' });
    const row = await app.database.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.action).toBe('auth.login_failed');
    expect(JSON.stringify(row)).not.toContain('Bi-Mat-123');
  });

  it('the chains verify, each with consecutive positions, and the records spread over several chains', async () => {
    const report = await verifyAuditChain(app.database.db);
    expect(report).toMatchObject({ ok: true, head: { seq: String(report.checked), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(report.checked).toBeGreaterThanOrEqual(4);
    const chains = await app.database.db.selectFrom('audit_log').select(['chain']).distinct().execute();
    expect(chains.length).toBeGreaterThan(1);
    const total = report.head!.chains.reduce((n, c) => n + Number(c.seq), 0);
    expect(total).toBe(report.checked);
  });

  it('keeps one target in one chain, and the trail in global order', async () => {
    const rows = await app.database.db
      .selectFrom('audit_log')
      .select(['seq', 'chain', 'chain_seq', 'target_id'])
      .where('target_id', 'is not', null)
      .orderBy('seq')
      .execute();
    const chainOf = new Map<string, number>();
    for (const r of rows) {
      expect(chainOf.get(r.target_id!) ?? r.chain).toBe(r.chain);
      chainOf.set(r.target_id!, r.chain);
    }
    const seqs = rows.map((r) => Number(r.seq));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('the database refuses to update or delete audit records', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(app.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(app.database.db)).rejects.toThrow(/append-only/);
  });

  it('concurrent writers still produce one unbroken chain', async () => {
    const before = (await verifyAuditChain(app.database.db)).checked;
    await Promise.all(Array.from({ length: 8 }, () => new Client(app).request('POST', '/api/v1/auth/login', { username: 'x', password: 'y' })));
    const after = await verifyAuditChain(app.database.db);
    expect(after.ok).toBe(true);
    expect(after.checked).toBe(before + 8);
  });

  it('detects a record altered behind the triggers’ back', async () => {
    await app.database.rawTransaction(async (tx) => {
      await tx.exec('alter table audit_log disable trigger audit_log_no_update');
      await tx.exec(`update audit_log set actor_unit = '000.00.35.H37' where seq = 2`);
      await tx.exec('alter table audit_log enable trigger audit_log_no_update');
    });
    const report = await verifyAuditChain(app.database.db);
    expect(report.ok).toBe(false);
    const altered = await app.database.db.selectFrom('audit_log').select('chain').where('seq', '=', '2').executeTakeFirstOrThrow();
    expect(report.brokenAt).toEqual({ seq: '2', chain: altered.chain, reason: 'record content was altered' });
  });

  it('detects a record removed from the middle of its chain', async () => {
    const fresh = await startTestApp(engine);
    try {
      for (let i = 0; i < 3; i++)
        await new Client(fresh).request('POST', '/api/v1/auth/login', { username: 'admin', password: 'sai' }, { 'x-request-id': 'same-chain-request' });
      const [, middle] = await fresh.database.db
        .selectFrom('audit_log')
        .select(['seq', 'chain'])
        .where('request_id', '=', 'same-chain-request')
        .orderBy('seq')
        .execute();
      await fresh.database.rawTransaction(async (tx) => {
        await tx.exec('alter table audit_log disable trigger audit_log_no_update');
        await tx.exec(`delete from audit_log where seq = ${Number(middle!.seq)}`);
        await tx.exec('alter table audit_log enable trigger audit_log_no_update');
      });
      const report = await verifyAuditChain(fresh.database.db);
      expect(report.ok).toBe(false);
      expect(report.brokenAt).toMatchObject({ chain: middle!.chain, reason: expect.stringMatching(/missing record/) });
    } finally {
      await fresh.stop();
    }
  });

  it('detects removed records at the tail', async () => {
    // Restore record 2 first by recomputing nothing: take a fresh database state instead.
    const fresh = await startTestApp(engine);
    try {
      await new Client(fresh).request('POST', '/api/v1/auth/login', { username: 'admin', password: 'sai' });
      await fresh.database.rawTransaction(async (tx) => {
        await tx.exec('alter table audit_log disable trigger audit_log_no_update');
        await tx.exec('delete from audit_log where seq = (select max(seq) from audit_log)');
        await tx.exec('alter table audit_log enable trigger audit_log_no_update');
      });
      const report = await verifyAuditChain(fresh.database.db);
      expect(report.ok).toBe(false);
      expect(report.brokenAt?.reason).toMatch(/head/);
    } finally {
      await fresh.stop();
    }
  });
  it('links each dossier action by the digest of its whole payload, so an edited action breaks the chain', async () => {
    const fresh = await startTestApp(engine);
    try {
      const desk = await Client.official(fresh, 'motcua.tamthanh');
      const applicant = { fullName: 'Lò Thị Kiểm', personalId: null, address: null, phone: null, email: null };
      const created = await desk.request('POST', '/api/v1/dossiers', {
        procedureCode: '1.001193',
        channel: 'counter',
        applicant,
        components: receivedComponents('1.001193'),
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json() as { id: string };
      const link = await fresh.database.db.selectFrom('audit_log').select(['details']).where('target_id', '=', id).executeTakeFirstOrThrow();
      expect(link.details).toMatchObject({ seq: 1, action: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect((await verifyAuditChain(fresh.database.db)).ok).toBe(true);
      // The accept action's payload edited behind the append-only trigger: the audit record itself is intact.
      await fresh.database.rawTransaction(async (tx) => {
        await tx.exec('alter table dossier_actions disable trigger dossier_actions_append_only');
        await tx.exec(`update dossier_actions set payload = payload || '{"dueAt": 0}'::jsonb where dossier_id = '${id}' and seq = 1`);
        await tx.exec('alter table dossier_actions enable trigger dossier_actions_append_only');
      });
      const report = await verifyAuditChain(fresh.database.db);
      expect(report.ok).toBe(false);
      expect(report.brokenAt?.reason).toBe(`dossier action 1 of dossier ${id} was altered`);
    } finally {
      await fresh.stop();
    }
  });

  it('finds a truncated tail with a rewound head against a signed checkpoint kept outside the database', async () => {
    const fresh = await startTestApp(engine);
    const dir = mkdtempSync(join(tmpdir(), 'motcua-audit-checkpoint-'));
    const store = fileCheckpointStore(dir);
    const key = 'k'.repeat(40);
    try {
      for (let i = 0; i < 3; i++)
        await new Client(fresh).request('POST', '/api/v1/auth/login', { username: 'admin', password: 'sai' }, { 'x-request-id': 'tail-chain-request' });
      const checkpoint = await writeAuditCheckpoint(fresh.database.db, store, key, new Date());
      expect(checkpointIsGenuine(checkpoint, key)).toBe(true);
      const rows = await fresh.database.db
        .selectFrom('audit_log')
        .select(['seq', 'chain', 'chain_seq', 'hash'])
        .where('request_id', '=', 'tail-chain-request')
        .orderBy('seq')
        .execute();
      const [, second, last] = rows;
      // Remove the chain's last record and rewind its head to the one before: the chain alone still verifies.
      await fresh.database.rawTransaction(async (tx) => {
        await tx.exec('alter table audit_log disable trigger audit_log_no_update');
        await tx.exec(`delete from audit_log where seq = ${Number(last!.seq)}`);
        await tx.exec('alter table audit_log enable trigger audit_log_no_update');
        await tx.exec(`update audit_head set seq = ${Number(second!.chain_seq)}, hash = '${second!.hash}' where id = ${second!.chain}`);
      });
      expect((await verifyAuditChain(fresh.database.db)).ok).toBe(true);
      const found = await lastGenuineCheckpoint(store, key);
      const report = await verifyAuditChain(fresh.database.db, undefined, undefined, found.checkpoint);
      expect(report.ok).toBe(false);
      expect(report.brokenAt).toMatchObject({ chain: last!.chain, reason: expect.stringMatching(/before the checkpoint .* \(records removed\)$/) });
      // A checkpoint rewritten to match the shortened chain no longer carries a valid signature.
      const path = join(dir, CHECKPOINT_FILE);
      const forged = { ...checkpoint, records: String(Number(checkpoint.records) - 1) };
      writeFileSync(path, `${readFileSync(path, 'utf8')}${JSON.stringify(forged)}\n`);
      expect(await lastGenuineCheckpoint(store, key)).toEqual({ forged });
    } finally {
      await fresh.stop();
    }
  });
});
