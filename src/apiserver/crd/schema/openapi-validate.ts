// The OpenAPI v3 value validator as kube-openapi runs it for custom resources: the same checks, order, paths and messages.

import { formatChecker } from './formats.ts';
import { goFloat, goList, goNumber, goQuote } from './go-format.ts';
import { type OpenAPICode, type OpenAPIError, Result } from './openapi-result.ts';
import { compilePattern } from './regex.ts';
import {
  additionalPropertiesOf, flag, isObject, itemsOf, type JSONSchemaProps, numberOf, propertiesOf, schemaList, stringsOf, typeOf,
} from './types.ts';
import { deepEqualJSON } from './json-equal.ts';

const inBody = 'body';

type Kind = 'string' | 'int' | 'float' | 'bool' | 'slice' | 'map';

function kindOf(v: unknown): Kind {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isInt64(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'slice';
  return 'map';
}

/** Integers as Kubernetes' JSON decoder keeps them (int64); other numbers are float64. */
function isInt64(n: number): boolean {
  return Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63;
}

function verr(code: OpenAPICode, name: string, message: string, extra: Partial<{ value: unknown; valid: number; values: unknown[] }> = {}): OpenAPIError {
  return { kind: 'validation', code, name, message, ...extra };
}

function plain(message: string): OpenAPIError {
  return { kind: 'plain', message };
}

/** The types a node accepts: int-or-string is integer or string. */
function typesOf(s: JSONSchemaProps): string[] {
  if (flag(s, 'x-kubernetes-int-or-string')) return ['integer', 'string'];
  const t = typeOf(s);
  return t ? [t] : [];
}

/** The format as the validator sees it: formats Kubernetes does not check for CRDs are stripped. */
function effectiveFormat(s: JSONSchemaProps): string {
  return typeof s.format === 'string' && formatChecker(s.format) ? s.format : '';
}

function invalidType(path: string, typeName: string, value: string): OpenAPIError {
  return verr('InvalidType', path, `${path} in ${inBody} must be of type ${typeName}: ${goQuote(value)}`, { value });
}

/** The JSON type and Go-inferred format of a value (integers are int64, other numbers float64). */
function schemaInfo(kind: Kind): [string, string] {
  switch (kind) {
    case 'string': return ['string', ''];
    case 'int': return ['integer', 'int64'];
    case 'float': return ['number', 'float64'];
    case 'bool': return ['boolean', ''];
    case 'slice': return ['array', ''];
    case 'map': return ['object', ''];
  }
}

function validateType(s: JSONSchemaProps, data: unknown, path: string): Result {
  const types = typesOf(s);
  const format = effectiveFormat(s);
  if (data === null || data === undefined) {
    if (types.length > 0 && !types.includes('null') && !flag(s, 'nullable')) return new Result().add(invalidType(path, types.join(','), 'null'));
    return new Result().inc();
  }
  const kind = kindOf(data);
  const [schType, dataFormat] = schemaInfo(kind);
  const isIntFloat = schType === 'integer' && types.includes('number');
  if (kind !== 'string' && kind !== 'slice' && format && !(types.includes(schType) || dataFormat === format || isIntFloat)) {
    return new Result().add(invalidType(path, format, dataFormat));
  }
  if (!(types.includes('number') || types.includes('integer')) && format && (kind === 'string' || kind === 'slice')) return new Result().inc();
  if (!(types.includes(schType) || isIntFloat)) return new Result().add(invalidType(path, types.join(','), schType));
  return new Result().inc();
}

function validateCombinators(s: JSONSchemaProps, data: unknown, path: string): Result {
  const main = new Result();
  const anyOf = schemaList(s.anyOf);
  if (anyOf.length > 0) {
    let best: Result | undefined;
    let firstSuccess: Result | undefined;
    for (const sub of anyOf) {
      const r = validateValue(sub, data, path);
      if (r.valid) {
        best = undefined;
        firstSuccess = r;
        break;
      }
      if (!best || r.matchCount > best.matchCount) best = r;
    }
    if (!firstSuccess) main.add(plain(`${goQuote(path)} must validate at least one schema (anyOf)`));
    main.merge(best ?? firstSuccess);
  }
  const oneOf = schemaList(s.oneOf);
  if (oneOf.length > 0) {
    let best: Result | undefined;
    let firstSuccess: Result | undefined;
    let validated = 0;
    for (const sub of oneOf) {
      const r = validateValue(sub, data, path);
      if (r.valid) {
        validated++;
        best = undefined;
        firstSuccess ??= r;
        continue;
      }
      if (validated === 0 && (!best || r.matchCount > best.matchCount)) best = r;
    }
    if (validated !== 1) {
      const more = validated === 0 ? 'Found none valid' : `Found ${validated} valid alternatives`;
      main.add(plain(`${goQuote(path)} must validate one and only one schema (oneOf). ${more}`));
      main.merge(best);
    } else {
      main.merge(firstSuccess);
    }
  }
  const allOf = schemaList(s.allOf);
  if (allOf.length > 0) {
    let validated = 0;
    for (const sub of allOf) {
      const r = validateValue(sub, data, path);
      if (r.valid) validated++;
      main.merge(r);
    }
    if (validated !== allOf.length) main.add(plain(`${goQuote(path)} must validate all the schemas (allOf)${validated === 0 ? '. None validated' : ''}`));
  }
  if (isObject(s.not) && validateValue(s.not, data, path).valid) main.add(plain(`${goQuote(path)} must not validate the schema (not)`));
  return main.inc();
}

function validateString(s: JSONSchemaProps, data: string, path: string): Result {
  const r = new Result();
  const length = [...data].length;
  const maxLength = numberOf(s, 'maxLength');
  if (maxLength !== undefined && length > maxLength) {
    return r.add(verr('TooLong', path, `${path} in ${inBody} should be at most ${maxLength} chars long`, { value: data, valid: maxLength }));
  }
  const minLength = numberOf(s, 'minLength');
  if (minLength !== undefined && length < minLength) {
    return r.add(verr('TooShort', path, `${path} in ${inBody} should be at least ${minLength} chars long`, { value: data, valid: minLength }));
  }
  if (typeof s.pattern === 'string' && s.pattern) {
    const p = compilePattern(s.pattern);
    if (!p.ok) return r.add(verr('Pattern', path, `${path} in ${inBody} should match '${s.pattern}, but pattern is invalid: ${p.error}'`, { value: data }));
    if (!p.re.test(data)) return r.add(verr('Pattern', path, `${path} in ${inBody} should match '${s.pattern}'`, { value: data }));
  }
  return r;
}

function validateFormat(s: JSONSchemaProps, data: string, path: string): Result {
  const format = effectiveFormat(s);
  const check = formatChecker(format);
  const r = new Result();
  if (check && !check(data)) r.add(verr('InvalidType', path, `${path} in ${inBody} must be of type ${format}: ${goQuote(data)}`, { value: data }));
  return r;
}

type Bound = { name: 'multipleOf' | 'minimum' | 'maximum'; prefix: string };
const bounds: Bound[] = [
  { name: 'multipleOf', prefix: 'MultipleOf' },
  { name: 'minimum', prefix: 'Minimum boundary' },
  { name: 'maximum', prefix: 'Maximum boundary' },
];

function isJSONInteger(f: number): boolean {
  if (!Number.isFinite(f)) return false;
  if (Number.isInteger(f) || Math.abs(f) < 1e-9) return true;
  return Math.abs(f - Math.round(f)) < 1e-9 * Math.abs(f);
}

function validateNumber(s: JSONSchemaProps, data: number, path: string): Result {
  const types = typesOf(s);
  const typeName = types.length === 1 && (types[0] === 'integer' || types[0] === 'number') ? types[0] : '';
  const isInt = isInt64(data);
  const rangeError = (prefix: string): OpenAPIError => plain(`${prefix} value must be of type integer (default format) in ${path}`);
  const res = new Result();
  if (typeName === 'integer' && !isInt) res.add(rangeError('Checked'));
  for (const { name, prefix } of bounds) {
    const b = numberOf(s, name);
    if (b === undefined) continue;
    const sub = new Result();
    const rangeOK = typeName !== 'integer' || isInt64(b);
    if (!rangeOK) sub.add(rangeError(prefix));
    // Integers are compared as int64 against the truncated bound; everything else as float64.
    const asInt = rangeOK && isInt;
    const bound = asInt ? Math.trunc(b) : b;
    const show = asInt ? goNumber(bound) : goFloat(bound);
    if (name === 'multipleOf') {
      if (bound <= 0) {
        sub.add(verr('MultipleOfMustBePositive', path, `factor MultipleOf declared for ${path} must be positive: ${show}`, { value: bound }));
      } else if (asInt ? data % bound !== 0 : !isJSONInteger(bound < 1 ? (1 / bound) * data : data / bound)) {
        sub.add(verr('MultipleOf', path, `${path} in ${inBody} should be a multiple of ${show}`, { value: data }));
      }
    } else {
      const exclusive = flag(s, name === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum');
      if (name === 'minimum' && (exclusive ? data <= bound : data < bound)) {
        sub.add(verr('Min', path, `${path} in ${inBody} should be greater than ${exclusive ? '' : 'or equal to '}${show}`, { value: data }));
      }
      if (name === 'maximum' && (exclusive ? data >= bound : data > bound)) {
        sub.add(verr('Max', path, `${path} in ${inBody} should be less than ${exclusive ? '' : 'or equal to '}${show}`, { value: data }));
      }
    }
    res.merge(sub);
  }
  return res.inc();
}

function validateSlice(s: JSONSchemaProps, data: unknown[], path: string): Result {
  const r = new Result();
  const items = itemsOf(s);
  if (items) data.forEach((v, i) => r.merge(validateValue(items, v, `${path}[${i}]`)));
  const minItems = numberOf(s, 'minItems');
  if (minItems !== undefined && data.length < minItems) {
    r.add(verr('MinItems', path, `${path} in ${inBody} should have at least ${minItems} items`, { value: data.length, valid: minItems }));
  }
  const maxItems = numberOf(s, 'maxItems');
  if (maxItems !== undefined && data.length > maxItems) {
    r.add(verr('MaxItems', path, `${path} in ${inBody} should have at most ${maxItems} items`, { value: data.length, valid: maxItems }));
  }
  if (flag(s, 'uniqueItems') && data.some((v, i) => data.slice(0, i).some((u) => deepEqualJSON(u, v)))) {
    r.add(verr('Unique', path, `${path} in ${inBody} shouldn't contain duplicates`));
  }
  return r.inc();
}

function validateEnum(s: JSONSchemaProps, data: unknown, path: string): Result {
  const r = new Result();
  if (!Array.isArray(s.enum) || s.enum.length === 0) return r;
  const ok = data !== null && data !== undefined && s.enum.some((e) => deepEqualJSON(e, data));
  if (!ok) r.add(verr('Enum', path, `${path} in ${inBody} should be one of ${goList(s.enum)}`, { value: data ?? null, values: s.enum }));
  return r;
}

function validateObject(s: JSONSchemaProps, data: Record<string, unknown>, path: string): Result {
  const r = new Result();
  const n = Object.keys(data).length;
  const minProps = numberOf(s, 'minProperties');
  if (minProps !== undefined && n < minProps) {
    r.add(verr('TooFewProperties', path, `${path} in ${inBody} should have at least ${minProps} properties`, { value: n, valid: minProps }));
  }
  const maxProps = numberOf(s, 'maxProperties');
  if (maxProps !== undefined && n > maxProps) {
    r.add(verr('TooManyProperties', path, `${path} in ${inBody} should have at most ${maxProps} properties`, { value: n, valid: maxProps }));
  }
  const props = propertiesOf(s);
  const declared = new Set(props.map(([k]) => k));
  const ap = additionalPropertiesOf(s);
  if (ap.kind === 'bool' && !ap.allows) {
    for (const k of Object.keys(data)) {
      if (!declared.has(k)) r.add(verr('UnallowedProperty', path, `${path}.${k} in ${inBody} is a forbidden property`, { value: k }));
    }
  } else if (ap.kind === 'schema') {
    for (const [k, v] of Object.entries(data)) if (!declared.has(k)) r.merge(validateValue(ap.schema, v, `${path}.${k}`));
  }
  for (const [k, p] of props) {
    if (Object.hasOwn(data, k)) r.merge(validateValue(p, data[k], path ? `${path}.${k}` : k));
  }
  for (const k of stringsOf(s.required)) {
    if (!Object.hasOwn(data, k)) r.add(verr('Required', `${path}.${k}`, `${path}.${k} in ${inBody} is required`));
  }
  return r;
}

/** Validates one value against one schema node; `path` is kube-openapi's dotted path of the value. */
export function validateValue(s: JSONSchemaProps | undefined, data: unknown, path: string): Result {
  const r = new Result();
  if (!s) return r;
  if (data === null || data === undefined) return r.merge(validateType(s, data, path), validateEnum(s, data, path));
  const kind = kindOf(data);
  if (typesOf(s).length > 0 || effectiveFormat(s)) r.merge(validateType(s, data, path)).inc();
  r.merge(validateCombinators(s, data, path)).inc();
  if (kind === 'string') {
    r.merge(validateString(s, data as string, path)).inc();
    if (effectiveFormat(s)) r.merge(validateFormat(s, data as string, path)).inc();
  }
  if (kind === 'int' || kind === 'float') r.merge(validateNumber(s, data as number, path)).inc();
  if (kind === 'slice') r.merge(validateSlice(s, data as unknown[], path)).inc();
  r.merge(validateEnum(s, data, path)).inc();
  if (kind === 'map') r.merge(validateObject(s, data as Record<string, unknown>, path)).inc();
  return r.inc();
}
