// The checks a CRD's openAPIV3Schema must pass when the CRD is created or updated (structural, defaults, static rules).

import type { FieldError } from '../../../api/errors.ts';
import { child, forbidden, invalid, invalidOmit } from '../../../api/validation/field.ts';
import { validateDefaults } from './default-rules.ts';
import { deepEqualJSON } from './json-equal.ts';
import { validateSchemaRules } from './schema-rules.ts';
import { validateStructural } from './structural-invariants.ts';
import { isObject, type JSONSchemaProps, typeOf } from './types.ts';

export interface StructuralOptions {
  /**
   * The path of the CustomResourceValidation holding the schema. Kubernetes validates the internal form of
   * a CRD, where a schema shared by all versions is hoisted to `spec.validation`; otherwise each version's is
   * at `spec.versions[i].schema` (see {@link schemaValidationPath}). Default `spec.validation`.
   */
  path?: string;
  /** The status subresource is enabled: only some keywords are allowed at the root. */
  statusSubresource?: boolean;
}

/** Root keywords allowed with the status subresource (so that properties[status] keeps all validation). */
const allowedAtRootWithStatus = new Set([
  'description', 'type', 'format', 'title', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength',
  'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf', 'required', 'items', 'properties', 'externalDocs', 'example',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-validations',
]);
const allowedAtRootNames = '[Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations]';

/** Constructs NewStructural cannot convert; the static rules report them instead. */
function convertible(s: unknown): boolean {
  if (!isObject(s)) return true;
  if (Array.isArray(s.items) || s.$ref !== undefined || s.additionalItems !== undefined || s.dependencies !== undefined) return false;
  if (isObject(s.patternProperties) && Object.keys(s.patternProperties).length > 0) return false;
  if (isObject(s.definitions) && Object.keys(s.definitions).length > 0) return false;
  const subs: unknown[] = [s.items, s.not, s.additionalProperties];
  for (const k of ['properties'] as const) if (isObject(s[k])) subs.push(...Object.values(s[k]));
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) if (Array.isArray(s[k])) subs.push(...(s[k] as unknown[]));
  return subs.every(convertible);
}

function statusRootErrors(schema: JSONSchemaProps, path: string): FieldError[] {
  for (const [k, v] of Object.entries(schema)) {
    if (v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (k === 'type') {
      if (v !== 'object') return [invalid(child(path, 'openAPIV3Schema.type'), v, 'only "object" is allowed as the type at the root of the schema if the status subresource is enabled')];
      continue;
    }
    if (!allowedAtRootWithStatus.has(k)) {
      return [invalidOmit(child(path, 'openAPIV3Schema'), `only ${allowedAtRootNames} fields are allowed at the root of the schema if the status subresource is enabled`)];
    }
  }
  return [];
}

/**
 * Everything Kubernetes rejects about a CRD version's openAPIV3Schema, with its field paths:
 * `spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields`.
 * In Kubernetes' order: status-subresource root rules, root nullable, structural violations (sorted) —
 * or, when structural, invalid defaults — then the static per-node rules.
 */
export function checkStructural(schema: JSONSchemaProps, opts: StructuralOptions = {}): FieldError[] {
  const base = opts.path ?? 'spec.validation';
  const root = child(base, 'openAPIV3Schema');
  const errs: FieldError[] = [];
  if (opts.statusSubresource) errs.push(...statusRootErrors(schema, base));
  if (schema.nullable === true) errs.push(forbidden(child(base, 'openAPIV3Schema.nullable'), 'nullable cannot be true at the root'));
  if (convertible(schema)) {
    const structural = validateStructural(schema, root);
    errs.push(...(structural.length > 0 ? structural : validateDefaults(schema, root)));
  }
  errs.push(...validateSchemaRules(schema, root));
  return errs;
}

/** Whether a CRD schema is structural (no structural-rule violations); a quick test for callers. */
export function isStructural(schema: JSONSchemaProps): boolean {
  return convertible(schema) && typeOf(schema) !== '' && validateStructural(schema, 'openAPIV3Schema').length === 0;
}

/**
 * Where Kubernetes reports errors of `versions[i]`'s schema: `spec.validation` when every version carries
 * the same schema (the internal form hoists it), else `spec.versions[i].schema`.
 */
export function schemaValidationPath(versions: readonly { schema?: unknown }[], i: number): string {
  const first = versions[0]?.schema;
  const identical = versions.length > 0 && first !== undefined && versions.every((v) => deepEqualJSON(v.schema, first));
  return identical ? 'spec.validation' : `spec.versions[${i}].schema`;
}
