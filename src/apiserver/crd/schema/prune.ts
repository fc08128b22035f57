// Pruning of fields a CRD's structural schema does not specify, returning their paths for unknown-field warnings/errors.

import { child, index, key } from '../../../api/validation/field.ts';
import { coerceObjectMeta } from './embedded.ts';
import { additionalPropertiesOf, flag, isObject, itemsOf, type JSONSchemaProps, propertyOf } from './types.ts';

const metaFields = new Set(['apiVersion', 'kind', 'metadata']);

/** A node as pruning sees it; the resource root is always treated as an embedded resource. */
interface Node {
  schema: JSONSchemaProps | undefined;
  embedded: boolean;
}

function node(schema: JSONSchemaProps | undefined): Node {
  return { schema, embedded: flag(schema, 'x-kubernetes-embedded-resource') };
}

function join(parent: string, k: string): string {
  return parent ? `${parent}.${k}` : k;
}

/** Which schema describes field `k` of an object: a property, additionalProperties, or nothing (prune). */
function fieldNode(s: JSONSchemaProps, k: string): Node | 'unknown' {
  const p = propertyOf(s, k);
  if (p) return node(p);
  const ap = additionalPropertiesOf(s);
  if (ap.kind === 'schema') return node(ap.schema);
  if (ap.kind === 'bool') return node(undefined);
  return 'unknown';
}

function prune(x: unknown, n: Node, path: string, out: string[]): void {
  if (n.schema && flag(n.schema, 'x-kubernetes-preserve-unknown-fields')) {
    skipPrune(x, n, path, out);
    return;
  }
  if (Array.isArray(x)) {
    const items = node(n.schema ? itemsOf(n.schema) : undefined);
    x.forEach((v, i) => prune(v, items, `${path}[${i}]`, out));
  } else if (isObject(x)) {
    for (const [k, v] of Object.entries(x)) {
      if (!n.schema) {
        out.push(join(path, k));
        delete x[k];
        continue;
      }
      if (n.embedded && metaFields.has(k)) continue;
      const f = fieldNode(n.schema, k);
      if (f === 'unknown') {
        if (!metaFields.has(k) || path) out.push(join(path, k));
        delete x[k];
      } else {
        prune(v, f, join(path, k), out);
      }
    }
  }
}

/** Below x-kubernetes-preserve-unknown-fields: keep unknown fields, but prune inside the ones that are specified. */
function skipPrune(x: unknown, n: Node, path: string, out: string[]): void {
  if (!n.schema) return;
  if (Array.isArray(x)) {
    const items = node(itemsOf(n.schema));
    x.forEach((v, i) => skipPrune(v, items, `${path}[${i}]`, out));
  } else if (isObject(x)) {
    for (const [k, v] of Object.entries(x)) {
      if (n.embedded && metaFields.has(k)) continue;
      const f = fieldNode(n.schema, k);
      if (f !== 'unknown') prune(v, f, join(path, k), out);
    }
  }
}

/** Coerces the metadata of embedded resources below the root (ObjectMeta fields only), collecting unknown paths. */
function coerceEmbedded(x: unknown, s: JSONSchemaProps | undefined, path: string, out: string[]): void {
  if (!s) return;
  if (Array.isArray(x)) {
    const items = itemsOf(s);
    x.forEach((v, i) => coerceEmbedded(v, items, index(path, i), out));
  } else if (isObject(x)) {
    if (flag(s, 'x-kubernetes-embedded-resource') && isObject(x.metadata)) out.push(...coerceObjectMeta(x.metadata, child(path, 'metadata')));
    const ap = additionalPropertiesOf(s);
    for (const [k, v] of Object.entries(x)) {
      const p = propertyOf(s, k);
      if (p) coerceEmbedded(v, p, child(path, k), out);
      else if (ap.kind === 'schema') coerceEmbedded(v, ap.schema, key(path, k), out);
    }
  }
}

/**
 * Removes, in place, every field of the custom resource `obj` that the structural schema does not specify,
 * except below x-kubernetes-preserve-unknown-fields and except apiVersion/kind/metadata of the resource
 * root and of embedded resources (whose metadata is instead reduced to ObjectMeta's fields). The root's
 * metadata is left to the API server.
 *
 * Returns the pruned paths, sorted, as Kubernetes reports them: `unknown field "spec.foo"`,
 * `spec.list[0].bar`, map entries `spec.map.key`, embedded metadata `spec.template.metadata.bogus`.
 */
export function pruneUnknownFields(schema: JSONSchemaProps, obj: unknown): string[] {
  const out: string[] = [];
  prune(obj, { schema, embedded: true }, '', out);
  coerceEmbedded(obj, schema, '', out);
  return out.sort();
}

/** The structural pruning step alone (no metadata coercion); `isResourceRoot` keeps the root's TypeMeta/ObjectMeta. */
export function pruneStructural(schema: JSONSchemaProps, obj: unknown, isResourceRoot: boolean): string[] {
  const out: string[] = [];
  prune(obj, { schema, embedded: isResourceRoot || flag(schema, 'x-kubernetes-embedded-resource') }, '', out);
  return out.sort();
}
