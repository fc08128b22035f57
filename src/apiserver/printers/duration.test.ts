// Tests for humanDuration: every boundary of Kubernetes' duration.HumanDuration, and the AGE helpers.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, parseTime, rfc3339, since } from './duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration', () => {
  const cases: [number, string][] = [
    [-2 * s, '<invalid>'], [-1999, '0s'], [-1 * s, '0s'], [-500, '0s'], [0, '0s'], [999, '0s'],
    [1 * s, '1s'], [59 * s, '59s'], [60 * s, '60s'], [119 * s, '119s'], [119 * s + 999, '119s'],
    [2 * m, '2m'], [2 * m + 1 * s, '2m1s'], [3 * m + 2 * s, '3m2s'], [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'], [10 * m + 30 * s, '10m'], [179 * m + 59 * s, '179m'],
    [3 * h, '3h'], [3 * h + 1 * m, '3h1m'], [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'], [8 * h + 30 * m, '8h'], [47 * h + 59 * m, '47h'],
    [48 * h, '2d'], [2 * d + 3 * h, '2d3h'], [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'], [8 * d + 5 * h, '8d'], [2 * y - 1 * h, '729d'],
    [2 * y, '2y'], [2 * y + 1 * d, '2y1d'], [3 * y + 20 * d, '3y20d'], [8 * y - 1 * h, '7y364d'],
    [8 * y, '8y'], [9 * y + 100 * d, '9y'], [50 * y, '50y'],
  ];
  for (const [ms, want] of cases) it(`${ms}ms → ${want}`, () => assert.equal(humanDuration(ms), want));
  it('is "<invalid>" for NaN', () => assert.equal(humanDuration(Number.NaN), '<invalid>'));
});

describe('timestamps', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('AGE of an unset or zero timestamp is <unknown>', () => {
    assert.equal(since(undefined, now), '<unknown>');
    assert.equal(since(null, now), '<unknown>');
    assert.equal(since('', now), '<unknown>');
    assert.equal(since('0001-01-01T00:00:00Z', now), '<unknown>');
    assert.equal(since('not a time', now), '<unknown>');
  });
  it('AGE measures against now', () => assert.equal(since('2024-12-31T23:55:00Z', now), '5m'));
  it('parses fractional and offset times', () => {
    assert.equal(parseTime('2025-01-01T00:00:00.5Z'), now + 500);
    assert.equal(parseTime('2025-01-01T02:00:00+02:00'), now);
  });
  it('formats RFC 3339 in UTC without fractions, Go zero time when unset', () => {
    assert.equal(rfc3339('2025-01-01T02:00:00.789+02:00'), '2025-01-01T00:00:00Z');
    assert.equal(rfc3339(undefined), '0001-01-01T00:00:00Z');
  });
});
