// Tests for the proto2 parser: package, imports, options, nested messages, maps, comments, type resolution.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProto, resolveType, tokenize } from './proto-parser.ts';

const src = `
/* licence
   block */
syntax = "proto2";

package k8s.io.api.example.v1;

import "k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto";
import public "other.proto";

// Package-wide variables from generator "generated".
option go_package = "k8s.io/api/example/v1";

// Widget is a thing; "quotes" and {braces} in comments are ignored.
message Widget {
  // +optional
  optional k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;

  repeated string tags = 2 [packed = false];

  map<string, .k8s.io.api.example.v1.Part> parts = 3;

  message Part {
    optional int64 size = 1;
    reserved 2, 3;
  }

  optional Part main = 4;
  enum Color { RED = 0; }
  option deprecated = true;
}
`;

test('parses package, imports, options and messages with nested ones', () => {
  const f = parseProto(src);
  assert.equal(f.package, 'k8s.io.api.example.v1');
  assert.deepEqual(f.imports, ['k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto', 'other.proto']);
  assert.equal(f.options.go_package, 'k8s.io/api/example/v1');
  assert.deepEqual(f.messages.map((m) => m.fullName), ['k8s.io.api.example.v1.Widget', 'k8s.io.api.example.v1.Widget.Part']);
  assert.deepEqual(f.messages[0].fields, [
    { name: 'metadata', number: 1, label: 'optional', type: 'k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
    { name: 'tags', number: 2, label: 'repeated', type: 'string' },
    { name: 'parts', number: 3, label: '', type: '.k8s.io.api.example.v1.Part', mapKey: 'string' },
    { name: 'main', number: 4, label: 'optional', type: 'Part' },
  ]);
  assert.deepEqual(f.messages[1].fields, [{ name: 'size', number: 1, label: 'optional', type: 'int64' }]);
});

test('resolveType: scalars, absolute names, and lookups from the innermost scope outwards', () => {
  const known = new Set(['a.b.Widget', 'a.b.Widget.Part', 'a.b.Part', 'x.y.Other']);
  assert.equal(resolveType('string', 'a.b.Widget', known), 'string');
  assert.equal(resolveType('Part', 'a.b.Widget', known), 'a.b.Widget.Part');
  assert.equal(resolveType('Part', 'a.b.Gadget', known), 'a.b.Part');
  assert.equal(resolveType('.a.b.Part', 'a.b.Widget', known), 'a.b.Part');
  assert.equal(resolveType('x.y.Other', 'a.b.Widget', known), 'x.y.Other');
  assert.throws(() => resolveType('Missing', 'a.b.Widget', known), /unknown message type Missing/);
});

test('tokenize keeps strings whole and drops comments', () => {
  assert.deepEqual(tokenize('a = "x // y"; // z\n/* w */ b'), ['a', '=', '"x // y"', ';', 'b']);
  assert.throws(() => tokenize('/* open'), /unterminated comment/);
});
