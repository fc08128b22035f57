// TypeInfo for the built-in kinds, built lazily from builtin-types.json (read once, on first use).

import { readFileSync } from 'node:fs';
import type { DefSpec, FieldSpec, SchemaData } from './data-format.ts';
import type { TypeInfo } from './type-info.ts';

let data: SchemaData | undefined;
let byGVK: Map<string, string> | undefined;
const nodes = new Map<string, TypeInfo>();

/** The schema data (parsed on first call). */
export function builtinData(): SchemaData {
  data ??= JSON.parse(readFileSync(new URL('./builtin-types.json', import.meta.url), 'utf8')) as SchemaData;
  return data;
}

const gvkKey = (group: string, version: string, kind: string) => `${group}/${version}/${kind}`;

/** The definition name of a built-in kind, e.g. ("apps", "v1", "Deployment") → io.k8s.api.apps.v1.Deployment. */
export function builtinDefinitionName(group: string, version: string, kind: string): string | undefined {
  if (!byGVK) {
    byGVK = new Map();
    for (const [name, d] of Object.entries(builtinData().defs)) {
      for (const [g, v, k] of d.gvk ?? []) byGVK.set(gvkKey(g, v, k), name);
    }
  }
  return byGVK.get(gvkKey(group, version, kind));
}

/** The TypeInfo of a named definition (cached; shared between all users). */
export function definitionType(name: string): TypeInfo | undefined {
  const cached = nodes.get(name);
  if (cached) return cached;
  const def = builtinData().defs[name];
  if (!def) return undefined;
  const node = buildDef(name, def);
  nodes.set(name, node);
  return node;
}

export function builtinTypeInfo(group: string, version: string, kind: string): TypeInfo | undefined {
  const name = builtinDefinitionName(group, version, kind);
  return name ? definitionType(name) : undefined;
}

/** Named leaf types whose wire form is not their OpenAPI type alone. */
const leafFormats: Record<string, string> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
};

function buildDef(name: string, def: DefSpec): TypeInfo {
  if (def.p) {
    const props = def.p;
    const names = Object.keys(props);
    const fields = new Map<string, TypeInfo>();
    return {
      kind: 'object',
      field(n: string): TypeInfo | undefined {
        let t = fields.get(n);
        if (t === undefined && Object.hasOwn(props, n)) {
          t = fieldType(props[n]);
          fields.set(n, t);
        }
        return t;
      },
      fieldNames: () => names,
      ...(def.req ? { required: def.req } : {}),
      ...(def.mt ? { mapType: def.mt } : {}),
      definition: name,
    };
  }
  if (def.f === 'int-or-string') return { kind: 'scalar', scalar: 'int-or-string', format: 'int-or-string', definition: name };
  if (def.t === 'string' || def.t === 'integer' || def.t === 'number' || def.t === 'boolean') {
    const format = leafFormats[name] ?? def.f;
    return { kind: 'scalar', scalar: def.t, ...(format ? { format } : {}), definition: name };
  }
  return { kind: 'any', definition: name };
}

/** The per-field facts that are not part of the referenced type. */
function fieldTags(s: FieldSpec): Partial<TypeInfo> {
  const tags: { -readonly [K in keyof TypeInfo]?: TypeInfo[K] } = {};
  if (s.ps) tags.patchStrategy = s.ps;
  if (s.pk) tags.patchMergeKey = s.pk;
  if (s.lt) tags.listType = s.lt;
  if (s.lk) tags.listMapKeys = s.lk;
  if (s.mt) tags.mapType = s.mt;
  if (s.e) tags.enum = s.e;
  if (s.d !== undefined) tags.default = s.d;
  return tags;
}

function fieldType(s: FieldSpec): TypeInfo {
  const tags = fieldTags(s);
  if (s.r) {
    const base = definitionType(s.r) ?? { kind: 'any' };
    return Object.keys(tags).length ? { ...base, ...tags } : base;
  }
  if (s.i) return { kind: 'list', elem: fieldType(s.i), ...tags };
  if (s.a) return { kind: 'map', elem: fieldType(s.a), ...tags };
  if (s.t === 'string' || s.t === 'integer' || s.t === 'number' || s.t === 'boolean') {
    return { kind: 'scalar', scalar: s.t, ...(s.f ? { format: s.f } : {}), ...tags };
  }
  return { kind: 'any', ...tags };
}
