// Runs wrk (Debian's `wrk`) against the API server with a bearer token and reads its figures.

import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface WrkResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  raw: string;
}

function toMs(v: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(v.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

export async function runWrk(o: { url: string; token: string; script: string; seconds: number; connections: number; threads?: number; env?: Record<string, string> }): Promise<WrkResult> {
  const args = ['-t', String(o.threads ?? 1), '-c', String(o.connections), '-d', `${o.seconds}s`, '--latency',
    '-H', `Authorization: Bearer ${o.token}`, '-s', join(import.meta.dirname, '..', 'wrk', o.script), o.url];
  const raw = await new Promise<string>((resolve, reject) => {
    const p = spawn('wrk', args, { env: { ...process.env, ...o.env } });
    let out = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    p.on('error', reject);
    p.on('close', () => resolve(out));
  });
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(raw);
  if (!rps) throw new Error(`wrk gave no figures:\n${raw}`);
  return {
    requestsPerSec: Number(rps[1]),
    p50Ms: toMs(/\s50%\s+(\S+)/.exec(raw)?.[1] ?? ''),
    p99Ms: toMs(/\s99%\s+(\S+)/.exec(raw)?.[1] ?? ''),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(raw)?.[1] ?? 0),
    raw,
  };
}
