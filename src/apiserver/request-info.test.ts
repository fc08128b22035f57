import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRequestInfo } from './request-info.ts';

const q = (s = '') => new URLSearchParams(s);

describe('request info', () => {
  it('parses namespaced core resources', () => {
    const i = parseRequestInfo('GET', '/api/v1/namespaces/default/pods/web-1/status', q());
    assert.deepEqual([i.isResource, i.verb, i.group, i.version, i.namespace, i.resource, i.name, i.subresource],
      [true, 'get', '', 'v1', 'default', 'pods', 'web-1', 'status']);
  });
  it('recognises list, watch and deletecollection', () => {
    assert.equal(parseRequestInfo('GET', '/apis/apps/v1/deployments', q()).verb, 'list');
    assert.equal(parseRequestInfo('GET', '/apis/apps/v1/namespaces/a/deployments', q('watch=true')).verb, 'watch');
    assert.equal(parseRequestInfo('GET', '/api/v1/watch/namespaces/a/pods', q()).verb, 'watch');
    assert.equal(parseRequestInfo('DELETE', '/api/v1/namespaces/a/pods', q()).verb, 'deletecollection');
  });
  it('treats /namespaces/{name} as the namespace object', () => {
    const i = parseRequestInfo('GET', '/api/v1/namespaces/kube-system', q());
    assert.deepEqual([i.resource, i.name, i.namespace], ['namespaces', 'kube-system', '']);
    const f = parseRequestInfo('PUT', '/api/v1/namespaces/x/finalize', q());
    assert.deepEqual([f.resource, f.name, f.subresource], ['namespaces', 'x', 'finalize']);
  });
  it('marks discovery paths as non-resource', () => {
    for (const p of ['/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1']) assert.equal(parseRequestInfo('GET', p, q()).isResource, false, p);
  });
});
