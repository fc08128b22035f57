// Tests for the engine's value operations: merge, compare and removing field sets.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from './compare.ts';
import { FieldSet } from './field-set.ts';
import { merge } from './merge.ts';
import { displayPath, fieldPE, keyPE } from './path-element.ts';
import { removeItems } from './remove.ts';
import { SchemaError } from './shape.ts';
import { container, deployment, podSpec } from './test-types.ts';

const names = (v: unknown): string[] => (v as { name: string }[]).map((c) => c.name);
const show = (s: FieldSet): string[] => s.paths().map(displayPath);

describe('merge', () => {
  it('takes the configuration for leaves and keeps everything else', () => {
    const live = { spec: { replicas: 1, paused: true, selector: { matchLabels: { a: '1', b: '2' } } } };
    const config = { spec: { replicas: 3, selector: { matchLabels: { c: '3' } } } };
    assert.deepEqual(merge(live, config, deployment), { spec: { replicas: 3, paused: true, selector: { matchLabels: { c: '3' } } } });
  });

  it('merges list-map items by key and their fields', () => {
    const live = { containers: [{ name: 'a', image: 'a:1', args: ['x'] }, { name: 'b', image: 'b:1' }] };
    const config = { containers: [{ name: 'a', image: 'a:2' }] };
    assert.deepEqual(merge(live, config, podSpec), { containers: [{ name: 'a', image: 'a:2', args: ['x'] }, { name: 'b', image: 'b:1' }] });
  });

  it('merges sets by value', () => {
    const live = { metadata: { finalizers: ['a', 'b'] } };
    const config = { metadata: { finalizers: ['c', 'a'] } };
    assert.deepEqual(merge(live, config, deployment), { metadata: { finalizers: ['c', 'a', 'b'] } });
  });

  it('replaces atomic lists', () => {
    assert.deepEqual(merge({ name: 'c', args: ['1', '2'] }, { args: ['3'] }, container), { name: 'c', args: ['3'] });
  });

  const order: { name: string; live: string[]; config: string[]; want: string[] }[] = [
    { name: 'new items after shared ones, in config order', live: ['a', 'b'], config: ['b', 'c'], want: ['a', 'b', 'c'] },
    { name: 'shared items reordered like the config', live: ['a', 'b', 'c'], config: ['c', 'a'], want: ['b', 'c', 'a'] },
    { name: 'live-only items keep their place', live: ['x', 'a', 'y', 'b'], config: ['a', 'b'], want: ['x', 'a', 'y', 'b'] },
    { name: 'config into an empty list', live: [], config: ['a', 'b'], want: ['a', 'b'] },
  ];
  for (const c of order) {
    it(`orders items: ${c.name}`, () => {
      const toList = (n: string[]): { name: string }[] => n.map((name) => ({ name }));
      const out = merge({ containers: toList(c.live) }, { containers: toList(c.config) }, podSpec) as { containers: unknown };
      assert.deepEqual(names(out.containers), c.want);
    });
  }

  it('rejects duplicate keys in the configuration', () => {
    assert.throws(() => merge({}, { containers: [{ name: 'a' }, { name: 'a' }] }, podSpec), (e: unknown) =>
      e instanceof SchemaError && e.message === '.containers: duplicate entries for key [name="a"]');
  });

  it('treats a null struct in the configuration as "nothing to merge"', () => {
    assert.deepEqual(merge({ spec: { replicas: 1 } }, { spec: null }, deployment), { spec: { replicas: 1 } });
  });
});

describe('compare', () => {
  it('reports added, modified and removed leaves', () => {
    const c = compare({ spec: { replicas: 1, paused: true } }, { spec: { replicas: 2, template: { spec: { restartPolicy: 'Always' } } } }, deployment);
    assert.deepEqual(show(c.modified), ['.spec.replicas']);
    assert.deepEqual(show(c.removed), ['.spec.paused']);
    assert.deepEqual(show(c.added), ['.spec.template', '.spec.template.spec', '.spec.template.spec.restartPolicy']);
  });

  it('marks added list items and containers themselves', () => {
    const c = compare({ containers: [{ name: 'a' }] }, { containers: [{ name: 'a' }, { name: 'b', resources: {} }] }, podSpec);
    assert.deepEqual(show(c.added), ['.containers[name="b"]', '.containers[name="b"].name', '.containers[name="b"].resources']);
    assert.ok(c.modified.isEmpty() && c.removed.isEmpty());
  });

  it('compares atomic values as a whole', () => {
    const c = compare({ args: ['a'] }, { args: ['a', 'b'] }, container);
    assert.deepEqual(show(c.modified), ['.args']);
  });

  it('finds nothing between equal objects', () => {
    const obj = { spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', env: [{ name: 'X', value: '1' }] }] } } } };
    const c = compare(obj, structuredClone(obj), deployment);
    assert.ok(c.added.isEmpty() && c.modified.isEmpty() && c.removed.isEmpty());
  });
});

describe('removeItems', () => {
  it('removes members with their subtrees and empties containers to null', () => {
    const obj = { spec: { replicas: 1, template: { metadata: { labels: { a: '1' } }, spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b' }] } } } };
    const set = FieldSet.of(
      [fieldPE('spec'), fieldPE('replicas')],
      [fieldPE('spec'), fieldPE('template'), fieldPE('metadata'), fieldPE('labels'), fieldPE('a')],
      [fieldPE('spec'), fieldPE('template'), fieldPE('spec'), fieldPE('containers'), keyPE([['name', 'a']])],
    );
    assert.deepEqual(removeItems(obj, set, deployment), { spec: { template: { metadata: { labels: null }, spec: { containers: [{ name: 'b' }] } } } });
  });

  it('returns the value unchanged for an empty set', () => {
    const obj = { a: 1 };
    assert.equal(removeItems(obj, FieldSet.empty(), undefined), obj);
  });
});
