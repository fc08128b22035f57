// HTTP handling of the OpenAPI routes: content negotiation, ETag / If-None-Match, v3 hash redirects and caching headers.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from '../../api/errors.ts';
import { sendError } from '../http.ts';
import type { ExtraRoute } from '../router.ts';
import { openapiV2, openapiV3Document, openapiV3Index, type CustomKind, type ServedDocument } from './documents.ts';
import type { ResourceLike } from './paths.ts';

/** What the documents are built from, read on every request (cheap: the documents are cached by fingerprint). */
export type OpenAPIInputs = () => { resources: readonly ResourceLike[]; custom: readonly CustomKind[] };

/** Whether the Accept header admits JSON (absent, `*\/*`, `application/*` or `application/json`, not refused with q=0). */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    const t = type.toLowerCase();
    if (t === '*/*' || t === 'application/*' || t === 'application/json') return true;
  }
  return false;
}

function notAcceptable(): StatusError {
  return new StatusError(406, 'NotAcceptable', 'only the following media types are accepted: application/json');
}

function send(req: IncomingMessage, res: ServerResponse, doc: ServedDocument, extra: Record<string, string> = {}): void {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ETag: doc.etag, Vary: 'Accept', ...extra };
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === doc.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['Content-Length'] = String(doc.body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : doc.body);
}

function handle(req: IncomingMessage, res: ServerResponse, url: URL, inputs: OpenAPIInputs): void {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    }
    const { resources, custom } = inputs();
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/openapi/v2') {
      if (!acceptsJson(req.headers.accept)) throw notAcceptable();
      return send(req, res, openapiV2(resources, custom));
    }
    if (path === '/openapi/v3') return send(req, res, openapiV3Index(resources, custom));
    const gv = path.slice('/openapi/v3/'.length);
    const doc = path.startsWith('/openapi/v3/') ? openapiV3Document(gv, resources, custom) : undefined;
    if (!doc) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    if (!acceptsJson(req.headers.accept)) throw notAcceptable();
    const hash = url.searchParams.get('hash');
    if (hash && hash !== doc.hash) {
      res.writeHead(301, { Location: `/openapi/v3/${gv}?hash=${doc.hash}`, 'Content-Length': '0' });
      res.end();
      return;
    }
    const cache: Record<string, string> = hash
      ? { 'Cache-Control': 'public, immutable', Expires: new Date(Date.now() + 365 * 86400_000).toUTCString() }
      : {};
    send(req, res, doc, cache);
  } catch (err) {
    sendError(res, err);
  }
}

/**
 * The routes to serve: `/openapi/v2`, `/openapi/v3` and `/openapi/v3/<group-version>`. Give them to
 * ApiServerOptions.extraRoutes, e.g. `extraRoutes: (api) => openapiRoutes(() => ({ resources: api.registry.all(), custom: customSchemas() }))`.
 */
export function openapiRoutes(inputs: OpenAPIInputs): ExtraRoute[] {
  const h = (req: IncomingMessage, res: ServerResponse, url: URL) => handle(req, res, url, inputs);
  return [
    { path: '/openapi/v2', handle: h },
    { path: '/openapi/v3', handle: h },
    { path: '/openapi/v3/', handle: h },
  ];
}
