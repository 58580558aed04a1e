/**
 * Just enough DER to build and read CMS signatures, timestamp tokens and their requests: a writer of the
 * few types they use, and a reader that keeps each element's exact bytes (signed attributes and certificates
 * are verified over the bytes that were signed, never over a re-encoding).
 */

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
  utcTime: 0x17,
  generalizedTime: 0x18,
} as const;

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);
}

export const sequence = (...items: Buffer[]): Buffer => tlv(TAG.sequence, Buffer.concat(items));
/** A SET OF in DER order (elements sorted by their encodings). */
export const setOf = (...items: Buffer[]): Buffer => tlv(TAG.set, Buffer.concat([...items].sort(Buffer.compare)));
export const octetString = (bytes: Buffer): Buffer => tlv(TAG.octetString, bytes);
export const nullValue = (): Buffer => Buffer.from([TAG.null, 0]);
export const booleanValue = (value: boolean): Buffer => tlv(TAG.boolean, Buffer.from([value ? 0xff : 0]));
/** [n] EXPLICIT: the element wrapped in a constructed context tag. */
export const explicit = (n: number, content: Buffer): Buffer => tlv(0xa0 | n, content);
/** [n] IMPLICIT of a constructed type: the element's own tag replaced by the context tag. */
export const implicitConstructed = (n: number, element: Buffer): Buffer => Buffer.concat([Buffer.from([0xa0 | n]), element.subarray(1)]);

export function integer(value: bigint | Buffer): Buffer {
  let bytes: Buffer;
  if (Buffer.isBuffer(value)) bytes = value;
  else {
    const hex = value.toString(16);
    bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  }
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && (bytes[start + 1] ?? 0) < 0x80) start += 1;
  bytes = bytes.subarray(start);
  if ((bytes[0] ?? 0) >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(TAG.integer, bytes);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map((p) => BigInt(p));
  const [first = 0n, second = 0n, ...rest] = parts;
  const out: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const chunk: number[] = [];
    let n = arc;
    do {
      chunk.unshift(Number(n & 0x7fn));
      n >>= 7n;
    } while (n > 0n);
    for (let i = 0; i < chunk.length - 1; i += 1) chunk[i] = (chunk[i] ?? 0) | 0x80;
    out.push(...chunk);
  }
  return tlv(TAG.oid, Buffer.from(out));
}

/** GeneralizedTime in UTC with whole seconds, as RFC 3161 and RFC 5280 require. */
export function generalizedTime(at: Date): Buffer {
  const text = at
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return tlv(TAG.generalizedTime, Buffer.from(text, 'ascii'));
}

export const algorithm = (dotted: string, withNull = true): Buffer => (withNull ? sequence(oid(dotted), nullValue()) : sequence(oid(dotted)));

/** One element as read: its tag, its whole encoding and its content, all as views of the input. */
export interface Element {
  tag: number;
  /** Tag, length and content: the exact bytes. */
  raw: Buffer;
  content: Buffer;
}

export class DerError extends Error {}

export function read(buffer: Buffer, offset = 0): Element {
  const tag = buffer[offset];
  const first = buffer[offset + 1];
  if (tag === undefined || first === undefined) throw new DerError('truncated element');
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not used here');
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + (buffer[offset + 2 + i] ?? 0);
    header += count;
  }
  const end = offset + header + length;
  if (end > buffer.length) throw new DerError('element runs past the end');
  return { tag, raw: buffer.subarray(offset, end), content: buffer.subarray(offset + header, end) };
}

/** The elements inside a constructed element. */
export function children(element: Element): Element[] {
  if (!(element.tag & 0x20)) throw new DerError(`tag ${element.tag.toString(16)} is not constructed`);
  const out: Element[] = [];
  for (let offset = 0; offset < element.content.length;) {
    const child = read(element.content, offset);
    out.push(child);
    offset += child.raw.length;
  }
  return out;
}

export function child(element: Element, index: number): Element {
  const found = children(element)[index];
  if (!found) throw new DerError(`element ${index} missing`);
  return found;
}

export function readOid(element: Element): string {
  if (element.tag !== TAG.oid) throw new DerError('expected an object identifier');
  const bytes = element.content;
  const arcs: bigint[] = [];
  let n = 0n;
  for (const byte of bytes) {
    n = (n << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(n);
      n = 0n;
    }
  }
  const [head = 0n, ...rest] = arcs;
  const first = head < 80n ? head / 40n : 2n;
  return [first, head - first * 40n, ...rest].join('.');
}

export function readTime(element: Element): Date {
  const text = element.content.toString('ascii');
  const full = element.tag === TAG.utcTime ? `${Number(text.slice(0, 2)) >= 50 ? '19' : '20'}${text}` : text;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(full);
  if (!m) throw new DerError(`unsupported time ${text}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

/** A context-tagged constructed element re-tagged as a SET, as signed attributes are signed (RFC 5652 §5.4). */
export const asSet = (element: Element): Buffer => Buffer.concat([Buffer.from([TAG.set]), element.raw.subarray(1)]);
