// Tests for resource quantities: canonical forms and errors as Kubernetes produces them.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Quantity, QuantityError, canonicalQuantity, compareQuantities, quantityErrors, tryParseQuantity } from './quantity.ts';

describe('Quantity canonical form', () => {
  // Text Kubernetes' int64 fast path already deems canonical is kept verbatim ('1.', '1E3'), as Go does.
  const cases: [string, string][] = [
    ['0', '0'], ['00', '0'], ['-0', '0'], ['0Gi', '0'],
    ['1', '1'], ['1.', '1.'], ['1000', '1k'], ['1k', '1k'], ['1500', '1500'], ['2048', '2048'],
    ['1.5', '1500m'], ['0.5', '500m'], ['.5', '500m'], ['1000m', '1'], ['100m', '100m'], ['1500m', '1500m'],
    ['0.1m', '100u'], ['1n', '1n'], ['0.1n', '1n'], ['0.0000000001', '1n'],
    ['1Ki', '1Ki'], ['12Mi', '12Mi'], ['1024Mi', '1Gi'], ['8Gi', '8Gi'], ['1.5Gi', '1536Mi'], ['0.5Gi', '512Mi'],
    ['0.5Ki', '512'], ['1.1Ki', '1126400m'], ['-1.5Gi', '-1536Mi'], ['1025Ki', '1025Ki'],
    ['1e3', '1e3'], ['1E3', '1E3'], ['1e4', '10e3'], ['1.5e3', '1500'], ['12e6', '12e6'],
    ['1M', '1M'], ['1000M', '1G'], ['5G', '5G'], ['129e6', '129e6'],
    ['9Ei', '9223372036854775807'],
  ];
  for (const [input, want] of cases) {
    it(`${input} → ${want}`, () => assert.equal(Quantity.parse(input).toString(), want));
  }
  it('accepts JSON numbers and trims strings', () => {
    assert.equal(canonicalQuantity(1), '1');
    assert.equal(canonicalQuantity(0.5), '500m');
    assert.equal(canonicalQuantity(' 2Gi '), '2Gi');
    assert.equal(JSON.stringify({ cpu: Quantity.parse('0.25') }), '{"cpu":"250m"}');
  });
});

describe('Quantity errors', () => {
  const cases: [string, string][] = [
    ['', quantityErrors.format], ['abc', quantityErrors.format], ['1Gb', quantityErrors.format],
    ['1.2.3', quantityErrors.format], ['1KiB', quantityErrors.format], ['1kk', quantityErrors.suffix],
    ['1e', quantityErrors.suffix], ['1ki', quantityErrors.suffix],
  ];
  for (const [input, message] of cases) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(() => Quantity.parse(input), (e: unknown) => e instanceof QuantityError && e.message === message);
    });
  }
  it('uses the exact regular expression message', () => {
    assert.equal(quantityErrors.format,
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    assert.equal(tryParseQuantity('nope'), undefined);
    assert.equal(tryParseQuantity({}), undefined);
  });
});

describe('Quantity arithmetic and comparison', () => {
  it('compares across formats and scales', () => {
    assert.equal(compareQuantities('1Gi', '1G'), 1);
    assert.equal(compareQuantities('1000m', '1'), 0);
    assert.equal(compareQuantities('500m', '1'), -1);
    assert.equal(compareQuantities('-1', '0'), -1);
    assert.equal(compareQuantities('1e100', '1'), 1);
    assert.equal(compareQuantities('-1e100', '-1'), -1);
  });
  it('rounds values up, away from zero', () => {
    assert.equal(Quantity.parse('1.5').milliValue(), 1500);
    assert.equal(Quantity.parse('1.5').value(), 2);
    assert.equal(Quantity.parse('100m').value(), 1);
    assert.equal(Quantity.parse('-1.5').value(), -2);
    assert.equal(Quantity.parse('1Gi').value(), 1073741824);
    assert.equal(Quantity.parse('1.5n').milliValue(), 1);
    assert.equal(Quantity.parse('9Ei').valueBig(), (1n << 63n) - 1n);
  });
  it('adds, subtracts and keeps the format of the first non-zero operand', () => {
    assert.equal(Quantity.parse('1Gi').add(Quantity.parse('512Mi')).toString(), '1536Mi');
    assert.equal(Quantity.zero().add(Quantity.parse('1Gi')).toString(), '1Gi');
    assert.equal(Quantity.parse('1').sub(Quantity.parse('250m')).toString(), '750m');
    assert.equal(Quantity.parse('2').mul(3).toString(), '6');
    assert.equal(Quantity.fromMilli(2500).toString(), '2500m');
  });
  it('rounds up to a scale and reports exactness', () => {
    const r = Quantity.parse('1.0001').roundUp(-3);
    assert.equal(r.quantity.toString(), '1001m');
    assert.equal(r.exact, false);
    assert.equal(Quantity.parse('5m').roundUp(-3).exact, true);
  });
});
