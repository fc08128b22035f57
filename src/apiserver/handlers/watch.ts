// Watch: a chunked stream of JSON events from the watch cache, filtered by namespace, name and selectors.

import { StatusError, badRequest } from '../../api/errors.ts';
import type { KObject } from '../../api/object.ts';
import { negotiate } from '../http.ts';
import { toTable } from '../table.ts';
import { checkFieldSelector, matches } from '../store/list.ts';
import { cacheId, namespacePrefix, objectKey, resourcePrefix } from '../store/keys.ts';
import { TooOldError, type CacheEvent, type CacheWatch, type EventType } from '../watch-cache/resource-cache.ts';
import { CachedObject } from '../watch-cache/cached-object.ts';
import { includeObject } from './respond.ts';
import { readView, storedAs } from '../registry/resource-def.ts';
import { listQuery } from './list.ts';
import type { Scope } from './scope.ts';

/** Kubernetes closes watches after a random time between the minimum request timeout and twice it. */
const minRequestTimeoutSeconds = 1800;
/** Bookmarks let clients resume from a recent revision after a quiet period. */
const bookmarkIntervalMs = 60_000;
/** A watcher this far behind is cut off rather than buffered without bound. */
const maxBufferedBytes = 32 * 1024 * 1024;

export async function handleWatch(s: Scope): Promise<void> {
  const { def, info, parts, res } = s;
  const q = listQuery(s);
  checkFieldSelector(def, q.fields);
  const rvText = q.resourceVersion;
  if (rvText !== '' && !/^\d+$/.test(rvText)) throw badRequest(`invalid resource version "${rvText}"`);
  const timeoutText = s.query.get('timeoutSeconds');
  const timeoutSeconds = timeoutText ? Number(timeoutText) : minRequestTimeoutSeconds * (1 + Math.random());
  const bookmarks = s.query.get('allowWatchBookmarks') === 'true';
  const sendInitialText = s.query.get('sendInitialEvents');
  const sendInitial = sendInitialText === null ? (rvText === '' || rvText === '0') : sendInitialText === 'true';
  const neg = negotiate(s.req);
  const include = includeObject(s);

  const st = storedAs(def);
  const prefix = info.name
    ? objectKey(st.group, st.resource, def.namespaced ? info.namespace : undefined, info.name)
    : q.namespace ? namespacePrefix(st.group, st.resource, q.namespace) : resourcePrefix(st.group, st.resource);
  const exactKey = !!info.name;
  const inScope = (o: CachedObject) => (exactKey ? o.key === prefix : o.key.startsWith(prefix)) && matches(def, q, o.obj);

  if (rvText === '') await parts.hub.waitFresh();
  else if (rvText !== '0') {
    const want = Number(rvText);
    if (want > parts.hub.revision) {
      const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), 3000).unref());
      if (await Promise.race([parts.hub.waitFor(want).then(() => 'ok' as const), timer]) === 'late') {
        throw new StatusError(504, 'Timeout', `Timeout: Too large resource version: ${want}, current: ${parts.hub.revision}`, { retryAfterSeconds: 1 });
      }
    }
  }

  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  let firstTable = true;
  const rd = readView(def);
  const encode = (type: EventType, stored: CachedObject, ev?: CacheEvent): string => {
    const o = rd ? new CachedObject(stored.key, stored.rv, rd(stored.obj)) : stored;
    if (rd) ev = undefined;
    if (neg.table) {
      const t = toTable(def.printer, [o.obj], { include, noHeaders: !firstTable });
      firstTable = false;
      return `{"type":"${type}","object":${JSON.stringify(t)}}\n`;
    }
    if (neg.partial) {
      return `{"type":"${type}","object":${JSON.stringify({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.obj.metadata })}}\n`;
    }
    return ev && ev.type === type ? ev.line : `{"type":"${type}","object":${o.json}}\n`;
  };
  let closed = false;
  let lastRv = 0;
  const write = (line: string) => {
    if (closed) return;
    res.write(line);
    if (res.writableLength > maxBufferedBytes) finish();
  };
  const onEvent = (ev: CacheEvent) => {
    lastRv = ev.rv;
    const now = inScope(ev.obj);
    const before = ev.prev ? inScope(ev.prev) : false;
    let type: EventType | undefined;
    if (ev.type === 'DELETED') type = before || now ? 'DELETED' : undefined;
    else if (ev.type === 'ADDED') type = now ? 'ADDED' : undefined;
    else type = now ? (before ? 'MODIFIED' : 'ADDED') : before ? 'DELETED' : undefined;
    if (type) write(encode(type, ev.obj, ev));
  };
  const bookmark = (annotations?: Record<string, string>) => {
    const rv = Math.max(lastRv, parts.hub.revision);
    const meta: KObject['metadata'] = { resourceVersion: String(rv) };
    if (annotations) meta.annotations = annotations;
    write(`{"type":"BOOKMARK","object":${JSON.stringify({ kind: def.kind, apiVersion: def.apiVersion, metadata: meta })}}\n`);
  };

  const cache = parts.hub.cache(cacheId(st.group, st.resource));
  let watch: CacheWatch | undefined;
  try {
    if (sendInitial) {
      const startRv = rvText === '' || rvText === '0' ? parts.hub.revision : Number(rvText);
      for (const o of cache.sorted()) if (inScope(o)) write(encode('ADDED', o));
      lastRv = startRv;
      watch = cache.watch(startRv, onEvent, () => finish());
      if (sendInitialText === 'true' && bookmarks) bookmark({ 'k8s.io/initial-events-end': 'true' });
    } else {
      lastRv = Number(rvText);
      watch = cache.watch(Number(rvText), onEvent, () => finish());
    }
  } catch (e) {
    if (!(e instanceof TooOldError)) throw e;
    const st = new StatusError(410, 'Expired', `too old resource version: ${rvText} (${cache.oldestResumable})`);
    res.end(`{"type":"ERROR","object":${JSON.stringify(st.toStatus())}}\n`);
    return;
  }
  const bookmarkTimer = bookmarks ? setInterval(() => bookmark(), bookmarkIntervalMs) : undefined;
  bookmarkTimer?.unref();
  const timeout = setTimeout(() => finish(), Math.max(0, timeoutSeconds) * 1000);
  timeout.unref();
  function finish(): void {
    if (closed) return;
    closed = true;
    watch?.stop();
    clearTimeout(timeout);
    if (bookmarkTimer) clearInterval(bookmarkTimer);
    res.end();
  }
  res.on('close', finish);
  s.req.on('close', finish);
  await new Promise<void>((resolve) => res.on('close', () => resolve()));
}
