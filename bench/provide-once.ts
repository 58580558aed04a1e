/**
 * "Provide once" (issue 20), two figures:
 * 1. Intake at the desk, prefilled vs manual, for BENCH_INTAKES (200) counter dossiers of 1.000894 (Đăng ký kết
 *    hôn) each way: manual, the officer types every field of the e-form; prefilled, the officer looks the applicant
 *    up in the population database (the LGSP adapter over HTTP to the local simulator, as the demo serves it) and
 *    types only what it did not give. Figures: fields typed per dossier (from the dossier's own e-form record) and
 *    server time per intake (lookup included), medians. No goal: the point is how many fields go.
 * 2. Vault lookups at BENCH_VAULT_DOCS (1,000,000) vault documents of BENCH_VAULT_OWNERS (200,000) owners: what the
 *    form asks for a procedure (the owner's current documents, and which of them meet which component today), for
 *    random owners, BENCH_VAULT_CALLERS (8) at a time, per second; against a bare primary-key read of one row of
 *    the same table in the same run. Goal: ≥ 30 % of the bare read.
 * Engine: PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL (a fresh database is created and dropped).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase } from '../test/support/databases.js';
import { migrate } from '../src/infrastructure/db/migrator.js';
import { seedDemo } from '../src/application/seed/seed-demo.js';
import { loadUnitDirectory } from '../src/application/units/unit-directory.js';
import { loadCalendarDirectory } from '../src/application/calendar/calendar-directory.js';
import { loadCatalogueDirectory } from '../src/application/catalogue/catalogue-directory.js';
import { personalDataCipherOf } from '../src/infrastructure/crypto/personal-data-cipher.js';
import { createDossier } from '../src/application/dossier/create-dossier.js';
import { lookupPopulation } from '../src/application/data-vault/lookup-population.js';
import { ownerDocuments, isoDay } from '../src/application/data-vault/vault-store.js';
import { createLgspPopulationRegistry } from '../src/infrastructure/data-exchange/population-registry.js';
import { createPopulationRegistrySimulator, demoRegistryCitizens } from '../src/infrastructure/data-exchange/population-registry-simulator.js';
import { eFormOf } from '../src/domain/data-vault/e-form.js';
import { offersFor } from '../src/domain/data-vault/vault.js';
import type { Actor } from '../src/domain/access/policy.js';
import type { VaultDeps } from '../src/application/data-vault/vault-store.js';
import { benchConfig } from './support/config.js';
import { showSpread, spread } from './support/rounds.js';
import { meets, record } from './support/results.js';
import { engineVersion, machineLine } from './support/machine.js';

const INTAKES = Number(process.env.BENCH_INTAKES ?? 200);
const VAULT_DOCS = Number(process.env.BENCH_VAULT_DOCS ?? 1_000_000);
const VAULT_OWNERS = Number(process.env.BENCH_VAULT_OWNERS ?? 200_000);
const CALLERS = Number(process.env.BENCH_VAULT_CALLERS ?? 8);
const LOOKUPS = Number(process.env.BENCH_VAULT_LOOKUPS ?? 4_000);
const GOAL = '≥ 30';
const MARRIAGE = '1.000894';

if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const engine = process.env.BENCH_DATABASE_URL ? 'postgresql' : 'pglite';
const config = benchConfig();
const test = await createTestDatabase(engine);
const { db } = test.database;

async function lanes<T>(items: readonly T[], callers: number, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(callers, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i]!);
    }),
  );
  return (performance.now() - t0) / 1000;
}

const credentials = { accessKey: 'ak', secretKey: 'sk', appName: 'bench', partnerCode: 'H37', partnerCodeCus: 'H37' };
const simulator = createPopulationRegistrySimulator({ credentials, officers: { bench: 'pass' }, citizens: demoRegistryCitizens() });
const server = createServer((req, res) => simulator.handle(req, res));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const registry = createLgspPopulationRegistry({
  url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
  ...credentials,
  bearerToken: null,
  integrationCode: '037',
  officers: { 'motcua.tamthanh': { officerCode: 'CB01', keyName: 'bench', keyPass: 'pass' } },
  timeoutMs: 5000,
});

try {
  const t0 = performance.now();
  await migrate(test.database);
  await seedDemo(db);
  const units = await loadUnitDirectory(db);
  const catalogue = await loadCatalogueDirectory(db, units);
  const deps = {
    db,
    units,
    clock: () => new Date(),
    calendars: await loadCalendarDirectory(db, units),
    catalogue,
    personalData: personalDataCipherOf(config),
    populationRegistry: registry,
    nationalVault: null,
    files: { put: () => Promise.reject(new Error('unused')), read: () => Promise.resolve(null) },
    signing: {} as VaultDeps['signing'],
  } satisfies VaultDeps & Parameters<typeof createDossier>[0];
  const version = await engineVersion(engine, db as unknown as Kysely<never>);
  const machine = machineLine(version);
  console.log(`provide once on ${version} — ${INTAKES} intakes each way; vault lookups at ${VAULT_DOCS.toLocaleString('en')} documents\n${machine}`);
  const desk = await db.selectFrom('users').select(['id', 'unit_code']).where('username', '=', 'motcua.tamthanh').executeTakeFirstOrThrow();
  const actor: Actor = { userId: desk.id, role: 'desk_officer', unitCode: desk.unit_code };
  const record0 = catalogue.inForce(MARRIAGE, new Date().toISOString().slice(0, 10))!.record;
  const fields = eFormOf(record0);
  const [citizen] = demoRegistryCitizens();
  const person = { personalId: citizen!.personalId, fullName: citizen!.fullName, birthDate: citizen!.birthDate };
  const everything: Record<string, string> = {
    fullName: person.fullName,
    personalId: person.personalId,
    birthDate: person.birthDate,
    gender: 'Nam',
    ethnicity: 'Kinh',
    permanentAddress: citizen!.permanentAddress!.detail,
    currentAddress: citizen!.permanentAddress!.detail,
    phone: '0912345678',
    email: 'minh@example.com',
    partnerName: 'Lương Thị Hoa',
    partnerPersonalId: '020192006852',
  };
  const applicant = { fullName: person.fullName, personalId: person.personalId, address: everything.permanentAddress!, phone: null, email: null };
  console.log(`  database ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  let n = 0;
  const meta = () => ({ actor, ip: '127.0.0.1', requestId: `bench-provide-once-${++n}` });
  const intake = async (prefilled: boolean) => {
    const started = performance.now();
    let formData = everything;
    let lookupId: string | null = null;
    if (prefilled) {
      const found = await lookupPopulation(deps, { ...person, procedureCode: MARRIAGE, meta: meta() });
      if (!found.ok || found.value.outcome !== 'found') throw new Error(`lookup: ${found.ok ? found.value.outcome : found.error.code}`);
      lookupId = found.value.lookupId;
      formData = {
        ...found.value.prefilled,
        phone: everything.phone!,
        email: everything.email!,
        partnerName: everything.partnerName!,
        partnerPersonalId: everything.partnerPersonalId!,
      };
    }
    const created = await createDossier(deps, {
      procedureCode: MARRIAGE,
      channel: 'counter',
      unitCode: null,
      applicant,
      components: [],
      accept: false,
      formData,
      populationLookupId: lookupId,
      meta: meta(),
    });
    if (!created.ok) throw new Error(`createDossier: ${created.error.code}`);
    const ms = performance.now() - started;
    const row = await db.selectFrom('dossiers').select('eform').where('id', '=', created.value.id).executeTakeFirstOrThrow();
    return { ms, typed: row.eform!.typed };
  };
  const manual: { ms: number; typed: number }[] = [];
  const prefilled: { ms: number; typed: number }[] = [];
  for (let i = 0; i < INTAKES; i++) {
    manual.push(await intake(false));
    prefilled.push(await intake(true));
  }
  const m = { ms: spread(manual.map((x) => x.ms)), typed: spread(manual.map((x) => x.typed)) };
  const p = { ms: spread(prefilled.map((x) => x.ms)), typed: spread(prefilled.map((x) => x.typed)) };
  console.log(`  e-form of ${MARRIAGE}: ${fields.length} fields declared`);
  console.log(`  manual intake:    ${m.typed.median} fields typed, ${showSpread(m.ms, 1, ' ms')} server time`);
  console.log(`  prefilled intake: ${p.typed.median} fields typed, ${showSpread(p.ms, 1, ' ms')} server time (registry lookup over HTTP included)`);
  const at = `${version}, ${INTAKES} intakes each way`;
  record({ bench: 'provide-once', name: 'fields typed at intake, manual', value: m.typed.median, unit: 'fields', at, machine });
  record({ bench: 'provide-once', name: 'fields typed at intake, prefilled from the registry', value: p.typed.median, unit: 'fields', at, machine });
  record({ bench: 'provide-once', name: 'intake server time, manual', value: m.ms.median, spread: m.ms, unit: 'ms', at, machine });
  record({ bench: 'provide-once', name: 'intake server time, prefilled (lookup included)', value: p.ms.median, spread: p.ms, unit: 'ms', at, machine });

  // 2. The vault at scale: documents of many owners, a third of them expired, some superseded.
  const t1 = performance.now();
  const chunk = 100_000;
  for (let from = 0; from < VAULT_DOCS; from += chunk) {
    const to = Math.min(VAULT_DOCS, from + chunk);
    await sql`insert into vault_documents (owner_hash, result_code, title, number, issuer, issued_on, valid_until, source, file_sha256, file_name, content_type, size, superseded, created_at)
      select md5('owner' || (i % ${VAULT_OWNERS}::int)), (array['1.001193.KQ1', '1.004873.KQ1', '1.000894.KQ1', '2.000815.KQ1'])[1 + i % 4], 'Giấy tờ', 'S' || i, 'UBND',
        date '2020-01-01', case when i % 3 = 0 then date '2025-01-01' else null end, 'digitized', md5(i::text) || md5((i + 1)::text), 'giay-to.pdf',
        'application/pdf', 1000, i % 17 = 0, now()
      from generate_series(${from}::int, ${to - 1}::int) as i`.execute(db);
    process.stderr.write(`  ${to.toLocaleString('en')} vault documents\n`);
  }
  await sql`analyze vault_documents`.execute(db);
  console.log(
    `  ${VAULT_DOCS.toLocaleString('en')} vault documents of ${VAULT_OWNERS.toLocaleString('en')} owners written in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
  );
  const ids = (await sql<{ id: string }>`select id from vault_documents tablesample system (1) limit ${LOOKUPS}`.execute(db)).rows.map((r) => r.id);
  const owners = Array.from({ length: LOOKUPS }, (_, i) => `owner${(i * 7919) % VAULT_OWNERS}`);
  const hashes = (await sql<{ h: string }>`select md5(o) as h from unnest(${owners}::text[]) as o`.execute(db)).rows.map((r) => r.h);
  const today = new Date().toISOString().slice(0, 10);
  let offered = 0;
  const full = async (hash: string) => {
    const rows = await ownerDocuments(db, hash);
    const facts = rows.map((r) => ({ id: r.id, resultCode: r.result_code, validUntil: isoDay(r.valid_until), superseded: r.superseded }));
    offered += offersFor(record0.components, facts, today).size;
  };
  const bare = async (id: string) => {
    await db.selectFrom('vault_documents').selectAll().where('id', '=', id).executeTakeFirst();
  };
  const rounds: { full: number; bare: number }[] = [];
  for (let r = 0; r < 3; r++) {
    const b = ids.length / (await lanes(ids, CALLERS, bare));
    const f = hashes.length / (await lanes(hashes, CALLERS, full));
    rounds.push({ full: f, bare: b });
  }
  const perSecond = spread(rounds.map((r) => r.full));
  const bareSecond = spread(rounds.map((r) => r.bare));
  const ratio = spread(rounds.map((r) => (r.full / r.bare) * 100));
  console.log(
    `  vault lookups (owner's documents and offers for ${MARRIAGE}): ${showSpread(perSecond, 0, '/s')}; bare primary-key read ${showSpread(bareSecond, 0, '/s')}`,
  );
  console.log(
    `  → ${showSpread(ratio)} of bare (goal ${GOAL} %): ${meets(ratio.median, GOAL) ? 'met' : 'NOT met'}; ${offered.toLocaleString('en')} offers made`,
  );
  const atVault = `${version}, ${VAULT_DOCS.toLocaleString('en')} vault documents × ${CALLERS} callers`;
  record({
    bench: 'provide-once',
    name: 'vault lookups per second (documents and offers)',
    value: perSecond.median,
    spread: perSecond,
    unit: '/s',
    at: atVault,
    machine,
  });
  record({
    bench: 'provide-once',
    name: 'vault lookups, % of bare primary-key read',
    value: ratio.median,
    spread: ratio,
    unit: '%',
    goal: GOAL,
    at: atVault,
    machine,
  });
} finally {
  simulator.close();
  server.close();
  await test.drop();
}
