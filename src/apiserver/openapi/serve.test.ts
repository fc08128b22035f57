// Tests for the OpenAPI HTTP routes: negotiation (406 for protobuf-only v2), ETag/304, v3 hash redirect and caching headers.

import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { builtinResources } from '../registry/catalog.ts';
import { acceptsJson, openapiRoutes } from './index.ts';

let server: Server;
let base: string;

before(async () => {
  const routes = openapiRoutes(() => ({ resources: builtinResources, custom: [] }));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const r = routes.find((x) => url.pathname === x.path || (x.path.endsWith('/') && url.pathname.startsWith(x.path)));
    if (r) void r.handle(req, res, url);
    else { res.writeHead(404); res.end(); }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject).end();
  });
}

test('/openapi/v2 serves JSON, and 406 to a protobuf-only Accept (what kubectl 1.32 sends)', async () => {
  const json = await get('/openapi/v2', { Accept: 'application/json' });
  assert.equal(json.status, 200);
  assert.equal(json.headers['content-type'], 'application/json');
  assert.equal((JSON.parse(json.body) as { swagger: string }).swagger, '2.0');
  const pb = await get('/openapi/v2', { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
  assert.equal(pb.status, 406);
  assert.equal((JSON.parse(pb.body) as { reason: string }).reason, 'NotAcceptable');
  const etag = json.headers.etag as string;
  assert.equal((await get('/openapi/v2', { 'If-None-Match': etag })).status, 304);
});

test('/openapi/v3 index and documents: hash URLs, stale hashes redirect, current ones are immutable', async () => {
  const idx = await get('/openapi/v3');
  assert.equal(idx.status, 200);
  const url = (JSON.parse(idx.body) as { paths: Record<string, { serverRelativeURL: string }> }).paths['apis/apps/v1'].serverRelativeURL;
  const doc = await get(url, { Accept: 'application/json' });
  assert.equal(doc.status, 200);
  assert.equal(doc.headers['cache-control'], 'public, immutable');
  assert.equal(doc.headers.etag, `"${url.split('hash=')[1]}"`);
  assert.equal((JSON.parse(doc.body) as { openapi: string }).openapi, '3.0.0');
  const stale = await get('/openapi/v3/apis/apps/v1?hash=ABC');
  assert.equal(stale.status, 301);
  assert.equal(stale.headers.location, url);
  const plain = await get('/openapi/v3/apis/apps/v1');
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['cache-control'], undefined);
  assert.equal((await get('/openapi/v3/apis/nope/v1')).status, 404);
});

test('acceptsJson follows media ranges and q=0', () => {
  assert.ok(acceptsJson(undefined));
  assert.ok(acceptsJson('application/json, */*'));
  assert.ok(acceptsJson('application/*'));
  assert.ok(!acceptsJson('application/com.github.proto-openapi.spec.v2@v1.0+protobuf'));
  assert.ok(!acceptsJson('application/json;q=0'));
});
