import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { S3FileStore, type S3FileStoreOptions } from './s3-file-store.js';
import { startS3Simulator, type S3Simulator } from './s3-simulator.js';
import { amzDate, authorization, sha256Hex } from './sigv4.js';

const KEYS = { accessKeyId: 'MOTCUATESTKEY', secretAccessKey: 'motcua-test-secret-4f1c0b9e2a' };
const BUCKET = 'motcua-files';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('S3 file store against the S3 simulator', () => {
  let sim: S3Simulator;
  const store = (options: Partial<S3FileStoreOptions> = {}) =>
    new S3FileStore({ endpoint: sim.endpoint, region: 'ap-southeast-1', bucket: BUCKET, ...KEYS, prefix: 'hoso/', ...options });
  beforeAll(async () => {
    sim = await startS3Simulator({ ...KEYS, region: 'ap-southeast-1', bucket: BUCKET });
  });
  afterAll(() => sim.close());
  afterEach(() => {
    vi.restoreAllMocks();
    sim.requests.length = 0;
  });

  it('stores a file once under {prefix}ab/cd/sha256 and reads the same bytes back', async () => {
    const bytes = Buffer.from('%PDF-1.7 tờ khai đăng ký khai sinh');
    const key = `hoso/${sha(bytes).slice(0, 2)}/${sha(bytes).slice(2, 4)}/${sha(bytes)}`;
    const first = await store().put(bytes);
    const second = await store().put(Buffer.from(bytes));
    expect(first).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(second).toEqual(first);
    expect(sim.requests).toEqual([
      { method: 'HEAD', key, status: 404, error: 'NoSuchKey' },
      { method: 'PUT', key, status: 200 },
      { method: 'HEAD', key, status: 200 }, // there with the same size: no second upload
    ]);
    expect((await sim.object(key))?.equals(bytes)).toBe(true);
    expect((await store().read(first.sha256))?.equals(bytes)).toBe(true);
  });

  it('reads a missing object as null, and refuses a malformed name without asking the bucket', async () => {
    expect(await store().read('0'.repeat(64))).toBeNull();
    expect(sim.requests).toEqual([{ method: 'GET', key: `hoso/00/00/${'0'.repeat(64)}`, status: 404, error: 'NoSuchKey' }]);
    expect(await store().read('../../etc/passwd')).toBeNull();
    expect(await store().read('A'.repeat(64))).toBeNull();
    expect(sim.requests).toHaveLength(1);
  });

  it('throws with the status and S3 error code on a wrong secret key, a wrong bucket or a skewed clock, never with the secret', async () => {
    const wrong = store({ secretAccessKey: 'not-the-secret-key' });
    const error = await wrong.put(Buffer.from('x')).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^S3 PUT hoso\/[0-9a-f/]+ failed: 403 SignatureDoesNotMatch$/);
    expect((error as Error).message).not.toContain('not-the-secret-key');
    await expect(wrong.read('0'.repeat(64))).rejects.toThrow(/S3 GET .* 403 SignatureDoesNotMatch/);
    await expect(store({ accessKeyId: 'SOMEONEELSE' }).put(Buffer.from('x'))).rejects.toThrow(/403 InvalidAccessKeyId/);
    await expect(store({ region: 'us-east-1' }).put(Buffer.from('x'))).rejects.toThrow(/400/);
    await expect(store({ bucket: 'another-bucket' }).put(Buffer.from('x'))).rejects.toThrow(/404 NoSuchBucket/);
    await expect(store({ clock: () => new Date(Date.now() - 3600_000) }).put(Buffer.from('x'))).rejects.toThrow(/403 RequestTimeTooSkewed/);
    expect(sim.requests.filter((r) => r.method === 'PUT' && r.status === 200)).toEqual([]);
  });

  it('a payload or a signed header altered on the way is refused by the bucket', async () => {
    const realFetch = globalThis.fetch;
    const tamper = (change: (init: RequestInit) => RequestInit) =>
      vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => realFetch(input, init?.method === 'PUT' ? change(init) : init));

    tamper((init) => ({ ...init, body: Buffer.from('%PDF-1.7 nội dung đã bị sửa') }));
    await expect(store().put(Buffer.from('%PDF-1.7 nội dung gốc'))).rejects.toThrow(/400 XAmzContentSHA256Mismatch/);
    vi.restoreAllMocks();

    tamper((init) => ({ ...init, headers: { ...(init.headers as Record<string, string>), 'content-type': 'text/html' } }));
    await expect(store().put(Buffer.from('%PDF-1.7 nội dung gốc'))).rejects.toThrow(/403 SignatureDoesNotMatch/);
    expect(sim.requests.map((r) => [r.method, r.status])).toEqual([
      ['HEAD', 404],
      ['PUT', 400],
      ['HEAD', 404],
      ['PUT', 403],
    ]);
  });

  it('checks the bytes it reads against their name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'motcua-s3-'));
    const onDisk = await startS3Simulator({ ...KEYS, region: 'ap-southeast-1', bucket: BUCKET, root });
    try {
      const files = store({ endpoint: onDisk.endpoint, prefix: '' });
      const { sha256 } = await files.put(Buffer.from('%PDF-1.7 quyết định'));
      const path = join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      writeFileSync(path, '%PDF-1.7 quyết định giả');
      await expect(files.read(sha256)).rejects.toThrow(/does not match its sha256/);
    } finally {
      await onDisk.close();
    }
  });

  it('refuses requests without a signature with S3 XML errors', async () => {
    const missing = await fetch(`${sim.endpoint}/${BUCKET}/hoso/ab/cd/x`);
    expect(missing.status).toBe(403);
    expect(await missing.text()).toMatch(/<Error><Code>AccessDenied<\/Code>/);
    const forged = await fetch(`${sim.endpoint}/${BUCKET}/x`, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=MOTCUATESTKEY/20260101/ap-southeast-1/s3/aws4_request' },
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('<Code>AuthorizationHeaderMalformed</Code>');
  });

  it('builds path-style and virtual-hosted URLs; the simulator serves both', async () => {
    expect(store({ endpoint: 'https://s3.example.vn/storage/', prefix: '' }).urlOf('ab/cd/abcd').href).toBe(
      'https://s3.example.vn/storage/motcua-files/ab/cd/abcd',
    );
    expect(store({ endpoint: 'https://s3.ap-southeast-1.amazonaws.com', forcePathStyle: false }).urlOf('hoso/ab/cd/abcd').href).toBe(
      'https://motcua-files.s3.ap-southeast-1.amazonaws.com/hoso/ab/cd/abcd',
    );
    // No DNS here for motcua-files.127.0.0.1: send a virtual-hosted request by hand with its Host header.
    const port = new URL(sim.endpoint).port;
    const body = Buffer.from('virtual-hosted');
    const headers = { host: `${BUCKET}.localhost:${port}`, 'x-amz-content-sha256': sha256Hex(body), 'x-amz-date': amzDate(new Date()) };
    const signed = authorization({ method: 'PUT', path: '/vh/object', headers, payloadHash: headers['x-amz-content-sha256'] }, KEYS, {
      region: 'ap-southeast-1',
      service: 's3',
    });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'PUT', path: '/vh/object', headers: { ...headers, authorization: signed } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(200);
    expect((await sim.object('vh/object'))?.toString()).toBe('virtual-hosted');
  });

  it('gives up after its timeout', async () => {
    const silent = createServer(() => {}); // accepts and never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const files = store({ endpoint: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeoutMs: 200 });
      await expect(files.read('0'.repeat(64))).rejects.toThrow(/S3 GET hoso\/00\/00\/0+ failed: timed out after 200 ms/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
