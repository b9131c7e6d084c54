// Test certificates for the e2e fixture server, made with the `openssl` CLI.
//
// A self-signed test CA plus a server certificate signed by it, whose subjectAltName lists every
// host the browsers are told to map to the fixture server (wildcards like `*.zoom.us` included)
// plus localhost and IP:127.0.0.1. Files are cached under `dir` in a folder named after a hash of
// the host list, so different host sets never overwrite each other, and parallel test processes
// are safe: a new set is made in a private temp folder and renamed into place.
//
// importCaIntoProfile puts the test CA into a Firefox profile's own certificate database, so
// Firefox checks the fixture server's chain for real (per profile: nothing machine-global).

import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type TestCertificate = {
  /** PEM private key of the server certificate. */
  key: string;
  /** PEM server certificate (leaf only). */
  cert: string;
  /** PEM certificate of the test CA that signed `cert`. */
  caCert: string;
  /** SHA-256 fingerprint of the CA certificate (DER), lowercase hex without colons. */
  caFingerprintSha256: string;
};

const FILES = {
  caKey: 'ca.key',
  caCert: 'ca.crt',
  key: 'server.key',
  cert: 'server.crt',
  hosts: 'hosts.json',
} as const;

const ALWAYS_HOSTS = ['localhost', '127.0.0.1'];

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

function normalizeHosts(hosts: string[]): string[] {
  const set = new Set<string>();
  for (const h of [...ALWAYS_HOSTS, ...hosts]) {
    const v = h.trim().toLowerCase();
    if (v) set.add(v);
  }
  return [...set].sort();
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { code?: string; stderr?: Buffer; message: string };
    if (e.code === 'ENOENT') {
      throw new Error("No openssl found: install the 'openssl' package (apt-get install openssl)");
    }
    throw new Error(`openssl ${args.join(' ')} failed: ${e.stderr?.toString() || e.message}`);
  }
}

function readSet(folder: string, hosts: string[]): TestCertificate | undefined {
  try {
    const stored = JSON.parse(fs.readFileSync(path.join(folder, FILES.hosts), 'utf8')) as unknown;
    if (JSON.stringify(stored) !== JSON.stringify(hosts)) return undefined;
    const key = fs.readFileSync(path.join(folder, FILES.key), 'utf8');
    const cert = fs.readFileSync(path.join(folder, FILES.cert), 'utf8');
    const caCert = fs.readFileSync(path.join(folder, FILES.caCert), 'utf8');
    const leaf = new X509Certificate(cert);
    const ca = new X509Certificate(caCert);
    // Reuse only while both are valid for at least another day and the leaf chains to the CA.
    const soon = Date.now() + 24 * 3600 * 1000;
    if (new Date(leaf.validTo).getTime() < soon || new Date(ca.validTo).getTime() < soon) {
      return undefined;
    }
    if (!leaf.verify(ca.publicKey)) return undefined;
    return { key, cert, caCert, caFingerprintSha256: fingerprint(ca) };
  } catch {
    return undefined;
  }
}

function fingerprint(ca: X509Certificate): string {
  return ca.fingerprint256.replaceAll(':', '').toLowerCase();
}

function generate(folder: string, hosts: string[]): void {
  const san = hosts.map((h) => (isIp(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  fs.writeFileSync(
    path.join(folder, 'server.ext'),
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${san}`,
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid,issuer',
      '',
    ].join('\n'),
  );
  // Test CA (self-signed root).
  openssl(
    [
      'req', '-x509', '-new', '-nodes',
      '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
      '-keyout', FILES.caKey, '-out', FILES.caCert,
      '-days', '3650', '-sha256',
      '-subj', '/CN=CallGuard Test CA/O=CallGuard e2e',
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-addext', 'subjectKeyIdentifier=hash',
    ],
    folder,
  );
  // Server key + CSR, then sign with the CA.
  openssl(
    [
      'req', '-new', '-nodes',
      '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
      '-keyout', FILES.key, '-out', 'server.csr',
      '-subj', '/CN=CallGuard test server',
    ],
    folder,
  );
  openssl(
    [
      'x509', '-req', '-in', 'server.csr',
      '-CA', FILES.caCert, '-CAkey', FILES.caKey, '-set_serial', `0x${Date.now().toString(16)}`,
      '-out', FILES.cert, '-days', '397', '-sha256',
      '-extfile', 'server.ext',
    ],
    folder,
  );
  fs.writeFileSync(path.join(folder, FILES.hosts), JSON.stringify(hosts));
}

/**
 * Returns a server certificate (signed by a test CA) covering `hosts`, localhost and 127.0.0.1.
 * Cached in `dir` (created if missing) and reused while it still covers the same hosts.
 */
export function ensureTestCertificate(dir: string, hosts: string[]): TestCertificate {
  const wanted = normalizeHosts(hosts);
  const hash = createHash('sha256').update(JSON.stringify(wanted)).digest('hex').slice(0, 16);
  fs.mkdirSync(dir, { recursive: true });
  const folder = path.join(dir, `callguard-test-cert-${hash}`);

  const cached = readSet(folder, wanted);
  if (cached) return cached;

  const tmp = fs.mkdtempSync(path.join(dir, `.callguard-test-cert-${hash}-`));
  try {
    generate(tmp, wanted);
    try {
      // A stale or broken set is replaced; a concurrent process may win the rename, which is fine.
      if (fs.existsSync(folder) && !readSet(folder, wanted)) {
        fs.rmSync(folder, { recursive: true, force: true });
      }
      fs.renameSync(tmp, folder);
    } catch {
      // Someone else put a set in place first (ENOTEMPTY/EEXIST): use theirs if good.
    }
    const done = readSet(folder, wanted) ?? readSet(tmp, wanted);
    if (!done) throw new Error(`Could not create a test certificate in ${dir}`);
    return done;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Adds `caPem` to the NSS certificate database in `profileDir` (made if missing) as a trusted
 * root for web sites ("C,,"), the way an enterprise or an attacker adds a root: Firefox then
 * verifies chains to it, and reports it as a root that is not built in. Needs `certutil`
 * (apt-get install libnss3-tools).
 */
export function importCaIntoProfile(profileDir: string, caPem: string, nickname = 'CallGuard Test CA'): void {
  fs.mkdirSync(profileDir, { recursive: true });
  const caFile = path.join(profileDir, 'callguard-test-ca.pem');
  fs.writeFileSync(caFile, caPem);
  const db = `sql:${profileDir}`;
  try {
    if (!fs.existsSync(path.join(profileDir, 'cert9.db'))) execFileSync('certutil', ['-N', '-d', db, '--empty-password'], { stdio: 'pipe' });
    execFileSync('certutil', ['-A', '-d', db, '-n', nickname, '-t', 'C,,', '-i', caFile], { stdio: 'pipe' });
  } catch (error) {
    const e = error as { code?: string; stderr?: Buffer; message: string };
    if (e.code === 'ENOENT') throw new Error("No certutil found: install the 'libnss3-tools' package (apt-get install libnss3-tools)");
    throw new Error(`certutil failed: ${e.stderr?.toString() || e.message}`);
  }
}

/** SHA-256 fingerprint of a PEM certificate (DER), lowercase hex without colons. */
export function certificateFingerprintSha256(pem: string): string {
  return fingerprint(new X509Certificate(pem));
}
