// Turns parsed protobuf fields into the JSON Kubernetes prints for the same Go struct (encoding/json rules).
//
// Go's rules, applied per field from the schema: fields print in declaration order; `omitempty` drops false, 0,
// "", nil pointers and empty slices/maps but never structs; a nil pointer/slice/map without omitempty prints null;
// a struct absent from the wire is its zero value (printed in full); embedded `json:",inline"` structs join their
// parent; map keys are sorted; []byte is base64; custom MarshalJSON types print as they do in Go.

import type { JsonObject, JsonValue } from '../object.ts';
import { MapValue, isScalar, type Fields, type Value } from './parse.ts';
import { listElementType, messageFields } from './schema.ts';
import { fieldFlags } from './schema-types.ts';
import * as special from './special-types.ts';

/** What rendering needs from outside: how to decode a nested `k8s\0` protobuf object found in a RawExtension. */
export interface RenderContext {
  nested(raw: Uint8Array): JsonValue;
}

const customJson: Record<string, (f: Fields, ctx: RenderContext) => JsonValue> = {
  [special.timeType]: special.timeJson,
  [special.microTimeType]: special.microTimeJson,
  [special.durationType]: special.durationJson,
  [special.quantityType]: special.quantityJson,
  [special.quantityValueType]: special.quantityJson,
  [special.intOrStringType]: special.intOrStringJson,
  [special.groupVersionType]: special.groupVersionJson,
  [special.rawExtensionType]: (f, ctx) => special.rawJson(bytesOf(f.get(1)), ctx.nested),
  [special.fieldsV1Type]: (f, ctx) => special.rawJson(bytesOf(f.get(1)), ctx.nested),
};

const emptyFields: Fields = new Map();

function bytesOf(v: Value | undefined): Uint8Array | undefined {
  return v instanceof Uint8Array ? v : undefined;
}

function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

function scalarZero(type: string): JsonValue {
  if (type === 'string') return '';
  if (type === 'bool') return false;
  return 0;
}

/** One value of `type`: a scalar, bytes (base64), a wrapped list, a custom type or a struct. */
function renderValue(v: Value | undefined, type: string, ctx: RenderContext): JsonValue {
  if (type === 'bytes') return v instanceof Uint8Array ? base64(v) : null;
  if (isScalar(type)) {
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : scalarZero(type);
  }
  const fields = v instanceof Map ? v : emptyFields;
  const elem = listElementType(type);
  if (elem !== undefined) {
    const items = fields.get(1);
    return Array.isArray(items) && items.length > 0 ? items.map((x) => renderValue(x, elem, ctx)) : null;
  }
  const custom = customJson[type];
  if (custom) return custom(fields, ctx);
  return renderMessage(fields, type, ctx);
}

/** Whether omitempty drops a non-struct value: false, 0, "", nil (null) or an empty slice. */
function isEmpty(v: JsonValue, type: string): boolean {
  if (!isScalar(type) && listElementType(type) === undefined) return false; // structs are never omitted
  return v === null || v === '' || v === 0 || v === false;
}

/** Keys sorted as Go sorts strings (UTF-8 bytes; UTF-16 order is the same unless surrogates are involved). */
export function goSortedKeys(keys: string[]): string[] {
  if (keys.some((k) => /[\ud800-\udfff]/.test(k))) return keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return keys.sort();
}

function renderMap(m: MapValue, type: string, ctx: RenderContext): JsonObject {
  const out: JsonObject = {};
  // encoding/json sorts map keys
  for (const k of goSortedKeys([...m.entries.keys()])) out[k] = renderValue(m.entries.get(k), type, ctx);
  return out;
}

/** Renders one message's fields as Go's encoding/json prints the struct. */
export function renderMessage(fields: Fields, type: string, ctx: RenderContext, out: JsonObject = {}): JsonObject {
  for (const [n, json, valueType, flags] of messageFields(type) ?? []) {
    const v = fields.get(n);
    const omitempty = (flags & fieldFlags.omitempty) !== 0;
    if (flags & fieldFlags.inline) {
      if (v === undefined && flags & fieldFlags.pointer) continue; // a nil embedded pointer adds no fields
      renderMessage(v instanceof Map ? v : emptyFields, valueType, ctx, out);
      continue;
    }
    let value: JsonValue;
    if (flags & fieldFlags.map) {
      if (!(v instanceof MapValue) || v.entries.size === 0) {
        if (!omitempty) out[json] = null;
        continue;
      }
      value = renderMap(v, valueType, ctx);
    } else if (flags & fieldFlags.repeated) {
      if (!Array.isArray(v) || v.length === 0) {
        if (!omitempty) out[json] = null;
        continue;
      }
      value = v.map((x) => renderValue(x, valueType, ctx));
    } else if (flags & fieldFlags.pointer) {
      if (v === undefined) {
        if (!omitempty) out[json] = null;
        continue;
      }
      value = renderValue(v, valueType, ctx);
    } else {
      value = renderValue(v, valueType, ctx);
      if (omitempty && isEmpty(value, valueType)) continue;
    }
    out[json] = value;
  }
  return out;
}
