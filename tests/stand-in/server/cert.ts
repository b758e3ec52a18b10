// A self-signed certificate for the stand-in hosts, made fresh at every start with openssl.

import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface SelfSignedCert {
  keyPem: string;
  certPem: string;
  /** Base64 SHA-256 of the certificate's SubjectPublicKeyInfo, for --ignore-certificate-errors-spki-list. */
  spkiHash: string;
}

export async function makeSelfSignedCert(hosts: readonly string[]): Promise<SelfSignedCert> {
  const dir = await mkdtemp(join(tmpdir(), 'stand-in-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const subjectAltName = hosts.map((host) => `DNS:${host}`).join(',');
    await promisify(execFile)('openssl', [
      'req', '-x509',
      '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
      '-nodes', '-days', '2',
      '-subj', `/CN=${hosts[0]}`,
      '-addext', `subjectAltName=${subjectAltName}`,
      '-keyout', keyPath, '-out', certPath,
    ]);
    const [keyPem, certPem] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
    const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
    return { keyPem, certPem, spkiHash: createHash('sha256').update(spki).digest('base64') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
