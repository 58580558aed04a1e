/**
 * The Open311 GeoReport v2 shape of citizen feedback (issue 22 §7), as a civic app's recorded request sequence uses
 * it: discover the services and a service's definition, submit form-encoded with the app's API key, follow the token
 * to the request, read it (open, then closed with the published answer in status_notes), list by ids and by date;
 * and the errors in Open311's shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import type { FeedbackDetail } from '../../src/contract/feedback.js';

const KEY = 'ung-dung-cong-dan-0123456789';

describe('Open311 GeoReport v2 (pglite)', () => {
  let app: TestApp;
  const form = (fields: Record<string, string>) =>
    app.app.inject({
      method: 'POST',
      url: '/api/v1/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  beforeAll(async () => {
    app = await startTestApp('pglite', { env: { LOGIN_RATE_LIMIT: '1000', OPEN311_API_KEYS: KEY } });
  });
  afterAll(() => app.stop());

  it('runs a civic app’s sequence: services, submit, token, request, list', async () => {
    const services = (await app.app.inject({ url: '/api/v1/open311/v2/services.json' })).json() as { service_code: string; metadata: boolean }[];
    expect(services.map((s) => s.service_code)).toEqual(['regulation', 'conduct']);
    const definition = (await app.app.inject({ url: '/api/v1/open311/v2/services/regulation.json' })).json() as { attributes: { code: string }[] };
    expect(definition.attributes.map((a) => a.code)).toEqual(['unit_code', 'procedure_code', 'title']);
    expect((await app.app.inject({ url: '/api/v1/open311/v2/services/khong-co.json' })).statusCode).toBe(404);

    const created = await form({
      api_key: KEY,
      service_code: 'regulation',
      description: 'Thủ tục cấp bản sao trích lục hộ tịch yêu cầu nộp thêm giấy tờ không có trong danh mục công bố.',
      first_name: 'Lan',
      last_name: 'Nông Thị',
      email: 'lan@example.vn',
      'attribute[unit_code]': '000.00.31.H37',
      'attribute[title]': 'Yêu cầu giấy tờ ngoài danh mục',
    });
    expect(created.statusCode, created.body).toBe(201);
    const [receipt] = created.json() as { service_request_id: string; token: string }[];
    expect(receipt!.service_request_id).toMatch(/^PAKN-/);
    const token = (await app.app.inject({ url: `/api/v1/open311/v2/tokens/${receipt!.token}.json` })).json();
    expect(token).toEqual([{ service_request_id: receipt!.service_request_id, token: receipt!.token }]);
    const [open] = (await app.app.inject({ url: `/api/v1/open311/v2/requests/${receipt!.service_request_id}.json` })).json() as Record<string, unknown>[];
    expect(open).toMatchObject({
      status: 'open',
      service_code: 'regulation',
      description: 'Yêu cầu giấy tờ ngoài danh mục',
      extended_attributes: { pakn_status: 'received' },
    });
    expect(JSON.stringify(open)).not.toMatch(/lan@example|Nông Thị/);

    // Answered and published by the ward: closed, with the answer.
    const desk = await Client.official(app, 'motcua.tamthanh');
    const leader = await Client.official(app, 'lanhdao.tamthanh');
    const queue = (await desk.request('GET', '/api/v1/feedback')).json() as { items: { id: string; code: string }[] };
    const id = queue.items.find((i) => i.code === receipt!.service_request_id)!.id;
    for (const [who, body] of [
      [desk, { type: 'accept' }],
      [desk, { type: 'draftAnswer', answer: 'Phường đã rà soát và chỉ yêu cầu giấy tờ theo danh mục đã công bố.' }],
      [leader, { type: 'approveAnswer' }],
      [desk, { type: 'publish' }],
    ] as const) {
      const seq = ((await who.request('GET', `/api/v1/feedback/${id}`)).json() as FeedbackDetail).seq;
      expect((await who.request('POST', `/api/v1/feedback/${id}/actions`, { ...body, expectedSeq: seq })).statusCode).toBe(200);
    }
    const listed = (await app.app.inject({ url: `/api/v1/open311/v2/requests.json?service_request_id=${receipt!.service_request_id}` })).json() as Record<
      string,
      unknown
    >[];
    expect(listed).toEqual([
      expect.objectContaining({
        status: 'closed',
        status_notes: expect.stringContaining('danh mục đã công bố'),
        extended_attributes: expect.objectContaining({ pakn_status: 'published' }),
      }),
    ]);
    const closed = (await app.app.inject({ url: '/api/v1/open311/v2/requests.json?status=closed' })).json() as { service_request_id: string }[];
    expect(closed.map((r) => r.service_request_id)).toContain(receipt!.service_request_id);
  });

  it('answers errors in Open311’s shape', async () => {
    const wrongKey = await form({
      api_key: 'khong-dung-khoa-0000000000',
      service_code: 'regulation',
      description: 'Nội dung phản ánh đủ dài để được tiếp nhận.',
    });
    expect(wrongKey.statusCode).toBe(401);
    expect(wrongKey.json()).toEqual([{ code: 401, description: expect.any(String) }]);
    const noKey = await form({ service_code: 'regulation', description: 'Nội dung phản ánh đủ dài để được tiếp nhận.' });
    expect(noKey.statusCode).toBe(400);
    const badService = await form({ api_key: KEY, service_code: 'pothole', description: 'Nội dung phản ánh đủ dài để được tiếp nhận.' });
    expect(badService.json()).toEqual([{ code: 400, description: expect.stringContaining('service_code') }]);
    const range = await app.app.inject({ url: '/api/v1/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z' });
    expect(range.statusCode).toBe(400);
  });
});
