// Tests for structural defaulting of custom resources.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applySchemaDefaults } from './defaults.ts';
import { pruneUnknownFields } from './prune.ts';
import { cronTab, cronTabSchema } from './testdata.ts';
import type { JSONSchemaProps } from './types.ts';

function withDefaults(schema: JSONSchemaProps, obj: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(obj);
  applySchemaDefaults(schema, copy);
  return copy;
}

describe('applySchemaDefaults', () => {
  it('fills absent properties, leaving given ones alone', () => {
    const out = withDefaults(cronTabSchema(), cronTab({ concurrencyPolicy: 'Forbid' }));
    assert.deepEqual(out.spec, { cronSpec: '* * * * */5', image: 'my-awesome-cron-image', concurrencyPolicy: 'Forbid', replicas: 1 });
  });

  it('does not create absent parents', () => {
    const out = withDefaults(cronTabSchema(), { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'x' } });
    assert.equal(out.spec, undefined);
  });

  it('recurses into array items', () => {
    const out = withDefaults(cronTabSchema(), cronTab({ containers: [{ name: 'a' }, { name: 'b', pullPolicy: 'Always' }] }));
    assert.deepEqual((out.spec as Record<string, unknown>).containers, [
      { name: 'a', pullPolicy: 'IfNotPresent' },
      { name: 'b', pullPolicy: 'Always' },
    ]);
  });

  it('applies nested defaults inside a defaulted object', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          default: {},
          properties: { strategy: { type: 'object', default: { type: 'Rolling' }, properties: { type: { type: 'string' }, maxSurge: { type: 'integer', default: 1 } } } },
        },
      },
    };
    assert.deepEqual(withDefaults(schema, {}), { spec: { strategy: { type: 'Rolling', maxSurge: 1 } } });
  });

  it('defaults map values through additionalProperties', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: { spec: { type: 'object', properties: { limits: { type: 'object', additionalProperties: { type: 'object', properties: { max: { type: 'integer', default: 10 } } } } } } },
    };
    assert.deepEqual(withDefaults(schema, { spec: { limits: { cpu: {}, mem: { max: 3 } } } }), { spec: { limits: { cpu: { max: 10 }, mem: { max: 3 } } } });
  });

  it('copies defaults, never shares them', () => {
    const schema: JSONSchemaProps = { type: 'object', properties: { a: { type: 'object', default: { x: [1] }, properties: { x: { type: 'array', items: { type: 'integer' } } } } } };
    const o1 = withDefaults(schema, {});
    ((o1.a as Record<string, unknown>).x as number[]).push(2);
    assert.deepEqual(withDefaults(schema, {}), { a: { x: [1] } });
    assert.deepEqual(schema.default, undefined);
  });

  it('null: dropped when not nullable and without default, defaulted when it has one, kept when nullable', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            plain: { type: 'string' },
            withDefault: { type: 'string', default: 'd' },
            nullable: { type: 'string', nullable: true, default: 'n' },
            list: { type: 'array', items: { type: 'string', default: 'item' } },
          },
        },
      },
    };
    const out = withDefaults(schema, { spec: { plain: null, withDefault: null, nullable: null, list: ['a', null] } });
    assert.deepEqual(out, { spec: { withDefault: 'd', nullable: null, list: ['a', 'item'] } });
  });

  it('keeps nulls where no schema speaks (preserve-unknown-fields)', () => {
    const out = withDefaults(cronTabSchema(), cronTab({ config: { a: null } }));
    assert.deepEqual((out.spec as Record<string, unknown>).config, { a: null });
  });

  it('ignores defaults inside allOf/anyOf/oneOf/not', () => {
    const schema: JSONSchemaProps = { type: 'object', properties: { a: { type: 'string' } }, anyOf: [{ properties: { a: { default: 'x' } } }] };
    assert.deepEqual(withDefaults(schema, {}), {});
  });

  it('defaults apply after pruning: pruned fields are not resurrected, defaults are added', () => {
    const obj = cronTab({ bogus: true });
    const pruned = pruneUnknownFields(cronTabSchema(), obj);
    applySchemaDefaults(cronTabSchema(), obj);
    assert.deepEqual(pruned, ['spec.bogus']);
    assert.deepEqual(obj.spec, { cronSpec: '* * * * */5', image: 'my-awesome-cron-image', replicas: 1, concurrencyPolicy: 'Allow' });
  });
});
