/**
 * ID numbers at rest (ADR 12): sealed in every table, found by their keyed hash, shown to the officials and the
 * applicant who may see the dossier, never in public views or logs; the clear values of an older database sealed
 * at the next start, and a wrong key refused rather than read as garbage.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { Client, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';
import { loadConfig } from '../../src/config/env.js';
import { createRuntime, type Runtime } from '../../src/bootstrap.js';
import { loginCitizen } from '../../src/application/auth/login-citizen.js';
import { createPersonalDataCipher, PersonalDataKeyError } from '../../src/infrastructure/crypto/personal-data-cipher.js';
import { resealPersonalData } from '../../src/application/personal-data-reseal.js';

const KEY = 'khóa bí mật thử nghiệm dữ liệu cá nhân 2026';
const DESK_ID = '020085003417';
const CITIZEN_ID = '001301008746';
const LEGACY_USER_ID = '020192006852';
const LEGACY_DOSSIER_ID = '020203001239';
const ALL = [DESK_ID, CITIZEN_ID, LEGACY_USER_ID, LEGACY_DOSSIER_ID];

const configFor = (env: Record<string, string> = {}) =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    VACUUM_INTERVAL_HOURS: '0',
    AUDIT_CHECKPOINT_MINUTES: '0',
    LOGIN_RATE_LIMIT: '1000',
    FILES_DIR: mkdtempSync(join(tmpdir(), 'motcua-test-files-')),
    PERSONAL_DATA_KEY: KEY,
    ...env,
  });

/** Every row of every table of the application's schema, as text: where a clear ID number would show. */
async function everyRow(runtime: Runtime): Promise<string> {
  const tables = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(runtime.database.db);
  let text = '';
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(runtime.database.db);
    text += rows.rows.map((r) => r.row).join('\n');
  }
  return text;
}

describe.each(ENGINES)('ID numbers at rest on %s', (engine) => {
  let testDb: TestDatabase;
  let runtime: Runtime;
  const logs: string[] = [];
  let counterId = '';
  const clientOf = (r: Runtime) => r as unknown as TestApp;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    runtime = await createRuntime(configFor(), { database: testDb.database, logger: true, logStream: { write: (line) => void logs.push(line) } });
  });
  afterAll(async () => {
    await runtime.app.close();
    await testDb.drop();
  });

  it('seals what a desk and a citizen give, shows it to whom may see the dossier, and never in public or in the logs', async () => {
    const desk = await Client.official(clientOf(runtime), 'motcua.tamthanh');
    const counter = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant: { fullName: 'Lương Thị Tra', personalId: DESK_ID, address: 'Thôn Khòn Pát', phone: null, email: 'tra@example.vn' },
      components: receivedComponents('1.001193'),
    });
    expect(counter.statusCode, counter.body).toBe(201);
    const { id, code } = counter.json() as { id: string; code: string };
    counterId = id;

    const login = await loginCitizen(runtime.ctx.deps, {
      identity: { issuer: 'https://sso.example', subject: 'pd-1', fullName: 'Hoàng Văn Minh', personalId: CITIZEN_ID, email: null },
      meta: { actor: null, ip: null, requestId: 'pd' },
    });
    if (!login.ok) throw new Error(login.error.code);
    const citizen = new Client(clientOf(runtime));
    citizen.cookie = `motcua_session=${login.value.sessionId}`;
    await citizen.request('GET', '/api/v1/auth/me');
    const online = await citizen.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'online', unitCode: '000.00.31.H37' });
    expect(online.statusCode, online.body).toBe(201);
    const onlineId = (online.json() as { id: string }).id;

    // The officials of the dossier and its applicant read the number.
    expect((await desk.request('GET', `/api/v1/dossiers/${id}`)).json().applicant.personalId).toBe(DESK_ID);
    expect((await citizen.request('GET', `/api/v1/dossiers/${onlineId}`)).json().applicant.personalId).toBe(CITIZEN_ID);
    // The public lookup, with or without the key, never does.
    const key = (await desk.request('GET', `/api/v1/dossiers/${id}`)).json().lookupKey as string;
    for (const query of ['', `?key=${key}`]) {
      const res = await runtime.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}${query}` });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(DESK_ID);
    }
    // The database holds it nowhere in clear: not in users, dossiers, the audit log, the outbox or anywhere else.
    const rows = await everyRow(runtime);
    expect(rows).toContain('Lương Thị Tra');
    for (const clear of [DESK_ID, CITIZEN_ID]) expect(rows).not.toContain(clear);
    const sealed = await runtime.database.db
      .selectFrom('dossiers')
      .select(sql<string>`applicant ->> 'personalId'`.as('p'))
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(sealed.p).toMatch(/^pd1\./);
    // The logs (debug level, every request) never carry it.
    expect(logs.length).toBeGreaterThan(5);
    for (const clear of [DESK_ID, CITIZEN_ID]) expect(logs.join('')).not.toContain(clear);
  });

  it('refuses a clear value written past the application, by constraint', async () => {
    await expect(
      runtime.database.db
        .insertInto('users')
        .values({ kind: 'applicant', role: 'citizen', full_name: 'X', personal_id_sealed: DESK_ID, personal_id_hash: 'h' })
        .execute(),
    ).rejects.toThrow(/users_personal_id_sealed_check/);
    await expect(
      sql`update dossiers set applicant = jsonb_set(applicant, '{personalId}', to_jsonb(${DESK_ID}::text))`.execute(runtime.database.db),
    ).rejects.toThrow(/dossiers_applicant_personal_id_sealed_check/);
  });

  it('seals the clear values of an older database at the next start, users before it answers, and finds the citizen again', async () => {
    const db = runtime.database.db;
    // As the database stood before sealing began: clear numbers (the constraints are dropped to write them).
    await sql`alter table users drop constraint users_personal_id_sealed_check`.execute(db);
    await sql`alter table dossiers drop constraint dossiers_applicant_personal_id_sealed_check`.execute(db);
    const legacy = await db
      .insertInto('users')
      .values({
        kind: 'applicant',
        role: 'citizen',
        full_name: 'Người dùng cũ',
        personal_id_sealed: LEGACY_USER_ID,
        oidc_issuer: 'https://sso.example',
        oidc_subject: 'legacy',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const all = await db.selectFrom('dossiers').select('id').execute();
    for (const d of all)
      await sql`update dossiers set applicant = jsonb_set(applicant, '{personalId}', to_jsonb(${LEGACY_DOSSIER_ID}::text)) where id = ${d.id}`.execute(db);
    await db.insertInto('personal_data_reseal_requests').values({ reason: 'test' }).execute();
    await runtime.app.close();

    const lines: string[] = [];
    runtime = await createRuntime(configFor(), { database: testDb.database, logger: true, logStream: { write: (line) => void lines.push(line) } });
    // Users are done before createRuntime returns: the legacy citizen is found by the hash at once.
    const user = await db.selectFrom('users').select(['personal_id_sealed', 'personal_id_hash']).where('id', '=', legacy.id).executeTakeFirstOrThrow();
    expect(user.personal_id_hash).toBe(runtime.ctx.deps.personalData.lookupKey(LEGACY_USER_ID));
    expect(user.personal_id_sealed).toMatch(/^pd1\./);
    const again = await loginCitizen(runtime.ctx.deps, {
      identity: { issuer: 'https://vneid.example', subject: 'new', fullName: 'Người dùng cũ', personalId: LEGACY_USER_ID, email: null },
      meta: { actor: null, ip: null, requestId: 'pd' },
    });
    expect(again.ok && again.value.userId).toBe(legacy.id);
    // Dossiers follow in the background, and the request is then forgotten.
    for (let i = 0; i < 100 && (await db.selectFrom('personal_data_reseal_requests').select('reason').execute()).length > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await db.selectFrom('personal_data_reseal_requests').select('reason').execute()).toEqual([]);
    const rows = await everyRow(runtime);
    for (const clear of ALL) expect(rows).not.toContain(clear);
    const desk = await Client.official(clientOf(runtime), 'motcua.tamthanh');
    const shown = await desk.request('GET', `/api/v1/dossiers/${counterId}`);
    expect(shown.json().applicant.personalId).toBe(LEGACY_DOSSIER_ID);
    expect(lines.join('')).toMatch(/ID numbers sealed under the current key/);
    for (const clear of ALL) expect(lines.join('')).not.toContain(clear);
  });

  it('rotates: an earlier key still opens, the reseal brings everything under the new key, a wrong key is refused', async () => {
    const db = runtime.database.db;
    const NEW = 'khóa mới sau khi xoay vòng, dài hơn ba mươi hai ký tự';
    const rotated = createPersonalDataCipher(NEW, [KEY]);
    const report = await resealPersonalData(db, rotated);
    expect(report.users).toBeGreaterThanOrEqual(2);
    expect(report.dossiers).toBeGreaterThanOrEqual(2);
    const users = await db.selectFrom('users').select(['personal_id_sealed', 'personal_id_hash']).where('personal_id_sealed', 'is not', null).execute();
    for (const u of users) {
      expect(rotated.isCurrent(u.personal_id_sealed!)).toBe(true);
      expect(u.personal_id_hash).toBe(rotated.lookupKey(rotated.open(u.personal_id_sealed!)));
    }
    expect(await resealPersonalData(db, rotated)).toEqual({ users: 0, dossiers: 0 });
    // Both reseals (the one at start and this one) are in the audit trail, with counts and no number.
    const audited = await db.selectFrom('audit_log').select(['details']).where('action', '=', 'personal_data.resealed').execute();
    expect(audited.map((a) => a.details)).toEqual([expect.objectContaining({ users: 1 }), { users: report.users, dossiers: report.dossiers }]);
    // The old key alone can no longer read them, and says so instead of returning garbage.
    const old = createPersonalDataCipher(KEY);
    expect(() => old.open(users[0]!.personal_id_sealed!)).toThrow(/neither PERSONAL_DATA_KEY nor one of PERSONAL_DATA_PREVIOUS_KEYS/);
    // A server started with the wrong key refuses to start (main.ts prints the message), rather than serve
    // dossiers it cannot read or file a returning citizen as a new one.
    await runtime.app.close();
    await expect(
      createRuntime(configFor({ PERSONAL_DATA_KEY: 'một khóa khác hẳn, cũng dài hơn ba mươi hai ký tự' }), { database: testDb.database, logger: false }),
    ).rejects.toThrow(PersonalDataKeyError);
    runtime = await createRuntime(configFor({ PERSONAL_DATA_KEY: NEW }), { database: testDb.database, logger: false });
  });
});
