// OpenAPI schema objects (v2 definitions / v3 components.schemas) from the built-in schema data and CRD schemas.

import type { JsonObject } from '../../api/object.ts';
import { builtinData } from '../../api/schema/index.ts';
import type { FieldSpec } from '../../api/schema/data-format.ts';

export type Flavor = 'v2' | 'v3';

/** A custom kind to publish: a CRD version's openAPIV3Schema (undefined: free-form). */
export interface PublishedKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly schema: Readonly<Record<string, unknown>> | undefined;
}

const metaV1 = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const objectMetaDef = `${metaV1}.ObjectMeta`;
export const listMetaDef = `${metaV1}.ListMeta`;

/** Collects the schemas a document needs: ask for a definition by name and its references follow. */
export class SchemaSet {
  readonly flavor: Flavor;
  readonly defs: Record<string, JsonObject> = {};
  readonly #custom = new Map<string, (set: SchemaSet) => JsonObject>();

  constructor(flavor: Flavor, custom: readonly PublishedKind[] = []) {
    this.flavor = flavor;
    for (const c of custom) for (const [name, render] of customDefinitions(c)) this.#custom.set(name, render);
  }

  /** `{"$ref": ...}` to the definition, adding it (and what it refers to) to the set. */
  ref(name: string): JsonObject {
    this.need(name);
    return { $ref: this.flavor === 'v2' ? `#/definitions/${name}` : `#/components/schemas/${name}` };
  }

  need(name: string): void {
    if (Object.hasOwn(this.defs, name)) return;
    const custom = this.#custom.get(name);
    if (custom) {
      this.defs[name] = {};
      this.defs[name] = custom(this);
      return;
    }
    const spec = builtinData().defs[name];
    if (!spec) throw new Error(`openapi: no definition ${name}`);
    this.defs[name] = {}; // placeholder against cycles
    this.defs[name] = this.#renderDef(name);
  }

  /** The definitions in name order (Kubernetes serves them sorted). */
  sorted(): Record<string, JsonObject> {
    return Object.fromEntries(Object.keys(this.defs).sort().map((k) => [k, this.defs[k]]));
  }

  #renderDef(name: string): JsonObject {
    const d = builtinData().defs[name];
    const v3 = this.flavor === 'v3';
    if (v3 && name === 'io.k8s.apimachinery.pkg.api.resource.Quantity') return { oneOf: [{ type: 'string' }, { type: 'number' }] };
    if (v3 && d.f === 'int-or-string') return { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
    const out: JsonObject = {};
    if (d.desc) out.description = d.desc;
    if (d.p) {
      out.type = 'object';
      const props: JsonObject = {};
      for (const [k, f] of Object.entries(d.p)) props[k] = this.field(f, 'property');
      out.properties = props;
      if (d.req) out.required = d.req;
    } else {
      if (d.t) out.type = d.t;
      if (d.f) out.format = d.f;
    }
    if (d.gvk) out['x-kubernetes-group-version-kind'] = d.gvk.map(([group, version, kind]) => ({ group, kind, version }));
    if (d.mt) out['x-kubernetes-map-type'] = d.mt;
    return out;
  }

  field(f: FieldSpec, position: 'property' | 'element'): JsonObject {
    const v3 = this.flavor === 'v3';
    let out: JsonObject;
    if (f.r) {
      // Kubernetes' v3 documents put a reference beside other keywords inside allOf.
      if (v3) {
        out = { allOf: [this.ref(f.r)] };
        if (position === 'element' && builtinData().defs[f.r]?.p) out.default = {};
      } else out = this.ref(f.r);
    } else if (f.i) out = { type: 'array', items: this.field(f.i, 'element') };
    else if (f.a) out = { type: 'object', additionalProperties: this.field(f.a, 'element') };
    else {
      out = {};
      if (f.t) out.type = f.t;
      if (f.f) out.format = f.f;
    }
    if (v3 && f.e) out.enum = f.e;
    if (v3 && f.d !== undefined) out.default = f.d;
    if (f.lk) out['x-kubernetes-list-map-keys'] = f.lk;
    if (f.lt) out['x-kubernetes-list-type'] = f.lt;
    if (f.mt) out['x-kubernetes-map-type'] = f.mt;
    if (f.pk) out['x-kubernetes-patch-merge-key'] = f.pk;
    if (f.ps) out['x-kubernetes-patch-strategy'] = f.ps;
    return out;
  }
}

/** Kubernetes' definition name prefix for a custom group: "stable.example.com" → "com.example.stable". */
export function customDefPrefix(group: string, version: string): string {
  return `${group.split('.').reverse().join('.')}.${version}`;
}

/** Keywords a v2 (swagger 2.0) schema cannot carry; Kubernetes drops them when publishing CRDs in v2. */
const notInV2 = new Set(['nullable', 'oneOf', 'anyOf', 'not', 'x-kubernetes-validations', 'x-kubernetes-preserve-unknown-fields']);

const namedSchemas = new Set(['properties', 'patternProperties', 'definitions']);
const oneSchema = new Set(['items', 'additionalProperties', 'additionalItems', 'not']);
const schemaLists = new Set(['allOf', 'anyOf', 'oneOf']);

function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A CRD schema for publishing: keyword-aware, so a property named like a keyword is kept. */
function copySchema(s: JsonObject, flavor: Flavor): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(s)) {
    if (flavor === 'v2' && notInV2.has(k)) continue;
    if (namedSchemas.has(k) && isObj(v)) {
      out[k] = Object.fromEntries(Object.entries(v).map(([n, x]) => [n, isObj(x) ? copySchema(x, flavor) : x]));
    } else if (oneSchema.has(k) && isObj(v)) out[k] = copySchema(v, flavor);
    else if (schemaLists.has(k) && Array.isArray(v)) out[k] = v.map((x) => (isObj(x) ? copySchema(x, flavor) : x));
    else out[k] = v;
  }
  return out;
}

/** The custom kind's schema and its list, as Kubernetes publishes a CRD version (metadata as ObjectMeta). */
function customDefinitions(c: PublishedKind): [string, (s: SchemaSet) => JsonObject][] {
  const prefix = customDefPrefix(c.group, c.version);
  const gvk = (kind: string) => [{ group: c.group, kind, version: c.version }];
  const kindDef = (s: SchemaSet): JsonObject => {
    const base = c.schema && isObj(c.schema) ? copySchema(c.schema as JsonObject, s.flavor)
      : copySchema({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, s.flavor);
    const props = isObj(base.properties) ? base.properties : {};
    const metaRef = s.flavor === 'v3' ? { allOf: [s.ref(objectMetaDef)] } : s.ref(objectMetaDef);
    return {
      ...base,
      type: 'object',
      properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, ...props, metadata: metaRef },
      'x-kubernetes-group-version-kind': gvk(c.kind),
    };
  };
  const listDef = (s: SchemaSet): JsonObject => {
    const item = s.ref(`${prefix}.${c.kind}`);
    const meta = s.ref(listMetaDef);
    return {
      type: 'object',
      required: ['items'],
      properties: {
        apiVersion: { type: 'string' },
        items: { type: 'array', items: item },
        kind: { type: 'string' },
        metadata: s.flavor === 'v3' ? { allOf: [meta] } : meta,
      },
      'x-kubernetes-group-version-kind': gvk(`${c.kind}List`),
    };
  };
  return [[`${prefix}.${c.kind}`, kindDef], [`${prefix}.${c.kind}List`, listDef]];
}
