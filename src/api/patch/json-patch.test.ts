// Tests for RFC 6902 JSON patch as Kubernetes applies it: operations, library quirks, failures and their Status.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import { StatusError } from '../errors.ts';
import { applyJSONPatch, maxJSONPatchOperations } from './json-patch.ts';
import { deepFreeze } from './test-helpers.ts';

interface Base {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; labels: Record<string, unknown>; annotations?: unknown };
  data: Record<string, string>;
  list: unknown[];
  nested: { items: { name: string }[] };
  [field: string]: unknown;
}

const base = (): Base & KObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cm', labels: { a: '1' } },
  data: { 'x/y': '1', 'k~': '2' },
  list: ['a', 'b', 'c'],
  nested: { items: [{ name: 'n1' }, { name: 'n2' }] },
});

interface Case {
  name: string;
  ops: unknown[];
  /** Changes to expect, made on a fresh copy of base(). */
  want: (o: Base) => void;
}

const cases: Case[] = [
  { name: 'add a map key', ops: [{ op: 'add', path: '/metadata/labels/b', value: '2' }], want: (o) => { o.metadata.labels.b = '2'; } },
  { name: 'add overwrites an existing key', ops: [{ op: 'add', path: '/metadata/labels/a', value: 'x' }], want: (o) => { o.metadata.labels.a = 'x'; } },
  { name: 'add inserts at an array index', ops: [{ op: 'add', path: '/list/1', value: 'z' }], want: (o) => { o.list = ['a', 'z', 'b', 'c']; } },
  { name: 'add appends with -', ops: [{ op: 'add', path: '/list/-', value: 'z' }], want: (o) => { o.list = ['a', 'b', 'c', 'z']; } },
  { name: 'add at the array length appends', ops: [{ op: 'add', path: '/list/3', value: 'z' }], want: (o) => { o.list = ['a', 'b', 'c', 'z']; } },
  { name: 'add at index -1 appends (negative indexes count from the end)', ops: [{ op: 'add', path: '/list/-1', value: 'z' }], want: (o) => { o.list = ['a', 'b', 'c', 'z']; } },
  { name: 'add without a value adds null', ops: [{ op: 'add', path: '/metadata/labels/n' }], want: (o) => { o.metadata.labels.n = null; } },
  { name: 'add an object value', ops: [{ op: 'add', path: '/spec', value: { replicas: 2 } }], want: (o) => { o.spec = { replicas: 2 }; } },
  { name: 'escaped tokens ~1 and ~0', ops: [{ op: 'replace', path: '/data/x~1y', value: 'A' }, { op: 'remove', path: '/data/k~0' }], want: (o) => { o.data = { 'x/y': 'A' }; } },
  { name: 'remove a map key', ops: [{ op: 'remove', path: '/metadata/labels/a' }], want: (o) => { o.metadata.labels = {}; } },
  { name: 'remove an array item', ops: [{ op: 'remove', path: '/list/0' }], want: (o) => { o.list = ['b', 'c']; } },
  { name: 'remove the last item with -1', ops: [{ op: 'remove', path: '/list/-1' }], want: (o) => { o.list = ['a', 'b']; } },
  { name: 'replace a value', ops: [{ op: 'replace', path: '/nested/items/1/name', value: 'N2' }], want: (o) => { o.nested.items[1]!.name = 'N2'; } },
  { name: 'replace a missing map key adds it', ops: [{ op: 'replace', path: '/metadata/labels/new', value: 'v' }], want: (o) => { o.metadata.labels.new = 'v'; } },
  { name: 'replace the whole document', ops: [{ op: 'replace', path: '', value: { kind: 'X' } }], want: (o) => { for (const k of Object.keys(o)) delete (o as Record<string, unknown>)[k]; o.kind = 'X'; } },
  { name: 'move a value', ops: [{ op: 'move', from: '/metadata/labels/a', path: '/metadata/annotations' }], want: (o) => { o.metadata.labels = {}; o.metadata.annotations = '1'; } },
  { name: 'move within an array', ops: [{ op: 'move', from: '/list/0', path: '/list/2' }], want: (o) => { o.list = ['b', 'c', 'a']; } },
  { name: 'copy a subtree', ops: [{ op: 'copy', from: '/nested/items/0', path: '/nested/items/-' }], want: (o) => { o.nested.items.push({ name: 'n1' }); } },
  { name: 'copy from a missing key copies null', ops: [{ op: 'copy', from: '/metadata/nope', path: '/metadata/labels/c' }], want: (o) => { o.metadata.labels.c = null; } },
  { name: 'a passing test lets the patch apply', ops: [{ op: 'test', path: '/metadata/labels', value: { a: '1' } }, { op: 'remove', path: '/list' }], want: (o) => { delete (o as Record<string, unknown>).list; } },
  { name: 'test of a missing key against null passes', ops: [{ op: 'test', path: '/metadata/nope', value: null }], want: () => {} },
  { name: 'test of the whole document', ops: [{ op: 'test', path: '', value: base() }], want: () => {} },
  { name: 'a path without a leading slash resolves from the root', ops: [{ op: 'add', path: 'x/extra', value: 1 }], want: (o) => { o.extra = 1; } },
  { name: 'an empty patch changes nothing', ops: [], want: () => {} },
];

for (const c of cases) {
  test(`json patch: ${c.name}`, () => {
    const current = base();
    const ops = structuredClone(c.ops);
    const want = base();
    c.want(want);
    assert.deepStrictEqual(applyJSONPatch(deepFreeze(current), deepFreeze(ops)), want);
    assert.deepStrictEqual(current, base(), 'current was changed');
    assert.deepStrictEqual(ops, c.ops, 'patch was changed');
  });
}

const failures: { name: string; ops: unknown[]; cause: string }[] = [
  { name: 'a failing test op', ops: [{ op: 'remove', path: '/list' }, { op: 'test', path: '/metadata/labels/a', value: '2' }], cause: 'testing value /metadata/labels/a failed: test failed' },
  { name: 'a test of a missing key against a value', ops: [{ op: 'test', path: '/metadata/nope', value: 'x' }], cause: 'testing value /metadata/nope failed: test failed' },
  { name: 'add under a missing parent', ops: [{ op: 'add', path: '/spec/template/x', value: 1 }], cause: 'add operation does not apply: doc is missing path: "/spec/template/x": missing value' },
  { name: 'remove of a missing key', ops: [{ op: 'remove', path: '/metadata/labels/zz' }], cause: "error in remove for path: '/metadata/labels/zz': Unable to remove nonexistent key: zz: missing value" },
  { name: 'remove past the end of an array', ops: [{ op: 'remove', path: '/list/3' }], cause: "error in remove for path: '/list/3': Unable to access invalid index: 3: invalid index referenced" },
  { name: 'replace past the end of an array', ops: [{ op: 'replace', path: '/list/9', value: 1 }], cause: 'replace operation does not apply: doc is missing key: /list/9: missing value' },
  { name: 'add with a bad array index', ops: [{ op: 'add', path: '/list/x', value: 1 }], cause: "error in add for path: '/list/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax" },
  { name: 'move from a missing path', ops: [{ op: 'move', from: '/nope/a', path: '/b' }], cause: 'move operation does not apply: doc is missing from path: /nope/a: missing value' },
  { name: 'an unknown op', ops: [{ op: 'frob', path: '/a' }], cause: 'Unexpected kind: frob' },
  { name: 'an op without a path', ops: [{ op: 'add', value: 1 }], cause: 'add operation failed to decode path: missing value' },
  { name: 'remove of the document', ops: [{ op: 'remove', path: '' }], cause: 'remove operation does not apply: doc is missing path: "": missing value' },
];

for (const c of failures) {
  test(`json patch fails with 422: ${c.name}`, () => {
    const current = base();
    assert.throws(() => applyJSONPatch(deepFreeze(current), c.ops), (e: unknown) => {
      assert.ok(e instanceof StatusError);
      assert.deepStrictEqual(e.toStatus(), {
        kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
        message: 'the server rejected our request due to an error in our request', reason: 'Invalid', details: {}, code: 422,
      });
      assert.equal((e.cause as Error).message, c.cause);
      return true;
    });
    assert.deepStrictEqual(current, base(), 'a failed patch must not change the object');
  });
}

test('json patch: a body that is not a list is 400', () => {
  assert.throws(() => applyJSONPatch(base(), { op: 'add' }), (e: unknown) => {
    assert.ok(e instanceof StatusError);
    assert.equal(e.code, 400);
    assert.equal(e.reason, 'BadRequest');
    assert.equal(e.message, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    return true;
  });
  assert.throws(() => applyJSONPatch(base(), ['add']), /cannot unmarshal string into Go value of type jsonpatch.Operation/);
});

test('json patch: a null body is an empty patch', () => {
  assert.deepStrictEqual(applyJSONPatch(base(), null), base());
});

test('json patch: more than 10000 operations is 413', () => {
  const ops = Array.from({ length: maxJSONPatchOperations + 1 }, () => ({ op: 'test', path: '/kind', value: 'ConfigMap' }));
  assert.throws(() => applyJSONPatch(base(), ops), (e: unknown) => {
    assert.ok(e instanceof StatusError);
    assert.equal(e.code, 413);
    assert.equal(e.message, 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001');
    return true;
  });
});

test('json patch: a document replaced by an array is 422 Invalid on "patch"', () => {
  assert.throws(() => applyJSONPatch(base(), [{ op: 'replace', path: '', value: [1] }]), (e: unknown) => {
    assert.ok(e instanceof StatusError);
    assert.equal(e.code, 422);
    assert.equal(e.reason, 'Invalid');
    assert.match(e.message, /^ "" is invalid: patch: Invalid value: "\[1\]": couldn't get version\/kind/);
    assert.equal(e.details?.causes?.[0]?.field, 'patch');
    return true;
  });
});

test('json patch: values in the result are copies of the patch values', () => {
  const value = { deep: { x: 1 } };
  const got = applyJSONPatch(base(), [{ op: 'add', path: '/v', value }, { op: 'copy', from: '/v', path: '/w' }]) as Record<string, { deep: { x: number } }>;
  got.v!.deep.x = 2;
  assert.equal(value.deep.x, 1);
  assert.equal(got.w!.deep.x, 1);
});

test('json patch: "__proto__" is an ordinary key', () => {
  const got = applyJSONPatch(base(), [{ op: 'add', path: '/metadata/labels/__proto__', value: 'x' }]) as { metadata: { labels: object } };
  assert.deepStrictEqual(Object.keys(got.metadata.labels), ['a', '__proto__']);
  assert.equal(Object.getPrototypeOf(got.metadata.labels), Object.prototype);
});
