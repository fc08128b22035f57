// Tests for custom resource tables built from additionalPrinterColumns, and the default tables.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../api/object.ts';
import { crdPrinter } from './crd.ts';
import { createdAtPrinter, defaultPrinter } from './default.ts';
import { ago, rowOf } from './test-support.ts';

const cr: KObject = {
  apiVersion: 'example.com/v1', kind: 'Database',
  metadata: { name: 'pg', creationTimestamp: ago(7200) },
  spec: { replicas: 3, version: 16, ratio: 2.5, big: 1234567.5, tiny: 0.00001, tls: true, owner: null, tags: ['a', 'b'], config: { z: 1, a: '<x>' } },
  status: { conditions: [{ type: 'Ready', status: 'True' }], lastBackup: ago(300), badTime: 'yesterday', emptyTime: '' },
};

describe('crdPrinter', () => {
  it('builds columns from additionalPrinterColumns', () => {
    const p = crdPrinter([
      { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
      { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status', description: 'Readiness', priority: 1 },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    ]);
    assert.deepEqual(p.columns, [
      { name: 'Name', type: 'string', format: 'name', description: p.columns[0].description, priority: 0 },
      { name: 'Replicas', type: 'integer', format: '', description: 'Custom resource definition column (in JSONPath format): .spec.replicas', priority: 0 },
      { name: 'Ready', type: 'string', format: '', description: 'Readiness', priority: 1 },
      { name: 'Age', type: 'date', format: '', description: 'Custom resource definition column (in JSONPath format): .metadata.creationTimestamp', priority: 0 },
    ]);
    assert.deepEqual(rowOf(p, cr), { Name: 'pg', Replicas: 3, Ready: 'True', Age: '120m' });
  });

  it('types cells as Kubernetes does', () => {
    const p = crdPrinter([
      { name: 'I', type: 'integer', jsonPath: '.spec.ratio' },
      { name: 'N', type: 'number', jsonPath: '.spec.replicas' },
      { name: 'B', type: 'boolean', jsonPath: '.spec.tls' },
      { name: 'BadBool', type: 'boolean', jsonPath: '.spec.replicas' },
      { name: 'D', type: 'date', jsonPath: '.status.lastBackup' },
      { name: 'BadDate', type: 'date', jsonPath: '.status.badTime' },
      { name: 'EmptyDate', type: 'date', jsonPath: '.status.emptyTime' },
      { name: 'Missing', type: 'string', jsonPath: '.spec.nothing' },
      { name: 'Null', type: 'string', jsonPath: '.spec.owner' },
      { name: 'NullInt', type: 'integer', jsonPath: '.spec.owner' },
      { name: 'Weird', type: 'date-time', jsonPath: '.spec.replicas' },
    ]);
    assert.deepEqual(rowOf(p, cr), {
      Name: 'pg', I: 2, N: 3, B: true, BadBool: null, D: '5m', BadDate: '<invalid>', EmptyDate: '<unknown>',
      Missing: null, Null: '<no value>', NullInt: null, Weird: null,
    });
  });

  it('prints string columns the way Go prints values', () => {
    const p = crdPrinter([
      { name: 'Int', type: 'string', jsonPath: '.spec.version' },
      { name: 'Float', type: 'string', jsonPath: '.spec.ratio' },
      { name: 'BigFloat', type: 'string', jsonPath: '.spec.big' },
      { name: 'Tiny', type: 'string', jsonPath: '.spec.tiny' },
      { name: 'Bool', type: 'string', jsonPath: '.spec.tls' },
      { name: 'List', type: 'string', jsonPath: '.spec.tags' },
      { name: 'Map', type: 'string', jsonPath: '.spec.config' },
      { name: 'First', type: 'string', jsonPath: '.spec.tags[*]' },
    ]);
    assert.deepEqual(rowOf(p, cr), {
      Name: 'pg', Int: '16', Float: '2.5', BigFloat: '1.2345675e+06', Tiny: '1e-05', Bool: 'true',
      List: '["a","b"]', Map: '{"a":"\\u003cx\\u003e","z":1}', First: 'a',
    });
  });

  it('prints null cells for unparseable paths and failed evaluations', () => {
    const p = crdPrinter([
      { name: 'Bad', type: 'string', jsonPath: '.spec[' },
      { name: 'OutOfRange', type: 'string', jsonPath: '.spec.tags[9]' },
    ]);
    assert.deepEqual(p.row(cr, 0), ['pg', null, null]);
  });

  it('serves NAME, AGE when no columns are given', () => {
    assert.deepEqual(crdPrinter([]).columns.map((c) => [c.name, c.type]), [['Name', 'string'], ['Age', 'date']]);
    assert.deepEqual(rowOf(defaultPrinter, cr), { Name: 'pg', Age: '120m' });
    assert.deepEqual(rowOf(defaultPrinter, { metadata: { name: 'x' } }), { Name: 'x', Age: null });
  });
});

describe('createdAtPrinter', () => {
  it('prints NAME and the RFC 3339 creation time, as Kubernetes does for roles and CRDs', () => {
    assert.deepEqual(createdAtPrinter.columns.map((c) => [c.name, c.type, c.format]), [['Name', 'string', 'name'], ['Created At', 'date', '']]);
    assert.deepEqual(rowOf(createdAtPrinter, { metadata: { name: 'admin', creationTimestamp: '2024-05-06T07:08:09Z' } }),
      { Name: 'admin', 'Created At': '2024-05-06T07:08:09Z' });
  });
});
