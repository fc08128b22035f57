// bench/api: API server throughput and latency over HTTPS, watch fan-out, idle RSS, and the raw datastore in the same run.
// Run: node bench/api.ts [--quick]

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../test/e2e/harness.ts';
import { openBackend } from '../src/storage/index.ts';
import { benchClient } from './lib/client.ts';
import { machineLine, rssOf } from './lib/machine.ts';
import { closedLoop, fmt, openLoop, summarize } from './lib/stats.ts';

const quick = process.argv.includes('--quick');
const N = quick ? 1000 : 5000;
const GETS = quick ? 5000 : 20000;
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
  const s = await startServer();
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const idle = await rssOf(s.proc.pid!);
    out.push(`idle server RSS:                 ${fmt(idle / 2 ** 20)} MB`);
    const c = benchClient(s.kubeconfig);
    const ns = 'bench';
    await c.req('POST', '/api/v1/namespaces', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }));
    const base = `/api/v1/namespaces/${ns}/configmaps`;

    const create = await closedLoop(N, 32, async (i) => {
      const r = await c.req('POST', base, cmBody(ns, `cm-${i}`));
      if (r.status !== 201) throw new Error(`create: ${r.status} ${r.body}`);
    });
    const cs = summarize(create.lat);
    out.push(`API create, 32 in flight:        ${fmt(N / (create.ms / 1000), 0)} /s  (p50 ${fmt(cs.p50)} ms, p99 ${fmt(cs.p99)} ms)`);

    const get = await closedLoop(GETS, 32, async (i) => {
      const r = await c.req('GET', `${base}/cm-${i % N}`);
      if (r.status !== 200) throw new Error(`get: ${r.status}`);
    });
    const gs = summarize(get.lat);
    out.push(`API get, 32 in flight:           ${fmt(GETS / (get.ms / 1000), 0)} /s  (p50 ${fmt(gs.p50)} ms, p99 ${fmt(gs.p99)} ms)`);

    const update = await closedLoop(N, 32, async (i) => {
      const r = await c.req('PUT', `${base}/cm-${i}`, cmBody(ns, `cm-${i}`, 'y'));
      if (r.status !== 200) throw new Error(`update: ${r.status} ${r.body}`);
    });
    const us = summarize(update.lat);
    out.push(`API update, 32 in flight:        ${fmt(N / (update.ms / 1000), 0)} /s  (p50 ${fmt(us.p50)} ms, p99 ${fmt(us.p99)} ms)`);

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
  }
  for (const l of [...rawLines, ...out]) console.log(l);
  const apiCreate = out.find((l) => l.startsWith('API create, 32'));
  const rawConc = rawLines[1];
  const a = Number(/([\d,]+) \/s/.exec(apiCreate ?? '')?.[1].replace(/,/g, ''));
  const r = Number(/([\d,]+) \/s/.exec(rawConc)?.[1].replace(/,/g, ''));
  if (a && r) console.log(`API create / raw create:         ${fmt((100 * a) / r, 0)} %`);
}

await main();
