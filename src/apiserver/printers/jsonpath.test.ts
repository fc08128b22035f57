// Tests for the kubectl JSONPath subset: parsing and evaluation as client-go's jsonpath does it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './jsonpath-eval.ts';
import { JsonPathError, parseColumnPath } from './jsonpath.ts';

const obj = {
  metadata: { name: 'db', labels: { 'app.kubernetes.io/name': 'pg', tier: 'data' } },
  spec: { replicas: 3, ratio: 0.5, paused: false, tags: ['a', 'b', 'c'] },
  status: {
    conditions: [
      { type: 'Ready', status: 'True', reason: 'AllGood' },
      { type: 'Synced', status: 'False', observedGeneration: 4 },
    ],
    nodes: [{ name: 'n1', port: 5432 }, { name: 'n2', port: 5433 }],
  },
};

function run(path: string): unknown[] {
  return evaluate(parseColumnPath(path), [obj]);
}

describe('jsonpath', () => {
  it('walks fields, with missing keys giving nothing', () => {
    assert.deepEqual(run('.spec.replicas'), [3]);
    assert.deepEqual(run('.spec.missing.deeper'), []);
    assert.deepEqual(run('.metadata.labels.app\\.kubernetes\\.io/name'), ['pg']);
    assert.deepEqual(run(".metadata.labels['tier']"), ['data']);
    assert.deepEqual(run('$.spec.paused'), [false]);
  });
  it('indexes, slices and wildcards lists', () => {
    assert.deepEqual(run('.spec.tags[0]'), ['a']);
    assert.deepEqual(run('.spec.tags[-1]'), ['c']);
    assert.deepEqual(run('.spec.tags[1:]'), ['b', 'c']);
    assert.deepEqual(run('.spec.tags[:2]'), ['a', 'b']);
    assert.deepEqual(run('.spec.tags[*]'), ['a', 'b', 'c']);
    assert.deepEqual(run('.status.nodes[*].name'), ['n1', 'n2']);
    assert.deepEqual(run('.spec.tags[0,2]'), ['a', 'c']);
    assert.throws(() => run('.spec.tags[5]'), JsonPathError);
  });
  it('filters by comparison and existence', () => {
    assert.deepEqual(run('.status.conditions[?(@.type=="Ready")].status'), ['True']);
    assert.deepEqual(run(".status.conditions[?(@.type == 'Synced')].observedGeneration"), [4]);
    assert.deepEqual(run('.status.conditions[?(@.reason)].type'), ['Ready']);
    assert.deepEqual(run('.status.nodes[?(@.port>5432)].name'), ['n2']);
    assert.deepEqual(run('.status.nodes[?(@.port<=5433)].name'), ['n1', 'n2']);
    assert.deepEqual(run('.status.nodes[?(@.name!="n1")].port'), [5433]);
    assert.deepEqual(run('.status.missing[?(@.type=="Ready")].status'), []);
    // Comparing different kinds fails the whole evaluation, as Go's template comparison does.
    assert.throws(() => run('.status.nodes[?(@.port=="5432")].name'), JsonPathError);
  });
  it('descends recursively', () => {
    assert.deepEqual(run('..port'), [5432, 5433]);
    assert.deepEqual(run('.status..reason'), ['AllGood']);
  });
  it('rejects malformed paths', () => {
    assert.throws(() => parseColumnPath('.spec[?(@.a=="b"'), JsonPathError);
    assert.throws(() => parseColumnPath('.spec.tags[x]'), JsonPathError);
    assert.throws(() => parseColumnPath('.spec.tags[0'), JsonPathError);
    assert.throws(() => parseColumnPath('spec.replicas'), JsonPathError);
  });
});
