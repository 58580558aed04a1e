import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { receivedComponents } from '../support/intake.js';

const WARD = '000.00.31.H37';
const applicant = { fullName: 'Nguyễn Thị Hoa', personalId: '020190001234', address: 'Số 5 đường Lê Lợi, phường Tam Thanh', phone: '0912345678', email: null };
const components = [
  { code: '1.001193.TP1', name: 'Tờ khai đăng ký khai sinh', form: 'original', copies: 1 },
  { code: '1.001193.TP2', name: 'Giấy chứng sinh', form: 'copy', copies: 2 },
];

type Pdf = Awaited<ReturnType<typeof getDocument>['promise']>;
const openPdf = (data: Buffer): Promise<Pdf> =>
  getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;

/** The text of every page, lines joined by spaces, in NFC. */
async function pdfText(data: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await openPdf(data);
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? ' ' : '');
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: parts.join('').normalize('NFC').replace(/\s+/g, ' ') };
}

/**
 * Decodes the QR code of a page without rendering it: the code is drawn as one filled path of rectangles in
 * module units (src/infrastructure/pdf/qr-code.ts), so the page's longest path, rasterised module by module,
 * is the code's bitmap.
 */
async function pdfQr(data: Buffer, pageNumber = 1): Promise<string | undefined> {
  const pdf = await openPdf(data);
  const ops = await (await pdf.getPage(pageNumber)).getOperatorList();
  await pdf.destroy();
  let path: ArrayLike<number> | undefined;
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.constructPath) return;
    const d = ((ops.argsArray[i] as unknown[])[1] as ArrayLike<number>[] | undefined)?.[0];
    if (d && (!path || d.length > path.length)) path = d;
  });
  if (!path) return undefined;
  // pdf.js path ops: 0 moveTo x y, 1 lineTo x y, 4 closePath; each rectangle becomes one sub-path.
  const rects: number[][] = [];
  let points: number[][] = [];
  const flush = () => {
    if (points.length > 0)
      rects.push([
        Math.min(...points.map((p) => p[0]!)),
        Math.min(...points.map((p) => p[1]!)),
        Math.max(...points.map((p) => p[0]!)),
        Math.max(...points.map((p) => p[1]!)),
      ]);
    points = [];
  };
  for (let i = 0; i < path.length;) {
    const op = path[i]!;
    if (op === 0 || op === 1) {
      if (op === 0) flush();
      points.push([path[i + 1]!, path[i + 2]!]);
      i += 3;
    } else if (op === 4) {
      flush();
      i += 1;
    } else {
      return undefined;
    }
  }
  flush();
  const modules = Math.round(Math.max(...rects.map((r) => r[2]!)));
  const scale = 6;
  const quiet = 4;
  const size = (modules + 2 * quiet) * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const [x0, y0, x1, y1] of rects) {
    for (let y = (Math.round(y0!) + quiet) * scale; y < (Math.round(y1!) + quiet) * scale; y++) {
      for (let x = (Math.round(x0!) + quiet) * scale; x < (Math.round(x1!) + quiet) * scale; x++) rgba.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  return jsQR(rgba, size, size)?.data;
}

describe('dossier forms (TT 03/2025/TT-VPCP) as PDF, and the register', () => {
  let app: TestApp;
  let desk: Client;
  let specialist: Client;
  let leader: Client;
  let otherDesk: Client;
  let now = new Date('2026-11-23T16:45:00+07:00');
  const at = (iso: string) => {
    now = new Date(iso);
  };

  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000' } });
    desk = await Client.official(app, 'motcua.tamthanh');
    specialist = await Client.official(app, 'chuyenvien.tamthanh');
    leader = await Client.official(app, 'lanhdao.tamthanh');
    otherDesk = await Client.official(app, 'motcua.caoloc');
    // The use cases read the clock at each call: the dossiers below live through a fixed week. Sessions are
    // opened first, on today's clock, since their expiry is checked against the real time.
    app.ctx.deps.clock = () => now;
  });
  afterAll(() => app.stop());

  const receive = async (accept = true) => {
    const res = await desk.request('POST', '/api/v1/dossiers', { procedureCode: '1.001193', channel: 'counter', applicant, components, accept });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string };
  };
  const act = async (client: Client, id: string, body: Record<string, unknown>) => {
    const res = await client.request('POST', `/api/v1/dossiers/${id}/actions`, body);
    expect(res.statusCode, res.body).toBe(200);
  };
  const form = (client: Client, id: string, n: string) => client.request('GET', `/api/v1/dossiers/${id}/forms/${n}.pdf`);
  const formText = async (client: Client, id: string, n: string) => {
    const res = await form(client, id, n);
    expect(res.statusCode, res.body).toBe(200);
    return (await pdfText(res.rawPayload)).text;
  };

  let main: { id: string; code: string };

  it('prints the receipt (01): national header, dossier code, applicant and components in Vietnamese, and a QR code of the public status page', async () => {
    at('2026-11-23T16:45:00+07:00');
    main = await receive();
    const res = await form(desk, main.id, '01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="mau-01-${main.code}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBe(1);
    for (const expected of [
      'Mẫu số 01 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH',
      'Tam Thanh, ngày 23 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${main.code}`,
      'Tiếp nhận hồ sơ của: Nguyễn Thị Hoa',
      'Địa chỉ: Số 5 đường Lê Lợi, phường Tam Thanh',
      'Số điện thoại: 0912345678',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã thủ tục 1.001193)',
      'Tờ khai đăng ký khai sinh Bản chính 01',
      'Giấy chứng sinh Bản sao 02',
      'Thời hạn giải quyết hồ sơ theo quy định: 1 ngày làm việc',
      'Thời gian nhận hồ sơ: 16 giờ 45 phút, ngày 23 tháng 11 năm 2026',
      'Thời gian trả kết quả giải quyết hồ sơ:',
      'Nơi trả kết quả: Trung tâm Phục vụ hành chính công phường Tam Thanh',
      // Birth registration on time is exempt from its charge: the line says so, and why.
      '7. Phí, lệ phí:',
      'Lệ phí đăng ký khai sinh (Miễn lệ phí đăng ký khai sinh đúng hạn) Lệ phí Miễn',
      'Tổng số tiền phí, lệ phí: Miễn',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả'.toLocaleUpperCase('vi'));
    // The lookup key, printed and in the QR link: with the code it opens the public status's detail.
    const lookupKey = (await desk.request('GET', `/api/v1/dossiers/${main.id}`)).json().lookupKey as string;
    expect(text).toContain(`Mã tra cứu: ${lookupKey}`);
    const statusUrl = `${app.ctx.config.publicUrl}/tra-cuu-ho-so/${main.code}?key=${lookupKey}`;
    expect(text).toContain(statusUrl);
    expect(await pdfQr(res.rawPayload)).toBe(statusUrl);
  });

  it('prints the supplement request (02) from the latest request, with its reason and items', async () => {
    at('2026-11-23T16:50:00+07:00');
    await act(desk, main.id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: 'Hồ sơ đủ thành phần' });
    await act(specialist, main.id, { type: 'claim', expectedSeq: 2 });
    expect((await form(desk, main.id, '02')).json()).toMatchObject({
      error: { code: 'FILE_NOT_FOUND', details: { form: '02', reason: expect.stringContaining('chưa có yêu cầu bổ sung') } },
    });
    at('2026-11-23T16:55:00+07:00');
    await act(specialist, main.id, {
      type: 'requestSupplement',
      expectedSeq: 3,
      reason: 'Thiếu giấy chứng sinh bản chính',
      items: ['Giấy chứng sinh (bản chính)', 'Giấy tờ tùy thân của người đi khai sinh'],
    });
    const text = await formText(desk, main.id, '02');
    expect(text).toContain('Mẫu số 02');
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${main.code}`);
    expect(text).toContain('ỦY BAN NHÂN DÂN PHƯỜNG TAM THANH');
    expect(text).toContain('Hồ sơ của: Nguyễn Thị Hoa');
    expect(text).toContain('1. Giấy chứng sinh (bản chính)');
    expect(text).toContain('2. Giấy tờ tùy thân của người đi khai sinh');
    expect(text).toContain('Lý do: Thiếu giấy chứng sinh bản chính');
    expect(text).toContain('tạm dừng từ 16 giờ 55 phút, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
  });

  it('prints the control slip (06): one row per hand-over with Giao / Nhận, the time and Trước hạn / Đúng hạn / Quá hạn', async () => {
    at('2026-11-24T08:00:00+07:00');
    await act(desk, main.id, { type: 'receiveSupplement', expectedSeq: 4 });
    // The specialist's 4 working hours ran out on Tuesday; they hand over on Thursday.
    at('2026-11-26T10:00:00+07:00');
    await act(specialist, main.id, { type: 'transfer', expectedSeq: 5, toStep: 2, note: null });
    await act(leader, main.id, { type: 'claim', expectedSeq: 6 });
    at('2026-11-26T10:05:00+07:00');
    await act(leader, main.id, { type: 'approve', expectedSeq: 7, note: null });
    at('2026-11-26T10:10:00+07:00');
    await act(desk, main.id, { type: 'returnResult', expectedSeq: 8, method: 'counter' });

    const text = await formText(desk, main.id, '06');
    expect(text).toContain('Mẫu số 06');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${main.code}`);
    const rows = text
      .slice(text.indexOf('Ghi chú'))
      .split(/ (?=\d Giao: )/)
      .slice(1);
    expect(rows).toHaveLength(4);
    // Desk → ward (handed over on Monday, due Tuesday morning): early, with the transfer's note.
    expect(rows[0]).toMatch(
      /^1 Giao: Trung tâm Phục vụ hành chính công phường Tam Thanh – Tiếp nhận, kiểm tra và chuyển hồ sơ .*Nhận: Ủy ban nhân dân phường Tam Thanh – /,
    );
    expect(rows[0]).toContain('16 giờ 50 phút, 23/11/2026 Định mức: 1 giờ làm việc Đã dùng: 5 phút làm việc Trước hạn Hồ sơ đủ thành phần');
    // Specialist → leader on Thursday: late, and the supplement request is noted. Its 4 working hours ran out on
    // Tuesday at 13:55 (10:50 moved by the 65 working minutes waiting for the supplement, which are not counted as used).
    expect(rows[1]).toContain('10 giờ 00 phút, 26/11/2026 Định mức: 4 giờ làm việc Đã dùng: 18 giờ 5 phút làm việc Vượt: 14 giờ 5 phút làm việc Quá hạn');
    expect(rows[1]).toContain('Yêu cầu bổ sung 23/11/2026 16:55: Thiếu giấy chứng sinh bản chính');
    expect(rows[1]).toContain('Nhận hồ sơ bổ sung 24/11/2026 08:00');
    // Leader → the desk's final step (registering and returning the result), within the leader's two hours: on time.
    expect(rows[2]).toMatch(
      /Nhận: Trung tâm Phục vụ hành chính công phường Tam Thanh – Vào sổ theo dõi, trả kết quả \(.+\) 10 giờ 05 phút, 26\/11\/2026 Định mức: 2 giờ làm việc Đã dùng: 5 phút làm việc Đúng hạn Phê duyệt/,
    );
    // Desk → applicant, by the officer who returned it: judged against the dossier's due date (Tuesday, after the pause): late.
    expect(rows[3]).toMatch(/^4 Giao: Trung tâm Phục vụ hành chính công phường Tam Thanh – Vào sổ theo dõi, trả kết quả \(.+\) Nhận: Nguyễn Thị Hoa/);
    expect(rows[3]).toContain('Nhận: Nguyễn Thị Hoa (người nộp hồ sơ) 10 giờ 10 phút, 26/11/2026 Quá hạn');
    expect(text).toContain(`${app.ctx.config.publicUrl}/tra-cuu-ho-so/${main.code}`);
  });

  it('prints the refusal (03) with its reason; a dossier never accepted has no receipt (404 FILE_NOT_FOUND)', async () => {
    at('2026-11-25T09:00:00+07:00');
    const pending = await receive(false);
    const missing = await form(desk, pending.id, '01');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      error: {
        code: 'FILE_NOT_FOUND',
        message: 'Không tìm thấy tệp.',
        details: { form: '01', reason: 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả.' },
      },
    });
    expect((await form(desk, pending.id, '06')).json()).toMatchObject({ error: { code: 'FILE_NOT_FOUND', details: { form: '06' } } });
    expect((await form(desk, main.id, '03')).json()).toMatchObject({ error: { code: 'FILE_NOT_FOUND', details: { form: '03' } } });
    await act(desk, pending.id, { type: 'refuse', expectedSeq: 0, reason: 'Người nộp không thuộc trường hợp đăng ký khai sinh tại phường' });
    const text = await formText(desk, pending.id, '03');
    expect(text).toContain('Mẫu số 03');
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Đã nhận hồ sơ của: Nguyễn Thị Hoa');
    expect(text).toContain('Người nộp không thuộc trường hợp đăng ký khai sinh tại phường');
    expect(text).toContain('Tam Thanh, ngày 25 tháng 11 năm 2026');
  });

  it('prints the apology with a new appointment (04) and the stop notice (05)', async () => {
    at('2026-11-25T08:00:00+07:00');
    const d = await receive();
    for (const n of ['04', '05']) expect((await form(desk, d.id, n)).json()).toMatchObject({ error: { code: 'FILE_NOT_FOUND', details: { form: n } } });
    await act(desk, d.id, { type: 'transfer', expectedSeq: 1, toStep: 1, note: null });
    await act(specialist, d.id, { type: 'claim', expectedSeq: 2 });
    await act(specialist, d.id, {
      type: 'apologize',
      expectedSeq: 3,
      reason: 'Cần xác minh thông tin tại nơi cư trú cũ',
      newAppointmentAt: '2026-11-30T10:00:00+07:00',
    });
    const apology = await formText(desk, d.id, '04');
    expect(apology).toContain('Mẫu số 04');
    expect(apology).toContain('VĂN BẢN XIN LỖI');
    expect(apology).toContain('đề nghị gia hạn thời gian giải quyết');
    expect(apology).toContain('Kính gửi: Ông/Bà Nguyễn Thị Hoa');
    expect(apology).toContain('Lý do: Cần xác minh thông tin tại nơi cư trú cũ');
    expect(apology).toContain('hẹn trả kết quả vào 10 giờ 00 phút, ngày 30 tháng 11 năm 2026');
    expect(apology).toMatch(/hẹn trả kết quả vào \d{2} giờ \d{2} phút, ngày 26 tháng 11 năm 2026/);
    at('2026-11-25T09:00:00+07:00');
    await act(leader, d.id, { type: 'stop', expectedSeq: 4, reason: 'Người nộp hồ sơ đã chết trước khi có kết quả' });
    const stop = await formText(specialist, d.id, '05');
    expect(stop).toContain('Mẫu số 05');
    expect(stop).toContain('THÔNG BÁO');
    expect(stop).toContain('Về việc dừng giải quyết hồ sơ');
    expect(stop).toContain('dừng giải quyết hồ sơ nêu trên kể từ 09 giờ 00 phút, ngày 25 tháng 11 năm 2026');
    expect(stop).toContain('Người nộp hồ sơ đã chết trước khi có kết quả');
  });

  it('prints on the receipt (01) what is owed, when and why, or that no fee is collected', async () => {
    at('2026-11-25T10:00:00+07:00');
    const intake = async (procedureCode: string) => {
      const res = await desk.request('POST', '/api/v1/dossiers', {
        procedureCode,
        channel: 'counter',
        applicant,
        components: receivedComponents(procedureCode),
        accept: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    // A fee-bearing procedure: its charge, at reception, with the catalogue's basis, and the total.
    const single = await formText(desk, (await intake('1.004873')).id, '01');
    expect(single).toContain('7. Phí, lệ phí:');
    expect(single).toContain('TT Tên khoản Loại Số tiền Thời điểm thu');
    expect(single).toMatch(
      /1 Lệ phí cấp Giấy xác nhận tình trạng hôn nhân \(Mức thu do Hội đồng nhân dân tỉnh quy định;[^)]*\) Lệ phí 10\.000 ₫ Thu khi nộp hồ sơ/,
    );
    expect(single).toContain('Tổng số tiền phí, lệ phí: 10.000 ₫');
    expect(single).not.toContain('Không thu phí, lệ phí');
    // A free procedure (the catalogue's "Không thu phí, lệ phí" line is no exemption to list).
    const free = await formText(desk, (await intake('1.003160')).id, '01');
    expect(free).toContain('7. Phí, lệ phí: Không thu phí, lệ phí');
    expect(free).not.toContain('Tên khoản');
    expect(free).not.toContain('Tổng số tiền phí, lệ phí');
  });

  it('shows forms only to those who may see the dossier, and only forms 01–06', async () => {
    const hidden = await form(otherDesk, main.id, '01');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ error: { code: 'DOSSIER_NOT_FOUND' } });
    expect((await app.app.inject({ method: 'GET', url: `/api/v1/dossiers/${main.id}/forms/01.pdf` })).statusCode).toBe(401);
    for (const n of ['07', '1', 'xx']) expect((await form(desk, main.id, n)).json(), n).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await desk.request('GET', '/api/v1/dossiers/not-a-uuid/forms/01.pdf')).statusCode).toBe(400);
    expect((await form(desk, '00000000-0000-4000-8000-000000000000', '01')).json()).toMatchObject({ error: { code: 'DOSSIER_NOT_FOUND' } });
  });

  it('gives the register (07) of a unit and period as Excel and PDF, to officials whose scope covers the unit', async () => {
    at('2026-11-27T09:00:00+07:00');
    const res = await desk.request('GET', `/api/v1/units/${WARD}/dossier-register.xlsx?from=2026-11-23&to=2026-11-23`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="so-theo-doi-ho-so-${WARD}-2026-11-23-2026-11-23.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('SỔ THEO DÕI HỒ SƠ');
    const headerRow = sheet.getRow(6).values as unknown[];
    expect(headerRow.slice(1, 3)).toEqual(['TT', 'Mã hồ sơ']);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 6) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toHaveLength(1);
    const [no, code, procedure, person, contact, agency, received, appointment, transferred, resultAt, returned, notes] = rows[0]!;
    expect([no, code, procedure, person, agency]).toEqual([1, main.code, 'Đăng ký khai sinh', 'Nguyễn Thị Hoa', 'Ủy ban nhân dân phường Tam Thanh']);
    expect(contact).toBe('Số 5 đường Lê Lợi, phường Tam Thanh\nĐT: 0912345678');
    // Date-times are real Excel dates holding the Vietnam wall-clock time.
    expect(received).toEqual(new Date(Date.UTC(2026, 10, 23, 16, 45)));
    expect(transferred).toEqual(new Date(Date.UTC(2026, 10, 23, 16, 50)));
    expect(resultAt).toEqual(new Date(Date.UTC(2026, 10, 26, 10, 5)));
    expect(returned).toEqual(new Date(Date.UTC(2026, 10, 26, 10, 10)));
    expect(appointment).toBeInstanceOf(Date);
    expect(sheet.getCell(7, 7).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(notes).toContain('Đã trả kết quả');
    expect(notes).toContain('Yêu cầu bổ sung 23/11/2026 16:55');

    const pdf = await desk.request('GET', `/api/v1/units/${WARD}/dossier-register.pdf?from=2026-11-20&to=2026-11-30`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(pdf.rawPayload);
    expect(text).toContain('Mẫu số 07 – ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('Từ ngày 20/11/2026 đến ngày 30/11/2026');
    expect(text).toContain(main.code);
    expect(text).toContain('23/11/2026 16:45');
    expect(text).toContain('Không được tiếp nhận');
    expect(text).toContain('Dừng xử lý');

    // Another commune's desk: not its unit. Bad periods: refused before any query.
    expect((await otherDesk.request('GET', `/api/v1/units/${WARD}/dossier-register.xlsx?from=2026-11-23&to=2026-11-23`)).json()).toMatchObject({
      error: { code: 'FORBIDDEN_UNIT' },
    });
    expect((await app.app.inject({ method: 'GET', url: `/api/v1/units/${WARD}/dossier-register.pdf?from=2026-11-23&to=2026-11-23` })).statusCode).toBe(401);
    for (const query of [
      'from=2026-11-30&to=2026-11-01',
      'from=2025-01-01&to=2026-11-30',
      'from=2026-02-30&to=2026-03-01',
      'from=23/11/2026&to=2026-11-30',
      'from=2026-11-01',
    ]) {
      const bad = await desk.request('GET', `/api/v1/units/${WARD}/dossier-register.pdf?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.code, query).toBe('VALIDATION_FAILED');
    }
    expect((await desk.request('GET', '/api/v1/units/000.99.99.H37/dossier-register.pdf?from=2026-11-01&to=2026-11-30')).json()).toMatchObject({
      error: { code: 'UNIT_NOT_FOUND' },
    });
  });

  it('documents the files in the OpenAPI document', async () => {
    const doc = (await app.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    expect(Object.keys(doc.paths['/api/v1/dossiers/{id}/forms/{form}.pdf']?.get?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
    expect(Object.keys(doc.paths['/api/v1/units/{code}/dossier-register.pdf']?.get?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
    expect(Object.keys(doc.paths['/api/v1/units/{code}/dossier-register.xlsx']?.get?.responses['200']?.content ?? {})).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });
});
