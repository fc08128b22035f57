// JSON forms of the apimachinery types with custom MarshalJSON: Time, MicroTime, Duration, Quantity, IntOrString, raw JSON.

import type { JsonValue } from '../object.ts';
import type { Fields } from './parse.ts';
import { WireError } from './wire.ts';

const meta = 'k8s.io.apimachinery.pkg.apis.meta.v1';
export const timeType = `${meta}.Time`;
export const microTimeType = `${meta}.MicroTime`;
export const durationType = `${meta}.Duration`;
export const fieldsV1Type = `${meta}.FieldsV1`;
export const groupVersionType = `${meta}.GroupVersion`;
export const quantityType = 'k8s.io.apimachinery.pkg.api.resource.Quantity';
export const quantityValueType = 'k8s.io.apimachinery.pkg.api.resource.QuantityValue';
export const intOrStringType = 'k8s.io.apimachinery.pkg.util.intstr.IntOrString';
export const rawExtensionType = 'k8s.io.apimachinery.pkg.runtime.RawExtension';

/** Seconds of Go's zero time.Time (0001-01-01T00:00:00Z) since the Unix epoch. */
const goZeroTimeSeconds = -62135596800;

function num(f: Fields, n: number): number {
  const v = f.get(n);
  return typeof v === 'number' ? v : 0;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `2006-01-02T15:04:05Z` (UTC), plus `.000000` micros when given. */
function formatUtc(seconds: number, micros?: number): string {
  const d = new Date(seconds * 1000);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new WireError('Time.MarshalJSON: year outside of range [0,9999]');
  const base = `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`
    + `T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  return micros === undefined ? `${base}Z` : `${base}.${pad(micros, 6)}Z`;
}

/** metav1.Time: an empty message is the zero time (null); nanoseconds are dropped, as Kubernetes does. */
export function timeJson(f: Fields): JsonValue {
  if (f.size === 0) return null;
  const seconds = num(f, 1);
  return seconds === goZeroTimeSeconds ? null : formatUtc(seconds);
}

/** metav1.MicroTime: RFC 3339 with exactly six fraction digits (nanoseconds truncated). */
export function microTimeJson(f: Fields): JsonValue {
  if (f.size === 0) return null;
  const seconds = num(f, 1);
  const micros = Math.floor(num(f, 2) / 1000);
  return seconds === goZeroTimeSeconds && micros === 0 ? null : formatUtc(seconds, micros);
}

/** Fraction digits of v / 10^prec without trailing zeros, with the leading dot; '' when none. */
function fraction(v: bigint, prec: number): string {
  const digits = (v % 10n ** BigInt(prec)).toString().padStart(prec, '0').replace(/0+$/, '');
  return digits ? `.${digits}` : '';
}

/** time.Duration.String(): `1h2m3.5s`, `1.5ms`, `0s`. */
export function goDurationString(nanos: number | bigint): string {
  let u = BigInt(nanos);
  const neg = u < 0n;
  if (neg) u = -u;
  let s: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    if (u < 1000n) s = `${u}ns`;
    else if (u < 1_000_000n) s = `${u / 1000n}${fraction(u, 3)}µs`;
    else s = `${u / 1_000_000n}${fraction(u, 6)}ms`;
  } else {
    s = `${(u / 1_000_000_000n) % 60n}${fraction(u, 9)}s`;
    let rest = u / 60_000_000_000n;
    if (rest > 0n) {
      s = `${rest % 60n}m${s}`;
      rest /= 60n;
      if (rest > 0n) s = `${rest}h${s}`;
    }
  }
  return neg ? `-${s}` : s;
}

export function durationJson(f: Fields): JsonValue {
  return goDurationString(num(f, 1));
}

/** resource.Quantity: its string as sent; the zero Quantity prints "0". */
export function quantityJson(f: Fields): JsonValue {
  const s = f.get(1);
  return typeof s === 'string' && s !== '' ? s : '0';
}

/** intstr.IntOrString: type 0 is the number intVal, type 1 the string strVal. */
export function intOrStringJson(f: Fields): JsonValue {
  const type = num(f, 1);
  if (type === 0) return num(f, 2);
  if (type === 1) {
    const s = f.get(3);
    return typeof s === 'string' ? s : '';
  }
  throw new WireError('impossible IntOrString.Type');
}

/** metav1.GroupVersion prints as `group/version` (or `version` for the core group). */
export function groupVersionJson(f: Fields): JsonValue {
  const g = f.get(1);
  const v = f.get(2);
  const version = typeof v === 'string' ? v : '';
  return typeof g === 'string' && g !== '' ? `${g}/${version}` : version;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** runtime.RawExtension / metav1.FieldsV1 bytes: embedded JSON (or a nested protobuf object via `nested`). */
export function rawJson(raw: Uint8Array | undefined, nested: (raw: Uint8Array) => JsonValue): JsonValue {
  if (raw === undefined) return null;
  if (raw.length >= 4 && raw[0] === 0x6b && raw[1] === 0x38 && raw[2] === 0x73 && raw[3] === 0) return nested(raw);
  if (raw.length === 0) return null;
  try {
    return JSON.parse(utf8.decode(raw)) as JsonValue;
  } catch (e) {
    throw new WireError(`embedded object is not valid JSON: ${(e as Error).message}`);
  }
}
