// Tests for field sets: FieldsV1 encoding exactly as Kubernetes writes it, decoding, ordering and set algebra.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldSet } from './field-set.ts';
import { FieldsV1Error, comparePE, displayPath, fieldPE, indexPE, keyPE, parsePE, serializePE, valuePE } from './path-element.ts';
import type { Path } from './path-element.ts';

const f = fieldPE;
const set = (...paths: Path[]): FieldSet => FieldSet.of(...paths);
const fromText = (text: string): FieldSet => FieldSet.fromFieldsV1(JSON.parse(text));

describe('FieldsV1 encoding', () => {
  it('writes the Kubernetes format for fields, keys and members with children', () => {
    const s = set(
      [f('metadata'), f('labels'), f('app')],
      [f('spec'), f('containers'), keyPE([['name', 'nginx']])],
      [f('spec'), f('containers'), keyPE([['name', 'nginx']]), f('image')],
    );
    assert.equal(
      JSON.stringify(s.toFieldsV1()),
      '{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{}}}}}',
    );
  });

  const roundTrips: [string, string][] = [
    ['empty', '{}'],
    ['one field', '{"f:a":{}}'],
    ['member with children', '{"f:a":{".":{},"f:b":{}}}'],
    ['keys with several fields', '{"f:ports":{"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{}}}}'],
    ['set values', '{"f:finalizers":{"v:\\"a\\"":{},"v:\\"b\\"":{},"v:3":{}}}'],
    ['indexes', '{"f:x":{"i:0":{},"i:10":{}}}'],
  ];
  for (const [name, text] of roundTrips) {
    it(`round-trips ${name}`, () => {
      const s = fromText(text);
      const again = FieldSet.fromFieldsV1(s.toFieldsV1());
      assert.ok(again.equals(s));
      assert.deepEqual(FieldSet.fromFieldsV1(JSON.parse(JSON.stringify(s.toFieldsV1()))).toFieldsV1(), s.toFieldsV1());
    });
  }

  it('writes keys in byte order, "." first', () => {
    const s = fromText('{"i:1":{},"v:\\"x\\"":{},"v:2":{},"k:{\\"b\\":1}":{},"f:z":{},"f:a":{"f:b":{},".":{}}}');
    assert.deepEqual(Object.keys(s.toFieldsV1()), ['f:a', 'f:z', 'i:1', 'k:{"b":1}', 'v:"x"', 'v:2']);
    assert.deepEqual(Object.keys(s.toFieldsV1()['f:a'] as object), ['.', 'f:b']);
  });

  it('orders paths fields, then keys, then values, then indexes; members before children', () => {
    const s = fromText('{"i:1":{},"v:\\"x\\"":{},"v:2":{},"k:{\\"b\\":1}":{},"f:z":{},"f:a":{"f:b":{}}}');
    assert.deepEqual(s.paths().map(displayPath), ['.z', '[b=1]', '[=2]', '[="x"]', '[1]', '.a.b']);
  });

  it('puts key fields in name order whatever order they came in', () => {
    const s = fromText('{"k:{\\"protocol\\":\\"TCP\\",\\"port\\":80}":{}}');
    assert.deepEqual(Object.keys(s.toFieldsV1()), ['k:{"port":80,"protocol":"TCP"}']);
  });

  it('escapes HTML characters inside keys and values as Go does', () => {
    assert.equal(serializePE(valuePE('a<b&c>')), 'v:"a\\u003cb\\u0026c\\u003e"');
    assert.equal(serializePE(keyPE([['name', '<x>']])), 'k:{"name":"\\u003cx\\u003e"}');
  });

  it('reads a lone "." or {} as a member and skips unknown element types', () => {
    const s = fromText('{"f:a":{".":{}},"f:b":{},"x:ignored":{},"f:c":{"y:skip":{}}}');
    assert.deepEqual(s.paths().map(displayPath), ['.a', '.b', '.c']);
  });

  it('rejects malformed keys', () => {
    assert.throws(() => fromText('{"fx":{}}'), FieldsV1Error);
    assert.throws(() => fromText('{"k:{bad":{}}'), FieldsV1Error);
    assert.throws(() => fromText('{"i:one":{}}'), FieldsV1Error);
    assert.throws(() => FieldSet.fromFieldsV1({ 'f:a': 'text' }), FieldsV1Error);
  });

  it('treats a missing fieldsV1 as the empty set', () => {
    assert.ok(FieldSet.fromFieldsV1(undefined).isEmpty());
    assert.ok(FieldSet.fromFieldsV1(null).isEmpty());
  });
});

describe('path elements', () => {
  it('parses every element type', () => {
    assert.deepEqual(parsePE('f:name'), fieldPE('name'));
    assert.deepEqual(parsePE('v:"x"'), valuePE('x'));
    assert.deepEqual(parsePE('i:4'), indexPE(4));
    assert.deepEqual(parsePE('k:{"b":1,"a":"x"}'), keyPE([['a', 'x'], ['b', 1]]));
    assert.equal(parsePE('z:whatever'), undefined);
  });

  it('orders values numbers < strings < booleans < lists < maps < null', () => {
    const values = [null, { a: 1 }, [1], true, 'a', 2, 1.5];
    const sorted = values.map((v) => valuePE(v)).sort(comparePE).map((pe) => pe.kind === 'value' ? pe.value : undefined);
    assert.deepEqual(sorted, [1.5, 2, 'a', true, [1], { a: 1 }, null]);
  });

  it('prints paths as Kubernetes does in messages', () => {
    assert.equal(displayPath([f('spec'), f('containers'), keyPE([['name', 'nginx']]), f('image')]), '.spec.containers[name="nginx"].image');
    assert.equal(displayPath([f('ports'), keyPE([['port', 80], ['protocol', 'TCP']])]), '.ports[port=80,protocol="TCP"]');
    assert.equal(displayPath([f('finalizers'), valuePE('x')]), '.finalizers[="x"]');
    assert.equal(displayPath([f('args'), indexPE(2)]), '.args[2]');
  });
});

describe('set algebra', () => {
  const a = [f('a')];
  const ab = [f('a'), f('b')];
  const ac = [f('a'), f('c')];
  const d = [f('d')];
  const show = (s: FieldSet): string[] => s.paths().map(displayPath);

  const cases: { name: string; got: () => FieldSet; want: string[] }[] = [
    { name: 'union', got: () => set(ab).union(set(ac, d)), want: ['.d', '.a.b', '.a.c'] },
    { name: 'union keeps membership of a parent', got: () => set(a).union(set(ab)), want: ['.a', '.a.b'] },
    { name: 'intersection', got: () => set(ab, ac, d).intersection(set(ac, d)), want: ['.d', '.a.c'] },
    { name: 'intersection of a parent and its child is empty', got: () => set(a).intersection(set(ab)), want: [] },
    { name: 'difference', got: () => set(ab, ac, d).difference(set(ac)), want: ['.d', '.a.b'] },
    { name: 'difference by a parent keeps the children', got: () => set(ab).difference(set(a)), want: ['.a.b'] },
    { name: 'difference by a child keeps the parent', got: () => set(a, ab).difference(set(ab)), want: ['.a'] },
    { name: 'recursive difference removes children of members', got: () => set(ab, ac, d).recursiveDifference(set(a)), want: ['.d'] },
    { name: 'recursive difference of leaves', got: () => set(ab, ac).recursiveDifference(set(ab)), want: ['.a.c'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(show(c.got()), c.want));
  }

  it('has, withPrefix and isEmpty', () => {
    const s = set(ab);
    assert.ok(s.has(ab));
    assert.ok(!s.has(a));
    assert.deepEqual(show(s.withPrefix(f('a'))), ['.b']);
    assert.ok(s.withPrefix(f('zzz')).isEmpty());
    assert.ok(set(ab).difference(set(ab)).isEmpty());
  });

  it('never tracks the empty path', () => {
    assert.ok(set([]).isEmpty());
  });
});
