// Reads protobuf bytes of a known message into a tree of field values keyed by field number (no JSON rules yet).

import { Reader, WireError, wireType } from './wire.ts';
import { fieldsByNumber } from './schema.ts';
import { fieldFlags } from './schema-types.ts';

/** Decoded fields of one message, by protobuf field number. Repeated fields hold arrays, maps hold MapValue. */
export type Fields = Map<number, Value>;
export type Value = string | number | boolean | Uint8Array | Fields | Value[] | MapValue;

/** A `map<k, v>` field's entries (keys as strings, as JSON writes them). */
export class MapValue {
  readonly entries = new Map<string, Value>();
}

const numericScalar: Record<string, number> = {
  int32: wireType.varint, int64: wireType.varint, uint32: wireType.varint, uint64: wireType.varint,
  sint32: wireType.varint, sint64: wireType.varint, bool: wireType.varint,
  fixed32: wireType.fixed32, sfixed32: wireType.fixed32, float: wireType.fixed32,
  fixed64: wireType.fixed64, sfixed64: wireType.fixed64, double: wireType.fixed64,
};

export function isScalar(type: string): boolean {
  return type === 'string' || type === 'bytes' || type in numericScalar;
}

function readNumeric(r: Reader, type: string): number | boolean {
  switch (type) {
    case 'int32': return r.int32();
    case 'uint32': return r.uint32();
    case 'int64': return r.int64();
    case 'uint64': return r.uint64();
    case 'sint32': { const v = r.uint32(); return (v >>> 1) ^ -(v & 1); }
    case 'sint64': { const v = r.uint64(); return v % 2 === 0 ? v / 2 : -(v + 1) / 2; }
    case 'bool': return r.bool();
    case 'fixed32': return r.fixed32();
    case 'sfixed32': return r.sfixed32();
    case 'float': return r.float();
    case 'fixed64': return r.fixed64();
    case 'sfixed64': return r.sfixed64();
    default: return r.double();
  }
}

function wrongType(wt: number, name: string): WireError {
  return new WireError(`wrong wireType = ${wt} for field ${name}`);
}

/** One value of a non-repeated field, or one element of a repeated field. */
function readValue(r: Reader, wt: number, type: string, name: string, into?: Value): Value {
  if (type === 'string' || type === 'bytes') {
    if (wt !== wireType.bytes) throw wrongType(wt, name);
    return type === 'string' ? r.string() : r.bytes();
  }
  const want = numericScalar[type];
  if (want !== undefined) {
    if (wt !== want) throw wrongType(wt, name);
    return readNumeric(r, type);
  }
  if (wt !== wireType.bytes) throw wrongType(wt, name);
  const [start, end] = r.delimited();
  // A message field that occurs twice merges, as proto.Unmarshal does.
  return parseMessage(new Reader(r.buf, start, end), type, into instanceof Map ? into : undefined);
}

function zeroValue(type: string): Value {
  if (type === 'string') return '';
  if (type === 'bytes') return new Uint8Array(0);
  if (type === 'bool') return false;
  if (type in numericScalar) return 0;
  return new Map();
}

function readMapEntry(r: Reader, keyType: string, valueType: string, name: string): [string, Value] {
  if (r.done()) throw new WireError('unexpected EOF');
  let key: Value = zeroValue(keyType);
  let value: Value | undefined;
  while (!r.done()) {
    const [n, wt] = r.tag();
    if (n === 1) key = readValue(r, wt, keyType, `${name} key`);
    else if (n === 2) value = readValue(r, wt, valueType, `${name} value`, value);
    else r.skip(wt, n);
  }
  return [String(key), value ?? zeroValue(valueType)];
}

/** Parses the fields of message `type` from r up to r.end; unknown fields are skipped. */
export function parseMessage(r: Reader, type: string, into: Fields = new Map()): Fields {
  const specs = fieldsByNumber(type);
  while (!r.done()) {
    const [n, wt] = r.tag();
    const spec = specs.get(n);
    if (!spec) { r.skip(wt, n); continue; }
    const [, json, valueType, flags, keyType] = spec;
    const name = json || valueType;
    if (flags & fieldFlags.map) {
      if (wt !== wireType.bytes) throw wrongType(wt, name);
      const [start, end] = r.delimited();
      const [k, v] = readMapEntry(new Reader(r.buf, start, end), keyType ?? 'string', valueType, name);
      let m = into.get(n);
      if (!(m instanceof MapValue)) { m = new MapValue(); into.set(n, m); }
      m.entries.set(k, v);
    } else if (flags & fieldFlags.repeated) {
      let list = into.get(n);
      if (!Array.isArray(list)) { list = []; into.set(n, list); }
      const want = numericScalar[valueType];
      if (want !== undefined && wt === wireType.bytes) {
        // packed repeated scalars
        const [start, end] = r.delimited();
        const sub = new Reader(r.buf, start, end);
        while (!sub.done()) list.push(readNumeric(sub, valueType));
      } else {
        list.push(readValue(r, wt, valueType, name));
      }
    } else {
      into.set(n, readValue(r, wt, valueType, name, into.get(n)));
    }
  }
  return into;
}
