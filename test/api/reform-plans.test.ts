/**
 * The province's reform plan (issue 23 item 7) through the HTTP pipeline, on both engines: a plan for 2027 imported
 * from a spreadsheet (a bad row refused with its number, nothing imported), the units' officials seeing and reporting
 * only their own tasks, completion with evidence judged by its content, a stale version refused (409), an inspection's
 * findings, the completion rate per unit, the export read back as a plan, and the reminders sent once each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { ENGINES } from '../support/databases.js';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { planWorkbook, sheetRows } from '../support/reform.js';
import { zip } from '../support/zip.js';
import { warnReformDeadlines } from '../../src/application/reform-plan/warn-reform-deadlines.js';
import type { ReformPlanView, ReformTaskDetail, ReformTaskOutcome } from '../../src/contract/reform-plan.js';

const WARD = '000.00.31.H37';
const JUSTICE = '000.00.03.H37';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A minimal Word document: the parts that say what it is. */
function docx(): Buffer {
  const entry = (name: string, text: string) => ({ name, data: deflateRawSync(Buffer.from(text)), size: Buffer.byteLength(text) });
  return zip([entry('[Content_Types].xml', '<Types/>'), entry('word/document.xml', '<w:document/>')]);
}

const ROWS = [
  [1, 'Rà soát quy trình nội bộ giải quyết thủ tục hành chính của phường', 'Phường Tam Thanh', '31/03/2027', 'Quy trình được phê duyệt', ''],
  [2, 'Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực', WARD, '30/06/2027', 'Báo cáo tỷ lệ số hóa', 'Nhiệm vụ'],
  [3, 'Rà soát văn bản quy phạm pháp luật về thủ tục hành chính', 'sở tư pháp', '30/09/2027', 'Báo cáo rà soát', ''],
  [4, 'Kiểm tra công tác cải cách hành chính tại các xã', JUSTICE, '31/10/2027', 'Kết luận kiểm tra', 'Kiểm tra'],
];

describe.each(ENGINES)('reform plans on %s', (engine) => {
  let app: TestApp;
  let admin: Client;
  let monitor: Client;
  let wardSpecialist: Client;
  let wardLeader: Client;
  let justice: Client;
  let desk: Client;
  let plan: ReformPlanView;
  const task = (content: string) => plan.tasks.find((t) => t.content.startsWith(content))!;
  const readPlan = async (who: Client, query = '') => {
    const res = await who.request('GET', `/api/v1/reform-plans/2027${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReformPlanView>();
  };
  const report = (who: Client, id: string, body: Record<string, unknown>) => who.request('POST', `/api/v1/reform-tasks/${id}/reports`, body);

  beforeAll(async () => {
    app = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT: '1000' } });
    const login = (username: string) => Client.official(app, username);
    [admin, monitor, wardSpecialist, wardLeader, justice, desk] = await Promise.all([
      login('admin'),
      login('giamsat'),
      login('chuyenvien.tamthanh'),
      login('lanhdao.tamthanh'),
      login('chuyenvien.tuphap'),
      login('motcua.tamthanh'),
    ]);
  });
  afterAll(() => app.stop());

  it('refuses a file with a bad row, saying which, and imports nothing; then imports the corrected file', async () => {
    const bad = await planWorkbook([...ROWS.slice(0, 2), [3, 'Rà soát văn bản', 'Sở Không Có', '31/02/2027', 'Báo cáo', ''], ROWS[3]!]);
    const refused = await admin.request('POST', '/api/v1/reform-plans/2027/import', { fileName: 'ke-hoach-2027.xlsx', data: bad, planTitle: null });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.code).toBe('REFORM_IMPORT_INVALID');
    expect(refused.json().error.details).toEqual([
      { path: 'row.5', message: 'Dòng 5: không tìm thấy đơn vị “Sở Không Có” của tỉnh (ghi mã hoặc đúng tên đơn vị).' },
      { path: 'row.5', message: 'Dòng 5: thời hạn “31/02/2027” không phải ngày có thật dạng dd/MM/yyyy.' },
    ]);
    expect((await readPlan(admin)).exists).toBe(false);
    const notAFile = await admin.request('POST', '/api/v1/reform-plans/2027/import', { fileName: 'a.xlsx', data: PDF.toString('base64'), planTitle: null });
    expect(notAFile.json().error).toMatchObject({ code: 'REFORM_IMPORT_INVALID', details: [{ message: 'Tệp không phải là tệp Excel (.xlsx) đọc được' }] });
    // A unit's officials report on their tasks; they do not import plans.
    expect((await wardLeader.request('POST', '/api/v1/reform-plans/2027/import', { fileName: 'a.xlsx', data: bad, planTitle: null })).statusCode).toBe(403);

    const good = await planWorkbook(ROWS);
    const imported = await admin.request('POST', '/api/v1/reform-plans/2027/import', { fileName: 'ke-hoach-2027.xlsx', data: good, planTitle: null });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ year: 2027, imported: 4, total: 4 });
    // The same file again: every row is a task the plan has.
    const again = await admin.request('POST', '/api/v1/reform-plans/2027/import', { fileName: 'ke-hoach-2027.xlsx', data: good, planTitle: null });
    expect(again.json().error.details).toHaveLength(4);
    plan = await readPlan(monitor);
    expect(plan).toMatchObject({ exists: true, title: 'Kế hoạch cải cách hành chính năm 2027', scope: 'province', canManage: true });
    expect(plan.tasks.map((t) => [t.position, t.unitCode, t.deadline, t.kind, t.standing])).toEqual([
      [1, WARD, '2027-03-31', 'task', 'notStarted'],
      [2, WARD, '2027-06-30', 'task', 'notStarted'],
      [3, JUSTICE, '2027-09-30', 'task', 'notStarted'],
      [4, JUSTICE, '2027-10-31', 'inspection', 'notStarted'],
    ]);
  });

  it('shows a unit its own tasks only, and no one else the plan', async () => {
    const ward = await readPlan(wardSpecialist);
    expect(ward).toMatchObject({ scope: 'units', canManage: false });
    expect(ward.tasks.map((t) => t.unitCode)).toEqual([WARD, WARD]);
    expect((await readPlan(justice)).tasks.map((t) => t.position)).toEqual([3, 4]);
    expect((await wardSpecialist.request('GET', `/api/v1/reform-tasks/${task('Rà soát văn bản').id}`)).statusCode).toBe(404);
    expect((await desk.request('GET', '/api/v1/reform-plans/2027')).statusCode).toBe(403);
    const added = await admin.request('POST', '/api/v1/reform-plans/2027/tasks', {
      content: 'Tổ chức hội nghị đối thoại với người dân',
      unitCode: 'Phường Tam Thanh',
      deadline: '2027-12-15',
      expectedOutput: 'Biên bản hội nghị',
      planTitle: null,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<ReformTaskOutcome>()).toMatchObject({ version: 1, status: 'notStarted' });
    expect((await readPlan(wardLeader)).tasks).toHaveLength(3);
  });

  it('takes the owner unit’s progress and completion with evidence judged by its content; a stale version is refused', async () => {
    const first = task('Rà soát quy trình');
    const progress = await report(wardSpecialist, first.id, { type: 'progress', expectedVersion: 1, note: 'Đã dự thảo quy trình, đang lấy ý kiến.' });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json()).toMatchObject({ version: 2, status: 'inProgress', standing: 'inProgress' });
    const evidence = { kind: 'file', name: 'quy-trinh.pdf', contentType: 'application/pdf', data: PDF.toString('base64') };
    const stale = await report(wardLeader, first.id, { type: 'complete', expectedVersion: 1, note: null, evidence });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('REFORM_TASK_CHANGED');
    const fake = await report(wardLeader, first.id, {
      type: 'complete',
      expectedVersion: 2,
      note: null,
      evidence: { ...evidence, data: Buffer.from('MZ không phải PDF').toString('base64') },
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.details[0].message).toMatch(/^Nội dung tệp không phải PDF/);
    expect((await report(justice, first.id, { type: 'complete', expectedVersion: 2, note: null, evidence })).statusCode).toBe(404);
    expect((await report(monitor, first.id, { type: 'complete', expectedVersion: 2, note: null, evidence })).statusCode).toBe(403);
    const done = await report(wardLeader, first.id, { type: 'complete', expectedVersion: 2, note: 'Quy trình đã được phê duyệt.', evidence });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ version: 3, status: 'done', standing: 'doneOnTime' });
    expect((await report(wardLeader, first.id, { type: 'progress', expectedVersion: 3, note: 'Thêm tiến độ' })).json().error.code).toBe('REFORM_TASK_STATE');

    const detail = (await monitor.request('GET', `/api/v1/reform-tasks/${first.id}`)).json<ReformTaskDetail>();
    expect(detail).toMatchObject({
      evidence: { kind: 'file', name: 'quy-trinh.pdf', contentType: 'application/pdf', size: PDF.length },
      reportedBy: 'Lăng Văn Tuấn',
      canManage: true,
      canReport: false,
    });
    expect(detail.events.map((e) => [e.type, e.actorName])).toEqual([
      ['imported', 'Hoàng Văn Hải'],
      ['progress', 'Trần Văn Quang'],
      ['completed', 'Lăng Văn Tuấn'],
    ]);
    const file = await wardSpecialist.request('GET', `/api/v1/reform-tasks/${first.id}/evidence`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await justice.request('GET', `/api/v1/reform-tasks/${first.id}/evidence`)).statusCode).toBe(404);

    // Word and Excel files are evidence too, and a link.
    const second = task('Số hóa kết quả');
    const word = await report(wardSpecialist, second.id, {
      type: 'complete',
      expectedVersion: 1,
      note: null,
      evidence: { kind: 'file', name: 'bao-cao.docx', contentType: DOCX, data: docx().toString('base64') },
    });
    expect(word.statusCode, word.body).toBe(200);
    const wrongType = await report(justice, task('Rà soát văn bản').id, {
      type: 'complete',
      expectedVersion: 1,
      note: null,
      evidence: { kind: 'file', name: 'bao-cao.xlsx', contentType: XLSX, data: docx().toString('base64') },
    });
    expect(wrongType.statusCode).toBe(400);
    // The plan's keeper sends a task done back to work, saying why.
    const reopened = await admin.request('POST', `/api/v1/reform-tasks/${second.id}/reopen`, { expectedVersion: 2, reason: 'Báo cáo chưa nêu tỷ lệ số hóa.' });
    expect(reopened.json()).toMatchObject({ version: 3, status: 'inProgress' });
    const link = await report(wardSpecialist, second.id, {
      type: 'complete',
      expectedVersion: 3,
      note: null,
      evidence: { kind: 'link', url: 'https://langson.gov.vn/van-ban/so-hoa-2027' },
    });
    expect(link.json()).toMatchObject({ version: 4, status: 'done' });
  });

  it('keeps an inspection’s findings with their remedy, and edits a task at the version seen', async () => {
    const inspection = task('Kiểm tra công tác');
    const found = await justice.request('POST', `/api/v1/reform-tasks/${inspection.id}/findings`, {
      expectedVersion: 1,
      content: 'Xã Cao Lộc chưa niêm yết đầy đủ thủ tục hành chính',
    });
    expect(found.statusCode, found.body).toBe(200);
    const findingId = (await justice.request('GET', `/api/v1/reform-tasks/${inspection.id}`)).json<ReformTaskDetail>().findings[0]!.id;
    const remedied = await monitor.request('PATCH', `/api/v1/reform-tasks/${inspection.id}/findings/${findingId}`, {
      expectedVersion: 2,
      remedy: 'remedied',
      note: 'Đã niêm yết bổ sung',
    });
    expect(remedied.statusCode, remedied.body).toBe(200);
    const detail = (await justice.request('GET', `/api/v1/reform-tasks/${inspection.id}`)).json<ReformTaskDetail>();
    expect(detail.findings).toEqual([
      expect.objectContaining({ position: 1, remedy: 'remedied', remedyLabel: 'Đã khắc phục', remedyNote: 'Đã niêm yết bổ sung' }),
    ]);
    const notInspection = await admin.request('POST', `/api/v1/reform-tasks/${task('Rà soát văn bản').id}/findings`, {
      expectedVersion: 1,
      content: 'Một phát hiện',
    });
    expect(notInspection.json().error.code).toBe('REFORM_TASK_STATE');

    const edit = {
      kind: 'inspection',
      content: inspection.content,
      unitCode: JUSTICE,
      deadline: '2027-11-30',
      expectedOutput: 'Kết luận kiểm tra',
      reason: 'Lùi thời hạn',
    };
    expect((await admin.request('PATCH', `/api/v1/reform-tasks/${inspection.id}`, { ...edit, expectedVersion: 2 })).json().error.code).toBe(
      'REFORM_TASK_CHANGED',
    );
    const edited = await admin.request('PATCH', `/api/v1/reform-tasks/${inspection.id}`, { ...edit, expectedVersion: 3 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await wardLeader.request('PATCH', `/api/v1/reform-tasks/${inspection.id}`, { ...edit, expectedVersion: 4 })).statusCode).toBe(403);
  });

  it('gives the completion rate per unit and for the province, and exports the plan with its statuses', async () => {
    plan = await readPlan(admin);
    expect(plan.completion).toMatchObject({ total: 5, done: 2, rate: 40 });
    expect(plan.units.map((u) => [u.unitName, u.done, u.total, u.rate])).toEqual([
      ['Phường Tam Thanh', 2, 3, 66.67],
      ['Sở Tư pháp', 0, 2, 0],
    ]);
    expect((await readPlan(wardSpecialist)).completion).toMatchObject({ total: 3, done: 2, rate: 66.67 });
    expect((await readPlan(admin, '?standing=doneOnTime')).tasks.map((t) => t.position)).toEqual([1, 2]);

    const exported = await admin.request('GET', '/api/v1/reform-plans/2027', undefined, { accept: XLSX });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    const rows = await sheetRows(exported.rawPayload);
    expect(rows[1]![0]).toMatch(/^Tỷ lệ hoàn thành: 40,00% \(2\/5 nhiệm vụ/);
    expect(rows.find((r) => r[0] === '1')).toEqual(expect.arrayContaining(['Hoàn thành đúng hạn', WARD, '31/03/2027']));
    // The export reads back as a plan (another year's).
    const roundTrip = await admin.request('POST', '/api/v1/reform-plans/2028/import', {
      fileName: 'ke-hoach-2027.xlsx',
      data: exported.rawPayload.toString('base64'),
      planTitle: 'Kế hoạch cải cách hành chính năm 2028',
    });
    expect(roundTrip.json()).toEqual({ year: 2028, imported: 5, total: 5 });
    const list = (await admin.request('GET', '/api/v1/reform-plans')).json<{ items: { year: number }[] }>();
    expect(list.items.map((p) => p.year)).toEqual([2028, 2027, 2026]);
  });

  it('reminds the owner unit five working days before a deadline and once it has passed, once each', async () => {
    let now = new Date('2027-03-24T08:00:00+07:00');
    const deps = () => ({ ...app.ctx.deps, clock: () => now });
    const planned = (await readPlan(admin)).tasks.find((t) => t.content.startsWith('Tổ chức hội nghị'))!;
    // Wednesday 24/03: the fifth working day after is Wednesday 31/03, the deadline of none of the ward's open tasks yet.
    const edit = { kind: 'task', content: planned.content, unitCode: WARD, deadline: '2027-03-31', expectedOutput: 'Biên bản hội nghị', reason: null };
    expect((await admin.request('PATCH', `/api/v1/reform-tasks/${planned.id}`, { ...edit, expectedVersion: 1 })).statusCode).toBe(200);
    const warnings = () =>
      app.database.db.selectFrom('reform_task_warnings').select(['kind', 'deadline']).where('task_id', '=', planned.id).orderBy('created_at').execute();
    await warnReformDeadlines(deps(), { leadDays: 5 });
    expect(await warnings()).toEqual([{ kind: 'dueSoon', deadline: '2027-03-31' }]);
    expect(await warnReformDeadlines(deps(), { leadDays: 5 })).toEqual({ dueSoon: 0, overdue: 0, notifications: 0, emails: 0 });

    const bell = (await wardLeader.request('GET', '/api/v1/me/notifications')).json<{
      items: { reformTaskId: string | null; kind: string; title: string }[];
    }>();
    expect(bell.items.filter((n) => n.reformTaskId === planned.id)).toEqual([
      expect.objectContaining({ kind: 'reformTaskDueSoon', title: `Nhiệm vụ CCHC số ${planned.position}/2027: sắp đến hạn 31/03/2027` }),
    ]);
    const mail = await app.database.db
      .selectFrom('notification_outbox')
      .select(['recipient', 'event'])
      .where('reform_task_id', '=', planned.id)
      .orderBy('recipient')
      .execute();
    expect(mail).toEqual([
      { recipient: 'chuyenvien.tamthanh@langson.gov.vn', event: 'reformTaskDueSoon' },
      { recipient: 'lanhdao.tamthanh@langson.gov.vn', event: 'reformTaskDueSoon' },
    ]);

    now = new Date('2027-04-01T08:00:00+07:00');
    expect((await warnReformDeadlines(deps(), { leadDays: 5 })).overdue).toBeGreaterThan(0);
    expect(await warnReformDeadlines(deps(), { leadDays: 5 })).toEqual({ dueSoon: 0, overdue: 0, notifications: 0, emails: 0 });
    expect((await warnings()).map((w) => w.kind)).toEqual(['dueSoon', 'overdue']);
    // A task done is not reminded of: the first task of the plan (done on time) has no warning.
    const done = await app.database.db.selectFrom('reform_task_warnings').select('kind').where('task_id', '=', task('Rà soát quy trình').id).execute();
    expect(done).toEqual([]);
  });
});
