// A small API client for the conformance suites: JSON requests, streaming watches and namespaces, with the admin cert.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Agent, request, type RequestOptions } from 'node:https';
import { randomBytes } from 'node:crypto';
import { parse } from 'yaml';

export interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  deletionTimestamp?: string;
  creationTimestamp?: string;
  [k: string]: unknown;
}

/** Any Kubernetes object, loosely typed: read nested fields with at(). */
export interface KObj {
  apiVersion?: string;
  kind?: string;
  metadata: Meta;
  [k: string]: unknown;
}

export interface KList {
  apiVersion?: string;
  kind?: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: KObj[];
}

export interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = KObj>(): T;
}

export interface ReqOptions {
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
  contentType?: string;
  accept?: string;
  headers?: Record<string, string | string[]>;
}

export interface WatchEvent {
  type: string;
  object: KObj;
}

/** A watch kept open: events arrive in the background and are read in order. */
export interface WatchStream {
  /** Every event received so far. */
  readonly events: WatchEvent[];
  /** HTTP status of the watch response. */
  readonly status: number;
  /** Reads events in order until one matches; fails after timeoutMs. */
  waitFor(pred: (e: WatchEvent) => boolean, timeoutMs?: number, what?: string): Promise<WatchEvent>;
  /** The next unread event; fails after timeoutMs. */
  next(timeoutMs?: number): Promise<WatchEvent>;
  /** Waits ms and fails if an unread event matching pred arrived. */
  expectNone(pred: (e: WatchEvent) => boolean, ms?: number, what?: string): Promise<void>;
  /** True once the server ended the stream. */
  readonly ended: boolean;
  close(): void;
}

export interface Api {
  req(method: string, path: string, o?: ReqOptions): Promise<Res>;
  /** Sends a request and asserts a 2xx answer; returns the parsed body. */
  ok<T = KObj>(method: string, path: string, o?: ReqOptions): Promise<T>;
  get<T = KObj>(path: string): Promise<T>;
  create<T = KObj>(path: string, body: unknown): Promise<T>;
  /** Merge patch by default; type may be 'json', 'merge', 'strategic' or 'apply'. */
  patch<T = KObj>(path: string, body: unknown, type?: PatchType, query?: string): Promise<T>;
  put<T = KObj>(path: string, body: unknown): Promise<T>;
  del(path: string, body?: unknown): Promise<Res>;
  watch(path: string): Promise<WatchStream>;
  /** Creates a namespace with a random suffix and returns its name. */
  namespace(prefix: string): Promise<string>;
  close(): void;
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';
const patchTypes: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

export const rand = (n = 5): string => randomBytes(8).toString('hex').replace(/[^a-z0-9]/g, '').slice(0, n);

/** Reads a nested field: at(obj, 'spec.containers.0.image'). */
export function at(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const seg of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (typeof cur === 'object') cur = (cur as Record<string, unknown>)[seg];
    else return undefined;
  }
  return cur;
}

export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const names = (l: KList): string[] => l.items.map((i) => i.metadata.name);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; fails with the last value after timeoutMs. */
export async function eventually<T>(fn: () => Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await sleep(100);
  }
}

export async function connect(kubeconfigPath: string): Promise<Api> {
  const kc = parse(await readFile(kubeconfigPath, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { user: { 'client-certificate-data': string; 'client-key-data': string } }[];
  };
  const b = (s: string) => Buffer.from(s, 'base64').toString('utf8');
  const server = new URL(kc.clusters[0].cluster.server);
  const agent = new Agent({
    keepAlive: true, maxSockets: 32,
    ca: b(kc.clusters[0].cluster['certificate-authority-data']),
    cert: b(kc.users[0].user['client-certificate-data']),
    key: b(kc.users[0].user['client-key-data']),
  });
  const watchAgent = new Agent({
    keepAlive: false,
    ca: b(kc.clusters[0].cluster['certificate-authority-data']),
    cert: b(kc.users[0].user['client-certificate-data']),
    key: b(kc.users[0].user['client-key-data']),
  });
  const options = (method: string, path: string, o: ReqOptions, body: Buffer | undefined, useAgent: Agent): RequestOptions => {
    const headers: Record<string, string | string[] | number> = { Accept: o.accept ?? 'application/json', ...o.headers };
    if (body !== undefined) {
      headers['Content-Type'] = o.contentType ?? 'application/json';
      headers['Content-Length'] = body.length;
    }
    return { host: server.hostname, port: server.port, method, path, headers, agent: useAgent };
  };
  const encode = (b: unknown): Buffer | undefined => {
    if (b === undefined) return undefined;
    if (Buffer.isBuffer(b)) return b;
    return Buffer.from(typeof b === 'string' ? b : JSON.stringify(b));
  };
  const req = (method: string, path: string, o: ReqOptions = {}): Promise<Res> => new Promise((resolve, reject) => {
    const body = encode(o.body);
    const r = request(options(method, path, o, body, agent), (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: <T>() => JSON.parse(text) as T });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
  const ok = async <T>(method: string, path: string, o: ReqOptions = {}): Promise<T> => {
    const r = await req(method, path, o);
    if (r.status < 200 || r.status > 299) assert.fail(`${method} ${path} answered ${r.status}: ${r.body.slice(0, 800)}`);
    return r.json<T>();
  };
  const watch = (path: string): Promise<WatchStream> => new Promise((resolve, reject) => {
    const events: WatchEvent[] = [];
    let cursor = 0;
    let ended = false;
    let wake: (() => void) | undefined;
    const r = request(options('GET', path, {}, undefined, watchAgent), (res) => {
      if (res.statusCode !== 200) {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => reject(new assert.AssertionError({ message: `watch ${path} answered ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 600)}` })));
        return;
      }
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        buf += c;
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i).trim();
          buf = buf.slice(i + 1);
          if (line) events.push(JSON.parse(line) as WatchEvent);
        }
        wake?.();
      });
      const finish = () => {
        if (buf.trim()) {
          try { events.push(JSON.parse(buf) as WatchEvent); } catch { /* partial line at close */ }
        }
        ended = true;
        wake?.();
      };
      res.on('end', finish);
      res.on('error', finish);
      res.on('close', finish);
      const status = res.statusCode ?? 0;
      const waitMore = (deadline: number) => new Promise<void>((res2) => {
        const t = setTimeout(() => { wake = undefined; res2(); }, Math.max(0, deadline - Date.now()));
        wake = () => { clearTimeout(t); wake = undefined; res2(); };
      });
      const stream: WatchStream = {
        events,
        status,
        get ended() { return ended; },
        async next(timeoutMs = 5000) {
          const deadline = Date.now() + timeoutMs;
          while (cursor >= events.length) {
            if (ended || Date.now() >= deadline) assert.fail(`no watch event within ${timeoutMs} ms on ${path} (stream ${ended ? 'ended' : 'open'}); seen: ${summary(events)}`);
            await waitMore(deadline);
          }
          return events[cursor++];
        },
        async waitFor(pred, timeoutMs = 5000, what = 'a matching event') {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            while (cursor < events.length) {
              const e = events[cursor++];
              if (pred(e)) return e;
            }
            if (ended || Date.now() >= deadline) assert.fail(`watch on ${path}: no ${what} within ${timeoutMs} ms (stream ${ended ? 'ended' : 'open'}); seen: ${summary(events)}`);
            await waitMore(deadline);
          }
        },
        async expectNone(pred, ms = 500, what = 'event') {
          await sleep(ms);
          const bad = events.slice(cursor).find(pred);
          assert.equal(bad, undefined, `unexpected ${what} on ${path}: ${bad ? `${bad.type} ${bad.object?.metadata?.name}` : ''}`);
        },
        close() { r.destroy(); },
      };
      resolve(stream);
    });
    r.on('error', (err) => { if (!ended) reject(err); });
    r.end();
  });
  const api: Api = {
    req,
    ok,
    get: (path) => ok('GET', path),
    create: (path, body) => ok('POST', path, { body }),
    put: (path, body) => ok('PUT', path, { body }),
    patch: (path, body, type = 'merge', query = '') => ok('PATCH', path + query, { body: typeof body === 'string' ? body : JSON.stringify(body), contentType: patchTypes[type] }),
    del: (path, body) => req('DELETE', path, body === undefined ? {} : { body }),
    watch,
    async namespace(prefix) {
      const name = `${prefix}-${rand()}`;
      await ok('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
      return name;
    },
    close() { agent.destroy(); watchAgent.destroy(); },
  };
  return api;
}

function summary(events: WatchEvent[]): string {
  return events.slice(-12).map((e) => `${e.type} ${e.object?.metadata?.name ?? ''}@${e.object?.metadata?.resourceVersion ?? ''}`).join(', ') || '(none)';
}

/** Query string from a record, skipping undefined values. */
export function qs(q: Record<string, string | number | boolean | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Asserts that a request failed with the given HTTP status; returns the Status body. */
export async function expectStatus(p: Promise<Res>, code: number, msg?: string): Promise<KObj> {
  const r = await p;
  assert.equal(r.status, code, `${msg ?? 'request'}: expected HTTP ${code}, got ${r.status}: ${r.body.slice(0, 600)}`);
  return r.body ? r.json() : { metadata: { name: '' } };
}
