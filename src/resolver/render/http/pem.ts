/**
 * The checks the operator makes on TLS material read from Secrets and ConfigMaps, both when it
 * selects monitors and when it generates configuration: a CA must be a PEM-encoded X.509
 * certificate, and a client certificate must match its private key (Go's `pem.Decode`,
 * `x509.ParseCertificate` and `tls.X509KeyPair`), done with Node's crypto. Problems are in Go's words.
 */

import { X509Certificate, createPrivateKey, KeyObject } from 'crypto';

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

/** Why the first PEM block of `pem` is not an X.509 certificate, or undefined when it is. */
export function pemCertificateProblem(pem: string): string | undefined {
  const [block] = pemBlocks(pem);
  if (!block) return 'failed to decode PEM block';
  try {
    new X509Certificate(block.der);
    return undefined;
  } catch (e) {
    return `failed to parse certificate: x509: malformed certificate (${(e as Error).message})`;
  }
}

/** Why a certificate and private key are not a usable pair. */
export interface KeyPairProblem {
  /** Go's message. */
  readonly message: string;
  /** True when both parse but the key is not the certificate's. */
  readonly mismatch: boolean;
}

/** Why the certificate chain and the private key do not parse or do not belong together; undefined when they do. */
export function keyPairProblem(certPem: string, keyPem: string): KeyPairProblem | undefined {
  try {
    checkKeyPair(certPem, keyPem);
    return undefined;
  } catch (e) {
    if (e instanceof KeyPairError) return { message: e.message, mismatch: e.mismatch };
    throw e;
  }
}

class KeyPairError extends Error {
  constructor(message: string, readonly mismatch = false) {
    super(message);
  }
}

function reject(message: string, mismatch = false): never {
  throw new KeyPairError(message, mismatch);
}

function checkKeyPair(certPem: string, keyPem: string): void {
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
  if (!cert.checkPrivateKey(key)) reject('tls: private key does not match public key', true);
}

function keyPemText(block: PemBlock): string {
  const body = block.der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${block.type}-----\n${body}\n-----END ${block.type}-----\n`;
}
