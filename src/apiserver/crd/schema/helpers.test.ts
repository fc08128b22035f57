// Tests for the small pieces behind schema validation: Go renderings, RE2 pattern translation, string formats.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatChecker, isDate, isDateTime } from './formats.ts';
import { goFloat, goJSON, goList, goNumber, goQuote } from './go-format.ts';
import { compilePattern } from './regex.ts';

describe('Go renderings', () => {
  it('%v of float64 switches to exponent form as Go does', () => {
    assert.equal(goFloat(1.5), '1.5');
    assert.equal(goFloat(123456), '123456');
    assert.equal(goFloat(1000000), '1e+06');
    assert.equal(goFloat(1234567), '1.234567e+06');
    assert.equal(goFloat(0.0001), '0.0001');
    assert.equal(goFloat(0.00001), '1e-05');
    assert.equal(goNumber(10000000), '10000000');
  });
  it('%q, enum lists and sorted-key JSON', () => {
    assert.equal(goQuote('a"b\n\x01é'), '"a\\"b\\n\\x01é"');
    assert.equal(goList(['a', 1, true, null]), '[a 1 true <nil>]');
    assert.equal(goJSON({ b: 1, a: [true, 'x'] }), '{"a":[true,"x"],"b":1}');
  });
});

describe('compilePattern (RE2 → ECMAScript)', () => {
  const matches = (p: string, s: string): boolean => {
    const c = compilePattern(p);
    assert.ok(c.ok, p);
    return c.re.test(s);
  };
  it('is unanchored like Go', () => assert.equal(matches('b+', 'abbbc'), true));
  it('leading flag groups, \\A, \\z, named groups, POSIX classes, \\Q..\\E', () => {
    assert.equal(matches('(?i)^ab$', 'AB'), true);
    assert.equal(matches('\\Aab\\z', 'ab'), true);
    assert.equal(matches('\\Aab\\z', 'ab\n'), false);
    assert.equal(matches('^(?P<x>[a-z]+)$', 'abc'), true);
    assert.equal(matches('^[[:alpha:]]+$', 'abcXYZ'), true);
    assert.equal(matches('^[[:digit:]]+$', 'abc'), false);
    assert.equal(matches('^\\Qa.b\\E$', 'a.b'), true);
    assert.equal(matches('^\\Qa.b\\E$', 'axb'), false);
    assert.equal(matches('^\\p{L}+$', 'héllo'), true);
  });
  it('reports patterns that do not compile', () => {
    const c = compilePattern('(abc');
    assert.equal(c.ok, false);
  });
});

describe('formats', () => {
  const ok = (format: string, value: string): boolean => {
    const check = formatChecker(format);
    assert.ok(check, format);
    return check(value);
  };
  it('is undefined for formats Kubernetes strips for CRDs', () => {
    for (const f of ['int32', 'int64', 'float', 'double', 'made-up', '']) assert.equal(formatChecker(f), undefined);
    assert.ok(formatChecker('date-time'));
    assert.ok(formatChecker('datetime'));
  });
  it('dates and date-times', () => {
    assert.equal(isDate('2024-02-29'), true);
    assert.equal(isDate('2023-02-29'), false);
    assert.equal(isDate('2024-13-01'), false);
    assert.equal(isDateTime('2024-01-02T03:04:05Z'), true);
    assert.equal(isDateTime('2024-01-02T03:04:05.123+02:00'), true);
    assert.equal(isDateTime('2024-01-02 03:04:05Z'), false);
    assert.equal(isDateTime('2024-01-02T24:00:00Z'), false);
  });
  it('identifiers and codes', () => {
    assert.equal(ok('uuid4', '123e4567-e89b-42d3-a456-426614174000'), true);
    assert.equal(ok('uuid3', '123e4567-e89b-42d3-a456-426614174000'), false);
    assert.equal(ok('bsonobjectid', '507f1f77bcf86cd799439011'), true);
    assert.equal(ok('isbn10', '0-306-40615-2'), true);
    assert.equal(ok('isbn13', '978-0-306-40615-7'), true);
    assert.equal(ok('isbn', '978-0-306-40615-8'), false);
    assert.equal(ok('creditcard', '4111 1111 1111 1111'), true);
    assert.equal(ok('creditcard', '4111 1111 1111 1112'), false);
    assert.equal(ok('ssn', '123-45-6789'), true);
    assert.equal(ok('ssn', '123456789'), false);
    assert.equal(ok('hexcolor', '#fff'), true);
    assert.equal(ok('rgbcolor', 'rgb(255, 0, 10)'), true);
    assert.equal(ok('rgbcolor', 'rgb(256,0,0)'), false);
    assert.equal(ok('password', ''), true);
  });
  it('network formats', () => {
    assert.equal(ok('ipv4', '010.1.2.3'), true);
    assert.equal(ok('ipv4', '::ffff:1.2.3.4'), true);
    assert.equal(ok('ipv6', '2001:db8::1'), true);
    assert.equal(ok('cidr', '2001:db8::/32'), true);
    assert.equal(ok('mac', '0000.5e00.5301'), true);
    assert.equal(ok('hostname', 'a'.repeat(64) + '.com'), false);
    assert.equal(ok('hostname', 'bücher.de'), true);
    assert.equal(ok('uri', 'mailto:a@b.c'), true);
    assert.equal(ok('uri', '/just/a/path'), true);
    assert.equal(ok('uri', 'http://bad host/'), false);
    assert.equal(ok('email', 'a.b+c@example.com'), true);
    assert.equal(ok('email', 'a@@example.com'), false);
  });
});
