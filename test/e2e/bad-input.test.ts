// Bad input gets the right Kubernetes Status, and the server keeps serving.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type ServerHandle } from './harness.ts';
import { rawClient, type RawClient } from './raw-client.ts';

interface Status { kind: string; status: string; reason: string; code: number; message: string; details?: { causes?: { field?: string; reason?: string }[] } }

describe('bad input', () => {
  let s: ServerHandle;
  let api: RawClient;
  before(async () => {
    s = await startServer();
    api = await rawClient(s.kubeconfig);
  });
  after(async () => { await s?.stop(); });

  const cm = (name: string, extra = '') => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"}${extra}}`;

  it('401 without credentials', async () => {
    const r = await api.send('GET', '/api/v1/namespaces', { anonymous: true });
    assert.equal(r.status, 401);
    assert.equal(r.json<Status>().reason, 'Unauthorized');
    const t = await api.send('GET', '/api/v1/namespaces', { anonymous: true, token: 'not-a-token' });
    assert.equal(t.status, 401);
  });

  it('400 for malformed JSON and YAML', async () => {
    const j = await api.send('POST', '/api/v1/namespaces/default/configmaps', { body: '{"apiVersion": "v1", kind' });
    assert.equal(j.status, 400);
    assert.equal(j.json<Status>().reason, 'BadRequest');
    const y = await api.send('POST', '/api/v1/namespaces/default/configmaps', { body: 'a: b: c:\n  - [', contentType: 'application/yaml' });
    assert.equal(y.status, 400);
  });

  it('400 for a kind that does not match the URL', async () => {
    const r = await api.send('POST', '/api/v1/namespaces/default/configmaps', { body: '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"}}' });
    assert.equal(r.status, 400);
    assert.match(r.json<Status>().message, /kind/);
  });

  it('422 with a cause for an invalid name', async () => {
    const r = await api.send('POST', '/api/v1/namespaces/default/configmaps', { body: cm('Bad_Name') });
    assert.equal(r.status, 422);
    const st = r.json<Status>();
    assert.equal(st.reason, 'Invalid');
    assert.equal(st.details?.causes?.[0].field, 'metadata.name');
    assert.match(st.message, /^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  it('unknown fields: Strict rejects, Warn warns, Ignore drops', async () => {
    const body = cm('fields', ',"bogus":1');
    const strict = await api.send('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', { body });
    assert.equal(strict.status, 400);
    assert.match(strict.json<Status>().message, /strict decoding error: unknown field "bogus"/);
    const warn = await api.send('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Warn', { body });
    assert.equal(warn.status, 201);
    assert.match(String(warn.headers.warning), /unknown field \\?"bogus\\?"/);
    assert.equal(warn.json().bogus, undefined);
  });

  it('413 for bodies over 3 MiB', async () => {
    const big = cm('big', `,"data":{"x":"${'a'.repeat(3 * 1024 * 1024 + 10)}"}`);
    const r = await api.send('POST', '/api/v1/namespaces/default/configmaps', { body: big });
    assert.equal(r.status, 413);
    assert.equal(r.json<Status>().reason, 'RequestEntityTooLarge');
  });

  it('415 for an unsupported media type and 404/405 where due', async () => {
    const r = await api.send('POST', '/api/v1/namespaces/default/configmaps', { body: cm('m'), contentType: 'text/plain' });
    assert.equal(r.status, 415);
    const p = await api.send('PATCH', '/api/v1/namespaces/default/configmaps/none', { body: '{}', contentType: 'text/plain' });
    assert.equal(p.status, 415);
    assert.equal((await api.send('GET', '/api/v1/namespaces/default/nothings')).status, 404);
    assert.equal((await api.send('GET', '/api/v1/namespaces/default/configmaps/none')).json<Status>().reason, 'NotFound');
    assert.equal((await api.send('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews/x')).status, 405);
  });

  it('409 AlreadyExists and Conflict', async () => {
    assert.equal((await api.send('POST', '/api/v1/namespaces/default/configmaps', { body: cm('dup') })).status, 201);
    const again = await api.send('POST', '/api/v1/namespaces/default/configmaps', { body: cm('dup') });
    assert.equal(again.status, 409);
    assert.equal(again.json<Status>().reason, 'AlreadyExists');
    const stale = await api.send('PUT', '/api/v1/namespaces/default/configmaps/dup', { body: `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup","resourceVersion":"1"}}` });
    assert.equal(stale.status, 409);
    assert.equal(stale.json<Status>().reason, 'Conflict');
  });

  it('keeps serving after all of that', async () => {
    assert.match(await s.k(['get', 'configmaps', '-o', 'name']), /configmap\/dup/);
  });
});
