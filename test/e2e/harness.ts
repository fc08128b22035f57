// End-to-end harness: starts a real `skiff server` in a temp data dir and runs the real kubectl against it.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { get as httpsGet } from 'node:https';

const root = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return await new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ServerHandle {
  dataDir: string;
  port: number;
  kubeconfig: string;
  proc: ChildProcess;
  log: () => string;
  /** Runs kubectl with this cluster's kubeconfig. */
  kubectl(args: string[], opts?: { input?: string; env?: Record<string, string>; timeoutMs?: number }): Promise<KubectlResult>;
  /** Like kubectl() but throws with stderr when the exit code is not 0. */
  k(args: string[], opts?: { input?: string; env?: Record<string, string> }): Promise<string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops the server (SIGTERM, or SIGKILL to test crash safety) and starts it again on the same data. */
  restart(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  extraArgs?: string[];
  dataDir?: string;
}

async function waitReady(url: string, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`skiff server exited (${proc.exitCode}):\n${log()}`);
    const ok = await new Promise<boolean>((res) => {
      const req = httpsGet(`${url}/readyz`, { rejectUnauthorized: false, timeout: 1000 }, (r) => { r.resume(); res(r.statusCode === 200); });
      req.on('error', () => res(false));
      req.on('timeout', () => { req.destroy(); res(false); });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`skiff server did not become ready:\n${log()}`);
}

export async function startServer(opts: StartOptions = {}): Promise<ServerHandle> {
  const dataDir = opts.dataDir ?? await mkdtemp(join(tmpdir(), 'skiff-e2e-'));
  const port = await freePort();
  const kubeconfig = join(dataDir, 'kubeconfig.yaml');
  let output = '';
  let proc!: ChildProcess;
  const launch = async () => {
    proc = spawn(join(root, 'bin/skiff'), ['server', '--disable-agent', '--data-dir', dataDir, '--https-listen-port', String(port),
      '--bind-address', '127.0.0.1', '--write-kubeconfig', kubeconfig, ...(opts.extraArgs ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
    proc.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
    await waitReady(`https://127.0.0.1:${port}`, proc, () => output);
    // kubeconfig is written after the listener is up
    for (let i = 0; i < 100; i++) {
      if (output.includes('wrote kubeconfig')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await launch();
  const kubectl: ServerHandle['kubectl'] = (args, o = {}) => new Promise((res) => {
    const child = spawn('kubectl', args, { env: { ...process.env, KUBECONFIG: kubeconfig, ...o.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
    child.on('close', (code) => { clearTimeout(timer); res({ code: code ?? -1, stdout, stderr }); });
    child.stdin.end(o.input ?? '');
  });
  const handle: ServerHandle = {
    dataDir, port, kubeconfig,
    get proc() { return proc; },
    log: () => output,
    kubectl,
    async k(args, o) {
      const r = await kubectl(args, o);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
      return r.stdout;
    },
    async kill(signal = 'SIGKILL') {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill(signal);
      await exited;
    },
    async restart(signal = 'SIGTERM') {
      await handle.kill(signal);
      await launch();
    },
    async stop() {
      await handle.kill('SIGTERM');
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
