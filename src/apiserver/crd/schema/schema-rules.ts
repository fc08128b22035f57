// The static rules apiextensions applies to every node of a CRD's openAPIV3Schema (ValidateCustomResourceDefinitionOpenAPISchema).

import type { FieldError } from '../../../api/errors.ts';
import { child, forbidden, index, invalid, key, notSupported, required } from '../../../api/validation/field.ts';
import {
  additionalPropertiesOf, asSchema, flag, isObject, itemsOf, type JSONSchemaProps, propertiesOf, schemaList, stringsOf, typeOf,
} from './types.ts';

const openAPIV3Types = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const metaFields = new Set(['metadata', 'kind', 'apiVersion']);
const validationReasons = ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'];

interface Ctx {
  allowDefaults: boolean;
  disallowDefaultsReason: string;
  insideResourceMeta: boolean;
}

function hasDefault(s: JSONSchemaProps): boolean {
  return s.default !== undefined && s.default !== null;
}

function nonEmptyMap(v: unknown): boolean {
  return isObject(v) && Object.keys(v).length > 0;
}

/** specStandardValidatorV3.validate: constructs OpenAPI v3 allows but CRDs do not. */
function standard(s: JSONSchemaProps, path: string, ctx: Ctx): FieldError[] {
  const errs: FieldError[] = [];
  const type = typeOf(s);
  if (type && !openAPIV3Types.includes(type)) errs.push(notSupported(child(path, 'type'), type, openAPIV3Types));
  if (hasDefault(s) && !ctx.allowDefaults) {
    errs.push(forbidden(child(path, 'default'), `must not be set${ctx.disallowDefaultsReason ? ` ${ctx.disallowDefaultsReason}` : ''}`));
  }
  if (typeof s.id === 'string' && s.id) errs.push(forbidden(child(path, 'id'), 'id is not supported'));
  if (s.additionalItems !== undefined) errs.push(forbidden(child(path, 'additionalItems'), 'additionalItems is not supported'));
  if (nonEmptyMap(s.patternProperties)) errs.push(forbidden(child(path, 'patternProperties'), 'patternProperties is not supported'));
  if (nonEmptyMap(s.definitions)) errs.push(forbidden(child(path, 'definitions'), 'definitions is not supported'));
  if (s.dependencies !== undefined) errs.push(forbidden(child(path, 'dependencies'), 'dependencies is not supported'));
  if (s.$ref !== undefined) errs.push(forbidden(child(path, '$ref'), '$ref is not supported'));
  if (type === 'null') errs.push(forbidden(child(path, 'type'), 'type cannot be set to null, use nullable as an alternative'));
  if (Array.isArray(s.items) && s.items.length > 0) errs.push(forbidden(child(path, 'items'), 'items must be a schema object and not an array'));
  if (ctx.insideResourceMeta && flag(s, 'x-kubernetes-embedded-resource')) {
    errs.push(forbidden(child(path, 'x-kubernetes-embedded-resource'), 'must not be used inside of resource meta'));
  }
  return errs;
}

function listRules(s: JSONSchemaProps, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = typeOf(s);
  const mapType = s['x-kubernetes-map-type'];
  const listType = s['x-kubernetes-list-type'];
  const mapKeys = stringsOf(s['x-kubernetes-list-map-keys']);
  const items = itemsOf(s);
  if (mapType !== undefined && type !== 'object') {
    const msg = 'must be object if x-kubernetes-map-type is specified';
    errs.push(type ? invalid(child(path, 'type'), type, msg) : required(child(path, 'type'), msg));
  }
  if (mapType !== undefined && mapType !== 'atomic' && mapType !== 'granular') {
    errs.push(notSupported(child(path, 'x-kubernetes-map-type'), mapType, ['atomic', 'granular']));
  }
  if (listType !== undefined && type !== 'array') {
    const msg = 'must be array if x-kubernetes-list-type is specified';
    errs.push(type ? invalid(child(path, 'type'), type, msg) : required(child(path, 'type'), msg));
  } else if (listType === 'set' && items) {
    const msg = 'must be atomic as item of a list with x-kubernetes-list-type=set';
    const itemListType = items['x-kubernetes-list-type'];
    if (typeOf(items) === 'array' && itemListType !== undefined && itemListType !== 'atomic') {
      errs.push(invalid(child(child(path, 'items'), 'x-kubernetes-list-type'), itemListType, msg));
    }
    if (typeOf(items) === 'object' && items['x-kubernetes-map-type'] !== 'atomic') {
      errs.push(invalid(child(child(path, 'items'), 'x-kubernetes-map-type'), itemListType ?? null, msg));
    }
  }
  if (listType !== undefined && listType !== 'atomic' && listType !== 'set' && listType !== 'map') {
    errs.push(notSupported(child(path, 'x-kubernetes-list-type'), listType, ['atomic', 'set', 'map']));
  }
  if (mapKeys.length > 0) {
    const msg = 'must be map if x-kubernetes-list-map-keys is non-empty';
    if (listType === undefined) errs.push(required(child(path, 'x-kubernetes-list-type'), msg));
    else if (listType !== 'map') errs.push(invalid(child(path, 'x-kubernetes-list-type'), listType, msg));
  }
  if (listType === 'map') {
    if (mapKeys.length === 0) errs.push(required(child(path, 'x-kubernetes-list-map-keys'), 'must not be empty if x-kubernetes-list-type is map'));
    if (s.items === undefined) errs.push(required(child(path, 'items'), 'must have a schema if x-kubernetes-list-type is map'));
    else if (!items) errs.push(invalid(child(path, 'items'), s.items, 'must only have a single schema if x-kubernetes-list-type is map'));
    if (items && typeOf(items) !== 'object') {
      errs.push(invalid(child(child(path, 'items'), 'type'), typeOf(items), "must be object if parent array's x-kubernetes-list-type is map"));
    }
    if (items && typeOf(items) === 'object') {
      const seen = new Set<string>();
      for (const k of mapKeys) {
        const p = propertiesOf(items).find(([n]) => n === k)?.[1];
        if (!p) {
          errs.push(invalid(child(path, 'x-kubernetes-list-map-keys'), mapKeys, 'entries must all be names of item properties'));
        } else if (typeOf(p) === 'array' || typeOf(p) === 'object') {
          errs.push(invalid(child(key(child(child(path, 'items'), 'properties'), k), 'type'), typeOf(items), "must be a scalar type if parent array's x-kubernetes-list-type is map"));
        }
        if (seen.has(k)) errs.push(invalid(child(path, 'x-kubernetes-list-map-keys'), mapKeys, 'must not contain duplicate entries'));
        seen.add(k);
      }
    }
  }
  if (items && (listType === 'set' || listType === 'map')) {
    if (flag(items, 'nullable')) errs.push(forbidden(child(child(path, 'items'), 'nullable'), `cannot be nullable when x-kubernetes-list-type is ${listType}`));
    if (listType === 'map') {
      const req = new Set(stringsOf(items.required));
      for (const k of mapKeys) {
        const p = propertiesOf(items).find(([n]) => n === k)?.[1];
        if (!p) continue;
        const pp = key(child(child(path, 'items'), 'properties'), k);
        if (!req.has(k) && !hasDefault(p)) {
          errs.push(required(child(pp, 'default'), 'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property'));
        }
        if (flag(p, 'nullable')) errs.push(forbidden(child(pp, 'nullable'), 'this property is in x-kubernetes-list-map-keys, so it cannot be nullable'));
      }
    }
  }
  return errs;
}

/** Static checks of x-kubernetes-validations entries (the CEL itself is neither compiled nor run). */
function validationRules(s: JSONSchemaProps, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules = Array.isArray(s['x-kubernetes-validations']) ? s['x-kubernetes-validations'] : [];
  const newline = /[\n\r]+/;
  rules.forEach((r, i) => {
    if (!isObject(r)) return;
    const p = index(child(path, 'x-kubernetes-validations'), i);
    const rule = typeof r.rule === 'string' ? r.rule.trim() : '';
    const message = typeof r.message === 'string' ? r.message : '';
    if (!rule) errs.push(required(child(p, 'rule'), 'rule is not specified'));
    else if (message.length > 0 && !message.trim()) errs.push(invalid(child(p, 'message'), message, 'message must be non-empty if specified'));
    else if (newline.test(message.trim())) errs.push(invalid(child(p, 'message'), message, 'message must not contain line breaks'));
    else if (newline.test(rule) && !message.trim()) errs.push(required(child(p, 'message'), 'message must be specified if rule contains line breaks'));
    if (typeof r.messageExpression === 'string' && r.messageExpression.length > 0 && !r.messageExpression.trim()) {
      errs.push(required(child(p, 'messageExpression'), 'messageExpression must be non-empty if specified'));
    }
    if (typeof r.reason === 'string' && !validationReasons.includes(r.reason)) errs.push(notSupported(child(p, 'reason'), r.reason, validationReasons));
    if (typeof r.fieldPath === 'string') {
      if (r.fieldPath.length > 0 && !r.fieldPath.trim()) errs.push(invalid(child(p, 'fieldPath'), r.fieldPath, 'fieldPath must be non-empty if specified'));
      if (newline.test(r.fieldPath)) errs.push(invalid(child(p, 'fieldPath'), r.fieldPath, 'fieldPath must not contain line breaks'));
    }
  });
  return errs;
}

function walk(s: JSONSchemaProps, path: string, ctx: Ctx, isRoot: boolean): FieldError[] {
  const errs = standard(s, path, ctx);
  if (flag(s, 'uniqueItems')) errs.push(forbidden(child(path, 'uniqueItems'), 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic'));
  const ap = additionalPropertiesOf(s);
  const props = propertiesOf(s);
  if (ap.kind !== 'none') {
    if (props.length > 0 && (ap.kind === 'schema' || !ap.allows)) {
      errs.push(forbidden(child(path, 'additionalProperties'), 'additionalProperties and properties are mutual exclusive'));
    }
    if (ap.kind === 'schema') {
      const sub = ctx.insideResourceMeta ? { ...ctx, allowDefaults: false, disallowDefaultsReason: 'inside additionalProperties applying to object metadata' } : ctx;
      errs.push(...walk(ap.schema, child(path, 'additionalProperties'), sub, false));
    }
  }
  for (const [k, p] of props) {
    let sub = ctx;
    if ((isRoot || flag(s, 'x-kubernetes-embedded-resource')) && metaFields.has(k)) {
      sub = { ...sub, insideResourceMeta: true };
      if (isRoot) sub = { ...sub, allowDefaults: false, disallowDefaultsReason: `in top-level ${k}` };
    }
    errs.push(...walk(p, key(child(path, 'properties'), k), sub, false));
  }
  const not = asSchema(s.not);
  if (not) errs.push(...walk(not, child(path, 'not'), ctx, false));
  for (const j of ['allOf', 'oneOf', 'anyOf'] as const) schemaList(s[j]).forEach((x, i) => errs.push(...walk(x, index(child(path, j), i), ctx, false)));
  if (isObject(s.definitions)) for (const [k, d] of Object.entries(s.definitions)) if (asSchema(d)) errs.push(...walk(d, key(child(path, 'definitions'), k), ctx, false));
  const items = itemsOf(s);
  if (items) errs.push(...walk(items, child(path, 'items'), ctx, false));
  if (Array.isArray(s.items)) schemaList(s.items).forEach((x, i) => errs.push(...walk(x, index(child(path, 'items'), i), ctx, false)));
  if (isObject(s.dependencies)) for (const [k, d] of Object.entries(s.dependencies)) if (asSchema(d)) errs.push(...walk(d as JSONSchemaProps, key(child(path, 'dependencies'), k), ctx, false));
  if (s['x-kubernetes-preserve-unknown-fields'] === false) {
    errs.push(invalid(child(path, 'x-kubernetes-preserve-unknown-fields'), false, 'must be true or undefined'));
  }
  errs.push(...listRules(s, path), ...validationRules(s, path));
  return errs;
}

/** All static rule violations in a CRD schema rooted at `path` (`...openAPIV3Schema`), defaults allowed (v1). */
export function validateSchemaRules(schema: JSONSchemaProps, path: string): FieldError[] {
  return walk(schema, path, { allowDefaults: true, disallowDefaultsReason: '', insideResourceMeta: false }, true);
}
