// Routes an authenticated request: health and version, discovery, OpenAPI, then resource verbs to handlers.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from '../api/errors.ts';
import type { UserInfo } from './authn/user.ts';
import { aggregatedDiscovery, aggregatedMediaType, apiGroup, coreVersions, groupList, resourceList, versionInfo, wantsAggregated } from './discovery.ts';
import { sendError, sendJson } from './http.ts';
import { parseRequestInfo } from './request-info.ts';
import { handleCreate } from './handlers/create.ts';
import { handleDelete, handleDeleteCollection } from './handlers/delete.ts';
import { handleGet } from './handlers/get.ts';
import { handleList } from './handlers/list.ts';
import { handlePatch } from './handlers/patch.ts';
import { handlePodSubresource } from './handlers/pod-subresources.ts';
import { handleReview } from './handlers/reviews.ts';
import { handleScale } from './handlers/scale.ts';
import type { Scope, ServerParts } from './handlers/scope.ts';
import { handleUpdate } from './handlers/update.ts';
import { handleWatch } from './handlers/watch.ts';
import { handleGet as getObject } from './handlers/get.ts';

export interface ExtraRoute {
  /** Exact path or prefix ending in "/". */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

export interface RouterOptions {
  parts: ServerParts;
  serverAddress: string;
  extraRoutes: ExtraRoute[];
}

function sendAggregated(res: ServerResponse, doc: Record<string, unknown>): void {
  const body = JSON.stringify(doc);
  res.writeHead(200, { 'Content-Type': aggregatedMediaType, 'Content-Length': Buffer.byteLength(body), Vary: 'Accept' });
  res.end(body);
}

const notFoundStatus = () => new StatusError(404, 'NotFound', 'the server could not find the requested resource');
const methodNotAllowed = () => new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

const healthPaths = new Set(['/healthz', '/livez', '/readyz']);

export function isPublicPath(path: string): boolean {
  return healthPaths.has(path) || path.startsWith('/healthz/') || path.startsWith('/livez/') || path.startsWith('/readyz/') || path === '/version' || path === '/version/';
}

export async function route(o: RouterOptions, req: IncomingMessage, res: ServerResponse, user: UserInfo): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://skiff');
  const path = url.pathname;
  try {
    if (isPublicPath(path)) {
      if (path.startsWith('/version')) return sendJson(res, 200, versionInfo);
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end(url.searchParams.has('verbose') ? `[+]ping ok\n[+]etcd ok\n${path.slice(1)} check passed\n` : 'ok');
      return;
    }
    for (const r of o.extraRoutes) {
      if (path === r.path || (r.path.endsWith('/') && path.startsWith(r.path))) return await r.handle(req, res, url);
    }
    const info = parseRequestInfo(req.method ?? 'GET', path, url.searchParams);
    const { registry } = o.parts;
    if (!info.isResource) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed();
      const aggregated = wantsAggregated(req.headers.accept);
      if (path === '/api' || path === '/api/') {
        return aggregated ? sendAggregated(res, aggregatedDiscovery(registry, true)) : sendJson(res, 200, coreVersions(o.serverAddress));
      }
      if (path === '/apis' || path === '/apis/') {
        return aggregated ? sendAggregated(res, aggregatedDiscovery(registry, false)) : sendJson(res, 200, groupList(registry));
      }
      if (info.apiPrefix === 'api' && info.version === 'v1') {
        return sendJson(res, 200, resourceList(registry.all().filter((d) => d.group === ''), 'v1'));
      }
      if (info.apiPrefix === 'apis') {
        const segs = path.split('/').filter(Boolean);
        const versions = registry.groups().get(segs[1] ?? '');
        if (!versions || segs[1] === '') throw notFoundStatus();
        if (segs.length === 2) return sendJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(segs[1], versions) });
        if (segs.length === 3 && versions.includes(segs[2])) {
          return sendJson(res, 200, resourceList(registry.all().filter((d) => d.group === segs[1] && d.version === segs[2]), `${segs[1]}/${segs[2]}`));
        }
      }
      if (path === '/') return sendJson(res, 200, { paths: ['/api', '/api/v1', '/apis', '/healthz', '/livez', '/openapi/v2', '/openapi/v3', '/readyz', '/version'] });
      throw notFoundStatus();
    }
    const def = registry.get(info.group, info.version, info.resource);
    if (!def) throw notFoundStatus();
    const s: Scope = { req, res, info, query: url.searchParams, def, user, parts: o.parts };
    await dispatch(s);
  } catch (err) {
    sendError(res, err);
  }
}

async function dispatch(s: Scope): Promise<void> {
  const { info, def } = s;
  const verbs = def.verbs;
  if (info.verb === 'create' && info.name && !info.subresource) throw methodNotAllowed();
  if (def.group === 'authorization.k8s.io' || def.group === 'authentication.k8s.io') {
    if (info.verb !== 'create') throw methodNotAllowed();
    return handleReview(s);
  }
  if (!def.namespaced && info.namespace) throw notFoundStatus();
  if (info.subresource) {
    if (!def.subresources?.includes(info.subresource.split('/')[0])) throw notFoundStatus();
    switch (info.subresource) {
      case 'approval': // certificatesigningrequests: the approval conditions live in status
      case 'status':
        if (info.verb === 'get') return getObject(s);
        if (info.verb === 'update') return handleUpdate(s);
        if (info.verb === 'patch') return handlePatch(s);
        throw methodNotAllowed();
      case 'scale':
        if (['get', 'update', 'patch'].includes(info.verb)) return handleScale(s);
        throw methodNotAllowed();
      case 'finalize':
        if (info.verb === 'update') return handleUpdate({ ...s, info: { ...info, subresource: '' } });
        throw methodNotAllowed();
    }
    if (def.resource === 'pods') return handlePodSubresource(s);
    throw methodNotAllowed();
  }
  if (verbs && !verbs.includes(info.verb)) throw methodNotAllowed();
  if (def.namespaced && !info.namespace && info.verb !== 'list' && info.verb !== 'watch' && info.verb !== 'deletecollection') {
    throw notFoundStatus();
  }
  switch (info.verb) {
    case 'get': return handleGet(s);
    case 'list': return handleList(s);
    case 'watch': return handleWatch(s);
    case 'create': return handleCreate(s);
    case 'update': return handleUpdate(s);
    case 'patch': return handlePatch(s);
    case 'delete': return handleDelete(s);
    case 'deletecollection':
      if (def.namespaced && !info.namespace) throw notFoundStatus();
      return handleDeleteCollection(s);
  }
  throw methodNotAllowed();
}
