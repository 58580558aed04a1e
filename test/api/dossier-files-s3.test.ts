/** FILE_STORAGE=s3: dossier component files go through an S3-compatible bucket (the local simulator). */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../support/app.js';
import { ENGINES } from '../support/databases.js';
import { startS3Simulator, type S3Simulator } from '../../src/infrastructure/files/s3-simulator.js';
import { receivedComponents } from '../support/intake.js';

const S3 = { accessKeyId: 'MOTCUADEMOKEY', secretAccessKey: 'motcua-s3-secret-never-shown', region: 'ap-southeast-1', bucket: 'motcua-hoso' };
const applicant = { fullName: 'Nguyễn Thị Hoa', personalId: '020190001234', address: 'Số 5 đường Lê Lợi, phường Tam Thanh', phone: '0912345678', email: null };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n', 'latin1');

describe.each(ENGINES)('dossier component files in an S3 bucket on %s', (engine) => {
  let sim: S3Simulator;
  let app: TestApp;
  let desk: Client;
  let simClosed = false;
  beforeAll(async () => {
    sim = await startS3Simulator(S3);
    app = await startTestApp(engine, {
      env: {
        LOGIN_RATE_LIMIT: '1000',
        FILE_STORAGE: 's3',
        S3_ENDPOINT: sim.endpoint,
        S3_REGION: S3.region,
        S3_BUCKET: S3.bucket,
        S3_ACCESS_KEY_ID: S3.accessKeyId,
        S3_SECRET_ACCESS_KEY: S3.secretAccessKey,
        S3_PREFIX: 'hoso',
      },
    });
    desk = await Client.official(app, 'motcua.tamthanh');
  });
  afterAll(async () => {
    await app.stop();
    if (!simClosed) await sim.close();
  });

  const receive = async () => {
    const res = await desk.request('POST', '/api/v1/dossiers', {
      procedureCode: '1.001193',
      channel: 'counter',
      applicant,
      components: receivedComponents('1.001193'),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const upload = (id: string) =>
    app.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/files?component=1.001193.TP1&name=${encodeURIComponent('Tờ khai.pdf')}`,
      headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrf, 'content-type': 'application/pdf' },
      payload: PDF,
    });

  it('uploads through the API into the bucket, once, and serves the same bytes back from it', async () => {
    const { id } = await receive();
    const res = await upload(id);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json() as { id: string; sha256: string; size: number };
    const key = `hoso/${file.sha256.slice(0, 2)}/${file.sha256.slice(2, 4)}/${file.sha256}`;
    expect(sim.requests).toContainEqual({ method: 'PUT', key, status: 200 });
    expect((await sim.object(key))?.equals(PDF)).toBe(true);
    expect(readdirSync(app.ctx.config.filesDir)).toEqual([]); // nothing on local disk

    const got = await desk.request('GET', `/api/v1/dossiers/${id}/files/${file.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(sim.requests.at(-1)).toEqual({ method: 'GET', key, status: 200 });

    // The same bytes in another dossier: the bucket already has them, no second upload.
    const other = await receive();
    expect((await upload(other.id)).statusCode).toBe(201);
    expect(sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('a bucket that cannot be reached is a 500 INTERNAL without details, and nothing is attached', async () => {
    const { id } = await receive();
    await sim.close();
    simClosed = true;
    const res = await upload(id);
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
    expect(res.body).not.toContain(S3.secretAccessKey);
    expect(res.body).not.toContain('S3');
    expect((await desk.request('GET', `/api/v1/dossiers/${id}/files`)).json().items).toEqual([]);
  });
});
