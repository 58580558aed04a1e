/**
 * Certificates and PKCS#12 files: the demo certification authority that a demo province starts with (named
 * as a demo in its own subject, so nobody mistakes it for a national root), the certificates it issues to
 * units, leaders and the local timestamp authority, and reading a signer's PKCS#12 file.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

export interface IssuedCertificate {
  certificate: Buffer;
  /** PKCS#8 PEM. */
  privateKeyPem: string;
  /** The subject's names, as issued (forge's parse of UTF-8 names cannot be written back as they were). */
  name: { commonName: string; organization: string };
}

export type CertificateUse = 'ca' | 'signing' | 'timestamping';

export interface CertificateRequest {
  commonName: string;
  organization: string;
  use: CertificateUse;
  notBefore: Date;
  notAfter: Date;
  /** Hex; random when absent. */
  serial?: string;
}

/** forge writes a UTF8String from a JavaScript string itself. */
const utf8 = (value: string) => ({ value: value.normalize('NFC'), valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });

function subject(request: { commonName: string; organization: string }): forge.pki.CertificateField[] {
  return [
    { name: 'countryName', value: 'VN' },
    { name: 'organizationName', ...utf8(request.organization) },
    { name: 'commonName', ...utf8(request.commonName) },
  ];
}

function extensions(use: CertificateUse): object[] {
  if (use === 'ca') {
    return [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      { name: 'subjectKeyIdentifier' },
    ];
  }
  const base = [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: use === 'signing', critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  return use === 'timestamping' ? [...base, { name: 'extKeyUsage', timeStamping: true, critical: true }] : base;
}

/** A new key pair and a certificate for it, signed by `issuer` or by itself when absent. */
export function issueCertificate(request: CertificateRequest, issuer?: IssuedCertificate): IssuedCertificate {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const serial = request.serial ?? randomBytes(16).toString('hex');
  cert.serialNumber = (Number.parseInt(serial.slice(0, 2), 16) & 0x7f).toString(16).padStart(2, '0') + serial.slice(2);
  cert.validity.notBefore = request.notBefore;
  cert.validity.notAfter = request.notAfter;
  cert.setSubject(subject(request));
  const issuerCert = issuer ? forge.pki.certificateFromAsn1(forge.asn1.fromDer(issuer.certificate.toString('binary'))) : null;
  cert.setIssuer(subject(issuer?.name ?? request));
  cert.setExtensions(
    issuerCert
      ? [...extensions(request.use), { name: 'authorityKeyIdentifier', keyIdentifier: issuerCert.generateSubjectKeyIdentifier().getBytes() }]
      : extensions(request.use),
  );
  cert.sign(forge.pki.privateKeyFromPem(issuer?.privateKeyPem ?? privateKeyPem), forge.md.sha256.create());
  return {
    certificate: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'),
    privateKeyPem,
    name: { commonName: request.commonName, organization: request.organization },
  };
}

/** A PKCS#12 file of the key and its chain, as a unit or an official would be given one. */
export function toPkcs12(issued: IssuedCertificate, chain: readonly Buffer[], password: string, friendlyName: string): Buffer {
  const certs = [issued.certificate, ...chain].map((der) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary'))));
  const key = forge.pki.privateKeyFromPem(issued.privateKeyPem);
  const p12 = forge.pkcs12.toPkcs12Asn1(key, certs, password, { algorithm: '3des', friendlyName });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

export class Pkcs12Error extends Error {}

/** The key and the chain (signer first) of a PKCS#12 file; a wrong password or a file without a key is a Pkcs12Error. */
export function readPkcs12(file: Uint8Array, password: string): { privateKey: KeyObject; chain: Buffer[] } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(file).toString('binary')), password);
  } catch (error) {
    throw new Pkcs12Error(`không đọc được tệp PKCS#12: ${(error as Error).message}`);
  }
  const keyBagType = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const certBagType = forge.pki.oids.certBag as string;
  const keyBag = p12.getBags({ bagType: keyBagType })[keyBagType]?.[0];
  if (!keyBag?.key) throw new Pkcs12Error('tệp PKCS#12 không có khóa bí mật');
  const key = keyBag.key as forge.pki.rsa.PrivateKey;
  const bags: forge.pkcs12.Bag[] = p12.getBags({ bagType: certBagType })[certBagType] ?? [];
  const certs = bags.flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const modulus = key.n.toString(16);
  const signer = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.toString(16) === modulus);
  if (!signer) throw new Pkcs12Error('tệp PKCS#12 không có chứng thư của khóa');
  const der = (c: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');
  return { privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)), chain: [der(signer), ...certs.filter((c) => c !== signer).map(der)] };
}
