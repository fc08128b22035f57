// Whether a CRD schema is structural: apiextensions' ValidateStructural (invariants and completeness), same paths and order.

import type { FieldError } from '../../../api/errors.ts';
import { fieldErrorString } from '../../../api/errors.ts';
import { child, forbidden, index, invalid, key, required } from '../../../api/validation/field.ts';
import { compilePattern } from './regex.ts';
import {
  additionalPropertiesOf, asSchema, flag, isObject, itemsOf, type JSONSchemaProps, propertiesOf, propertyOf, schemaList, typeOf,
} from './types.ts';

type Level = 'root' | 'item' | 'field';

/** Value-validation keys: they do not shape the object, so a bare `metadata` may not carry them. */
const valueValidationKeys = [
  'format', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems',
  'minItems', 'uniqueItems', 'multipleOf', 'enum', 'maxProperties', 'minProperties', 'required', 'allOf', 'oneOf', 'anyOf', 'not',
] as const;

function isSet(s: JSONSchemaProps, k: keyof JSONSchemaProps): boolean {
  const v = s[k];
  if (v === undefined || v === null || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v) && (k === 'properties' || k === 'definitions' || k === 'patternProperties')) return Object.keys(v).length > 0;
  return true;
}

function isTypeOnly(s: JSONSchemaProps, t: string): boolean {
  return typeOf(s) === t && Object.keys(s).every((k) => k === 'type');
}

/** anyOf: [{type: integer}, {type: string}] exactly: the shape of an int-or-string, exempt from nesting rules. */
function isIntOrStringAnyOf(anyOf: unknown): boolean {
  const list = schemaList(anyOf);
  return list.length === 2 && Array.isArray(anyOf) && anyOf.length === 2 && isTypeOnly(list[0], 'integer') && isTypeOnly(list[1], 'string');
}

function validateValueValidation(s: JSONSchemaProps, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!skipAnyOf) schemaList(s.anyOf).forEach((v, i) => errs.push(...validateNested(v, false, index(child(path, 'anyOf'), i))));
  schemaList(s.allOf).forEach((v, i) => errs.push(...validateNested(v, skipFirstAllOfAnyOf && i === 0, index(child(path, 'allOf'), i))));
  schemaList(s.oneOf).forEach((v, i) => errs.push(...validateNested(v, false, index(child(path, 'oneOf'), i))));
  const not = asSchema(s.not);
  if (not) errs.push(...validateNested(not, false, child(path, 'not')));
  if (typeof s.pattern === 'string' && s.pattern) {
    const p = compilePattern(s.pattern);
    if (!p.ok) errs.push(invalid(child(path, 'pattern'), s.pattern, `must be a valid regular expression, but isn't: ${p.error}`));
  }
  return errs;
}

const nestedForbidden: [keyof JSONSchemaProps, string][] = [
  ['type', 'must be empty to be structural'],
  ['additionalProperties', 'must be undefined to be structural'],
  ['default', 'must be undefined to be structural'],
  ['title', 'must be empty to be structural'],
  ['description', 'must be empty to be structural'],
  ['nullable', 'must be false to be structural'],
  ['externalDocs', 'must be undefined to be structural'],
  ['x-kubernetes-preserve-unknown-fields', 'must be false to be structural'],
  ['x-kubernetes-embedded-resource', 'must be false to be structural'],
  ['x-kubernetes-int-or-string', 'must be false to be structural'],
  ['x-kubernetes-list-map-keys', 'must be empty to be structural'],
  ['x-kubernetes-list-type', 'must be undefined to be structural'],
  ['x-kubernetes-map-type', 'must be undefined to be structural'],
  ['x-kubernetes-validations', 'must be empty to be structural'],
];

/** A schema under allOf/anyOf/oneOf/not: only value validations (and their items/properties) are allowed. */
function validateNested(v: JSONSchemaProps, skipAnyOf: boolean, path: string): FieldError[] {
  const errs = validateValueValidation(v, skipAnyOf, false, path);
  const items = itemsOf(v);
  if (items) errs.push(...validateNested(items, false, child(path, 'items')));
  for (const [k, p] of propertiesOf(v)) errs.push(...validateNested(p, false, key(child(path, 'properties'), k)));
  for (const [k, msg] of nestedForbidden) {
    const set = k === 'default' ? v.default !== undefined && v.default !== null : isSet(v, k);
    if (set) errs.push(forbidden(child(path, k), msg));
  }
  if (propertyOf(v, 'metadata')) errs.push(forbidden(key(child(path, 'properties'), 'metadata'), 'must not be specified in a nested context'));
  return errs;
}

/** At the root, metadata may only restrict name and generateName (and say it is an object). */
function validateMetadataInvariants(m: JSONSchemaProps, checkMetadata: boolean, lvl: Level, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (checkMetadata && typeOf(m) !== 'object') errs.push(invalid(child(path, 'type'), typeOf(m), 'must be object'));
  if (lvl === 'root') {
    const names = propertiesOf(m).map(([k]) => k);
    const onlyNames = names.length > 0 && names.every((k) => k === 'name' || k === 'generateName');
    const structuralKeys: (keyof JSONSchemaProps)[] = [
      'description', 'title', 'additionalProperties', 'nullable', 'externalDocs', 'items', 'x-kubernetes-preserve-unknown-fields',
      'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string', 'x-kubernetes-list-map-keys', 'x-kubernetes-list-type',
      'x-kubernetes-map-type', 'x-kubernetes-validations', ...valueValidationKeys,
    ];
    if ((!onlyNames && names.length > 0) || structuralKeys.some((k) => isSet(m, k))) {
      errs.push(forbidden(path, 'must not specify anything other than name and generateName, but metadata is implicitly specified'));
    }
  }
  return errs;
}

function validateInvariants(s: JSONSchemaProps, lvl: Level, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = typeOf(s);
  const items = itemsOf(s);
  if (type === 'array' && !items) errs.push(required(child(path, 'items'), 'must be specified'));
  if (items) errs.push(...validateInvariants(items, 'item', child(path, 'items')));
  for (const [k, p] of propertiesOf(s)) errs.push(...validateInvariants(p, 'field', key(child(path, 'properties'), k)));
  const ap = additionalPropertiesOf(s);
  if (ap.kind !== 'none') {
    if (lvl === 'root') errs.push(forbidden(child(path, 'additionalProperties'), 'must not be used at the root'));
    if (ap.kind === 'schema') errs.push(...validateInvariants(ap.schema, 'field', child(path, 'additionalProperties')));
  }
  const intOrString = flag(s, 'x-kubernetes-int-or-string');
  const preserve = flag(s, 'x-kubernetes-preserve-unknown-fields');
  const embedded = flag(s, 'x-kubernetes-embedded-resource');
  if (intOrString && preserve) errs.push(invalid(child(path, 'x-kubernetes-preserve-unknown-fields'), true, 'must be false if x-kubernetes-int-or-string is true'));
  if (intOrString && embedded) errs.push(invalid(child(path, 'x-kubernetes-embedded-resource'), true, 'must be false if x-kubernetes-int-or-string is true'));

  const firstAllOf = schemaList(s.allOf)[0];
  errs.push(...validateValueValidation(s, isIntOrStringAnyOf(s.anyOf), !!firstAllOf && isIntOrStringAnyOf(firstAllOf.anyOf), path));

  const checkMetadata = lvl === 'root' || embedded;
  if (embedded && type !== 'object') {
    const msg = 'must be object if x-kubernetes-embedded-resource is true';
    errs.push(type ? invalid(child(path, 'type'), type, msg) : required(child(path, 'type'), msg));
  } else if (!type && !intOrString && !preserve) {
    const msg = { root: 'must not be empty at the root', item: 'must not be empty for specified array items', field: 'must not be empty for specified object fields' }[lvl];
    errs.push(required(child(path, 'type'), msg));
  }
  if (embedded && ap.kind !== 'none') errs.push(forbidden(child(path, 'additionalProperties'), 'must not be used if x-kubernetes-embedded-resource is set'));
  if (lvl === 'root' && type && type !== 'object') errs.push(invalid(child(path, 'type'), type, 'must be object at the root'));
  if (checkMetadata) {
    for (const k of ['kind', 'apiVersion']) {
      const p = propertyOf(s, k);
      if (p && typeOf(p) !== 'string') errs.push(invalid(child(key(child(path, 'properties'), k), 'type'), typeOf(p), 'must be string'));
    }
  }
  const metadata = propertyOf(s, 'metadata');
  if (metadata) errs.push(...validateMetadataInvariants(metadata, checkMetadata, lvl, key(child(path, 'properties'), 'metadata')));
  if (embedded && !preserve && propertiesOf(s).length === 0) {
    errs.push(required(child(path, 'properties'), 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields'));
  }
  return errs;
}

/** Every property/items used under a junctor must also be specified structurally (checked from the root). */
function completeness(v: JSONSchemaProps, s: JSONSchemaProps | undefined, sPath: string, vPath: string): FieldError[] {
  if (!s) return [required(sPath, `because it is defined in ${vPath}`)];
  const errs: FieldError[] = [];
  const nested = (n: JSONSchemaProps, p: string): void => {
    errs.push(...nestedCompleteness(n, s, sPath, p));
  };
  const not = asSchema(v.not);
  if (not) nested(not, child(vPath, 'not'));
  schemaList(v.allOf).forEach((n, i) => nested(n, index(child(vPath, 'allOf'), i)));
  schemaList(v.anyOf).forEach((n, i) => nested(n, index(child(vPath, 'anyOf'), i)));
  schemaList(v.oneOf).forEach((n, i) => nested(n, index(child(vPath, 'oneOf'), i)));
  return errs;
}

function nestedCompleteness(v: JSONSchemaProps, s: JSONSchemaProps | undefined, sPath: string, vPath: string): FieldError[] {
  if (!s) return [required(sPath, `because it is defined in ${vPath}`)];
  const errs = completeness(v, s, sPath, vPath);
  const items = itemsOf(v);
  if (items) errs.push(...nestedCompleteness(items, itemsOf(s), child(sPath, 'items'), child(vPath, 'items')));
  for (const [k, p] of propertiesOf(v)) {
    const sp = key(child(sPath, 'properties'), k);
    const vp = key(child(vPath, 'properties'), k);
    const sf = propertyOf(s, k);
    errs.push(...(sf ? nestedCompleteness(p, sf, sp, vp) : [required(sp, `because it is defined in ${vp}`)]));
  }
  return errs;
}

/** ValidateStructural: all violations of the structural-schema rules below `path`, sorted as Kubernetes sorts them. */
export function validateStructural(schema: JSONSchemaProps, path: string): FieldError[] {
  const errs = [...validateInvariants(schema, 'root', path), ...completeness(schema, schema, path, path)];
  return errs.map((e) => [fieldErrorString(e), e] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}
