// Tests for the custom JSON forms: Go durations, Time/MicroTime, IntOrString, Quantity, GroupVersion, raw JSON.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fields } from './parse.ts';
import * as s from './special-types.ts';

const f = (entries: [number, string | number | Uint8Array][]): Fields => new Map(entries);
const nested = () => assert.fail('no nested object expected');

test('goDurationString matches time.Duration.String', () => {
  const cases: [number, string][] = [
    [0, '0s'], [1, '1ns'], [999, '999ns'], [1500, '1.5µs'], [1_000_000, '1ms'], [1_500_000, '1.5ms'],
    [1_000_000_000, '1s'], [1_500_000_000, '1.5s'], [60e9, '1m0s'], [90e9, '1m30s'], [3600e9, '1h0m0s'],
    [3723.5e9, '1h2m3.5s'], [-90e9, '-1m30s'], [-1500, '-1.5µs'], [100 * 3600e9 + 1, '100h0m0.000000001s'],
  ];
  for (const [ns, want] of cases) assert.equal(s.goDurationString(ns), want, String(ns));
  assert.equal(s.durationJson(f([[1, 300e9]])), '5m0s');
  assert.equal(s.durationJson(f([])), '0s');
});

test('Time: RFC 3339 in UTC, whole seconds; empty or Go zero time is null', () => {
  assert.equal(s.timeJson(f([[1, 1704067200], [2, 999]])), '2024-01-01T00:00:00Z');
  assert.equal(s.timeJson(f([[1, 0]])), '1970-01-01T00:00:00Z');
  assert.equal(s.timeJson(f([[2, 0]])), '1970-01-01T00:00:00Z');
  assert.equal(s.timeJson(f([])), null);
  assert.equal(s.timeJson(f([[1, -62135596800]])), null);
  assert.equal(s.timeJson(f([[1, -62135596799]])), '0001-01-01T00:00:01Z');
  assert.equal(s.timeJson(f([[1, 253402300799]])), '9999-12-31T23:59:59Z');
});

test('MicroTime: six fraction digits, nanoseconds truncated', () => {
  assert.equal(s.microTimeJson(f([[1, 1704067200], [2, 123456789]])), '2024-01-01T00:00:00.123456Z');
  assert.equal(s.microTimeJson(f([[1, 1704067200]])), '2024-01-01T00:00:00.000000Z');
  assert.equal(s.microTimeJson(f([[1, 1704067200], [2, 999]])), '2024-01-01T00:00:00.000000Z');
  assert.equal(s.microTimeJson(f([])), null);
  assert.equal(s.microTimeJson(f([[1, -62135596800]])), null);
});

test('IntOrString, Quantity, GroupVersion', () => {
  assert.equal(s.intOrStringJson(f([[2, 8080]])), 8080);
  assert.equal(s.intOrStringJson(f([[1, 1], [3, '25%']])), '25%');
  assert.equal(s.intOrStringJson(f([])), 0);
  assert.equal(s.intOrStringJson(f([[1, 1]])), '');
  assert.throws(() => s.intOrStringJson(f([[1, 2]])), /impossible IntOrString.Type/);
  assert.equal(s.quantityJson(f([[1, '100Mi']])), '100Mi');
  assert.equal(s.quantityJson(f([])), '0');
  assert.equal(s.groupVersionJson(f([[1, 'apps'], [2, 'v1']])), 'apps/v1');
  assert.equal(s.groupVersionJson(f([[2, 'v1']])), 'v1');
});

test('raw JSON: parsed; absent or empty is null; invalid is an error', () => {
  const enc = (t: string) => new TextEncoder().encode(t);
  assert.deepEqual(s.rawJson(enc('{"a":[1,true,null]}'), nested), { a: [1, true, null] });
  assert.equal(s.rawJson(undefined, nested), null);
  assert.equal(s.rawJson(new Uint8Array(0), nested), null);
  assert.throws(() => s.rawJson(enc('{'), nested), /not valid JSON/);
  assert.throws(() => s.rawJson(Uint8Array.of(0xff, 0xfe), nested), /not valid JSON/);
  assert.equal(s.rawJson(Uint8Array.of(0x6b, 0x38, 0x73, 0, 1), () => 'nested'), 'nested');
});
