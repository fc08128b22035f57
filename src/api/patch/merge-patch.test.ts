// Tests for RFC 7386 JSON merge patch: the RFC's examples, Kubernetes-shaped objects, bad bodies.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import type { JsonValue } from './json.ts';
import { StatusError } from '../errors.ts';
import { applyMergePatch, mergePatchValue } from './merge-patch.ts';
import { deepFreeze } from './test-helpers.ts';

// RFC 7386 Appendix A.
const rfcExamples: [JsonValue, JsonValue, JsonValue][] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

rfcExamples.forEach(([target, patch, want], i) => {
  test(`merge patch: RFC 7386 example ${i + 1}`, () => {
    const t = structuredClone(target);
    const p = structuredClone(patch);
    assert.deepStrictEqual(mergePatchValue(deepFreeze(target), deepFreeze(patch)), want);
    assert.deepStrictEqual(target, t);
    assert.deepStrictEqual(patch, p);
  });
});

const pod = (): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { a: '1', b: '2' }, finalizers: ['x'] },
  spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }], nodeSelector: { zone: 'z1' } },
});

const cases: { name: string; patch: unknown; want: KObject }[] = [
  {
    name: 'null deletes a label, others are kept',
    patch: { metadata: { labels: { a: null, c: '3' } } },
    want: { ...pod(), metadata: { name: 'p', labels: { b: '2', c: '3' }, finalizers: ['x'] } },
  },
  {
    name: 'lists are replaced, not merged',
    patch: { spec: { containers: [{ name: 'b', image: 'b:2' }] } },
    want: { ...pod(), spec: { containers: [{ name: 'b', image: 'b:2' }], nodeSelector: { zone: 'z1' } } },
  },
  {
    name: 'null deletes a whole map',
    patch: { spec: { nodeSelector: null } },
    want: { ...pod(), spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] } },
  },
  {
    name: 'a new object is taken without its nulls',
    patch: { spec: { securityContext: { runAsUser: 1, fsGroup: null } } },
    want: { ...pod(), spec: { ...(pod().spec as object), securityContext: { runAsUser: 1 } } },
  },
  {
    name: 'nulls inside objects in a new list are pruned',
    patch: { spec: { tolerations: [{ key: 'k', value: null }, null] } },
    want: { ...pod(), spec: { ...(pod().spec as object), tolerations: [{ key: 'k' }, null] } },
  },
  {
    name: 'null for a missing field changes nothing',
    patch: { status: null },
    want: pod(),
  },
  {
    name: 'an empty patch changes nothing',
    patch: {},
    want: pod(),
  },
];

for (const c of cases) {
  test(`merge patch: ${c.name}`, () => {
    const current = pod();
    const patch = structuredClone(c.patch);
    assert.deepStrictEqual(applyMergePatch(deepFreeze(current), deepFreeze(c.patch)), c.want);
    assert.deepStrictEqual(current, pod(), 'current was changed');
    assert.deepStrictEqual(c.patch, patch, 'patch was changed');
  });
}

for (const body of [null, 'x', 3, true]) {
  test(`merge patch: a ${JSON.stringify(body)} body is 400 Invalid JSON Patch`, () => {
    assert.throws(() => applyMergePatch(pod(), body), (e: unknown) => {
      assert.ok(e instanceof StatusError);
      assert.equal(e.code, 400);
      assert.equal(e.reason, 'BadRequest');
      assert.equal(e.message, 'Invalid JSON Patch');
      return true;
    });
  });
}

test('merge patch: an array body replaces the object and fails to decode (422)', () => {
  assert.throws(() => applyMergePatch(pod(), [{ a: 1 }]), (e: unknown) => {
    assert.ok(e instanceof StatusError);
    assert.equal(e.code, 422);
    assert.equal(e.reason, 'Invalid');
    return true;
  });
});

test('merge patch: the result shares nothing with the patch', () => {
  const patch = { spec: { extra: { deep: [{ x: 1 }] } } };
  const got = applyMergePatch(pod(), patch) as { spec: { extra: { deep: { x: number }[] } } };
  got.spec.extra.deep[0]!.x = 2;
  assert.equal(patch.spec.extra.deep[0]!.x, 1);
});
