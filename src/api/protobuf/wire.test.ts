// Tests for the protobuf wire reader: varints of every width and sign, fixed values, skipping, truncation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Reader, WireError } from './wire.ts';
import { field, fixed32, fixed64, message, varint } from './test-encoder.ts';

function valueOf(part: Uint8Array): Reader {
  const r = new Reader(part);
  r.tag();
  return r;
}

test('varints: int32 (negative values are ten bytes), int64 across 2^32 and 2^53, uint32, bool', () => {
  assert.equal(valueOf(varint(1, 300)).int32(), 300);
  const neg = varint(1, -2);
  assert.equal(neg.length, 11);
  assert.equal(valueOf(neg).int32(), -2);
  assert.equal(valueOf(varint(1, 2 ** 31 - 1)).int32(), 2 ** 31 - 1);
  assert.equal(valueOf(varint(1, -(2 ** 31))).int32(), -(2 ** 31));
  for (const v of [0, 1, 2 ** 32, 2 ** 32 + 5, 2 ** 40 + 123, Number.MAX_SAFE_INTEGER, -1, -(2 ** 32) - 7, -62135596800]) {
    assert.equal(valueOf(varint(1, v)).int64(), v, String(v));
  }
  assert.equal(valueOf(varint(1, 2 ** 32 - 1)).uint32(), 2 ** 32 - 1);
  assert.equal(valueOf(varint(1, true)).bool(), true);
  assert.equal(valueOf(varint(1, false)).bool(), false);
});

test('tags, fixed values and length-delimited fields', () => {
  const r = new Reader(message(varint(3, 1), field(4, 'héllo'), fixed64(5, 1.5), fixed32(6, 0xdeadbeef), varint(536870911, 0)));
  assert.deepEqual(r.tag(), [3, 0]);
  r.skip(0);
  assert.deepEqual(r.tag(), [4, 2]);
  assert.equal(r.string(), 'héllo');
  assert.deepEqual(r.tag(), [5, 1]);
  assert.equal(r.double(), 1.5);
  assert.deepEqual(r.tag(), [6, 5]);
  assert.equal(r.fixed32(), 0xdeadbeef);
  assert.deepEqual(r.tag(), [536870911, 0]);
  r.skip(0);
  assert.ok(r.done());
});

test('skip handles every wire type, groups included', () => {
  const group = Uint8Array.of((7 << 3) | 3, (1 << 3) | 0, 5, (7 << 3) | 4);
  const r = new Reader(message(fixed64(1, 2), fixed32(2, 3), field(3, 'x'), group, varint(9, 1)));
  for (let i = 0; i < 4; i++) {
    const [n, t] = r.tag();
    r.skip(t, n);
  }
  assert.deepEqual(r.tag(), [9, 0]);
});

test('truncated input, bad lengths and bad wire types are WireErrors', () => {
  assert.throws(() => new Reader(Uint8Array.of(0x80)).uint32(), WireError);
  assert.throws(() => new Reader(Uint8Array.of(0x0a, 5, 1)).bytes(), /unexpected EOF/);
  assert.throws(() => new Reader(Uint8Array.of(0x08)).skip(7), /illegal wire type/);
  assert.throws(() => new Reader(Uint8Array.of(0x00)).tag(), /illegal tag 0/);
  assert.throws(() => new Reader(Uint8Array.of(...Array(11).fill(0xff))).int64(), /overflow/);
  // a reader bounded to a sub-range does not read past its end
  assert.throws(() => new Reader(Uint8Array.of(0x08, 0x96, 0x01), 1, 2).skip(0), WireError);
});
