// Benchmark: raw storage Backend throughput (create, update, get, list) for sqlite, memory and etcd.
//
//   node bench/storage.ts [--n 20000] [--etcd-n 3000] [--only sqlite,memory,etcd]
//
// etcd runs against a throwaway server when /usr/bin/etcd (or $ETCD_BIN) exists, or against
// $ETCD_ENDPOINT when set. Figures are printed, never asserted.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem, type, release, arch } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Backend } from '../src/storage/backend.ts';
import { EtcdBackend } from '../src/storage/etcd/etcd-backend.ts';
import { etcdBinary, startTestEtcd } from '../src/storage/etcd/test-etcd.ts';
import { MemoryBackend } from '../src/storage/memory/memory-backend.ts';
import { SqliteBackend } from '../src/storage/sqlite/sqlite-backend.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '20000' },
    'etcd-n': { type: 'string', default: '3000' },
    only: { type: 'string', default: 'sqlite,memory,etcd' },
  },
});
const only = new Set(args.only.split(','));

function machine(): string {
  const cpu = cpus();
  return [
    `cpu:    ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    `memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`,
    `os:     ${type()} ${release()} ${arch()}`,
    `node:   ${process.version}`,
  ].join('\n');
}

const value = new TextEncoder().encode(JSON.stringify({ kind: 'ConfigMap', metadata: { name: 'x'.repeat(40) }, data: { k: 'v'.repeat(300) } }));

function rate(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US').padStart(9)} /s  (${n} in ${ms.toFixed(0)} ms)`;
}

async function timed(label: string, n: number, fn: () => Promise<void>): Promise<void> {
  const t0 = performance.now();
  await fn();
  console.log(`  ${label.padEnd(28)} ${rate(n, performance.now() - t0)}`);
}

/** Runs `fn(i)` for i in [0, n) with at most `parallel` calls in flight. */
async function pool(n: number, parallel: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) await fn(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, n) }, worker));
}

async function run(name: string, b: Backend, n: number, parallel: number[]): Promise<void> {
  console.log(`\n${name} (value ${value.length} bytes)`);
  const revs: number[] = Array.from({ length: n }, () => 0);
  await timed('create (sequential)', n, async () => {
    for (let i = 0; i < n; i++) revs[i] = (await b.create(`/bench/a/${i}`, value)).modRevision;
  });
  await timed('update (sequential)', n, async () => {
    for (let i = 0; i < n; i++) revs[i] = (await b.update(`/bench/a/${i}`, value, revs[i])).modRevision;
  });
  await timed('get (sequential)', n, async () => {
    for (let i = 0; i < n; i++) await b.get(`/bench/a/${i % n}`);
  });
  for (const p of parallel) {
    await timed(`create (${p} in flight)`, n, () => pool(n, p, (i) => b.create(`/bench/p${p}/${i}`, value)));
  }
  const lists = Math.max(1, Math.floor(20000 / n));
  await timed(`list ${n} keys, pages of 500`, lists * n, async () => {
    for (let l = 0; l < lists; l++) {
      let startKey: string | undefined;
      for (;;) {
        const page = await b.list('/bench/a/', { limit: 500, startKey });
        if (!page.more) break;
        startKey = page.kvs[page.kvs.length - 1].key + '\u0000';
      }
    }
  });
  await timed('compact to now', n, () => b.currentRevision().then((r) => b.compact(r)));
}

console.log(`storage backend benchmark\n${machine()}`);
const n = Number(args.n);

if (only.has('sqlite')) {
  const dir = mkdtempSync(join(tmpdir(), 'skiff-bench-'));
  const b = new SqliteBackend({ file: join(dir, 'db', 'state.db') });
  try {
    await run('sqlite (WAL, synchronous=NORMAL)', b, n, [64]);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (only.has('memory')) {
  const b = new MemoryBackend();
  await run('memory', b, n, [64]);
  await b.close();
}

if (only.has('etcd')) {
  const endpoint = process.env.ETCD_ENDPOINT;
  if (!endpoint && !existsSync(etcdBinary())) {
    console.log(`\netcd: skipped (${etcdBinary()} not found; set ETCD_BIN or ETCD_ENDPOINT)`);
  } else {
    const server = endpoint ? undefined : await startTestEtcd();
    const b = new EtcdBackend({ endpoints: [endpoint ?? (server?.endpoint as string)] });
    try {
      await run(`etcd (${endpoint ? endpoint : `throwaway ${server?.version ?? ''} on tmp disk`})`, b, Number(args['etcd-n']), [16, 64]);
    } finally {
      await b.close();
      await server?.stop();
    }
  }
}
