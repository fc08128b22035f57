// Tests for extracting the field set an object sets, by TypeInfo, and for validating applied configurations.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TypeInfo } from '../schema/type-info.ts';
import { ensureNamedFieldsAreMembers, toFieldSet, validateApplied } from './extract.ts';
import { FieldSet } from './field-set.ts';
import { displayPath } from './path-element.ts';
import { configMap, container, deployment, list, service, str, struct } from './test-types.ts';

const fieldsOf = (v: unknown, ti: TypeInfo | undefined): string => JSON.stringify(toFieldSet(v, ti).toFieldsV1());
const pathsOf = (v: unknown, ti: TypeInfo | undefined): string[] => toFieldSet(v, ti).paths().map(displayPath);

describe('toFieldSet', () => {
  it('extracts a Deployment applied configuration exactly as Kubernetes does', () => {
    const applied = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
        },
      },
    };
    assert.equal(fieldsOf(applied, deployment), JSON.stringify({
      'f:apiVersion': {},
      'f:kind': {},
      'f:metadata': { 'f:labels': { 'f:app': {} }, 'f:name': {} },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:containers': {
              'k:{"name":"nginx"}': {
                '.': {},
                'f:image': {},
                'f:name': {},
                'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
              },
            },
          },
        },
      },
    }));
  });

  const cases: { name: string; value: unknown; ti: TypeInfo | undefined; want: string[] }[] = [
    { name: 'scalars are leaves', value: { spec: { replicas: 1, paused: false } }, ti: deployment, want: ['.spec.paused', '.spec.replicas'] },
    { name: 'a declared struct set to {} or null is a member', value: { spec: { strategy: {}, template: null } }, ti: deployment, want: ['.spec.strategy', '.spec.template'] },
    { name: 'an empty granular list sets nothing', value: { spec: { template: { spec: { containers: [] } } } }, ti: deployment, want: [] },
    { name: 'every key of a granular map is a member', value: { data: { a: '1', b: '2' } }, ti: configMap, want: ['.data.a', '.data.b'] },
    { name: 'an atomic map is one leaf', value: { spec: { selector: { app: 'x' } } }, ti: service, want: ['.spec.selector'] },
    { name: 'an atomic list is one leaf', value: { args: ['a', 'b'], name: 'c' }, ti: container, want: ['.args', '.name'] },
    { name: 'set items are members by value', value: { metadata: { finalizers: ['b', 'a'] } }, ti: deployment, want: ['.metadata.finalizers[="a"]', '.metadata.finalizers[="b"]'] },
    {
      name: 'list-map items are members with their fields below',
      value: { env: [{ name: 'A', value: '1' }] },
      ti: container,
      want: ['.env[name="A"]', '.env[name="A"].name', '.env[name="A"].value'],
    },
    {
      name: 'a missing key field uses its default (ports keyed by containerPort and protocol)',
      value: { ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 80 }] },
      ti: container,
      want: [
        '.ports[containerPort=53,protocol="UDP"]', '.ports[containerPort=80,protocol="TCP"]',
        '.ports[containerPort=53,protocol="UDP"].containerPort', '.ports[containerPort=53,protocol="UDP"].protocol',
        '.ports[containerPort=80,protocol="TCP"].containerPort',
      ],
    },
    {
      name: 'a patch-strategy merge list without listType is a map by its merge key',
      value: { volumeMounts: [{ name: 'data', mountPath: '/data' }] },
      ti: container,
      want: ['.volumeMounts[mountPath="/data"]', '.volumeMounts[mountPath="/data"].mountPath', '.volumeMounts[mountPath="/data"].name'],
    },
    { name: 'free-form values are leaves', value: { raw: { a: { b: 1 } } }, ti: configMap, want: ['.raw'] },
    { name: 'preserve-unknown-fields values are deduced', value: { extra: { a: { b: 1 }, l: [1] } }, ti: configMap, want: ['.extra.a', '.extra.l', '.extra.a.b'] },
    { name: 'without TypeInfo maps are granular and lists atomic', value: { spec: { a: { b: 1 }, l: [{ x: 1 }] } }, ti: undefined, want: ['.spec', '.spec.a', '.spec.l', '.spec.a.b'] },
    { name: 'undeclared fields of a struct are deduced', value: { spec: { unknown: { x: 1 } } }, ti: deployment, want: ['.spec.unknown', '.spec.unknown.x'] },
    {
      name: 'duplicate list-map items are one member without fields',
      value: { env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }, { name: 'B' }] },
      ti: container,
      want: ['.env[name="A"]', '.env[name="B"]', '.env[name="B"].name'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(pathsOf(c.value, c.ti), c.want));
  }

  it('writes a deduced object with "." on every map', () => {
    assert.equal(fieldsOf({ spec: { a: { b: 1 } } }, undefined), '{"f:spec":{".":{},"f:a":{".":{},"f:b":{}}}}');
  });
});

describe('ensureNamedFieldsAreMembers', () => {
  it('adds declared struct fields above members, not map keys or list items', () => {
    const s = toFieldSet({ spec: { template: { metadata: { labels: { a: 'x' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } }, deployment);
    const ensured = ensureNamedFieldsAreMembers(s, deployment).paths().map(displayPath);
    for (const p of ['.spec', '.spec.template', '.spec.template.metadata', '.spec.template.metadata.labels', '.spec.template.spec', '.spec.template.spec.containers']) {
      assert.ok(ensured.includes(p), `${p} in ${ensured.join(' ')}`);
    }
    assert.ok(!ensured.includes('.spec.template.metadata.labels.a.x'));
    assert.equal(ensured.filter((p) => p.endsWith('[name="c"]')).length, 1);
  });

  it('leaves deduced maps alone', () => {
    const s = FieldSet.fromFieldsV1({ 'f:spec': { 'f:a': { 'f:b': {} } } });
    assert.deepEqual(ensureNamedFieldsAreMembers(s, undefined).paths().map(displayPath), ['.spec.a.b']);
  });
});

describe('validateApplied', () => {
  const podSpecOnly = struct({ containers: list(struct({ name: str }), { listType: 'map', listMapKeys: ['name'] }), tags: list(str, { listType: 'set' }) });
  const cases: { name: string; value: unknown; want: string[] }[] = [
    { name: 'valid', value: { containers: [{ name: 'a' }], tags: ['x'] }, want: [] },
    { name: 'duplicate keys', value: { containers: [{ name: 'a' }, { name: 'a' }] }, want: ['.containers: duplicate entries for key [name="a"]'] },
    { name: 'duplicate set values', value: { tags: ['x', 'x'] }, want: ['.tags: duplicate entries for key [="x"]'] },
    {
      name: 'an item without keys',
      value: { containers: [{ image: 'a' }] },
      want: ['.containers: element 0: associative list with keys has an element that omits all key fields ["name"] (and doesn\'t have default values for any key fields)'],
    },
    { name: 'a non-map item', value: { containers: ['a'] }, want: ['.containers: element 0: associative list with keys may not have non-map elements'] },
    { name: 'a map in a set', value: { tags: [{}] }, want: [".tags: element 0: associative list without keys has an element that's a map type"] },
    { name: 'null in a set', value: { tags: [null] }, want: [".tags: element 0: associative list without keys has an element that's an explicit null"] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(validateApplied(c.value, podSpecOnly), c.want));
  }
});
