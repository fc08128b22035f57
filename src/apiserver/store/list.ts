// Listing a resource: from the watch cache, or page by page from the datastore for limit/continue.

import { StatusError, badRequest } from '../../api/errors.ts';
import type { KObject } from '../../api/object.ts';
import type { FieldSelector } from '../../api/selectors/field-selector.ts';
import type { LabelSelector } from '../../api/selectors/label-selector.ts';
import { StorageError } from '../../storage/backend.ts';
import type { CacheHub } from '../watch-cache/hub.ts';
import { CachedObject } from '../watch-cache/cached-object.ts';
import { storedAs, type ResourceDef } from '../registry/resource-def.ts';
import { decodeContinue, encodeContinue } from './continue-token.ts';
import { cacheId, namespacePrefix, resourcePrefix } from './keys.ts';

export interface ListQuery {
  namespace: string;
  labels: LabelSelector;
  fields: FieldSelector;
  limit: number;
  continue: string;
  resourceVersion: string;
  resourceVersionMatch: string;
}

export interface ListOut {
  items: CachedObject[];
  resourceVersion: number;
  continue?: string;
  remainingItemCount?: number;
}

/** The fields a field selector can test: metadata.name, metadata.namespace, plus the kind's own. */
export function selectableFields(def: ResourceDef, obj: KObject): Record<string, string> {
  const base: Record<string, string> = { 'metadata.name': obj.metadata?.name ?? '' };
  if (def.namespaced) base['metadata.namespace'] = obj.metadata?.namespace ?? '';
  return def.strategy.fields ? { ...base, ...def.strategy.fields(obj) } : base;
}

export function checkFieldSelector(def: ResourceDef, fields: FieldSelector): void {
  if (fields.empty) return;
  const sample = selectableFields(def, { metadata: {} });
  for (const r of fields.requirements) {
    if (!(r.field in sample)) {
      throw badRequest(`field label not supported: ${r.field}`);
    }
  }
}

export function matches(def: ResourceDef, q: Pick<ListQuery, 'labels' | 'fields'>, obj: KObject): boolean {
  if (!q.labels.empty && !q.labels.matches(obj.metadata?.labels)) return false;
  if (!q.fields.empty && !q.fields.matches(selectableFields(def, obj))) return false;
  return true;
}

function parseRv(s: string): number {
  if (!/^\d+$/.test(s)) throw badRequest(`invalid resource version "${s}"`);
  return Number(s);
}

export async function listResource(def: ResourceDef, hub: CacheHub, q: ListQuery): Promise<ListOut> {
  checkFieldSelector(def, q.fields);
  const st = storedAs(def);
  const prefix = q.namespace ? namespacePrefix(st.group, st.resource, q.namespace) : resourcePrefix(st.group, st.resource);
  if (q.resourceVersionMatch && !['NotOlderThan', 'Exact'].includes(q.resourceVersionMatch)) {
    throw badRequest(`resourceVersionMatch: Unsupported value: "${q.resourceVersionMatch}": supported values: "Exact", "NotOlderThan"`);
  }
  if (q.continue) {
    const tok = decodeContinue(q.continue);
    return pageFromStore(def, hub, q, prefix, tok.rv, tok.start);
  }
  const exact = q.resourceVersionMatch === 'Exact';
  if ((q.limit > 0 && q.resourceVersion !== '0') || exact) {
    const rev = q.resourceVersion && q.resourceVersion !== '0' ? parseRv(q.resourceVersion) : 0;
    return pageFromStore(def, hub, q, prefix, rev, prefix);
  }
  // Served from the watch cache: RV "0" = any state; "" = consistent (fresh); N = not older than N.
  if (q.resourceVersion === '') await hub.waitFresh();
  else if (q.resourceVersion !== '0') await hub.waitFor(parseRv(q.resourceVersion));
  const cache = hub.cache(cacheId(st.group, st.resource));
  const rv = hub.revision;
  const items: CachedObject[] = [];
  for (const o of cache.sorted()) {
    if (!o.key.startsWith(prefix)) continue;
    if (matches(def, q, o.obj)) items.push(o);
  }
  return { items, resourceVersion: rv };
}

async function pageFromStore(def: ResourceDef, hub: CacheHub, q: ListQuery, prefix: string, rev: number, start: string): Promise<ListOut> {
  const items: CachedObject[] = [];
  const limit = q.limit > 0 ? q.limit : Number.MAX_SAFE_INTEGER;
  let startKey = start;
  let readRev = rev;
  try {
    for (;;) {
      const want = Math.min(Math.max(limit - items.length, 0) + 1, 1000);
      const page = await hub.backend.list(prefix, { revision: readRev || undefined, limit: want, startKey });
      readRev = page.revision;
      for (let i = 0; i < page.kvs.length; i++) {
        const kv = page.kvs[i];
        const o = CachedObject.fromKV(kv);
        if (!matches(def, q, o.obj)) continue;
        if (items.length === limit) {
          const out: ListOut = { items, resourceVersion: readRev, continue: encodeContinue(readRev, kv.key) };
          // Like Kubernetes, tell how many remain when that is known exactly (no selector filters them).
          if (q.labels.empty && q.fields.empty) {
            out.remainingItemCount = (await hub.backend.list(prefix, { revision: readRev, startKey: kv.key })).kvs.length;
          }
          return out;
        }
        items.push(o);
      }
      if (!page.more || page.kvs.length === 0) return { items, resourceVersion: readRev };
      startKey = page.kvs[page.kvs.length - 1].key + '\u0000';
    }
  } catch (e) {
    if (e instanceof StorageError && e.code === 'Compacted') {
      throw new StatusError(410, 'Expired', q.continue
        ? 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.'
        : `The resourceVersion for the provided list is too old.`);
    }
    throw e;
  }
}
