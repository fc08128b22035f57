// Key order and prefix ranges agree with UTF-8 byte order, including surrogate pairs.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { compareKeys, prefixEnd, prefixEndBytes } from './keys.ts';

const alphabet = ['a', 'b', '/', '\u0000', '\u007f', '\u00e9', '\u07ff', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{10ffff}', '\u{1f600}'];

function randomKey(rand: () => number): string {
  let s = '';
  const n = Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

it('compareKeys orders like the UTF-8 bytes', () => {
  const rand = rng(42);
  for (let i = 0; i < 5000; i++) {
    const a = randomKey(rand);
    const b = randomKey(rand);
    assert.equal(sign(compareKeys(a, b)), sign(Buffer.compare(Buffer.from(a), Buffer.from(b))), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
});

it('prefixEnd bounds exactly the keys with the prefix', () => {
  const rand = rng(7);
  for (let i = 0; i < 3000; i++) {
    const prefix = randomKey(rand);
    const key = randomKey(rand);
    const end = prefixEnd(prefix);
    const inRange = compareKeys(key, prefix) >= 0 && (end === undefined || compareKeys(key, end) < 0);
    assert.equal(inRange, key.startsWith(prefix), `prefix ${JSON.stringify(prefix)} key ${JSON.stringify(key)} end ${JSON.stringify(end)}`);
  }
  assert.equal(prefixEnd(''), undefined);
  assert.equal(prefixEnd('\u{10ffff}'), undefined);
  assert.equal(prefixEnd('/a/'), '/a0');
  assert.equal(prefixEnd('a\u{10ffff}'), 'b');
  assert.equal(prefixEnd('\ud7ff'), '\ue000');
});

it('prefixEndBytes increments the last byte below 0xff', () => {
  assert.deepEqual([...prefixEndBytes(Buffer.from('/a/'))], [...Buffer.from('/a0')]);
  assert.deepEqual([...prefixEndBytes(Buffer.from([0x61, 0xff, 0xff]))], [0x62]);
  assert.deepEqual([...prefixEndBytes(Buffer.from([0xff]))], [0]);
  assert.deepEqual([...prefixEndBytes(Buffer.alloc(0))], [0]);
});
