/**
 * The checks the operator makes on TLS material read from Secrets and ConfigMaps: a CA must be a
 * PEM-encoded X.509 certificate, and a client certificate must match its private key (Go's
 * `pem.Decode`, `x509.ParseCertificate` and `tls.X509KeyPair`), done with Node's crypto.
 */

import { X509Certificate, createPrivateKey, KeyObject } from 'crypto';
import { reject } from './check-error';

interface PemBlock {
  type: string;
  der: Buffer;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(PEM_BLOCK)) {
    const body = m[2].split(/\r?\n/).filter((l) => !l.includes(':')).join('');
    out.push({ type: m[1], der: Buffer.from(body.replace(/\s+/g, ''), 'base64') });
  }
  return out;
}

/** The first PEM block must hold an X.509 certificate. */
export function checkPemCertificate(pem: string): void {
  const [block] = pemBlocks(pem);
  if (!block) reject('failed to decode PEM block');
  try {
    new X509Certificate(block.der);
  } catch (e) {
    reject(`failed to parse certificate: x509: malformed certificate (${(e as Error).message})`);
  }
}

/** The certificate chain and the private key must parse and belong together. */
export function checkKeyPair(certPem: string, keyPem: string): void {
  const certBlocks = pemBlocks(certPem);
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (certs.length === 0) {
    if (certBlocks.some((b) => b.type.endsWith('PRIVATE KEY'))) {
      reject('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    }
    reject('tls: failed to find any PEM data in certificate input');
  }
  const keyBlock = pemBlocks(keyPem).find((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'));
  if (!keyBlock) {
    if (pemBlocks(keyPem).some((b) => b.type === 'CERTIFICATE')) {
      reject('tls: found a certificate rather than a key in the PEM for the private key');
    }
    reject('tls: failed to find any PEM data in key input');
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certs[0].der);
  } catch (e) {
    reject(`x509: malformed certificate (${(e as Error).message})`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyPemText(keyBlock), format: 'pem' });
  } catch {
    reject('tls: failed to parse private key');
  }
  if (!cert.checkPrivateKey(key)) reject('tls: private key does not match public key');
}

function keyPemText(block: PemBlock): string {
  const body = block.der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${block.type}-----\n${body}\n-----END ${block.type}-----\n`;
}
