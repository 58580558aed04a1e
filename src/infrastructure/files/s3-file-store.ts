/**
 * Content-addressed file storage in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Garage…), over the S3
 * REST protocol with Signature Version 4 — no SDK. Objects are keyed like the local store,
 * `{prefix}ab/cd/abcd…`, so a file is stored once whatever its name or dossier, and moving between the two
 * stores is a copy of the tree.
 *
 * put: HEAD first and skip the upload when the object is there with the same size; otherwise PUT with the
 * payload's sha256 in x-amz-content-sha256 (signed), so the server refuses a body altered on the way.
 * read: GET, 404 → null, and the bytes are checked against their name before they are returned.
 * Errors name the method, the key and the status (with S3's error code), never the credentials.
 */
import { createHash } from 'node:crypto';
import type { FileStore, StoredFile } from './file-store.js';
import { amzDate, authorization, EMPTY_SHA256, uriEncode, type Credentials } from './sigv4.js';

export interface S3FileStoreOptions {
  /** http(s)://host[:port][/base-path] of the S3 API. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every key, e.g. "motcua/" ("" for none). */
  prefix?: string;
  /** true: endpoint/bucket/key (MinIO, Ceph, Garage); false: virtual-hosted bucket.endpoint/key (AWS). */
  forcePathStyle?: boolean;
  /** Per request, in milliseconds (default 30 s). */
  timeoutMs?: number;
  /** For tests of the signing clock; defaults to the current time. */
  clock?: () => Date;
}

const SHA256 = /^[0-9a-f]{64}$/;

export class S3FileStore implements FileStore {
  readonly #credentials: Credentials; // private: never enumerated, logged or serialised with the store
  readonly #base: URL;
  readonly #options: Required<Pick<S3FileStoreOptions, 'region' | 'bucket' | 'prefix' | 'forcePathStyle' | 'timeoutMs' | 'clock'>>;

  constructor(options: S3FileStoreOptions) {
    this.#credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
    this.#base = new URL(options.endpoint);
    if (this.#base.protocol !== 'http:' && this.#base.protocol !== 'https:') throw new Error('S3 endpoint must be http:// or https://');
    this.#options = {
      region: options.region,
      bucket: options.bucket,
      prefix: options.prefix ?? '',
      forcePathStyle: options.forcePathStyle ?? true,
      timeoutMs: options.timeoutMs ?? 30_000,
      clock: options.clock ?? (() => new Date()),
    };
  }

  keyOf(sha256: string): string {
    return `${this.#options.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  /** The object's URL: path-style endpoint/bucket/key, or virtual-hosted bucket.endpoint/key. */
  urlOf(key: string): URL {
    const url = new URL(this.#base.href);
    const basePath = url.pathname.replace(/\/+$/, '');
    const encodedKey = key.split('/').map(uriEncode).join('/');
    if (this.#options.forcePathStyle) {
      url.pathname = `${basePath}/${uriEncode(this.#options.bucket)}/${encodedKey}`;
    } else {
      url.hostname = `${this.#options.bucket}.${url.hostname}`;
      url.pathname = `${basePath}/${encodedKey}`;
    }
    url.search = '';
    return url;
  }

  async put(bytes: Uint8Array): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = this.keyOf(sha256);
    const head = await this.send('HEAD', key);
    // Without s3:ListBucket a missing object answers 403, not 404: upload, and let the PUT tell a real refusal.
    const exists = head.ok && Number(head.headers.get('content-length')) === bytes.byteLength;
    if (!exists) {
      if (!head.ok && head.status !== 404 && head.status !== 403) throw await s3Error('HEAD', key, head);
      const put = await this.send('PUT', key, bytes, sha256);
      if (!put.ok) throw await s3Error('PUT', key, put);
      await put.body?.cancel();
    }
    return { sha256, size: bytes.byteLength };
  }

  async read(sha256: string): Promise<Buffer | null> {
    if (!SHA256.test(sha256)) return null;
    const key = this.keyOf(sha256);
    const response = await this.send('GET', key);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await s3Error('GET', key, response);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`S3 GET ${key}: the object's content does not match its sha256`);
    return bytes;
  }

  private async send(method: 'HEAD' | 'GET' | 'PUT', key: string, body?: Uint8Array, payloadHash = EMPTY_SHA256): Promise<Response> {
    const url = this.urlOf(key);
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDate(this.#options.clock()),
      ...(body ? { 'content-type': 'application/octet-stream' } : {}),
    };
    const signed = authorization({ method, path: url.pathname, query: '', headers, payloadHash }, this.#credentials, {
      region: this.#options.region,
      service: 's3',
    });
    const { host: _host, ...sent } = headers; // fetch derives Host from the URL (the same value)
    try {
      return await fetch(url, {
        method,
        headers: { ...sent, authorization: signed },
        body: body as Uint8Array<ArrayBuffer> | undefined, // a Buffer is a valid body; the DOM typings want ArrayBuffer-backed views
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const reason = timedOut ? `timed out after ${this.#options.timeoutMs} ms` : String((error as Error)?.cause ?? error);
      throw new Error(`S3 ${method} ${key} failed: ${reason}`, { cause: error });
    }
  }
}

/** An Error naming the request and S3's answer: `S3 PUT ab/cd/… failed: 403 SignatureDoesNotMatch`. */
async function s3Error(method: string, key: string, response: Response): Promise<Error> {
  const text = method === 'HEAD' ? '' : await response.text().catch(() => '');
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
  return new Error(`S3 ${method} ${key} failed: ${response.status}${code ? ` ${code}` : ''}`);
}
