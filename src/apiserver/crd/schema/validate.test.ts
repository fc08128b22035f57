// Tests for custom resource validation against CRD schemas: Kubernetes' exact field paths and messages.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorString, invalid as invalidStatus } from '../../../api/errors.ts';
import { cronTab, cronTabSchema } from './testdata.ts';
import type { JSONSchemaProps } from './types.ts';
import { validateAgainstSchema, validateUpdateAgainstSchema } from './validate.ts';

function errs(schema: JSONSchemaProps, obj: unknown, rootPath?: string): string[] {
  return validateAgainstSchema(schema, obj, rootPath).map(fieldErrorString);
}

function specErrs(spec: Record<string, unknown>): string[] {
  return errs(cronTabSchema(), cronTab(spec));
}

/** A schema with one field `spec.x` described by `x`. */
function one(x: JSONSchemaProps): JSONSchemaProps {
  return { type: 'object', properties: { spec: { type: 'object', properties: { x } } } };
}

function xErrs(x: JSONSchemaProps, value: unknown): string[] {
  return errs(one(x), { spec: { x: value } });
}

describe('validateAgainstSchema: the common cases', () => {
  it('accepts a valid object', () => {
    assert.deepEqual(specErrs({ replicas: 3, concurrencyPolicy: 'Forbid', port: 8080, tags: ['a', 'b'] }), []);
    assert.deepEqual(specErrs({ port: 'http', containers: [{ name: 'c', ports: [80, 443] }] }), []);
  });

  it('type mismatch shows the JSON type of the value', () => {
    assert.deepEqual(specErrs({ replicas: 'three' }), [
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    ]);
    assert.deepEqual(specErrs({ suspend: 'yes' }), [
      'spec.suspend: Invalid value: "string": spec.suspend in body must be of type boolean: "string"',
    ]);
    assert.deepEqual(specErrs({ image: 42 }), [
      'spec.image: Invalid value: "integer": spec.image in body must be of type string: "integer"',
    ]);
    assert.deepEqual(specErrs({ containers: { name: 'c' } }), [
      'spec.containers: Invalid value: "object": spec.containers in body must be of type array: "object"',
    ]);
    assert.deepEqual(errs(cronTabSchema(), { ...cronTab(), spec: 'nope' }), [
      'spec: Invalid value: "string": spec in body must be of type object: "string"',
    ]);
  });

  it('the cause is FieldValueTypeInvalid and renders into the 422 Status as Kubernetes does', () => {
    const list = validateAgainstSchema(cronTabSchema(), cronTab({ replicas: 'three' }));
    assert.equal(list[0].type, 'FieldValueTypeInvalid');
    const st = invalidStatus('CronTab', 'stable.example.com', 'my-new-cron-object', list).toStatus();
    assert.equal(st.message, 'CronTab.stable.example.com "my-new-cron-object" is invalid: spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"');
  });

  it('integers are JSON numbers without a fraction; fractions are numbers', () => {
    assert.deepEqual(specErrs({ replicas: 2.0 }), []);
    assert.deepEqual(specErrs({ replicas: 2.5 }), [
      'spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"',
      '<nil>: Invalid value: "": Checked value must be of type integer (default format) in spec.replicas',
    ]);
    assert.deepEqual(xErrs({ type: 'number' }, 3), []);
    assert.deepEqual(xErrs({ type: 'number' }, 3.25), []);
  });

  it('required fields', () => {
    assert.deepEqual(errs(cronTabSchema(), { ...cronTab(), spec: {} }), [
      'spec.cronSpec: Required value',
      'spec.image: Required value',
    ]);
    assert.deepEqual(specErrs({ containers: [{ image: 'x' }] }), ['spec.containers[0].name: Required value']);
    assert.deepEqual(errs({ type: 'object', required: ['spec'], properties: { spec: { type: 'object' } } }, { kind: 'X' }), [
      'spec: Required value',
    ]);
  });

  it('enum lists the supported values', () => {
    assert.deepEqual(specErrs({ concurrencyPolicy: 'Sometimes' }), [
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
    ]);
    assert.deepEqual(xErrs({ type: 'integer', enum: [1, 2, 3] }, 4), ['spec.x: Unsupported value: 4: supported values: "1", "2", "3"']);
    assert.deepEqual(xErrs({ type: 'integer', enum: [1, 2, 3] }, 2), []);
  });

  it('minimum and maximum, inclusive and exclusive', () => {
    assert.deepEqual(specErrs({ replicas: 0 }), ['spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1']);
    assert.deepEqual(specErrs({ replicas: 11 }), ['spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10']);
    assert.deepEqual(xErrs({ type: 'integer', minimum: 0, exclusiveMinimum: true }, 0), [
      'spec.x: Invalid value: 0: spec.x in body should be greater than 0',
    ]);
    assert.deepEqual(xErrs({ type: 'number', maximum: 1.5, exclusiveMaximum: true }, 1.5), [
      'spec.x: Invalid value: 1.5: spec.x in body should be less than 1.5',
    ]);
    assert.deepEqual(xErrs({ type: 'number', maximum: 1000000 }, 1000000.5), [
      'spec.x: Invalid value: 1000000.5: spec.x in body should be less than or equal to 1e+06',
    ]);
  });

  it('pattern', () => {
    assert.deepEqual(specErrs({ cronSpec: 'every minute' }), [
      'spec.cronSpec: Invalid value: "every minute": spec.cronSpec in body should match \'^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$\'',
    ]);
    assert.deepEqual(xErrs({ type: 'string', pattern: '(?i)^abc$' }, 'ABC'), []);
    assert.deepEqual(xErrs({ type: 'string', pattern: '^[a-z]+\\z' }, 'abc'), []);
  });

  it('maxLength and minLength (counted in characters)', () => {
    assert.deepEqual(specErrs({ image: 'x'.repeat(33) }), ['spec.image: Too long: may not be more than 32 bytes']);
    assert.deepEqual(specErrs({ image: 'é'.repeat(32) }), []);
    assert.deepEqual(specErrs({ containers: [{ name: '' }] }), [
      'spec.containers[0].name: Invalid value: "": spec.containers[0].name in body should be at least 1 chars long',
    ]);
  });

  it('multipleOf', () => {
    assert.deepEqual(xErrs({ type: 'integer', multipleOf: 5 }, 12), ['spec.x: Invalid value: 12: spec.x in body should be a multiple of 5']);
    assert.deepEqual(xErrs({ type: 'integer', multipleOf: 5 }, 15), []);
    assert.deepEqual(xErrs({ type: 'number', multipleOf: 0.25 }, 0.75), []);
    assert.deepEqual(xErrs({ type: 'number', multipleOf: 0.25 }, 0.3), ['spec.x: Invalid value: 0.3: spec.x in body should be a multiple of 0.25']);
  });

  it('items, minItems, maxItems, uniqueItems', () => {
    assert.deepEqual(specErrs({ containers: [{ name: 'a', ports: [0, 80, 70000] }] }), [
      'spec.containers[0].ports[0]: Invalid value: 0: spec.containers[0].ports[0] in body should be greater than or equal to 1',
      'spec.containers[0].ports[2]: Invalid value: 70000: spec.containers[0].ports[2] in body should be less than or equal to 65535',
    ]);
    // Kubernetes prints `spec.containers: Too many: 4: must have at most 3 items`; the value is carried for that.
    assert.deepEqual(validateAgainstSchema(cronTabSchema(), cronTab({ containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] })), [
      { type: 'FieldValueTooMany', field: 'spec.containers', value: 4, detail: 'must have at most 3 items' },
    ]);
    assert.deepEqual(xErrs({ type: 'array', minItems: 1, items: { type: 'string' } }, []), [
      'spec.x: Invalid value: 0: spec.x in body should have at least 1 items',
    ]);
    assert.deepEqual(xErrs({ type: 'array', uniqueItems: true, items: { type: 'string' } }, ['a', 'a']), [
      'spec.x: Invalid value: "": spec.x in body shouldn\'t contain duplicates',
    ]);
  });

  it('additionalProperties: map values use dotted keys; false forbids keys', () => {
    assert.deepEqual(specErrs({ labels: { team: 'infra', owner: 'someone-long' } }), [
      'spec.labels.owner: Too long: may not be more than 8 bytes',
    ]);
    assert.deepEqual(specErrs({ labels: { n: 1 } }), [
      'spec.labels.n: Invalid value: "integer": spec.labels.n in body must be of type string: "integer"',
    ]);
    assert.deepEqual(xErrs({ type: 'object', additionalProperties: false }, { a: 1 }), [
      'spec.x: Invalid value: "a": spec.x.a in body is a forbidden property',
    ]);
  });

  it('minProperties and maxProperties', () => {
    assert.deepEqual(xErrs({ type: 'object', minProperties: 2, additionalProperties: { type: 'string' } }, { a: 'b' }), [
      'spec.x: Invalid value: 1: spec.x in body should have at least 2 properties',
    ]);
    assert.deepEqual(validateAgainstSchema(one({ type: 'object', maxProperties: 1, additionalProperties: { type: 'string' } }), { spec: { x: { a: 'b', c: 'd' } } }), [
      { type: 'FieldValueTooMany', field: 'spec.x', value: 2, detail: 'must have at most 1 items' },
    ]);
  });

  it('nullable', () => {
    assert.deepEqual(specErrs({ schedule: null }), []);
    assert.deepEqual(specErrs({ image: null }), [
      'spec.image: Invalid value: "null": spec.image in body must be of type string: "null"',
    ]);
  });

  it('formats kube-openapi checks', () => {
    assert.deepEqual(specErrs({ owner: 'not-an-email' }), [
      'spec.owner: Invalid value: "not-an-email": spec.owner in body must be of type email: "not-an-email"',
    ]);
    assert.deepEqual(specErrs({ owner: 'Jane <jane@example.com>', schedule: '2024-02-29T10:00:00Z' }), []);
    assert.deepEqual(specErrs({ schedule: '2023-02-29T10:00:00Z' }), [
      'spec.schedule: Invalid value: "2023-02-29T10:00:00Z": spec.schedule in body must be of type date-time: "2023-02-29T10:00:00Z"',
    ]);
    const cases: [string, string, boolean][] = [
      ['uuid', '123e4567-e89b-12d3-a456-426614174000', true], ['uuid', 'nope', false],
      ['ipv4', '10.0.0.1', true], ['ipv4', '::1', false], ['ipv6', '::1', true], ['ipv6', '10.0.0.1', false],
      ['cidr', '10.0.0.0/8', true], ['cidr', '10.0.0.0', false], ['hostname', 'example.com', true], ['hostname', '-x.com', false],
      ['date', '2024-01-31', true], ['date', '2024-1-31', false], ['byte', 'aGVsbG8=', true], ['byte', 'hello', false],
      ['duration', '1h30m', true], ['duration', '3 days', true], ['duration', 'soon', false],
      ['mac', '00:00:5e:00:53:01', true], ['mac', '00:00:5e', false], ['uri', 'https://example.com/a?b', true], ['uri', 'relative/path', false],
      ['int32', 'anything', true], ['unknown-format', 'anything', true],
    ];
    for (const [format, value, ok] of cases) {
      assert.equal(xErrs({ type: 'string', format }, value).length === 0, ok, `${format} ${value}`);
    }
  });

  it('a format on a string field does not accept numbers', () => {
    assert.deepEqual(xErrs({ type: 'string', format: 'date-time' }, 5), [
      'spec.x: Invalid value: "int64": spec.x in body must be of type date-time: "int64"',
    ]);
  });

  it('x-kubernetes-int-or-string', () => {
    assert.deepEqual(specErrs({ port: 80 }), []);
    assert.deepEqual(specErrs({ port: 'http' }), []);
    assert.deepEqual(xErrs({ 'x-kubernetes-int-or-string': true }, [1]), [
      'spec.x: Invalid value: "array": spec.x in body must be of type integer,string: "array"',
    ]);
    assert.deepEqual(xErrs({ 'x-kubernetes-int-or-string': true, pattern: '^\\d+%$' }, '50'), [
      'spec.x: Invalid value: "50": spec.x in body should match \'^\\d+%$\'',
    ]);
  });

  it('anyOf, oneOf, allOf and not report at <nil> with the quoted path', () => {
    const s: JSONSchemaProps = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] };
    assert.deepEqual(xErrs(s, { a: 'x' }), []);
    assert.deepEqual(xErrs(s, { a: 'x', b: 'y' }), ['<nil>: Invalid value: "": "spec.x" must validate one and only one schema (oneOf). Found 2 valid alternatives']);
    assert.deepEqual(xErrs(s, {}), [
      '<nil>: Invalid value: "": "spec.x" must validate one and only one schema (oneOf). Found none valid',
      'spec.x.a: Required value',
    ]);
    assert.deepEqual(xErrs({ type: 'string', not: { enum: ['root'] } }, 'root'), ['<nil>: Invalid value: "": "spec.x" must not validate the schema (not)']);
    assert.deepEqual(xErrs({ type: 'integer', allOf: [{ minimum: 1 }, { maximum: 5 }] }, 9), [
      'spec.x: Invalid value: 9: spec.x in body should be less than or equal to 5',
      '<nil>: Invalid value: "": "spec.x" must validate all the schemas (allOf)',
    ]);
    assert.deepEqual(errs({ type: 'object', properties: { spec: { type: 'object', properties: { x: { type: 'string' } }, anyOf: [{ required: ['x'] }] } } }, { spec: {} }, 'body'), [
      'body: Invalid value: "": "spec" must validate at least one schema (anyOf)',
      'body.spec.x: Required value',
    ]);
  });

  it('x-kubernetes-preserve-unknown-fields subtrees accept anything', () => {
    assert.deepEqual(specErrs({ config: { anything: [1, { deep: true }], goes: 'here' } }), []);
    assert.deepEqual(specErrs({ config: 'not an object' }), [
      'spec.config: Invalid value: "string": spec.config in body must be of type object: "string"',
    ]);
  });

  it('x-kubernetes-embedded-resource requires apiVersion and kind and valid metadata', () => {
    assert.deepEqual(specErrs({ template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'web' } } } }), []);
    assert.deepEqual(specErrs({ template: { metadata: { name: 'a/b' } } }), [
      'spec.template.apiVersion: Required value',
      'spec.template.kind: Required value',
      "spec.template.metadata.name: Invalid value: \"a/b\": may not contain '/'",
    ]);
    assert.deepEqual(specErrs({ template: { apiVersion: 'a/b/c', kind: 'Pod_1' } }), [
      'spec.template.apiVersion: Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c',
      "spec.template.kind: Invalid value: \"Pod_1\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    assert.deepEqual(specErrs({ template: { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { 'bad key!': 'x' } } } }).length, 1);
  });

  it('x-kubernetes-list-type set and map report duplicates at their index', () => {
    assert.deepEqual(specErrs({ tags: ['a', 'b', 'a', 'a', 'b'] }), [
      'spec.tags[2]: Duplicate value: "a"',
      'spec.tags[4]: Duplicate value: "b"',
    ]);
    const list = validateAgainstSchema(cronTabSchema(), cronTab({ containers: [{ name: 'c', env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] }] }));
    assert.equal(list.length, 1);
    assert.equal(list[0].field, 'spec.containers[0].env[1]');
    assert.equal(list[0].type, 'FieldValueDuplicate');
    assert.deepEqual(list[0].value, { name: 'A' });
    assert.deepEqual(specErrs({ containers: [{ name: 'c', env: ['x'] }] }).at(-1), 'spec.containers[0].env[0]: Invalid value: "x": must be an object for an array of list-type map');
  });

  it('root metadata: only name/generateName restrictions are checked here', () => {
    const s: JSONSchemaProps = { type: 'object', properties: { metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 5 } } } } };
    assert.deepEqual(errs(s, { metadata: { name: 'toolong', labels: { a: 'b' } } }), ['metadata.name: Too long: may not be more than 5 bytes']);
    assert.deepEqual(errs(s, { metadata: { name: 'ok', anything: 1 } }), []);
  });

  it('x-kubernetes-validations (CEL) are carried but not run', () => {
    const s = one({ type: 'integer', 'x-kubernetes-validations': [{ rule: 'self > 100', message: 'too small' }] });
    assert.deepEqual(errs(s, { spec: { x: 1 } }), []);
  });

  it('reports several errors in one pass', () => {
    assert.deepEqual(specErrs({ replicas: 20, concurrencyPolicy: 'x', image: 7 }), [
      'spec.image: Invalid value: "integer": spec.image in body must be of type string: "integer"',
      'spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10',
      'spec.concurrencyPolicy: Unsupported value: "x": supported values: "Allow", "Forbid", "Replace"',
    ]);
  });

  it('on update, list-type uniqueness is enforced only if the old object met it', () => {
    const bad = cronTab({ tags: ['a', 'a'] });
    assert.deepEqual(validateUpdateAgainstSchema(cronTabSchema(), bad, bad).map(fieldErrorString), []);
    assert.deepEqual(validateUpdateAgainstSchema(cronTabSchema(), bad, cronTab()).map(fieldErrorString), ['spec.tags[1]: Duplicate value: "a"']);
    assert.deepEqual(validateUpdateAgainstSchema(cronTabSchema(), cronTab({ replicas: 0 }), bad).map(fieldErrorString), [
      'spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1',
    ]);
  });
});
