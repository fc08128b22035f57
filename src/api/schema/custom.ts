// TypeInfo for custom resources: a CRD version's structural openAPIV3Schema, and the registry of those schemas.

import type { JsonValue } from '../object.ts';
import { definitionType } from './builtin.ts';
import type { TypeInfo } from './type-info.ts';

type Schema = Record<string, unknown>;

/** A registered custom kind: its raw schema (for OpenAPI) and the TypeInfo built from it. */
export interface CustomSchema {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** The CRD version's openAPIV3Schema (undefined: none given, anything goes). */
  readonly schema: Schema | undefined;
  readonly typeInfo: TypeInfo;
  /** Increases on every registration, so caches can tell a changed schema from the same one. */
  readonly revision: number;
}

const objectMeta = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const stringType: TypeInfo = { kind: 'scalar', scalar: 'string' };
const anyType: TypeInfo = { kind: 'any' };

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object node of a struct schema; `extra` adds implicit fields (apiVersion/kind/metadata). */
function objectNode(s: Schema, props: Schema, extra: Record<string, TypeInfo>, tags: Partial<TypeInfo>): TypeInfo {
  const names = [...new Set([...Object.keys(extra), ...Object.keys(props)])];
  const fields = new Map<string, TypeInfo>();
  return {
    kind: 'object',
    field(n: string): TypeInfo | undefined {
      if (Object.hasOwn(extra, n)) return extra[n];
      let t = fields.get(n);
      if (t === undefined && Object.hasOwn(props, n) && isSchema(props[n])) {
        t = schemaType(props[n]);
        fields.set(n, t);
      }
      return t;
    },
    fieldNames: () => names,
    ...(s['x-kubernetes-preserve-unknown-fields'] === true ? { preserveUnknownFields: true } : {}),
    ...(Array.isArray(s.required) ? { required: s.required.filter((x): x is string => typeof x === 'string') } : {}),
    ...tags,
  };
}

function embeddedFields(): Record<string, TypeInfo> {
  return { apiVersion: stringType, kind: stringType, metadata: definitionType(objectMeta) ?? anyType };
}

/** Converts one structural schema node. Value validations (allOf/anyOf/oneOf/not) do not change the structure. */
export function schemaType(s: Schema): TypeInfo {
  const tags: { -readonly [K in keyof TypeInfo]?: TypeInfo[K] } = {};
  const mapType = s['x-kubernetes-map-type'];
  if (mapType === 'atomic' || mapType === 'granular') tags.mapType = mapType;
  if (Array.isArray(s.enum)) tags.enum = s.enum as JsonValue[];
  if (s.default !== undefined) tags.default = s.default as JsonValue;
  if (typeof s.format === 'string' && s.format) tags.format = s.format;

  if (s['x-kubernetes-int-or-string'] === true) return { kind: 'scalar', scalar: 'int-or-string', ...tags };
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  const props = isSchema(s.properties) ? s.properties : undefined;
  switch (s.type) {
    case 'string': case 'integer': case 'number': case 'boolean':
      return { kind: 'scalar', scalar: s.type, ...tags };
    case 'array': {
      const lt = s['x-kubernetes-list-type'];
      if (lt === 'atomic' || lt === 'set' || lt === 'map') tags.listType = lt;
      if (Array.isArray(s['x-kubernetes-list-map-keys'])) tags.listMapKeys = s['x-kubernetes-list-map-keys'] as string[];
      return { kind: 'list', elem: isSchema(s.items) ? schemaType(s.items) : anyType, ...tags };
    }
  }
  if (embedded) return objectNode(s, props ?? {}, embeddedFields(), { ...tags, embeddedResource: true });
  if (props) return objectNode(s, props, {}, tags);
  const ap = s.additionalProperties;
  if (isSchema(ap)) return { kind: 'map', elem: schemaType(ap), ...tags };
  if (ap === true) return { kind: 'map', elem: anyType, ...tags };
  if (s.type === 'object' && !preserve) return objectNode(s, {}, {}, tags);
  return { kind: 'any', ...tags };
}

/** The TypeInfo of a custom resource's root: its schema plus apiVersion, kind and an ObjectMeta metadata. */
export function customRootType(schema: Schema | undefined): TypeInfo {
  const root: Schema = schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const props = isSchema(root.properties) ? root.properties : {};
  const extra = { apiVersion: stringType, kind: stringType, metadata: definitionType(objectMeta) ?? anyType };
  return objectNode(root, props, extra, {});
}

const registry = new Map<string, CustomSchema>();
let revision = 0;
let snapshot: readonly CustomSchema[] | undefined;
const key = (group: string, version: string, kind: string) => `${group}/${version}/${kind}`;

export function registerCustomSchema(group: string, version: string, kind: string, openAPIV3Schema: Schema | undefined): void {
  registry.set(key(group, version, kind), { group, version, kind, schema: openAPIV3Schema, typeInfo: customRootType(openAPIV3Schema), revision: ++revision });
  snapshot = undefined;
}

export function unregisterCustomSchema(group: string, version: string, kind: string): void {
  if (registry.delete(key(group, version, kind))) snapshot = undefined;
}

export function customSchema(group: string, version: string, kind: string): CustomSchema | undefined {
  return registry.get(key(group, version, kind));
}

/** Every registered custom schema; the same array until the set changes (cheap to compare for caches). */
export function customSchemas(): readonly CustomSchema[] {
  snapshot ??= Object.freeze([...registry.values()]);
  return snapshot;
}
