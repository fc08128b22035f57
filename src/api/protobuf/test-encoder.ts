// Test helper: a minimal protobuf writer for hand-built bodies (field by field, no schema).

import { protobufMagic } from './decode.ts';

export type Part = Uint8Array;

function varintBytes(v: bigint): number[] {
  let u = BigInt.asUintN(64, v);
  const out: number[] = [];
  while (u >= 0x80n) {
    out.push(Number(u & 0x7fn) | 0x80);
    u >>= 7n;
  }
  out.push(Number(u));
  return out;
}

function concat(parts: Part[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function key(n: number, wireType: number): number[] {
  return varintBytes(BigInt((n << 3) | wireType));
}

/** A varint field (int32/int64/bool; negatives are sign-extended to ten bytes as protobuf does). */
export function varint(n: number, v: number | bigint | boolean): Part {
  const big = typeof v === 'boolean' ? (v ? 1n : 0n) : BigInt(v);
  return Uint8Array.from([...key(n, 0), ...varintBytes(big)]);
}

/** A length-delimited field holding a string, raw bytes, or an embedded message made of parts. */
export function field(n: number, v: string | Uint8Array | Part[]): Part {
  const body = typeof v === 'string' ? new TextEncoder().encode(v) : Array.isArray(v) ? concat(v) : v;
  return Uint8Array.from([...key(n, 2), ...varintBytes(BigInt(body.length)), ...body]);
}

export function fixed64(n: number, v: number): Part {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return Uint8Array.from([...key(n, 1), ...b]);
}

export function fixed32(n: number, v: number): Part {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return Uint8Array.from([...key(n, 5), ...b]);
}

/** A map entry field: key 1, value 2. */
export function entry(n: number, k: string, value: string | Uint8Array | Part[]): Part {
  return field(n, [field(1, k), field(2, value)]);
}

export function message(...parts: Part[]): Uint8Array {
  return concat(parts);
}

/** `k8s\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw, contentEncoding?, contentType?}. */
export function envelope(apiVersion: string, kind: string, raw: Part[], contentType?: string): Uint8Array {
  const unknown = [field(1, [field(1, apiVersion), field(2, kind)]), field(2, concat(raw))];
  if (contentType !== undefined) unknown.push(field(4, contentType));
  return concat([protobufMagic, ...unknown]);
}
