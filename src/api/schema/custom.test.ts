// Tests for custom resource schemas: CRD structural schemas turned into TypeInfo, registration, unknown fields.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customSchemas, registerCustomSchema, typeInfoFor, unknownFields, unregisterCustomSchema } from './index.ts';

const cronTab = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['cronSpec'],
      properties: {
        cronSpec: { type: 'string', pattern: '^\\d+$' },
        replicas: { type: 'integer', format: 'int32', default: 1 },
        port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        mode: { type: 'string', enum: ['A', 'B'] },
        labels: { type: 'object', additionalProperties: { type: 'string' }, 'x-kubernetes-map-type': 'atomic' },
        ports: {
          type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port', 'protocol'],
          items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string', default: 'TCP' } } },
        },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        partial: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'string' } } },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } },
        empty: { type: 'object' },
      },
    },
    status: { type: 'object', properties: { ok: { type: 'boolean' } } },
  },
};

test('a CRD schema becomes TypeInfo with list/map types, int-or-string, defaults, enums', () => {
  registerCustomSchema('stable.example.com', 'v1', 'CronTab', cronTab);
  try {
    const t = typeInfoFor('stable.example.com', 'v1', 'CronTab');
    assert.ok(t);
    assert.equal(t.kind, 'object');
    assert.equal(t.field?.('apiVersion')?.scalar, 'string');
    assert.equal(t.field?.('metadata')?.definition, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    const spec = t.field?.('spec');
    assert.deepEqual(spec?.required, ['cronSpec']);
    assert.equal(spec?.field?.('replicas')?.default, 1);
    assert.equal(spec?.field?.('replicas')?.format, 'int32');
    assert.equal(spec?.field?.('port')?.scalar, 'int-or-string');
    assert.deepEqual(spec?.field?.('mode')?.enum, ['A', 'B']);
    assert.equal(spec?.field?.('labels')?.kind, 'map');
    assert.equal(spec?.field?.('labels')?.mapType, 'atomic');
    const ports = spec?.field?.('ports');
    assert.equal(ports?.listType, 'map');
    assert.deepEqual(ports?.listMapKeys, ['port', 'protocol']);
    assert.equal(ports?.elem?.field?.('protocol')?.default, 'TCP');
    assert.equal(spec?.field?.('config')?.kind, 'any');
    assert.equal(spec?.field?.('partial')?.preserveUnknownFields, true);
    const tmpl = spec?.field?.('template');
    assert.equal(tmpl?.embeddedResource, true);
    assert.equal(tmpl?.field?.('kind')?.scalar, 'string');
    assert.equal(tmpl?.field?.('metadata')?.definition, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    assert.ok(customSchemas().some((c) => c.kind === 'CronTab'));
  } finally {
    unregisterCustomSchema('stable.example.com', 'v1', 'CronTab');
  }
  assert.equal(typeInfoFor('stable.example.com', 'v1', 'CronTab'), undefined);
  assert.ok(!customSchemas().some((c) => c.kind === 'CronTab'));
});

test('unknown fields of a custom resource: pruned paths, preserved subtrees, embedded metadata', () => {
  registerCustomSchema('stable.example.com', 'v1', 'CronTab', cronTab);
  try {
    const obj = {
      apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'x', bogus: 1 },
      spec: {
        cronSpec: '1', foo: 1, config: { anything: { at: 'all' } }, partial: { known: 'a', other: 1 },
        ports: [{ port: 1, extra: 2 }], template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', x: 1 }, spec: { a: 'b', c: 'd' } },
        empty: { gone: true },
      },
      extra: true,
    };
    assert.deepEqual(unknownFields('stable.example.com', 'v1', 'CronTab', obj), [
      'metadata.bogus', 'spec.foo', 'spec.ports[0].extra', 'spec.template.metadata.x', 'spec.template.spec.c', 'spec.empty.gone', 'extra',
    ]);
  } finally {
    unregisterCustomSchema('stable.example.com', 'v1', 'CronTab');
  }
});

test('a version without a schema keeps everything', () => {
  registerCustomSchema('x.example.com', 'v1', 'Free', undefined);
  try {
    assert.deepEqual(unknownFields('x.example.com', 'v1', 'Free', { apiVersion: 'x.example.com/v1', kind: 'Free', spec: { a: 1 } }), []);
    assert.deepEqual(unknownFields('x.example.com', 'v1', 'Free', { metadata: { nope: 1 } }), ['metadata.nope']);
  } finally {
    unregisterCustomSchema('x.example.com', 'v1', 'Free');
  }
});
