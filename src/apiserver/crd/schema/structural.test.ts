// Tests for the checks on CRD schemas themselves: structural rules, defaults, and static rules, with Kubernetes' paths.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorString } from '../../../api/errors.ts';
import { checkStructural, isStructural, schemaValidationPath } from './structural.ts';
import { cronTabSchema } from './testdata.ts';
import type { JSONSchemaProps } from './types.ts';

const root = 'spec.validation.openAPIV3Schema';

function check(schema: JSONSchemaProps, opts?: Parameters<typeof checkStructural>[1]): string[] {
  return checkStructural(schema, opts).map(fieldErrorString);
}

/** A root object schema with `spec` described by `spec`. */
function withSpec(spec: JSONSchemaProps): JSONSchemaProps {
  return { type: 'object', properties: { spec } };
}

describe('checkStructural', () => {
  it('accepts a realistic structural schema', () => {
    assert.deepEqual(check(cronTabSchema()), []);
    assert.equal(isStructural(cronTabSchema()), true);
  });

  it('every specified node needs a type', () => {
    assert.deepEqual(check(withSpec({ properties: { replicas: { type: 'integer' } } })), [
      `${root}.properties[spec].type: Required value: must not be empty for specified object fields`,
    ]);
    assert.deepEqual(check({ properties: { spec: { type: 'object' } } }), [`${root}.type: Required value: must not be empty at the root`]);
    assert.deepEqual(check(withSpec({ type: 'array', items: { properties: {} } })), [
      `${root}.properties[spec].items.type: Required value: must not be empty for specified array items`,
    ]);
    assert.equal(isStructural(withSpec({})), false);
  });

  it('int-or-string and preserve-unknown-fields may omit the type', () => {
    assert.deepEqual(check(withSpec({ type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true } } })), []);
    assert.deepEqual(check(withSpec({ 'x-kubernetes-preserve-unknown-fields': true })), []);
  });

  it('uses the per-version path when given', () => {
    assert.deepEqual(check(withSpec({}), { path: 'spec.versions[1].schema' }), [
      'spec.versions[1].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields',
    ]);
  });

  it('the root must be an object', () => {
    assert.deepEqual(check({ type: 'string' }), [`${root}.type: Invalid value: "string": must be object at the root`]);
  });

  it('arrays need items', () => {
    assert.deepEqual(check(withSpec({ type: 'array' })), [`${root}.properties[spec].items: Required value: must be specified`]);
  });

  it('additionalProperties: not at the root, not with properties', () => {
    assert.deepEqual(check({ type: 'object', additionalProperties: { type: 'string' } }), [
      `${root}.additionalProperties: Forbidden: must not be used at the root`,
    ]);
    assert.deepEqual(check(withSpec({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'string' } })), [
      `${root}.properties[spec].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`,
    ]);
  });

  it('metadata at the root may only restrict name and generateName', () => {
    assert.deepEqual(check({ type: 'object', properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 10 } } } } }), []);
    assert.deepEqual(check({ type: 'object', properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } } } }), [
      `${root}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`,
    ]);
    assert.deepEqual(check({ type: 'object', properties: { metadata: { type: 'string' } } }), [
      `${root}.properties[metadata].type: Invalid value: "string": must be object`,
    ]);
    assert.deepEqual(check({ type: 'object', properties: { metadata: { type: 'object', default: {} } } }), [
      `${root}.properties[metadata].default: Forbidden: must not be set in top-level metadata`,
    ]);
  });

  it('value validations under anyOf/allOf/oneOf/not may not shape the object', () => {
    assert.deepEqual(check(withSpec({ type: 'object', properties: { a: { type: 'string' } }, anyOf: [{ type: 'object', description: 'x' }] })), [
      `${root}.properties[spec].anyOf[0].description: Forbidden: must be empty to be structural`,
      `${root}.properties[spec].anyOf[0].type: Forbidden: must be empty to be structural`,
    ]);
    // the int-or-string pattern is exempt
    assert.deepEqual(check(withSpec({ type: 'object', properties: { p: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] } } })), []);
  });

  it('properties used under junctors at the root must be specified', () => {
    assert.deepEqual(check({ type: 'object', properties: { spec: { type: 'object' } }, anyOf: [{ properties: { status: { required: ['a'] } } }] }), [
      `${root}.properties[status]: Required value: because it is defined in ${root}.anyOf[0].properties[status]`,
    ]);
  });

  it('errors of the structural check come sorted', () => {
    assert.deepEqual(check(withSpec({ type: 'object', properties: { z: {}, a: {} } })), [
      `${root}.properties[spec].properties[a].type: Required value: must not be empty for specified object fields`,
      `${root}.properties[spec].properties[z].type: Required value: must not be empty for specified object fields`,
    ]);
  });

  it('embedded resources must be objects with properties or preserve-unknown-fields', () => {
    assert.deepEqual(check(withSpec({ type: 'object', properties: { t: { type: 'object', 'x-kubernetes-embedded-resource': true } } })), [
      `${root}.properties[spec].properties[t].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields`,
    ]);
    assert.deepEqual(check(withSpec({ type: 'object', properties: { t: { type: 'string', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } } })), [
      `${root}.properties[spec].properties[t].type: Invalid value: "string": must be object if x-kubernetes-embedded-resource is true`,
    ]);
  });

  it('defaults must validate against their schema and be pruned', () => {
    assert.deepEqual(check(withSpec({ type: 'object', properties: { replicas: { type: 'integer', default: 'one' } } })), [
      `${root}.properties[spec].properties[replicas].default: Invalid value: "string":  in body must be of type integer: "string"`,
    ]);
    assert.deepEqual(check(withSpec({ type: 'object', properties: { r: { type: 'object', default: { a: 1, b: 2 }, properties: { a: { type: 'integer', maximum: 0 } } } } })), [
      `${root}.properties[spec].properties[r].default: Invalid value: {"a":1,"b":2}: must not have unknown fields`,
      `${root}.properties[spec].properties[r].default.a: Invalid value: 1: a in body should be less than or equal to 0`,
    ]);
  });

  it('static rules on every node', () => {
    assert.deepEqual(check(withSpec({ type: 'object', properties: { l: { type: 'array', uniqueItems: true, items: { type: 'string' } } } })), [
      `${root}.properties[spec].properties[l].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic`,
    ]);
    assert.deepEqual(check(withSpec({ type: 'object', properties: { x: { type: 'strin' } } })), [
      `${root}.properties[spec].properties[x].type: Unsupported value: "strin": supported values: "array", "boolean", "integer", "number", "object", "string"`,
    ]);
    assert.deepEqual(check(withSpec({ type: 'object', properties: { x: { type: 'string', $ref: '#/definitions/x' } } })), [
      `${root}.properties[spec].properties[x].$ref: Forbidden: $ref is not supported`,
    ]);
    assert.deepEqual(check(withSpec({ type: 'object', 'x-kubernetes-preserve-unknown-fields': false })), [
      `${root}.properties[spec].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined`,
    ]);
    assert.deepEqual(check({ type: 'object', nullable: true }), ['spec.validation.openAPIV3Schema.nullable: Forbidden: nullable cannot be true at the root']);
  });

  it('list-type rules', () => {
    assert.deepEqual(check(withSpec({ type: 'object', 'x-kubernetes-list-type': 'set' })), [
      `${root}.properties[spec].type: Invalid value: "object": must be array if x-kubernetes-list-type is specified`,
    ]);
    assert.deepEqual(check(withSpec({ type: 'array', 'x-kubernetes-list-type': 'map', items: { type: 'object', properties: { name: { type: 'string' } } } })), [
      `${root}.properties[spec].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map`,
    ]);
    assert.deepEqual(check(withSpec({ type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object', properties: { name: { type: 'string' } } } })), [
      `${root}.properties[spec].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property`,
    ]);
    assert.deepEqual(check(withSpec({ type: 'array', 'x-kubernetes-list-type': 'bag', items: { type: 'string' } })), [
      `${root}.properties[spec].x-kubernetes-list-type: Unsupported value: "bag": supported values: "atomic", "set", "map"`,
    ]);
  });

  it('x-kubernetes-validations: rules are checked statically, never compiled', () => {
    assert.deepEqual(check(withSpec({ type: 'object', 'x-kubernetes-validations': [{ rule: 'self.a > 0' }, { rule: ' ' }] })), [
      `${root}.properties[spec].x-kubernetes-validations[1].rule: Required value: rule is not specified`,
    ]);
  });

  it('the status subresource restricts the root', () => {
    assert.deepEqual(check({ type: 'object', properties: { spec: { type: 'object' } }, anyOf: [{ required: ['spec'] }] }, { statusSubresource: true }), [
      'spec.validation.openAPIV3Schema: Invalid value: only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled',
    ]);
    assert.deepEqual(check({ type: 'object', properties: { spec: { type: 'object' } } }, { statusSubresource: true }), []);
  });
});

describe('schemaValidationPath', () => {
  it('is spec.validation when all versions share a schema, else the version\'s own', () => {
    const s = { openAPIV3Schema: { type: 'object' } };
    assert.equal(schemaValidationPath([{ schema: s }], 0), 'spec.validation');
    assert.equal(schemaValidationPath([{ schema: s }, { schema: structuredClone(s) }], 1), 'spec.validation');
    assert.equal(schemaValidationPath([{ schema: s }, { schema: { openAPIV3Schema: { type: 'object', description: 'x' } } }], 1), 'spec.versions[1].schema');
  });
});
