/**
 * The signing keys motcua can use and the certificates it trusts. A signer's key comes from its PKCS#12 file
 * (SIGNING_CREDENTIALS) or, while the demo CA is on, from the database: the demo authority is created at the
 * first need and issues each unit, leader and the local timestamp authority a certificate on theirs. Private
 * keys in the database are demo keys; a province's real keys live in its files, tokens or remote service.
 */
import { randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SigningConfig } from '../../config/signing-config.js';
import type { SignerIdentity } from '../../domain/esign/signing.js';
import { issueCertificate, readPkcs12, toPkcs12, type CertificateRequest, type IssuedCertificate } from './certificates.js';
import type { TrustStore } from './verify-cms.js';

export const DEMO_CA_NAME = 'motcua DEMO CA — chỉ dùng thử nghiệm, không có giá trị pháp lý';
const YEAR_MS = 365 * 86_400_000;

export interface HeldKey {
  privateKey: KeyObject;
  /** Signer first, then its issuers. */
  chain: Buffer[];
}

export interface KeyRing {
  /** The signer's key; 'revoked' when its certificate was revoked; null when it has none. */
  keyFor(signer: SignerIdentity): Promise<HeldKey | 'revoked' | null>;
  /** The local timestamp authority's key (demo CA only). */
  timestampingKey(): Promise<HeldKey | null>;
  trust(): Promise<TrustStore>;
}

type OwnerKind = 'authority' | 'unit' | 'user' | 'timestamping';

export function createKeyRing(db: Kysely<DB>, config: SigningConfig, clock: () => Date): KeyRing {
  const cache = new Map<string, HeldKey>();
  const anchors = config.trustAnchorFiles.map((file) => new X509Certificate(readFileSync(file)));

  const open = (id: string, pkcs12: Uint8Array, passphrase: string): HeldKey => {
    const cached = cache.get(id);
    if (cached) return cached;
    const held = readPkcs12(pkcs12, passphrase);
    cache.set(id, held);
    return held;
  };

  async function current(kind: OwnerKind, ownerId: string) {
    return db
      .selectFrom('signing_credentials')
      .selectAll()
      .where('owner_kind', '=', kind)
      .where('owner_id', '=', ownerId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  }

  /** The owner's current credential, issued by `issue` when there is none (two racing issuers keep the first). */
  async function ensure(kind: OwnerKind, ownerId: string, issue: () => Promise<{ issued: IssuedCertificate; chain: Buffer[] }>) {
    const found = await current(kind, ownerId);
    if (found) return found;
    const { issued, chain } = await issue();
    const passphrase = randomBytes(18).toString('base64url');
    await db
      .insertInto('signing_credentials')
      .values({
        owner_kind: kind,
        owner_id: ownerId,
        certificate: issued.certificate,
        pkcs12: toPkcs12(issued, chain, passphrase, issued.name.commonName),
        passphrase,
        serial: new X509Certificate(issued.certificate).serialNumber,
        not_after: new Date(new X509Certificate(issued.certificate).validTo),
        created_at: clock(),
      })
      .onConflict((oc) => oc.columns(['owner_kind', 'owner_id']).where('revoked_at', 'is', null).doNothing())
      .execute();
    const row = await current(kind, ownerId);
    if (!row) throw new Error('signing credential not stored');
    return row;
  }

  async function authority(): Promise<IssuedCertificate> {
    const row = await ensure('authority', 'demo', async () => {
      const now = clock();
      const issued = issueCertificate({
        commonName: DEMO_CA_NAME,
        organization: 'motcua (thử nghiệm)',
        use: 'ca',
        // Valid from well before: seeded and imported history is signed at its own (past) dates.
        notBefore: new Date(now.getTime() - 3 * YEAR_MS),
        notAfter: new Date(now.getTime() + 20 * YEAR_MS),
      });
      return { issued, chain: [] };
    });
    const held = open(row.id, row.pkcs12, row.passphrase);
    return {
      // bytea comes back as a Uint8Array from PGlite, a Buffer from pg.
      certificate: Buffer.from(row.certificate),
      privateKeyPem: held.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      name: { commonName: DEMO_CA_NAME, organization: 'motcua (thử nghiệm)' },
    };
  }

  async function demoKey(kind: OwnerKind, ownerId: string, request: Omit<CertificateRequest, 'notBefore' | 'notAfter'>): Promise<HeldKey | 'revoked'> {
    const ca = await authority();
    const row = await ensure(kind, ownerId, async () => {
      const now = clock();
      const issued = issueCertificate({ ...request, notBefore: new Date(now.getTime() - 2 * YEAR_MS), notAfter: new Date(now.getTime() + 3 * YEAR_MS) }, ca);
      return { issued, chain: [ca.certificate] };
    });
    return row.revoked_at ? 'revoked' : open(row.id, row.pkcs12, row.passphrase);
  }

  return {
    async keyFor(signer) {
      const file = signer.kind === 'unit' ? config.credentials.units[signer.id] : config.credentials.users[signer.remoteUserId];
      if (file) return open(`file:${file.file}`, readFileSync(file.file), file.passphrase);
      if (!config.demoCa) return null;
      return demoKey(signer.kind, signer.id, { commonName: signer.commonName, organization: signer.organization, use: 'signing' });
    },
    async timestampingKey() {
      if (!config.demoCa) return null;
      const held = await demoKey('timestamping', 'local', { commonName: 'motcua DEMO TSA', organization: 'motcua (thử nghiệm)', use: 'timestamping' });
      return held === 'revoked' ? null : held;
    },
    async trust() {
      const demo = config.demoCa ? [new X509Certificate((await authority()).certificate)] : [];
      const revoked = await db.selectFrom('signing_credentials').select('serial').where('revoked_at', 'is not', null).execute();
      const serials = new Set(revoked.map((r) => r.serial.toUpperCase()));
      return { anchors: [...demo, ...anchors], isRevoked: (c) => serials.has(c.serialNumber.toUpperCase()) };
    },
  };
}
