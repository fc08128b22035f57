// bench/api: API server throughput and latency over HTTPS, watch fan-out, idle RSS, and the raw datastore in the same run.
// Run: node bench/api.ts [--quick]   (needs Debian's wrk: scripts/setup.sh bench)

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../test/e2e/harness.ts';
import { openBackend } from '../src/storage/index.ts';
import { benchClient } from './lib/client.ts';
import { machineLine, rssOf } from './lib/machine.ts';
import { closedLoop, fmt, openLoop, summarize } from './lib/stats.ts';
import { runWrk } from './lib/wrk.ts';

const quick = process.argv.includes('--quick');
const N = quick ? 1000 : 5000;
const WATCHERS = quick ? 100 : 1000;
const WATCH_EVENTS = quick ? 50 : 200;

const cmBody = (ns: string, name: string, v = 'x') =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels: { app: 'bench' } }, data: { value: v } });

async function rawBackend(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'skiff-bench-raw-'));
  const be = await openBackend({ dataDir: dir });
  const value = Buffer.from(cmBody('bench', 'raw'));
  const seq = await closedLoop(N, 1, async (i) => { await be.create(`/registry/core/configmaps/bench/raw-${i}`, value); });
  const conc = await closedLoop(N, 32, async (i) => { await be.create(`/registry/core/configmaps/bench/rawc-${i}`, value); });
  await be.close();
  await rm(dir, { recursive: true, force: true });
  return [
    `raw ${be.name} create, 1 in flight:   ${fmt(N / (seq.ms / 1000), 0)} /s`,
    `raw ${be.name} create, 32 in flight:  ${fmt(N / (conc.ms / 1000), 0)} /s`,
  ];
}

async function main(): Promise<void> {
  console.log(`bench/api ${quick ? '(quick)' : ''}`);
  console.log(machineLine());
  const out: string[] = [];
  const rawLines = await rawBackend();
  const tokenDir = await mkdtemp(join(tmpdir(), 'skiff-bench-token-'));
  await writeFile(join(tokenDir, 'tokens.csv'), 'bench-token,bench,1000,"system:masters"\n');
  const s = await startServer({ extraArgs: ['--token-auth-file', join(tokenDir, 'tokens.csv')] });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const idle = await rssOf(s.proc.pid!);
    out.push(`idle server RSS:                 ${fmt(idle / 2 ** 20)} MB`);
    const c = benchClient(s.kubeconfig);
    const ns = 'bench';
    await c.req('POST', '/api/v1/namespaces', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }));
    const base = `/api/v1/namespaces/${ns}/configmaps`;

    // Throughput with wrk (a C load generator), so the client does not starve the server of CPU.
    const token = 'bench-token';
    // wrk's creates go to their own namespace, so the list below measures exactly N objects.
    await c.req('POST', '/api/v1/namespaces', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench-wrk' } }));
    const url = `https://127.0.0.1:${s.port}/api/v1/namespaces/bench-wrk/configmaps`;
    const secs = quick ? 5 : 15;
    const wc = await runWrk({ url, token, script: 'create.lua', seconds: secs, connections: 32 });
    out.push(`API create (wrk, 32 conns):      ${fmt(wc.requestsPerSec, 0)} /s  (p50 ${fmt(wc.p50Ms)} ms, p99 ${fmt(wc.p99Ms)} ms, errors ${wc.non2xx})`);
    // Objects with known names for gets and updates.
    await closedLoop(N, 32, async (i) => {
      const r = await c.req('POST', base, cmBody(ns, `cm-${i}`));
      if (r.status !== 201) throw new Error(`create: ${r.status} ${r.body}`);
    });
    const env = { BENCH_OBJECTS: String(N), BENCH_PATH: base };
    const wg = await runWrk({ url: `https://127.0.0.1:${s.port}${base}`, token, script: 'get.lua', seconds: secs, connections: 32, env });
    out.push(`API get (wrk, 32 conns):         ${fmt(wg.requestsPerSec, 0)} /s  (p50 ${fmt(wg.p50Ms)} ms, p99 ${fmt(wg.p99Ms)} ms, errors ${wg.non2xx})`);
    const wu = await runWrk({ url: `https://127.0.0.1:${s.port}${base}`, token, script: 'update.lua', seconds: secs, connections: 32, env });
    out.push(`API update (wrk, 32 conns):      ${fmt(wu.requestsPerSec, 0)} /s  (p50 ${fmt(wu.p50Ms)} ms, p99 ${fmt(wu.p99Ms)} ms, errors ${wu.non2xx})`);

    const lists = quick ? 10 : 20;
    const list = await closedLoop(lists, 2, async () => {
      const r = await c.req('GET', base);
      if (r.status !== 200) throw new Error(`list: ${r.status}`);
    });
    out.push(`API list of ${N} objects:       ${fmt(lists / (list.ms / 1000))} lists/s = ${fmt((lists * N) / (list.ms / 1000), 0)} items/s`);

    const fixed = await openLoop(200, quick ? 5 : 15, async (i) => {
      const r = await c.req('POST', base, cmBody(ns, `rate-${i}`));
      if (r.status !== 201) throw new Error(`rate create: ${r.status}`);
    });
    const fs = summarize(fixed);
    out.push(`API create at a fixed 200/s:     p50 ${fmt(fs.p50)} ms, p99 ${fmt(fs.p99)} ms, max ${fmt(fs.max)} ms`);

    // Watch fan-out: many watchers of one namespace, then a burst of writes.
    let delivered = 0;
    let lastAt = 0;
    const closers: (() => void)[] = [];
    for (let i = 0; i < WATCHERS; i++) {
      closers.push(await c.watch(`/api/v1/namespaces/fan/configmaps?watch=true&resourceVersion=0`, (line) => {
        if (line.startsWith('{"type":"ADDED"')) { delivered++; lastAt = performance.now(); }
      }));
    }
    await c.req('POST', '/api/v1/namespaces', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fan' } }));
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    await closedLoop(WATCH_EVENTS, 8, async (i) => { await c.req('POST', '/api/v1/namespaces/fan/configmaps', cmBody('fan', `w-${i}`)); });
    const want = WATCHERS * WATCH_EVENTS;
    const deadline = Date.now() + 60_000;
    while (delivered < want && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    out.push(`watch fan-out, ${WATCHERS} watchers:     ${fmt(delivered / ((lastAt - t0) / 1000), 0)} events/s delivered (${delivered}/${want} events)`);
    for (const close of closers) close();
    const loaded = await rssOf(s.proc.pid!);
    out.push(`server RSS after the run:        ${fmt(loaded / 2 ** 20)} MB`);
    c.close();
  } finally {
    await s.stop();
    await rm(tokenDir, { recursive: true, force: true });
  }
  for (const l of [...rawLines, ...out]) console.log(l);
  const apiCreate = out.find((l) => l.startsWith('API create (wrk'));
  const rawConc = rawLines[1];
  const a = Number(/([\d,]+) \/s/.exec(apiCreate ?? '')?.[1].replace(/,/g, ''));
  const r = Number(/([\d,]+) \/s/.exec(rawConc)?.[1].replace(/,/g, ''));
  if (a && r) console.log(`API create / raw create:         ${fmt((100 * a) / r, 0)} %`);
}

await main();
