// Tests for apply request validation: PatchOptions, the object's name and namespace, managedFields entries.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldErrorString } from '../errors.ts';
import type { KObject } from '../object.ts';
import { checkObjectMatchesRequest, validateFieldManager, validateManagedFields, validatePatchOptions } from './validate.ts';

const APPLY = 'application/apply-patch+yaml';
const MERGE = 'application/merge-patch+json';

describe('validatePatchOptions', () => {
  it('requires a fieldManager for apply (422 on PatchOptions)', () => {
    const err = validatePatchOptions({ patchType: APPLY });
    assert.ok(err);
    assert.equal(err.code, 422);
    assert.equal(err.reason, 'Invalid');
    assert.equal(err.message, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    assert.deepEqual(err.details?.causes, [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }]);
    assert.equal(err.details?.kind, 'PatchOptions');
    assert.equal(err.details?.group, 'meta.k8s.io');
  });

  const cases: { name: string; input: Parameters<typeof validatePatchOptions>[0]; want: string | undefined }[] = [
    { name: 'apply with a manager', input: { patchType: APPLY, fieldManager: 'kubectl' }, want: undefined },
    { name: 'apply with force', input: { patchType: `${APPLY}; charset=utf-8`, fieldManager: 'kubectl', force: 'true' }, want: undefined },
    { name: 'merge patch without manager', input: { patchType: MERGE }, want: undefined },
    { name: 'merge patch with force', input: { patchType: MERGE, force: 'true' }, want: 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch' },
    {
      name: 'a manager name that is too long',
      input: { patchType: APPLY, fieldManager: 'm'.repeat(129) },
      want: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes',
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(validatePatchOptions(c.input)?.message, c.want));
  }
});

describe('validateFieldManager', () => {
  it('reports unprintable characters with their byte position', () => {
    const errs = validateFieldManager('ab\u0007');
    assert.deepEqual(errs.map(fieldErrorString), ['fieldManager: Invalid value: "ab\\u0007": invalid character U+0007 (at position 2)']);
  });

  it('accepts printable names', () => {
    assert.deepEqual(validateFieldManager('kubectl-client-side-apply'), []);
  });
});

describe('checkObjectMatchesRequest', () => {
  const obj = (meta: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta });

  it('fills in the request namespace', () => {
    const o = obj({ name: 'a' });
    assert.equal(checkObjectMatchesRequest(o, 'a', 'default'), undefined);
    assert.equal(o.metadata?.namespace, 'default');
  });

  it('clears the namespace of cluster-scoped objects', () => {
    const o = obj({ name: 'a', namespace: 'x' });
    assert.equal(checkObjectMatchesRequest(o, 'a', ''), undefined);
    assert.equal(o.metadata?.namespace, undefined);
  });

  it('rejects another namespace', () => {
    assert.equal(checkObjectMatchesRequest(obj({ name: 'a', namespace: 'x' }), 'a', 'default')?.message,
      'the namespace of the provided object does not match the namespace sent on the request');
  });

  it('rejects another or a missing name', () => {
    const wrong = checkObjectMatchesRequest(obj({ name: 'b' }), 'a', 'default');
    assert.equal(wrong?.code, 400);
    assert.equal(wrong?.message, 'the name of the object (b) does not match the name on the URL (a)');
    assert.equal(checkObjectMatchesRequest(obj({}), 'a', 'default')?.message, 'the name of the object () does not match the name on the URL (a)');
  });
});

describe('validateManagedFields', () => {
  it('checks operation, fieldsType, manager and subresource', () => {
    const errs = validateManagedFields([
      { manager: 'ok', operation: 'Apply', fieldsType: 'FieldsV1' },
      { manager: 'ok', operation: 'Patch', fieldsType: 'FieldsV2', subresource: 's'.repeat(257) },
    ]);
    assert.deepEqual(errs.map(fieldErrorString), [
      'metadata.managedFields[1].operation: Invalid value: "Patch": must be `Apply` or `Update`',
      'metadata.managedFields[1].fieldsType: Invalid value: "FieldsV2": must be `FieldsV1`',
      'metadata.managedFields[1].subresource: Too long: may not be more than 256 bytes',
    ]);
  });
});
