// Tests for the patch entry point: dispatch by Content-Type, 415 for other media types, body decoding errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import { StatusError } from '../errors.ts';
import {
  applyPatch, customResourcePatchTypes, decodePatchBody, jsonPatchType, mergePatchType, patchMediaType,
  strategicMergePatchType,
} from './index.ts';
import { pod as podType } from './test-helpers.ts';

const pod = (): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { a: '1' } },
  spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] },
});

function statusOf(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof StatusError, `not a StatusError: ${String(e)}`);
    return e.toStatus();
  }
  assert.fail('no error');
}

test('applyPatch: the three patch types reach their engines', () => {
  const byJSON = applyPatch(jsonPatchType, pod(), [{ op: 'replace', path: '/spec/containers/0/image', value: 'a:2' }], podType);
  assert.deepStrictEqual((byJSON.spec as { containers: unknown[] }).containers[0], { name: 'a', image: 'a:2' });

  const byMerge = applyPatch(mergePatchType, pod(), { spec: { containers: [{ name: 'b', image: 'b:2' }] } }, podType);
  assert.deepStrictEqual(byMerge.spec, { containers: [{ name: 'b', image: 'b:2' }] });

  const bySMP = applyPatch(strategicMergePatchType, pod(), { spec: { containers: [{ name: 'b', image: 'b:2' }] } }, podType);
  assert.deepStrictEqual(bySMP.spec, { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:2' }] });
});

test('applyPatch: Content-Type parameters are ignored', () => {
  const got = applyPatch('application/merge-patch+json; charset=utf-8', pod(), { metadata: { labels: null } }, podType);
  assert.deepStrictEqual(got.metadata, { name: 'p' });
  assert.equal(patchMediaType('application/json-patch+json;charset=UTF-8'), jsonPatchType);
});

test('applyPatch: another media type is 415 listing the accepted ones', () => {
  assert.deepStrictEqual(statusOf(() => applyPatch('application/json', pod(), {}, podType)), {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'UnsupportedMediaType', code: 415,
    message: 'the body of the request was in an unknown format - accepted media types include: '
      + 'application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml',
  });
});

test('applyPatch: custom resources refuse strategic merge patch with 415', () => {
  const s = statusOf(() => applyPatch(strategicMergePatchType, pod(), {}, undefined, { accepted: customResourcePatchTypes }));
  assert.equal(s.code, 415);
  assert.equal(s.message, 'the body of the request was in an unknown format - accepted media types include: '
    + 'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
});

test('applyPatch: server-side apply is not handled here', () => {
  const s = statusOf(() => applyPatch('application/apply-patch+yaml', pod(), {}, podType));
  assert.equal(s.code, 500);
  assert.equal(s.message, 'application/apply-patch+yaml: unimplemented patch type');
});

test('applyPatch: bodies of the wrong shape are 400', () => {
  assert.equal(statusOf(() => applyPatch(jsonPatchType, pod(), { op: 'add' }, podType)).code, 400);
  assert.equal(statusOf(() => applyPatch(mergePatchType, pod(), 'x', podType)).message, 'Invalid JSON Patch');
  assert.equal(statusOf(() => applyPatch(strategicMergePatchType, pod(), [], podType)).code, 400);
});

test('applyPatch: a failing JSON patch test is 422 and leaves the object alone', () => {
  const current = pod();
  const s = statusOf(() => applyPatch(jsonPatchType, current,
    [{ op: 'test', path: '/metadata/labels/a', value: '2' }, { op: 'remove', path: '/metadata/labels' }], podType));
  assert.equal(s.code, 422);
  assert.equal(s.reason, 'Invalid');
  assert.deepStrictEqual(current, pod());
});

test('decodePatchBody: JSON errors are 400 with the wording of each patch type', () => {
  assert.deepStrictEqual(decodePatchBody(mergePatchType, '{"a":1}'), { a: 1 });
  assert.equal(statusOf(() => decodePatchBody(mergePatchType, '{')).message, 'Invalid JSON Patch');
  assert.equal(statusOf(() => decodePatchBody(jsonPatchType, '')).message, 'unexpected end of JSON input');
  const s = statusOf(() => decodePatchBody(strategicMergePatchType, '{x'));
  assert.equal(s.code, 400);
  assert.equal(s.reason, 'BadRequest');
});
