// Test helper: a throwaway single-member etcd on free loopback ports with a temporary data dir.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';

export interface TestEtcd {
  /** The client URL, e.g. http://127.0.0.1:41234. */
  readonly endpoint: string;
  /** The server's version, e.g. "3.4.23". */
  readonly version: string;
  /** Kills the server and removes its data. Idempotent. */
  stop(): Promise<void>;
}

/** The etcd binary: $ETCD_BIN, else `etcd` on the PATH, else Debian's /usr/bin/etcd (etcd-server). */
export function etcdBinary(): string {
  if (process.env.ETCD_BIN) return process.env.ETCD_BIN;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'etcd'))) return join(dir, 'etcd');
  }
  return '/usr/bin/etcd';
}

/** etcd refuses to start on architectures it does not officially support unless told so. */
const GO_ARCH: Record<string, string> = { x64: 'amd64', ia32: '386', arm: 'arm', arm64: 'arm64', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(endpoint: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`etcd exited during startup:\n${log()}`);
    try {
      const health = (await (await fetch(`${endpoint}/health`)).json()) as { health?: string };
      if (health.health === 'true') {
        const version = (await (await fetch(`${endpoint}/version`)).json()) as { etcdserver?: string };
        return version.etcdserver ?? 'unknown';
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`etcd did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

async function startOnce(binary: string): Promise<TestEtcd> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'skiff-etcd-'));
  const client = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (process.arch !== 'x64') env.ETCD_UNSUPPORTED_ARCH = GO_ARCH[process.arch] ?? process.arch;
  // Short heartbeat/election make the minimum lease TTL 1 s and leader election instant.
  const child = spawn(binary, [
    '--name', 'test', '--data-dir', join(dataDir, 'data'),
    '--listen-client-urls', client, '--advertise-client-urls', client,
    '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer,
    '--initial-cluster', `test=${peer}`, '--initial-cluster-state', 'new',
    '--heartbeat-interval', '10', '--election-timeout', '100',
  ], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', kill);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.off('exit', kill);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const version = await waitHealthy(client, child, () => stderr, 15_000);
    return { endpoint: client, version, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Starts a fresh etcd; retries a couple of times in case a port was taken between probe and bind. */
export async function startTestEtcd(binary = etcdBinary()): Promise<TestEtcd> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(binary);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}
