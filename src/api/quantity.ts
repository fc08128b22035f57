// Kubernetes resource quantities (apimachinery resource.Quantity): exact parsing, canonical form, arithmetic, comparison.

/** How a quantity is written back out: `12e6`, `12Mi` (12 × 2^20) or `12M` (12 × 10^6). */
export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

const splitRE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** The three parse errors, worded exactly as Kubernetes words them. */
export const quantityErrors = {
  format: `quantities must match the regular expression '${splitRE}'`,
  numeric: 'unable to parse numeric part of quantity',
  suffix: "unable to parse quantity's suffix",
} as const;

export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

const decimalSuffixes: ReadonlyMap<string, number> = new Map([
  ['n', -9], ['u', -6], ['m', -3], ['', 0], ['k', 3], ['M', 6], ['G', 9], ['T', 12], ['P', 15], ['E', 18],
]);
const binarySuffixes: ReadonlyMap<string, number> = new Map([
  ['Ki', 10], ['Mi', 20], ['Gi', 30], ['Ti', 40], ['Pi', 50], ['Ei', 60],
]);
const decimalByExponent = new Map([...decimalSuffixes].map(([s, e]) => [e, s]));
const binaryByExponent = new Map<number, string>([[0, ''], ...[...binarySuffixes].map(([s, e]) => [e, s] as [number, string])]);

const maxInt64 = (1n << 63n) - 1n;
const nanoScale = -9;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function digitCount(v: bigint): number {
  return v === 0n ? 0 : abs(v).toString().length;
}

/** Divides by 10^n, rounding away from zero. */
function scaleDownAwayFromZero(v: bigint, n: number): { value: bigint; exact: boolean } {
  if (n <= 0) return { value: v * pow10(-n), exact: true };
  if (v === 0n) return { value: 0n, exact: true };
  if (n > digitCount(v)) return { value: v < 0n ? -1n : 1n, exact: false };
  const d = pow10(n);
  const q = v / d;
  const r = v % d;
  if (r === 0n) return { value: q, exact: true };
  return { value: v < 0n ? q - 1n : q + 1n, exact: false };
}

function removeFactors(v: bigint, base: bigint, limit = Infinity): { value: bigint; times: number } {
  let value = v;
  let times = 0;
  while (value !== 0n && value % base === 0n && times < limit) {
    value /= base;
    times++;
  }
  return { value, times };
}

interface Scanned {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** The Kubernetes scanner: sign, digits, optional fraction, suffix letters, optional signed exponent digits. */
function scan(str: string): Scanned {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end && (str[0] === '-' || str[0] === '+')) {
    positive = str[0] !== '-';
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let start = pos;
  while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++;
  let num = str.slice(start, pos);
  if (pos >= end) return { positive, num, denom: '', suffix: '' };
  if (num.length === 0) num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    start = pos;
    while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++;
    denom = str.slice(start, pos);
    if (pos >= end) return { positive, num, denom, suffix: '' };
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++;
  if (pos >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  throw new QuantityError(quantityErrors.format);
}

function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } {
  const d = decimalSuffixes.get(suffix);
  if (d !== undefined) return { base: 10, exponent: d, format: 'DecimalSI' };
  const b = binarySuffixes.get(suffix);
  if (b !== undefined) return { base: 2, exponent: b, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const e = Number(suffix.slice(1));
    if (Number.isSafeInteger(e) && Math.abs(e) <= 2 ** 31) return { base: 10, exponent: e, format: 'DecimalExponent' };
  }
  throw new QuantityError(quantityErrors.suffix);
}

/**
 * An exact fixed-point quantity: `unscaled × 10^exp`. Immutable; arithmetic returns new values.
 * `toString()` gives the canonical form Kubernetes serializes (`1.5Gi` → `1536Mi`, `0.5` → `500m`).
 */
export class Quantity {
  readonly unscaled: bigint;
  readonly exp: number;
  readonly format: QuantityFormat;
  #text: string | undefined;

  constructor(unscaled: bigint, exp: number, format: QuantityFormat, text?: string) {
    this.unscaled = unscaled;
    this.exp = exp;
    this.format = format;
    this.#text = text;
  }

  static fromInt(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), 0, format);
  }

  static fromMilli(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), -3, format);
  }

  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, 0, format);
  }

  /** Parses the wire form. Throws QuantityError with Kubernetes' message when malformed. */
  static parse(str: string): Quantity {
    if (str.length === 0) throw new QuantityError(quantityErrors.format);
    if (str === '0') return new Quantity(0n, 0, 'DecimalSI', '0');
    const { positive, num, denom, suffix } = scan(str);
    const { base, exponent, format: parsedFormat } = interpretSuffix(suffix);
    let format = parsedFormat;
    const digits = BigInt(num + denom);
    let unscaled = positive ? digits : -digits;
    let exp = -denom.length;
    if (base === 10) exp += exponent;
    else unscaled *= 1n << BigInt(exponent);

    // Kubernetes keeps the caller's text when its int64 fast path sees it is already canonical.
    const text = fastPathText(str, num, denom, base, exponent, format, unscaled);

    if (exp < nanoScale) {
      // Anything more precise than nano rounds up (away from zero): asking for some gets some.
      unscaled = scaleDownAwayFromZero(unscaled, nanoScale - exp).value;
      exp = nanoScale;
    }
    if (format === 'BinarySI') {
      const q = new Quantity(unscaled, exp, format);
      if (q.cmp(new Quantity(maxInt64, 0, format)) > 0) {
        unscaled = maxInt64;
        exp = 0;
      } else if (q.cmp(new Quantity(-maxInt64, 0, format)) < 0) {
        unscaled = -maxInt64;
        exp = 0;
      } else if (unscaled !== 0n && q.cmp(Quantity.fromInt(1)) < 0 && q.cmp(Quantity.fromInt(-1)) > 0) {
        format = 'DecimalSI';
      }
    }
    return new Quantity(unscaled, exp, format, text);
  }

  /** Parses a JSON value: strings (trimmed) and numbers are accepted, as Kubernetes' UnmarshalJSON accepts both. */
  static fromJSON(v: unknown): Quantity {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new QuantityError(quantityErrors.format);
      const s = Number.isSafeInteger(v) ? BigInt(v).toString() : String(v).replace('e+', 'e');
      return Quantity.parse(s);
    }
    if (typeof v === 'string') return Quantity.parse(v.trim());
    throw new QuantityError(quantityErrors.format);
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `o`. */
  cmp(o: Quantity): -1 | 0 | 1 {
    const sa = this.sign();
    const sb = o.sign();
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (sa === 0) return 0;
    // Same sign: compare magnitudes by order first, so far-apart exponents never build huge numbers.
    const ma = digitCount(this.unscaled) + this.exp;
    const mb = digitCount(o.unscaled) + o.exp;
    if (ma !== mb) return (ma < mb) === (sa > 0) ? -1 : 1;
    const e = Math.min(this.exp, o.exp);
    const a = this.unscaled * pow10(this.exp - e);
    const b = o.unscaled * pow10(o.exp - e);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(o: Quantity): boolean {
    return this.cmp(o) === 0;
  }

  /** Sum; a zero left-hand side takes the format of `o` (as Kubernetes' Add does). */
  add(o: Quantity): Quantity {
    const e = Math.min(this.exp, o.exp);
    const v = this.unscaled * pow10(this.exp - e) + o.unscaled * pow10(o.exp - e);
    return new Quantity(v, e, this.isZero() ? o.format : this.format);
  }

  sub(o: Quantity): Quantity {
    return this.add(o.neg());
  }

  neg(): Quantity {
    return new Quantity(-this.unscaled, this.exp, this.format);
  }

  mul(n: number | bigint): Quantity {
    return new Quantity(this.unscaled * BigInt(n), this.exp, this.format);
  }

  /** The value rounded away from zero to a multiple of 10^scale; `exact` tells whether precision was lost. */
  roundUp(scale: number): { quantity: Quantity; exact: boolean } {
    if (this.exp >= scale) return { quantity: this, exact: true };
    const { value, exact } = scaleDownAwayFromZero(this.unscaled, scale - this.exp);
    return { quantity: new Quantity(value, scale, this.format), exact };
  }

  /** ceil(q / 10^scale), away from zero, as a bigint. */
  scaledValueBig(scale: number): bigint {
    return scaleDownAwayFromZero(this.unscaled, scale - this.exp).value;
  }

  /** The value rounded up to an integer (bytes, counts). Loses precision past 2^53; see valueBig. */
  value(): number {
    return Number(this.scaledValueBig(0));
  }

  valueBig(): bigint {
    return this.scaledValueBig(0);
  }

  /** ceil(q × 1000): the unit schedulers use for CPU. */
  milliValue(): number {
    return Number(this.scaledValueBig(-3));
  }

  milliValueBig(): bigint {
    return this.scaledValueBig(-3);
  }

  asApproximateFloat64(): number {
    return Number(this.unscaled) * 10 ** this.exp;
  }

  /** The same value, written in `format` from now on. */
  withFormat(format: QuantityFormat): Quantity {
    return new Quantity(this.unscaled, this.exp, format);
  }

  /** Canonical text: no fractional digits, largest suffix that loses nothing. */
  toString(): string {
    if (this.#text === undefined) this.#text = canonical(this);
    return this.#text;
  }

  toJSON(): string {
    return this.toString();
  }
}

function fastPathText(str: string, num: string, denom: string, base: 10 | 2, exponent: number, format: QuantityFormat,
  unscaled: bigint): string | undefined {
  let precision: number;
  let scale: number;
  if (base === 10) {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  } else {
    scale = 0;
    precision = exponent >= 0 && denom.length === 0 ? 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 : -1;
  }
  if (precision < 0) return undefined;
  scale -= denom.length;
  if (scale < nanoScale) return undefined;
  if (abs(unscaled) > maxInt64) return undefined;
  const shifted = num + denom;
  if (format === 'BinarySI') {
    return exponent % 10 === 0 && (BigInt(shifted) & 7n) !== 0n ? str : undefined;
  }
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0' ? str : undefined;
}

function canonical(q: Quantity): string {
  if (q.isZero()) return '0';
  let format = q.format;
  let rounded: bigint | undefined;
  if (format === 'BinarySI') {
    if (q.cmp(Quantity.fromInt(-1024)) > 0 && q.cmp(Quantity.fromInt(1024)) < 0) {
      format = 'DecimalSI';
    } else {
      const r = scaleDownAwayFromZero(q.unscaled, -q.exp);
      if (r.exact) rounded = r.value;
      else format = 'DecimalSI';
    }
  }
  if (format === 'BinarySI' && rounded !== undefined) {
    const { value, times } = removeFactors(rounded, 1024n, 6);
    return value.toString() + (binaryByExponent.get(times * 10) ?? '');
  }
  let { value, times } = removeFactors(q.unscaled, 10n);
  let exponent = q.exp + times;
  while (exponent % 3 !== 0) {
    value *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return value.toString() + (exponent === 0 ? '' : `e${exponent}`);
  const suffix = decimalByExponent.get(exponent);
  // Past the largest suffix (E) Kubernetes has no DecimalSI spelling; the exponent form keeps the value exact.
  return value.toString() + (suffix ?? `e${exponent}`);
}

/** Parses a wire value or throws QuantityError. */
export function parseQuantity(v: unknown): Quantity {
  return Quantity.fromJSON(v);
}

/** Parses a wire value, or returns undefined when it is not a valid quantity. */
export function tryParseQuantity(v: unknown): Quantity | undefined {
  try {
    return Quantity.fromJSON(v);
  } catch {
    return undefined;
  }
}

/** The canonical text of a wire value (`"0.5"` → `"500m"`); throws QuantityError when malformed. */
export function canonicalQuantity(v: unknown): string {
  return Quantity.fromJSON(v).toString();
}

/** Compares two wire values; throws QuantityError when either is malformed. */
export function compareQuantities(a: unknown, b: unknown): -1 | 0 | 1 {
  return Quantity.fromJSON(a).cmp(Quantity.fromJSON(b));
}
