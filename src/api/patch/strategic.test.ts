// Tests for strategic merge patch: merge keys, primitive sets, $patch directives, nulls, untyped fallback.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyStrategicMergePatch } from './strategic.ts';
import { checkStrategic, containers, ctr, mapOf, pod, podWith, scalar, struct, type SmpCase } from './test-helpers.ts';

const cases: SmpCase[] = [
  {
    name: 'changing the image of one container keeps the others',
    current: containers(ctr('a'), ctr('b'), ctr('c')),
    patch: { spec: { containers: [{ name: 'b', image: 'b:2' }] } },
    want: containers(ctr('a'), ctr('b', 'b:2'), ctr('c')),
  },
  {
    name: 'a new container without $setElementOrder goes first',
    current: containers(ctr('a'), ctr('b')),
    patch: { spec: { containers: [{ name: 'c', image: 'c:1' }] } },
    want: containers(ctr('c'), ctr('a'), ctr('b')),
  },
  {
    name: 'env merges by name',
    current: containers(ctr('a', 'a:1', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] })),
    patch: { spec: { containers: [{ name: 'a', env: [{ name: 'B', value: '3' }] }] } },
    want: containers(ctr('a', 'a:1', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '3' }] })),
  },
  {
    name: 'a new env var is added, existing ones kept',
    current: containers(ctr('a', 'a:1', { env: [{ name: 'A', value: '1' }] })),
    patch: { spec: { containers: [{ name: 'a', env: [{ name: 'C', value: '3' }] }] } },
    want: containers(ctr('a', 'a:1', { env: [{ name: 'C', value: '3' }, { name: 'A', value: '1' }] })),
  },
  {
    name: 'a null inside a merged list item deletes that field',
    current: containers(ctr('a', 'a:1', { env: [{ name: 'A', value: '1', valueFrom: { fieldRef: { fieldPath: 'x' } } }] })),
    patch: { spec: { containers: [{ name: 'a', env: [{ name: 'A', valueFrom: null }] }] } },
    want: containers(ctr('a', 'a:1', { env: [{ name: 'A', value: '1' }] })),
  },
  {
    name: 'ports merge by containerPort',
    current: containers(ctr('a', 'a:1', { ports: [{ containerPort: 80 }, { containerPort: 443 }] })),
    patch: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 443, name: 'https' }] }] } },
    want: containers(ctr('a', 'a:1', { ports: [{ containerPort: 80 }, { containerPort: 443, name: 'https' }] })),
  },
  {
    name: '$patch: delete removes a container',
    current: containers(ctr('a'), ctr('b'), ctr('c')),
    patch: { spec: { containers: [{ name: 'b', $patch: 'delete' }] } },
    want: containers(ctr('a'), ctr('c')),
  },
  {
    name: '$patch: delete removes every item with the merge key and other items still merge',
    current: containers(ctr('a'), ctr('b'), ctr('b', 'b:dup')),
    patch: { spec: { containers: [{ name: 'b', $patch: 'delete' }, { name: 'a', image: 'a:2' }, { name: 'd', image: 'd:1' }] } },
    want: containers(ctr('a', 'a:2'), ctr('d')),
  },
  {
    name: '$patch: replace in a list replaces the whole list',
    current: containers(ctr('a'), ctr('b')),
    patch: { spec: { containers: [{ name: 'x', image: 'x:1' }, { $patch: 'replace' }] } },
    want: containers(ctr('x')),
  },
  {
    name: '$patch: replace on a map replaces the map',
    current: podWith({ containers: [] }, { name: 'p', labels: { a: '1', b: '2' } }),
    patch: { metadata: { labels: { $patch: 'replace', c: '3' } } },
    want: podWith({ containers: [] }, { name: 'p', labels: { c: '3' } }),
  },
  {
    name: '$patch: replace on a struct replaces it, directives inside still apply',
    current: containers(ctr('a'), ctr('b')),
    patch: { spec: { $patch: 'replace', containers: [{ name: 'z', image: 'z:1', env: [{ name: 'X', $patch: 'delete' }] }] } },
    want: containers(ctr('z', 'z:1', { env: [] })),
  },
  {
    name: '$patch: delete on a map leaves it empty',
    current: podWith({ containers: [] }, { name: 'p', labels: { a: '1' } }),
    patch: { metadata: { labels: { $patch: 'delete' } } },
    want: podWith({ containers: [] }, { name: 'p', labels: {} }),
  },
  {
    name: 'a label is deleted with null, others kept',
    current: podWith({}, { name: 'p', labels: { a: '1', b: '2' } }),
    patch: { metadata: { labels: { a: null, c: '3' } } },
    want: podWith({}, { name: 'p', labels: { b: '2', c: '3' } }),
  },
  {
    name: 'null for a field that does not exist is ignored',
    current: podWith({}),
    patch: { metadata: { labels: null }, spec: { nodeSelector: null } },
    want: podWith({}),
  },
  {
    name: 'a new map is taken without its nulls',
    current: podWith({}),
    patch: { metadata: { labels: { a: '1', b: null } } },
    want: podWith({}, { name: 'p', labels: { a: '1' } }),
  },
  {
    name: 'a new list item is taken without nulls and without items carrying $patch',
    current: containers(ctr('a')),
    patch: { spec: { containers: [{ name: 'n', image: 'n:1', command: null, env: [{ name: 'X', $patch: 'delete' }, { name: 'Y', value: 'y' }] }] } },
    want: containers(ctr('n', 'n:1', { env: [{ name: 'Y', value: 'y' }] }), ctr('a')),
  },
  {
    name: 'finalizers merge as a set: new values first, duplicates dropped',
    current: podWith({}, { name: 'p', finalizers: ['a', 'b'] }),
    patch: { metadata: { finalizers: ['b', 'c'] } },
    want: podWith({}, { name: 'p', finalizers: ['a', 'b', 'c'] }),
  },
  {
    name: 'a new finalizer goes before the existing ones',
    current: podWith({}, { name: 'p', finalizers: ['x'] }),
    patch: { metadata: { finalizers: ['new'] } },
    want: podWith({}, { name: 'p', finalizers: ['new', 'x'] }),
  },
  {
    name: '$deleteFromPrimitiveList/finalizers removes values',
    current: podWith({}, { name: 'p', finalizers: ['a', 'b', 'c', 'b'] }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'zz'] } },
    want: podWith({}, { name: 'p', finalizers: ['a', 'c'] }),
  },
  {
    name: '$deleteFromPrimitiveList on a missing list changes nothing',
    current: podWith({}),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } },
    want: podWith({}),
  },
  {
    name: 'adding and deleting finalizers in one patch',
    current: podWith({}, { name: 'p', finalizers: ['a', 'b'] }),
    patch: { metadata: { finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['a'] } },
    want: podWith({}, { name: 'p', finalizers: ['c', 'b'] }),
  },
  {
    name: 'lists without a strategy are replaced',
    current: containers(ctr('a', 'a:1', { command: ['sh', '-c', 'x'], args: ['1'] })),
    patch: { spec: { containers: [{ name: 'a', command: ['run'] }] } },
    want: containers(ctr('a', 'a:1', { command: ['run'], args: ['1'] })),
  },
  {
    name: 'a list of maps without a strategy is replaced',
    current: podWith({ tolerations: [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }] }),
    patch: { spec: { tolerations: [{ key: 'c', operator: 'Exists' }] } },
    want: podWith({ tolerations: [{ key: 'c', operator: 'Exists' }] }),
  },
  {
    name: 'nested maps merge',
    current: containers(ctr('a', 'a:1', { resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1' } } })),
    patch: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: '2' } } }] } },
    want: containers(ctr('a', 'a:1', { resources: { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '1' } } })),
  },
  {
    name: 'a whole list is removed with null',
    current: containers(ctr('a', 'a:1', { env: [{ name: 'A', value: '1' }] })),
    patch: { spec: { containers: [{ name: 'a', env: null }] } },
    want: containers(ctr('a')),
  },
  {
    name: 'a value of another JSON type replaces the old one',
    current: podWith({ extra: { a: [1, 2] } }),
    patch: { spec: { extra: { a: { b: 1, c: null } } } },
    want: podWith({ extra: { a: { b: 1 } } }),
  },
  {
    name: 'free-form fields merge as JSON merge patch: maps merge, lists replace',
    current: podWith({ extra: { a: { b: 1, c: 2 }, list: [{ name: 'x' }, { name: 'y' }] } }),
    patch: { spec: { extra: { a: { b: null, d: 3 }, list: [{ name: 'z' }] } } },
    want: podWith({ extra: { a: { c: 2, d: 3 }, list: [{ name: 'z' }] } }),
  },
  {
    name: 'without TypeInfo every list is replaced and maps merge',
    current: containers(ctr('a'), ctr('b')),
    patch: { metadata: { labels: { x: 'y' } }, spec: { containers: [{ name: 'b', image: 'b:2' }] } },
    want: podWith({ containers: [{ name: 'b', image: 'b:2' }] }, { name: 'p', labels: { x: 'y' } }),
    type: null,
  },
  {
    name: 'ownerReferences merge by uid',
    current: podWith({}, { name: 'p', ownerReferences: [{ kind: 'ReplicaSet', name: 'r', uid: 'u1' }] }),
    patch: { metadata: { ownerReferences: [{ uid: 'u1', controller: true }, { uid: 'u2', kind: 'X', name: 'x' }] } },
    want: podWith({}, { name: 'p', ownerReferences: [
      { kind: 'ReplicaSet', name: 'r', uid: 'u1', controller: true }, { uid: 'u2', kind: 'X', name: 'x' },
    ] }),
  },
  {
    name: 'status conditions merge by type',
    current: { ...podWith({}), status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }] } },
    patch: { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } },
    want: { ...podWith({}), status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }] } },
  },
  {
    name: 'a new map carrying $patch is dropped, as nothing can be merged into it',
    current: podWith({}),
    patch: { metadata: { labels: { $patch: 'frobnicate', a: 'b' }, annotations: { x: 'y' } } },
    want: podWith({}, { name: 'p', annotations: { x: 'y' } }),
  },
  {
    name: 'a map field with patchStrategy replace is replaced',
    current: { spec: { selector: { a: '1', b: '2' }, other: { a: '1' } } },
    patch: { spec: { selector: { c: '3', d: null }, other: { b: '2' } } },
    want: { spec: { selector: { c: '3' }, other: { a: '1', b: '2' } } },
    type: struct({ spec: struct({ selector: mapOf(scalar, { patchStrategy: 'replace' }), other: mapOf(scalar) }) }),
  },
  {
    name: 'top-level $patch: replace replaces the object',
    current: containers(ctr('a')),
    patch: { $patch: 'replace', apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q' } },
    want: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q' } },
  },
];

for (const c of cases) test(`strategic: ${c.name}`, () => checkStrategic(c));

test('strategic: a null body is an empty patch and the result is a copy', () => {
  const current = containers(ctr('a'));
  const got = applyStrategicMergePatch(current, null, pod);
  assert.deepStrictEqual(got, current);
  assert.notEqual(got, current);
});

test('strategic: the result shares nothing with the patch body', () => {
  const patch = { metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'n', image: 'n', env: [{ name: 'E', value: 'v' }] }] } };
  const got = applyStrategicMergePatch(containers(ctr('a')), patch, pod) as { spec: { containers: { env?: { value: string }[] }[] } };
  got.spec.containers[0]!.env![0]!.value = 'changed';
  assert.equal(patch.spec.containers[0]!.env[0]!.value, 'v');
});

test('strategic: a "__proto__" key is data, not a prototype', () => {
  const patch = JSON.parse('{"metadata":{"labels":{"__proto__":{"polluted":"yes"}}}}') as unknown;
  const got = applyStrategicMergePatch(podWith({}), patch, null as unknown as undefined) as { metadata: { labels: Record<string, unknown> } };
  assert.equal(Object.getPrototypeOf(got.metadata.labels), Object.prototype);
  assert.deepStrictEqual(Object.keys(got.metadata.labels), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});
