// CRD schema defaults must be pruned and must validate against their own schema (apiextensions' ValidateDefaults).

import type { FieldError } from '../../../api/errors.ts';
import { child, invalid, key } from '../../../api/validation/field.ts';
import { validateEmbeddedResources } from './embedded.ts';
import { deepEqualJSON } from './json-equal.ts';
import { toFieldErrors } from './openapi-result.ts';
import { validateValue } from './openapi-validate.ts';
import { pruneStructural } from './prune.ts';
import { flag, itemsOf, type JSONSchemaProps, propertiesOf } from './types.ts';

const metaFields = new Set(['metadata', 'apiVersion', 'kind']);

/** Prunes a copy of a default as its own schema would (as a resource root when the schema is embedded). */
function prunedCopy(value: unknown, s: JSONSchemaProps): unknown {
  const copy = structuredClone(value);
  pruneStructural(s, copy, false);
  return copy;
}

function validateDefault(s: JSONSchemaProps, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const p = child(path, 'default');
  if (!deepEqualJSON(prunedCopy(s.default, s), s.default)) errs.push(invalid(p, s.default, 'must not have unknown fields'));
  const embeddedErrs = validateEmbeddedResources(p, s.default, s);
  if (embeddedErrs.length > 0) return [...errs, ...embeddedErrs];
  return [...errs, ...toFieldErrors(validateValue(s, s.default, ''), p)];
}

/**
 * Checks every `default` in the structural part of the schema (properties and items; additionalProperties
 * may not carry defaults). Defaults of TypeMeta/ObjectMeta fields are forbidden elsewhere and skipped here.
 */
function walk(s: JSONSchemaProps, path: string, insideMeta: boolean, embedded: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const isEmbedded = embedded || flag(s, 'x-kubernetes-embedded-resource');
  const meta = insideMeta && !flag(s, 'x-kubernetes-embedded-resource');
  if (s.default !== undefined && s.default !== null && !meta) errs.push(...validateDefault(s, path));
  const items = itemsOf(s);
  if (items) errs.push(...walk(items, child(path, 'items'), meta, false));
  for (const [k, p] of propertiesOf(s)) {
    errs.push(...walk(p, key(child(path, 'properties'), k), meta || (isEmbedded && metaFields.has(k)), false));
  }
  return errs;
}

/** The default-value errors of a structural schema rooted at `path` (the root counts as a resource). */
export function validateDefaults(schema: JSONSchemaProps, path: string): FieldError[] {
  return walk(schema, path, false, true);
}
