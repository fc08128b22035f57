// Tests for the printer registry: every listable built-in resource has a table, and every printer copes with sparse objects.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinResources } from '../registry/catalog.ts';
import { createdAtPrinter, defaultPrinter, printerFor } from './index.ts';
import { NOW } from './test-support.ts';

const listable = builtinResources.filter((r) => (r.verbs ?? ['list']).includes('list'));

describe('printerFor', () => {
  it('has a printer for every listable built-in resource', () => {
    for (const r of listable) assert.ok(printerFor(r.group, r.resource), `${r.group}/${r.resource}`);
  });
  it('has none for create-only resources and unknown ones', () => {
    assert.equal(printerFor('', 'bindings'), undefined);
    assert.equal(printerFor('authorization.k8s.io', 'selfsubjectaccessreviews'), undefined);
    assert.equal(printerFor('example.com', 'widgets'), undefined);
  });
  it('uses the default NAME, CREATED AT table where Kubernetes has no printer', () => {
    for (const [g, r] of [['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'clusterroles'], ['', 'limitranges'], ['apiextensions.k8s.io', 'customresourcedefinitions']]) {
      assert.equal(printerFor(g, r), createdAtPrinter, `${g}/${r}`);
    }
  });

  const printers = [...new Set(listable.map((r) => printerFor(r.group, r.resource)!)), defaultPrinter];
  it('column definitions are well formed', () => {
    for (const p of printers) {
      const names = p.columns.map((c) => c.name);
      assert.equal(new Set(names).size, names.length, names.join());
      assert.ok(p.columns.some((c) => c.name === 'Name' && c.format === 'name' && c.type === 'string'), names.join());
      for (const c of p.columns) {
        assert.ok(['string', 'integer', 'number', 'boolean', 'date'].includes(c.type), `${c.name}: ${c.type}`);
        assert.ok(c.description.length > 0, c.name);
        assert.ok(c.priority === 0 || c.priority === 1, c.name);
      }
    }
  });
  it('every printer gives one cell per column, even for bare objects', () => {
    for (const p of printers) {
      for (const obj of [{}, { metadata: { name: 'x' } }, { metadata: { name: 'x' }, spec: null, status: null }]) {
        assert.equal(p.row(obj, NOW).length, p.columns.length);
      }
    }
  });
  it('AGE of an object without creationTimestamp is <unknown>', () => {
    const pods = printerFor('', 'pods')!;
    assert.equal(pods.row({ metadata: { name: 'p' } }, NOW)[4], '<unknown>');
  });
});
