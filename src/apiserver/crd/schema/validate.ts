// Validation of a custom resource against its CRD schema, as the apiextensions strategy runs it (CEL rules excepted).

import type { FieldError } from '../../../api/errors.ts';
import { fieldErrorString } from '../../../api/errors.ts';
import { validateEmbeddedResources } from './embedded.ts';
import { validateListSetsAndMaps } from './list-type.ts';
import { toFieldErrors } from './openapi-result.ts';
import { validateValue } from './openapi-validate.ts';
import { isObject, type JSONSchemaProps, propertyOf } from './types.ts';

/**
 * The root schema as applied to a resource: of `metadata`, only `name` and `generateName` restrictions are
 * checked here (the rest of ObjectMeta is validated by the API server's metadata rules).
 */
function rootSchema(schema: JSONSchemaProps): JSONSchemaProps {
  const meta = propertyOf(schema, 'metadata');
  if (!meta || !isObject(schema.properties)) return schema;
  const kept: Record<string, JSONSchemaProps> = {};
  for (const k of ['name', 'generateName']) {
    const p = propertyOf(meta, k);
    if (p) kept[k] = p;
  }
  return { ...schema, properties: { ...schema.properties, metadata: { properties: kept } } };
}

/**
 * Validates `obj` (a whole custom resource) against a CRD version's openAPIV3Schema: the OpenAPI value
 * checks (types, required, enum, formats, bounds, lengths, patterns, items, combinators), then embedded
 * resources' apiVersion/kind/metadata, then x-kubernetes-list-type set/map uniqueness.
 *
 * Paths and messages are Kubernetes': `spec.replicas: Invalid value: "string": spec.replicas in body must be
 * of type integer: "string"`. `rootPath` prefixes every field path (Kubernetes passes none for resources;
 * errors about the root itself then carry the field `<nil>`). x-kubernetes-validations (CEL) are not run.
 */
export function validateAgainstSchema(schema: JSONSchemaProps, obj: unknown, rootPath?: string): FieldError[] {
  const errs = toFieldErrors(validateValue(rootSchema(schema), obj, ''), rootPath);
  errs.push(...validateEmbeddedResources(rootPath ?? '', obj, schema));
  errs.push(...validateListSetsAndMaps(rootPath ?? '', schema, obj));
  return dedupe(errs);
}

/**
 * Validation on update: as {@link validateAgainstSchema}, except that list-type set/map uniqueness is only
 * enforced when the old object satisfied it (Kubernetes ratchets that check so stored objects stay updatable).
 */
export function validateUpdateAgainstSchema(schema: JSONSchemaProps, obj: unknown, old: unknown, rootPath?: string): FieldError[] {
  const errs = toFieldErrors(validateValue(rootSchema(schema), obj, ''), rootPath);
  errs.push(...validateEmbeddedResources(rootPath ?? '', obj, schema));
  if (validateListSetsAndMaps(rootPath ?? '', schema, old).length === 0) errs.push(...validateListSetsAndMaps(rootPath ?? '', schema, obj));
  return dedupe(errs);
}

/** Errors that print the same are reported once (field.ErrorList.ToAggregate). */
export function dedupe(errs: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errs.filter((e) => {
    const s = fieldErrorString(e);
    if (seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}
