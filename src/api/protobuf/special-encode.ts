// Protobuf forms of the apimachinery types with custom JSON: from their JSON value to message bytes.

import type { JsonValue } from '../object.ts';
import * as t from './special-types.ts';
import { Writer } from './writer.ts';

const rfc3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i;

/** Seconds and nanoseconds of an RFC 3339 time; throws on anything else. */
export function parseRfc3339(s: string): [seconds: number, nanos: number] {
  const m = rfc3339.exec(s);
  const ms = m ? Date.parse(`${m[1]}${m[3].toUpperCase()}`) : NaN;
  if (!m || Number.isNaN(ms)) throw new Error(`invalid RFC 3339 time ${JSON.stringify(s)}`);
  return [ms / 1000, Number((m[2] ?? '').slice(0, 9).padEnd(9, '0'))];
}

const durationUnits: Record<string, number> = {
  ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9,
};

/** time.ParseDuration: `1h2m3.5s`, `-300ms`, `0`. Nanoseconds, exact within ±2^53. */
export function parseGoDuration(s: string): number {
  if (s === '0' || s === '+0' || s === '-0') return 0;
  const m = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(s);
  if (!m) throw new Error(`time: invalid duration ${JSON.stringify(s)}`);
  let total = 0;
  for (const part of m[2].matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    const [whole, frac = ''] = part[1].split('.');
    const unit = durationUnits[part[2]];
    total += Number(whole || '0') * unit + (frac ? Math.floor(Number(`0.${frac}`) * unit) : 0);
  }
  return m[1] === '-' ? -total : total;
}

function str(v: JsonValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

type SpecialEncoder = (v: JsonValue | undefined) => Uint8Array;

/** Message bytes for the custom-JSON types, from their JSON value (null/absent is the Go zero value). */
export const specialEncoders: Record<string, SpecialEncoder> = {
  [t.timeType]: (v) => {
    if (typeof v !== 'string') return new Uint8Array(0);
    // Kubernetes writes only the seconds of a Time (ProtoTime); generated Timestamp code writes both fields.
    return new Writer().key(1, 0).int64(Math.floor(parseRfc3339(v)[0])).key(2, 0).int64(0).finish();
  },
  [t.microTimeType]: (v) => {
    if (typeof v !== 'string') return new Uint8Array(0);
    const [seconds, nanos] = parseRfc3339(v);
    return new Writer().key(1, 0).int64(Math.floor(seconds)).key(2, 0).int64(Math.floor(nanos / 1000) * 1000).finish();
  },
  [t.durationType]: (v) => new Writer().key(1, 0).int64(typeof v === 'string' ? parseGoDuration(v) : 0).finish(),
  [t.quantityType]: (v) => new Writer().string(1, typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '0').finish(),
  [t.quantityValueType]: (v) => new Writer().string(1, typeof v === 'string' ? v : '0').finish(),
  [t.intOrStringType]: (v) => {
    const w = new Writer();
    if (typeof v === 'string') return w.key(1, 0).int64(1).key(2, 0).int64(0).string(3, v).finish();
    return w.key(1, 0).int64(0).key(2, 0).int64(typeof v === 'number' ? v : 0).string(3, '').finish();
  },
  [t.groupVersionType]: (v) => {
    const s = str(v);
    const i = s.indexOf('/');
    return new Writer().string(1, i < 0 ? '' : s.slice(0, i)).string(2, i < 0 ? s : s.slice(i + 1)).finish();
  },
  [t.rawExtensionType]: rawJsonMessage,
  [t.fieldsV1Type]: rawJsonMessage,
};

/** RawExtension / FieldsV1: field 1 holds the JSON text; a nil value writes nothing. */
function rawJsonMessage(v: JsonValue | undefined): Uint8Array {
  if (v === undefined || v === null) return new Uint8Array(0);
  return new Writer().delimited(1, new TextEncoder().encode(JSON.stringify(v))).finish();
}
