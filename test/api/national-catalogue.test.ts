/**
 * The catalogue and the national portal (issue 21 items 5 and 6) on both engines, against the portal's simulator on a
 * port of its own: a province decision's procedures are made public with CongKhaiTTHC and the portal's NgayCongKhai
 * moves indicator 1.2 (publishing in motcua alone does not); the portal down leaves them to be sent again later,
 * nothing lost; a ministry's change in the national catalogue makes one notice and one draft amendment, and a second
 * pull none; last month's ratings go out once, in the portal's shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { procedure } from '../support/catalogue.js';
import { portalForTests, receiveAtWard, SYNC_PROCEDURE, SYNC_WARD } from '../support/national-sync.js';
import type { PortalSimulator } from '../../src/infrastructure/national-portal/portal-simulator.js';
import { sendProcedurePublications, type PublicationDeps } from '../../src/application/national-catalogue/send-procedure-publications.js';
import { sendMonthlyRatings } from '../../src/application/national-catalogue/send-monthly-ratings.js';
import { vietnamDate } from '../../src/domain/calendar/vietnam-time.js';
import { shiftWorkingDays } from '../../src/domain/catalogue/watchdog.js';
import type { CataloguePull, NationalCatalogueOutbox, NationalNotice, NationalNoticeList } from '../../src/contract/national-catalogue.js';
import type { WatchdogReport } from '../../src/contract/publication.js';

const PROVINCE = '000.00.00.H37';
const NO_WAIT = { baseMs: 0, capMs: 0 };
type Card = { groups: { indicators: { id: string; numerator: number; denominator: number }[] }[] };

describe.each(ENGINES)('the catalogue and the national portal on %s', (engine) => {
  let app: TestApp;
  let admin: Client;
  let monitor: Client;
  let sim: { url: string; simulator: PortalSimulator; close(): Promise<void> };
  let deps: PublicationDeps;
  let serial = 0;
  const today = () => vietnamDate(new Date());

  beforeAll(async () => {
    const portalSetup = await portalForTests();
    sim = portalSetup.sim;
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000', ...portalSetup.env } });
    admin = await Client.official(app, 'admin');
    monitor = await Client.official(app, 'giamsat');
    deps = { ...app.ctx.deps, portal: app.ctx.deps.nationalPortal! };
  });
  afterAll(async () => {
    await sim.close();
    await app.stop();
  });

  /** A new procedure published by a province decision issued on `issuedOn`: its code and the decision's number. */
  async function publishNew(issuedOn: string): Promise<{ code: string; number: string; id: string }> {
    const code = `2.9981${String(++serial).padStart(2, '0')}`;
    const number = `${700 + serial}/QĐ-UBND-${engine}`;
    const draft = await admin.request('POST', '/api/v1/publication-decisions', {
      number,
      issuedOn,
      signer: 'Chủ tịch UBND tỉnh',
      unitCode: PROVINCE,
      items: [{ kind: 'new', procedureCode: code, effectiveFrom: issuedOn, record: procedure(code) }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = (draft.json() as { id: string }).id;
    const published = await admin.request('POST', `/api/v1/publication-decisions/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    return { code, number, id };
  }

  async function indicator12(day: string) {
    const card = (await monitor.request('GET', `/api/v1/scorecard?unit=${PROVINCE}&from=${day}&to=${day}`)).json() as Card;
    return card.groups.flatMap((g) => g.indicators).find((i) => i.id === '1.2')!;
  }

  const watchdog = async () => (await monitor.request('GET', '/api/v1/catalogue/watchdog')).json() as WatchdogReport;
  const outbox = async () => (await monitor.request('GET', '/api/v1/national-catalogue/outbox')).json() as NationalCatalogueOutbox;

  it('a province decision is made public with CongKhaiTTHC, and the portal’s acknowledgement moves 1.2 (on time within 5 working days)', async () => {
    const day = today();
    const calendar = app.ctx.deps.calendars.calendar();
    const onTime = await publishNew(day);
    const late = await publishNew(shiftWorkingDays(calendar, day, -10));
    // Published in motcua, not yet on the national procedure database: 1.2 has not moved, the watchdog waits.
    const before = await indicator12(day);
    const waiting = await watchdog();
    expect(waiting.publicationDelays.find((d) => d.decisionNumber === onTime.number)).toMatchObject({ status: 'atRisk', publishedOn: null });
    expect(waiting.publicationDelays.find((d) => d.decisionNumber === late.number)).toMatchObject({ status: 'overdue', publishedOn: null });
    expect((await outbox()).publications.filter((p) => p.status === 'pending').map((p) => p.procedureCode)).toEqual(
      expect.arrayContaining([onTime.code, late.code]),
    );

    const run = await sendProcedurePublications(deps, { retry: NO_WAIT });
    expect(run).toMatchObject({ acknowledged: 2, refused: 0, unavailable: 0 });
    const stamp = `${day.replaceAll('-', '')}000000`;
    expect(sim.simulator.published()).toContainEqual(
      expect.objectContaining({ MaTTHC: onTime.code, SoQuyetDinh: onTime.number, NgayQuyetDinh: stamp, MaDonVi: PROVINCE }),
    );
    const rows = await app.database.db
      .selectFrom('portal_procedure_publications')
      .selectAll()
      .where('procedure_code', 'in', [onTime.code, late.code])
      .execute();
    expect(rows.map((r) => [r.origin, vietnamDate(r.made_public_at!)])).toEqual([
      ['portal', day],
      ['portal', day],
    ]);

    // Made public today, within 5 working days of today's decision: one more procedure due, and on time.
    const after = await indicator12(day);
    expect(after).toMatchObject({ numerator: before.numerator + 1, denominator: before.denominator + 1 });
    const report = await watchdog();
    expect(report.publicationDelays.find((d) => d.decisionNumber === onTime.number)).toBeUndefined();
    expect(report.publicationDelays.find((d) => d.decisionNumber === late.number)).toMatchObject({ status: 'late', publishedOn: day });
    // Nothing is left to send: a second run sends nothing again.
    expect(await sendProcedurePublications(deps, { retry: NO_WAIT })).toMatchObject({ claimed: 0 });
  });

  it('the portal down leaves the publication to be sent again later, with backoff; nothing is lost', async () => {
    const decision = await publishNew(today());
    const published = () => sim.simulator.published().filter((p) => p.MaTTHC === decision.code);
    sim.simulator.setFault('down');
    const first = await sendProcedurePublications(deps, { retry: { baseMs: 60_000, capMs: 60_000 }, random: () => 0.5 });
    sim.simulator.setFault('none');
    expect(first).toMatchObject({ claimed: 1, acknowledged: 0, unavailable: 1 });
    expect(published()).toEqual([]);
    const pending = (await outbox()).publications.find((p) => p.procedureCode === decision.code)!;
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('Cổng') });
    // Not due before its wait (30 s: half of 2 × 60 s, capped at 60 s) is over.
    expect(await sendProcedurePublications(deps)).toMatchObject({ claimed: 0 });
    const later = { ...deps, clock: () => new Date(Date.now() + 31_000) };
    expect(await sendProcedurePublications(later)).toMatchObject({ claimed: 1, acknowledged: 1 });
    expect(published()).toHaveLength(1);
    expect((await outbox()).publications.find((p) => p.procedureCode === decision.code)).toMatchObject({ status: 'acknowledged', origin: 'portal' });
  });

  it('a ministry’s change makes one notice and one draft amendment under the watchdog; a second pull makes none', async () => {
    // The first pull reads the national catalogue as the demo province publishes it: nothing differs.
    const first = (await admin.request('POST', '/api/v1/national-catalogue/pull')).json() as CataloguePull;
    expect(first).toMatchObject({ notices: 0, drafts: 0, error: null });
    expect(first.listed).toBeGreaterThan(60);

    sim.simulator.changeProcedure('1.001193', { TenTTHC: 'Đăng ký khai sinh (sửa đổi)', ThoiHanGiaiQuyet: '2 ngày làm việc', PhiLePhi: 'Lệ phí: 8.000 đồng' });
    const decisionsBefore = await app.database.db.selectFrom('publication_decisions').select('id').execute();
    const pull = await monitor.request('POST', '/api/v1/national-catalogue/pull');
    expect(pull.statusCode, pull.body).toBe(200);
    expect(pull.json()).toEqual({ listed: first.listed, read: 1, changed: 1, notices: 1, drafts: 1, error: null });

    const list = (await monitor.request('GET', '/api/v1/national-catalogue/notices')).json() as NationalNoticeList;
    expect(list.open).toBe(1);
    const notice = list.notices[0]!;
    expect(notice).toMatchObject({ procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh (sửa đổi)', handledAt: null });
    expect(notice.changes.map((c) => [c.label, c.appliedToDraft])).toEqual([
      ['Tên thủ tục', true],
      ['Thời hạn giải quyết', true],
      ['Phí, lệ phí', false],
    ]);
    expect(notice.changes[1]).toMatchObject({ after: '2 ngày làm việc', summary: expect.stringContaining('→ "2 ngày làm việc"') });
    expect(notice.draft).toMatchObject({ status: 'draft' });

    // The draft is a province decision amending the procedure, made with the publication decisions' use case.
    const draft = (await monitor.request('GET', `/api/v1/publication-decisions/${notice.draft!.id}`)).json() as {
      unitCode: string;
      issuedOn: string;
      items: { kind: string; procedureCode: string; record: { name: string; methods: { timeLimit: { amount: number; unit: string } }[] } }[];
    };
    expect(draft).toMatchObject({ unitCode: PROVINCE, issuedOn: today() });
    expect(draft.items).toHaveLength(1);
    expect(draft.items[0]).toMatchObject({ kind: 'amended', procedureCode: '1.001193', record: { name: 'Đăng ký khai sinh (sửa đổi)' } });
    expect(draft.items[0]!.record.methods.every((m) => m.timeLimit.amount === 2 && m.timeLimit.unit === 'working_days')).toBe(true);
    // The watchdog's 5-working-day rule runs on it like on any draft.
    expect((await watchdog()).publicationDelays.find((d) => d.decisionId === notice.draft!.id)).toMatchObject({ status: 'atRisk' });

    // The same national change again: nothing new.
    const again = (await admin.request('POST', '/api/v1/national-catalogue/pull')).json() as CataloguePull;
    expect(again).toMatchObject({ read: 0, notices: 0, drafts: 0 });
    expect(await app.database.db.selectFrom('publication_decisions').select('id').execute()).toHaveLength(decisionsBefore.length + 1);
    expect(await app.database.db.selectFrom('national_catalogue_notices').select('id').execute()).toHaveLength(1);

    // Handled by the catalogue team: off the open list, once.
    const handled = await monitor.request('POST', `/api/v1/national-catalogue/notices/${notice.id}/handled`);
    expect(handled.statusCode).toBe(200);
    expect(handled.json()).toMatchObject({ id: notice.id, handledBy: expect.any(String), handledAt: expect.any(String) } satisfies Partial<NationalNotice>);
    expect((await monitor.request('POST', `/api/v1/national-catalogue/notices/${notice.id}/handled`)).statusCode).toBe(200);
    expect(((await monitor.request('GET', '/api/v1/national-catalogue/notices')).json() as NationalNoticeList).notices).toEqual([]);
    expect(((await monitor.request('GET', '/api/v1/national-catalogue/notices?state=all')).json() as NationalNoticeList).notices).toHaveLength(1);
    const missing = await monitor.request('POST', '/api/v1/national-catalogue/notices/00000000-0000-4000-8000-000000000000/handled');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NATIONAL_NOTICE_NOT_FOUND');
    const specialist = await Client.official(app, 'chuyenvien.tuphap');
    expect((await specialist.request('GET', '/api/v1/national-catalogue/notices')).statusCode).toBe(403);
  });

  it('last month’s ratings go out once, one item per unit and procedure, in the portal’s shape; a failure is sent again', async () => {
    // Six dossiers received at the ward, rated in a month no other test rates in: March 2031 (Vietnam time).
    const db = app.database.db;
    const desk = await Client.official(app, 'motcua.tamthanh');
    const dossiers: { id: string }[] = [];
    for (let i = 0; i < 6; i++) dossiers.push(await receiveAtWard(desk));
    const procedureCode = SYNC_PROCEDURE;
    const rater = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const WARD = SYNC_WARD;
    const OTHER_UNIT = '000.00.03.H37';
    const rate = (dossierId: string, unitCode: string, s: [number, number, number, number, number | null], comment: string | null, at: string) =>
      db
        .insertInto('dossier_ratings')
        .values({
          dossier_id: dossierId,
          unit_code: unitCode,
          score_access: s[0],
          score_procedure: s[1],
          score_official: s[2],
          score_result: s[3],
          score_feedback: s[4],
          comment,
          via: 'kiosk',
          rated_by: rater.id,
          rated_at: new Date(at),
        })
        .execute();
    const [a, b, c, d, other, april] = dossiers;
    await rate(a!.id, WARD, [5, 5, 5, 5, null], null, '2031-03-01T00:30:00+07:00');
    await rate(b!.id, WARD, [3, 5, 5, 5, null], null, '2031-03-10T10:00:00+07:00');
    await rate(c!.id, WARD, [4, 4, 4, 4, 4], 'Cán bộ hướng dẫn tận tình', '2031-03-20T10:00:00+07:00');
    await rate(d!.id, WARD, [2, 2, 2, 2, null], 'Chờ lâu', '2031-03-31T23:30:00+07:00');
    await rate(other!.id, OTHER_UNIT, [5, 5, 5, 5, null], null, '2031-03-15T10:00:00+07:00');
    // Given on 1 April in Vietnam: April's, not March's.
    await rate(april!.id, WARD, [1, 1, 1, 1, null], null, '2031-04-01T00:10:00+07:00');

    const inApril = { ...deps, clock: () => new Date('2031-04-02T09:00:00+07:00') };
    sim.simulator.setFault('error5xx');
    const failed = await sendMonthlyRatings(inApril, { retry: NO_WAIT, random: () => 0.5 });
    sim.simulator.setFault('none');
    expect(failed).toMatchObject({ months: 1, sent: 0, failed: 1 });
    expect(sim.simulator.ratings()).toEqual([]);

    const sent = await sendMonthlyRatings(inApril, { retry: NO_WAIT });
    expect(sent).toMatchObject({ months: 1, sent: 1, items: 2, failed: 0 });
    const items = sim.simulator.ratings().filter((r) => r.NgayTongHop === '3-2031');
    expect(items).toHaveLength(2);
    expect(items.find((r) => r.Madonvi === WARD)).toEqual({
      NgayTongHop: '3-2031',
      TongSoNguoiDanhGia: '4',
      PhanTramDanhGiaRatHaiLong: '50%',
      PhanTramDanhGiaHaiLong: '25%',
      PhanTramDanhGiaChuaHaiLong: '25%',
      PhanTramDanhGiaDichVuRatHaiLong: '25%',
      PhanTramDanhGiaDichVuHaiLong: '50%',
      PhanTramDanhGiaDichVuChuaHaiLong: '25%',
      NoiDung: 'Mức độ hài lòng khi giải quyết thủ tục hành chính, tháng 3/2031',
      MaThuTuc: procedureCode,
      DanhSachNoiDungYKien: ['Cán bộ hướng dẫn tận tình', 'Chờ lâu'],
      Madonvi: WARD,
      TenDonVi: app.ctx.deps.units.tree().find(WARD)!.name,
    });
    expect(items.find((r) => r.Madonvi === OTHER_UNIT)).toMatchObject({ MaThuTuc: procedureCode, TongSoNguoiDanhGia: '1', PhanTramDanhGiaRatHaiLong: '100%' });

    // Once: later runs in April send nothing; the month is recorded with what the portal acknowledged.
    const requests = sim.simulator.requests().DongBoDanhGia ?? 0;
    expect(await sendMonthlyRatings(inApril, { retry: NO_WAIT })).toMatchObject({ months: 0, sent: 0 });
    expect(sim.simulator.requests().DongBoDanhGia ?? 0).toBe(requests);
    const month = (await outbox()).ratingMonths.find((m) => m.month === '2031-03');
    expect(month).toMatchObject({ ratings: 5, items: 2, attempts: 1, lastError: null, sentAt: expect.any(String) });
    // In May, April goes out (its one rating), March not again.
    const inMay = { ...deps, clock: () => new Date('2031-05-01T08:00:00+07:00') };
    expect(await sendMonthlyRatings(inMay, { retry: NO_WAIT })).toMatchObject({ months: 1, sent: 1, items: 1 });
    expect(sim.simulator.ratings().filter((r) => r.NgayTongHop === '4-2031')).toEqual([
      expect.objectContaining({ TongSoNguoiDanhGia: '1', PhanTramDanhGiaChuaHaiLong: '100%' }),
    ]);
  });
});
