import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pruneUndeclared } from './prune.ts';
import type { TypeInfo } from './schema/type-info.ts';

const scalar: TypeInfo = { kind: 'scalar', scalar: 'string' };
const container: TypeInfo = { kind: 'object', field: (n) => (n === 'name' || n === 'image' ? scalar : undefined) };
const pod: TypeInfo = {
  kind: 'object',
  field: (n) => ({
    metadata: { kind: 'object', field: (m: string) => (m === 'labels' ? { kind: 'map', elem: scalar } as TypeInfo : m === 'name' ? scalar : undefined) } as TypeInfo,
    spec: { kind: 'object', field: (s: string) => (s === 'containers' ? { kind: 'list', elem: container } as TypeInfo : s === 'extra' ? { kind: 'any' } as TypeInfo : undefined) } as TypeInfo,
  } as Record<string, TypeInfo>)[n],
};

describe('pruneUndeclared', () => {
  it('removes unknown fields at every depth and keeps maps and free-form values', () => {
    const obj = {
      metadata: { name: 'p', labels: { a: 'b' }, bogus: 1 },
      spec: { containers: [{ name: 'c', image: 'i', imagee: 'typo' }], extra: { anything: true }, nope: 2 },
      top: 'x',
    };
    pruneUndeclared(pod, obj);
    assert.deepEqual(obj, { metadata: { name: 'p', labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }], extra: { anything: true } } });
  });
});
