// Tests for strategic merge patch failures: the Status code, reason and message Kubernetes answers with.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import type { TypeInfo } from '../schema/type-info.ts';
import { applyStrategicMergePatch } from './strategic.ts';
import { containers, ctr, deployment, pod, podWith, vol } from './test-helpers.ts';

interface ErrorCase {
  name: string;
  current?: KObject;
  patch: unknown;
  type?: TypeInfo;
  code: number;
  reason: string;
  message: string | RegExp;
}

const errorCases: ErrorCase[] = [
  {
    name: 'a list item without the merge key',
    patch: { spec: { containers: [{ image: 'x' }] } },
    code: 500, reason: '', message: 'map: map[image:x] does not contain declared merge key: name',
  },
  {
    name: 'a live list item without the merge key',
    current: containers({ image: 'old' }),
    patch: { spec: { containers: [{ name: 'a', image: 'x' }] } },
    code: 500, reason: '', message: 'map: map[image:old] does not contain declared merge key: name',
  },
  {
    name: 'a $patch: delete item without the merge key',
    patch: { spec: { containers: [{ $patch: 'delete', image: 'x' }] } },
    code: 500, reason: '', message: 'map: map[$patch:delete image:x] does not contain declared merge key: name',
  },
  {
    name: 'an unknown $patch value on a map',
    current: podWith({}, { name: 'p', labels: { a: 'a' } }),
    patch: { metadata: { labels: { $patch: 'frobnicate', a: 'b' } } },
    code: 500, reason: '', message: 'unknown patch type: frobnicate in map: map[$patch:frobnicate a:b]',
  },
  {
    name: '$patch: merge on a map (only the default, never a directive)',
    current: podWith({}, { name: 'p', labels: { a: 'a' } }),
    patch: { metadata: { labels: { $patch: 'merge' } } },
    code: 500, reason: '', message: 'unknown patch type: merge in map: map[$patch:merge]',
  },
  {
    name: 'an unknown $patch value in a list item',
    patch: { spec: { containers: [{ name: 'a', $patch: 'nope' }] } },
    code: 500, reason: '', message: 'unknown patch type: nope in map: map[$patch:nope name:a]',
  },
  {
    name: '$patch: merge in a list',
    patch: { spec: { containers: [{ name: 'a', $patch: 'merge' }] } },
    code: 500, reason: '', message: 'merging lists cannot yet be specified in the patch',
  },
  {
    name: 'a list of lists in a merging list',
    current: podWith({}, { name: 'p', finalizers: [] }),
    patch: { metadata: { finalizers: [['b']] } },
    code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request',
  },
  {
    name: 'mixed element types in a merging list',
    current: podWith({}, { name: 'p', finalizers: ['a'] }),
    patch: { metadata: { finalizers: [1] } },
    code: 500, reason: '', message: 'list element types are not identical: [[a] [1]]',
  },
  {
    name: 'a body that is not an object',
    patch: [{ op: 'add' }],
    code: 400, reason: 'BadRequest', message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
  },
  {
    name: '$retainKeys that is not a list',
    current: { metadata: { name: 'd' }, spec: { strategy: { type: 'RollingUpdate' } } },
    type: deployment,
    patch: { spec: { strategy: { $retainKeys: 'type', type: 'Recreate' } } },
    code: 400, reason: 'BadRequest', message: 'invalid patch format of retainKeys',
  },
  {
    name: 'a patch field missing from $retainKeys',
    current: podWith({ volumes: [vol('v', { emptyDir: {} })] }),
    patch: { spec: { volumes: [{ name: 'v', hostPath: { path: '/x' }, $retainKeys: ['name'] }] } },
    code: 400, reason: 'BadRequest', message: 'invalid patch format of retainKeys',
  },
  {
    name: 'a malformed $deleteFromPrimitiveList key',
    patch: { metadata: { $deleteFromPrimitiveListfinalizers: ['a'] } },
    code: 400, reason: 'BadRequest', message: 'invalid patch format of primitive list',
  },
  {
    name: 'a malformed $setElementOrder key',
    patch: { metadata: { $setElementOrderfinalizers: ['a'] } },
    code: 400, reason: 'BadRequest', message: 'invalid patch format of setElementOrder list',
  },
  {
    name: '$setElementOrder that is not a list',
    patch: { metadata: { '$setElementOrder/finalizers': 'a' } },
    code: 500, reason: '', message: 'expected a []interface {}, but received a string',
  },
  {
    name: 'a patch list out of $setElementOrder order',
    current: containers(ctr('a'), ctr('b')),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'b' }, { name: 'a' }] } },
    code: 500, reason: '',
    message: 'The order in patch list:\n[map[name:b] map[name:a]]\n doesn\'t match $setElementOrder list:\n[map[name:a] map[name:b]]\n',
  },
];

for (const c of errorCases) {
  test(`strategic error: ${c.name}`, () => {
    const current = c.current ?? containers(ctr('a'));
    assert.throws(() => applyStrategicMergePatch(current, c.patch, c.type ?? pod), (e: unknown) => {
      const s = (e as { toStatus(): Record<string, unknown> }).toStatus();
      assert.equal(s.code, c.code);
      assert.equal(s.reason, c.reason || undefined); // an empty reason is left out, as Kubernetes omits it
      if (typeof c.message === 'string') assert.equal(s.message, c.message);
      else assert.match(String(s.message), c.message);
      return true;
    });
  });
}

