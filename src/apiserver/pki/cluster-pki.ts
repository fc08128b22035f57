// The cluster's certificates under the data dir: created on first start, reused after.

import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { KeyPairPem } from './certs.ts';

/** The certificate library is loaded only when a certificate must be made (first start), not on every start. */
const certs = () => import('./certs.ts');

export interface ClusterPKI {
  ca: KeyPairPem;
  server: KeyPairPem;
  admin: KeyPairPem;
  dir: string;
}

async function exists(path: string): Promise<boolean> {
  try { await access(path); return true; } catch { return false; }
}

async function loadOrCreate(dir: string, name: string, make: () => Promise<KeyPairPem>): Promise<KeyPairPem> {
  const certPath = join(dir, `${name}.crt`);
  const keyPath = join(dir, `${name}.key`);
  if (await exists(certPath) && await exists(keyPath)) {
    return { certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8') };
  }
  const pair = await make();
  await writeFile(keyPath, pair.keyPem, { mode: 0o600 });
  await writeFile(certPath, pair.certPem, { mode: 0o644 });
  return pair;
}

export interface PKIOptions {
  dataDir: string;
  /** Extra names and addresses the serving certificate must cover. */
  sans: { dnsNames: string[]; ips: string[] };
}

const names = ['server-ca', 'serving-kube-apiserver', 'client-admin'];

/**
 * Loads `DATA_DIR/server/tls`. Missing certificates are made by a short-lived child process, so the
 * server never carries the certificate library in memory (it is only needed on first start).
 */
export async function ensureClusterPKI(opts: PKIOptions): Promise<ClusterPKI> {
  const dir = join(opts.dataDir, 'server', 'tls');
  const present = await Promise.all(names.flatMap((n) => [exists(join(dir, `${n}.crt`)), exists(join(dir, `${n}.key`))]));
  if (present.includes(false)) {
    const script = join(import.meta.dirname, 'make-pki.ts');
    await promisify(execFile)(process.execPath, ['--disable-warning=ExperimentalWarning', script, JSON.stringify(opts)]);
  }
  return makeClusterPKI(opts);
}

/** Loads the certificates under `DATA_DIR/server/tls`, creating those that are missing in this process. */
export async function makeClusterPKI(opts: PKIOptions): Promise<ClusterPKI> {
  const dir = join(opts.dataDir, 'server', 'tls');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const ca = await loadOrCreate(dir, 'server-ca', async () => (await certs()).createCA(`skiff-server-ca@${Math.floor(Date.now() / 1000)}`));
  const server = await loadOrCreate(dir, 'serving-kube-apiserver', async () => (await certs()).createLeaf(ca, {
    commonName: 'kube-apiserver',
    dnsNames: opts.sans.dnsNames,
    ips: opts.sans.ips,
    usage: 'server',
  }));
  const admin = await loadOrCreate(dir, 'client-admin', async () => (await certs()).createLeaf(ca, {
    commonName: 'system:admin',
    organizations: ['system:masters'],
    usage: 'client',
  }));
  return { ca, server, admin, dir };
}
