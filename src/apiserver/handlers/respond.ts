// Writes objects and lists back in the representation the client asked for: JSON, YAML, Table, or metadata only.

import type { KObject } from '../../api/object.ts';
import { negotiate, sendJson } from '../http.ts';
import { toTable, type IncludeObject } from '../table.ts';
import type { Scope } from './scope.ts';
import { CachedObject } from '../watch-cache/cached-object.ts';
import { readView } from '../registry/resource-def.ts';

export function includeObject(s: Scope): IncludeObject {
  const v = s.query.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

export function respondObject(s: Scope, code: number, stored: KObject): void {
  const view = readView(s.def);
  const obj = view ? view(stored) : stored;
  const n = negotiate(s.req);
  if (n.table) {
    sendJson(s.res, code, toTable(s.def.printer, [obj], { include: includeObject(s), resourceVersion: obj.metadata?.resourceVersion }));
  } else if (n.partial) {
    sendJson(s.res, code, { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata });
  } else {
    sendJson(s.res, code, obj, n.yaml);
  }
}

export function respondCached(s: Scope, obj: CachedObject): void {
  const n = negotiate(s.req);
  if (n.table || n.partial || n.yaml || readView(s.def)) return respondObject(s, 200, obj.obj);
  sendJson(s.res, 200, obj.json);
}

export interface ListMetaOut {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** A list response built from cached JSON texts without re-encoding each item. */
export function respondList(s: Scope, items: readonly CachedObject[], meta: ListMetaOut): void {
  const n = negotiate(s.req);
  const rd = readView(s.def);
  if (rd) items = items.map((i) => new CachedObject(i.key, i.rv, rd(i.obj)));
  const listKind = `${s.def.kind}List`;
  if (n.table) {
    sendJson(s.res, 200, toTable(s.def.printer, items.map((i) => i.obj), {
      include: includeObject(s), resourceVersion: meta.resourceVersion, continue: meta.continue, remainingItemCount: meta.remainingItemCount,
    }));
    return;
  }
  if (n.partial) {
    sendJson(s.res, 200, {
      kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata: meta,
      items: items.map((i) => ({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: i.obj.metadata })),
    });
    return;
  }
  if (n.yaml) {
    sendJson(s.res, 200, { apiVersion: s.def.apiVersion, kind: listKind, metadata: meta, items: items.map((i) => i.obj) }, true);
    return;
  }
  const head = `{"kind":"${listKind}","apiVersion":"${s.def.apiVersion}","metadata":${JSON.stringify(meta)},"items":[`;
  const parts: string[] = [head];
  for (let i = 0; i < items.length; i++) parts.push(i === 0 ? items[i].json : ',' + items[i].json);
  parts.push(']}');
  const body = parts.join('');
  s.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache, private' });
  s.res.end(body);
}
