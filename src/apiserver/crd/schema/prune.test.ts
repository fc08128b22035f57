// Tests for pruning unknown fields from custom resources, and the paths reported for them.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pruneStructural, pruneUnknownFields } from './prune.ts';
import { cronTab, cronTabSchema } from './testdata.ts';
import type { JSONSchemaProps } from './types.ts';

describe('pruneUnknownFields', () => {
  it('removes unknown fields and reports them as Kubernetes does (unknown field "spec.foo")', () => {
    const obj = cronTab({ foo: 1, containers: [{ name: 'a', bogus: true, ports: [80] }], labels: { a: 'b' } });
    obj.extraTop = 'x';
    const paths = pruneUnknownFields(cronTabSchema(), obj);
    assert.deepEqual(paths, ['extraTop', 'spec.containers[0].bogus', 'spec.foo']);
    assert.deepEqual(obj, cronTab({ containers: [{ name: 'a', ports: [80] }], labels: { a: 'b' } }));
  });

  it('never prunes apiVersion, kind or metadata at the root, even when the schema omits them', () => {
    const obj = { apiVersion: 'a/v1', kind: 'K', metadata: { name: 'x', whatever: 1 }, spec: { a: 1 } };
    assert.deepEqual(pruneUnknownFields({ type: 'object', properties: { spec: { type: 'object' } } }, obj), ['spec.a']);
    assert.deepEqual(obj, { apiVersion: 'a/v1', kind: 'K', metadata: { name: 'x', whatever: 1 }, spec: {} });
  });

  it('keeps everything below x-kubernetes-preserve-unknown-fields', () => {
    const obj = cronTab({ config: { any: { deep: [1, { x: 2 }] } } });
    assert.deepEqual(pruneUnknownFields(cronTabSchema(), obj), []);
    assert.deepEqual((obj.spec as Record<string, unknown>).config, { any: { deep: [1, { x: 2 }] } });
  });

  it('prunes again inside specified properties below preserve-unknown-fields', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
      properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } },
    };
    const obj = { free: 1, spec: { a: 'x', b: 'y' } };
    assert.deepEqual(pruneUnknownFields(schema, obj), ['spec.b']);
    assert.deepEqual(obj, { free: 1, spec: { a: 'x' } });
  });

  it('map values are named by dotted keys', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: { spec: { type: 'object', properties: { m: { type: 'object', additionalProperties: { type: 'object', properties: { v: { type: 'string' } } } } } } },
    };
    const obj = { spec: { m: { k1: { v: 'a', junk: 1 } } } };
    assert.deepEqual(pruneUnknownFields(schema, obj), ['spec.m.k1.junk']);
  });

  it('embedded resources keep their TypeMeta and ObjectMeta fields only', () => {
    const obj = cronTab({
      template: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', bogus: 'x', labels: {}, creationTimestamp: null, ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'n', uid: 'u', extra: 1 }] },
        spec: { containers: [] },
      },
    });
    const paths = pruneUnknownFields(cronTabSchema(), obj);
    assert.deepEqual(paths, ['spec.template.metadata.bogus', 'spec.template.metadata.ownerReferences[0].extra']);
    assert.deepEqual((obj.spec as Record<string, unknown>).template, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'n', uid: 'u' }] },
      spec: { containers: [] },
    });
  });

  it('an embedded resource without preserve-unknown-fields prunes its own unknown fields but not its metadata', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } },
            },
          },
        },
      },
    };
    const obj = { spec: { items: [{ apiVersion: 'v1', kind: 'X', metadata: { name: 'n' }, spec: { a: 'x', b: 1 }, status: {} }] } };
    assert.deepEqual(pruneUnknownFields(schema, obj), ['spec.items[0].spec.b', 'spec.items[0].status']);
    assert.deepEqual(obj.spec.items[0], { apiVersion: 'v1', kind: 'X', metadata: { name: 'n' }, spec: { a: 'x' } });
  });

  it('additionalProperties: false or true keeps scalar values; unstructured objects inside lose their fields', () => {
    const schema: JSONSchemaProps = { type: 'object', properties: { m: { type: 'object', additionalProperties: true } } };
    const obj = { m: { a: 1, b: { c: 2 } } };
    assert.deepEqual(pruneUnknownFields(schema, obj), ['m.b.c']);
    assert.deepEqual(obj, { m: { a: 1, b: {} } });
  });

  it('pruneStructural without the resource-root exemption drops top-level apiVersion silently, as Kubernetes does', () => {
    const obj: Record<string, unknown> = { apiVersion: 'v1', a: 1, b: 2 };
    assert.deepEqual(pruneStructural({ type: 'object', properties: { a: { type: 'integer' } } }, obj, false), ['b']);
    assert.deepEqual(obj, { a: 1 });
  });
});
