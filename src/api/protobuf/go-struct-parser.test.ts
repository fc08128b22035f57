// Tests for the Go type reader: struct fields with json/protobuf tags, embedding, named slice and alias types.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFieldLine, parseGoTypes } from './go-struct-parser.ts';

test('parseFieldLine: names, pointers, tags, embedding', () => {
  assert.deepEqual(parseFieldLine('\tReplicas *int32 `json:"replicas,omitempty" protobuf:"varint,1,opt,name=replicas"`'), {
    name: 'Replicas', goType: '*int32', embedded: false, json: 'replicas', omitempty: true, inline: false, protoNumber: 1,
  });
  assert.deepEqual(parseFieldLine('\tmetav1.TypeMeta `json:",inline"`'), {
    name: 'TypeMeta', goType: 'metav1.TypeMeta', embedded: true, json: '', omitempty: false, inline: true,
  });
  assert.deepEqual(parseFieldLine('\tVolumeSource `json:",inline" protobuf:"bytes,2,opt,name=volumeSource"`'), {
    name: 'VolumeSource', goType: 'VolumeSource', embedded: true, json: '', omitempty: false, inline: true, protoNumber: 2,
  });
  assert.equal(parseFieldLine('\tData map[string][]byte `json:"data,omitempty" protobuf:"bytes,2,rep,name=data"`')?.goType, 'map[string][]byte');
  assert.equal(parseFieldLine('\tRaw []byte `json:"-" protobuf:"bytes,1,opt,name=raw"`')?.json, '-');
  assert.deepEqual(parseFieldLine('\ts string'), { name: 's', goType: 'string', embedded: false, json: 's', omitempty: false, inline: false });
  assert.equal(parseFieldLine(''), undefined);
  assert.equal(parseFieldLine('\ta, b, c int'), undefined);
});

test('parseGoTypes: structs (comments, nested braces), named slices, aliases', () => {
  const src = [
    '// Widget is a thing.',
    'type Widget struct {',
    '\t// Name is {the} name; `quoted` in a comment',
    '\tName string `json:"name" protobuf:"bytes,1,opt,name=name"` // trailing // comment',
    '\tCells []interface{} `json:"cells"`',
    '\t/* block */ Count int32 `json:"count,omitempty" protobuf:"varint,2,opt,name=count"`',
    '}',
    'type Empty struct{}',
    'type Verbs []string',
    'type List metav1.List',
    'type Phase string',
  ].join('\n');
  const t = parseGoTypes([src]);
  assert.deepEqual(t.structs.get('Widget')?.map((f) => [f.name, f.json, f.protoNumber]), [
    ['Name', 'name', 1], ['Cells', 'cells', undefined], ['Count', 'count', 2],
  ]);
  assert.deepEqual(t.structs.get('Empty'), []);
  assert.equal(t.named.get('Verbs'), '[]string');
  assert.equal(t.named.get('List'), 'metav1.List');
  assert.equal(t.named.get('Phase'), 'string');
});
