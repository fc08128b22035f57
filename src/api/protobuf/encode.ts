// Encodes a JSON API object as Kubernetes protobuf (`k8s\0` + runtime.Unknown), as Go's generated marshalers do.
//
// Generated gogo marshalers write fields in number order; non-pointer scalars and structs always (zero values
// included), pointers, slices, maps and []byte only when non-nil; map entries sorted by key. A JSON object read
// back into the Go struct gives exactly that: absent non-pointer fields are Go zero values.

import type { JsonObject, JsonValue, KObject } from '../object.ts';
import { protobufMagic } from './decode.ts';
import { isScalar } from './parse.ts';
import { goSortedKeys } from './render.ts';
import { listElementType, messageFields, messageForKind } from './schema.ts';
import { fieldFlags, type FieldSpec } from './schema-types.ts';
import { specialEncoders } from './special-encode.ts';
import { Writer } from './writer.ts';

const sortedFields = new Map<string, FieldSpec[]>();

function fieldsInNumberOrder(type: string): FieldSpec[] {
  let f = sortedFields.get(type);
  if (!f) {
    f = [...(messageFields(type) ?? [])].sort((a, b) => a[0] - b[0]);
    sortedFields.set(type, f);
  }
  return f;
}

function asObject(v: JsonValue | undefined): JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
}

function writeScalar(w: Writer, n: number, type: string, v: JsonValue | undefined): void {
  switch (type) {
    case 'string': w.string(n, typeof v === 'string' ? v : ''); return;
    case 'bytes': w.delimited(n, typeof v === 'string' ? Buffer.from(v, 'base64') : new Uint8Array(0)); return;
    case 'bool': w.key(n, 0).uint32(v === true ? 1 : 0); return;
    case 'double': w.double(n, typeof v === 'number' ? v : 0); return;
    default: w.key(n, 0).int64(typeof v === 'number' ? Math.trunc(v) : 0);
  }
}

/** Writes one value of `type` as field n (scalars directly, messages length-delimited). */
function writeValue(w: Writer, n: number, type: string, v: JsonValue | undefined): void {
  if (isScalar(type)) writeScalar(w, n, type, v);
  else w.delimited(n, encodeMessage(v, type));
}

/** The bytes of one message of `type` from its JSON value. */
export function encodeMessage(v: JsonValue | undefined, type: string): Uint8Array {
  const special = specialEncoders[type];
  if (special) return special(v);
  const elem = listElementType(type);
  if (elem !== undefined) {
    const w = new Writer();
    for (const x of Array.isArray(v) ? v : []) writeValue(w, 1, elem, x);
    return w.finish();
  }
  const obj = asObject(v);
  const w = new Writer();
  for (const [n, json, valueType, flags] of fieldsInNumberOrder(type)) {
    if (flags & fieldFlags.inline) {
      w.delimited(n, encodeMessage(obj, valueType));
      continue;
    }
    const fv = obj[json];
    if (flags & fieldFlags.map) {
      const m = asObject(fv);
      for (const k of goSortedKeys(Object.keys(m))) {
        const entry = new Writer().string(1, k);
        writeValue(entry, 2, valueType, m[k]);
        w.delimited(n, entry.finish());
      }
    } else if (flags & fieldFlags.repeated) {
      if (Array.isArray(fv)) for (const x of fv) writeValue(w, n, valueType, x);
    } else if (flags & fieldFlags.pointer || valueType === 'bytes' || listElementType(valueType) !== undefined) {
      if (fv !== undefined && fv !== null) writeValue(w, n, valueType, fv);
    } else {
      writeValue(w, n, valueType, fv);
    }
  }
  return w.finish();
}

/** Whether an object of this apiVersion/kind has a protobuf form (built-in kinds; not custom resources). */
export function hasProtobufSchema(apiVersion: string, kind: string): boolean {
  return messageForKind(apiVersion, kind) !== undefined;
}

/**
 * Encodes an object as `application/vnd.kubernetes.protobuf`. Returns undefined when its kind has no protobuf
 * schema (answer JSON instead, as Kubernetes does for custom resources).
 */
export function encodeKubernetesProtobuf(obj: KObject): Uint8Array | undefined {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const type = messageForKind(apiVersion, kind);
  if (!type) return undefined;
  const raw = encodeMessage(obj as JsonObject, type);
  const unknown = new Writer()
    .delimited(1, new Writer().string(1, apiVersion).string(2, kind).finish())
    .delimited(2, raw)
    .string(3, '')
    .string(4, '')
    .finish();
  const out = new Uint8Array(protobufMagic.length + unknown.length);
  out.set(protobufMagic);
  out.set(unknown, protobufMagic.length);
  return out;
}
