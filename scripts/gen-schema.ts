// Generates src/api/schema/builtin-types.json: the structure of the kinds skiff serves, from Kubernetes 1.32 sources.
//
// Inputs (read at generation time only; the output is committed):
//   --swagger FILE        the OpenAPI v2 document of Kubernetes 1.32 (api/openapi-spec/swagger.json of
//                         the release; the same file ships as kubernetes/swagger.json.unprocessed in the
//                         v32 releases of the Python client). Gives fields, types, formats, required,
//                         group-version-kinds and the patch/list/map extensions. Descriptions are dropped.
//   --api DIR             a checkout of k8s.io/api at v0.32.x: enums (`+enum` types and their constants)
//                         and `+default=` markers, which the v2 document does not carry.
//   --apimachinery DIR    a checkout of k8s.io/apimachinery at v0.32.x (meta/v1), likewise.
//   --out FILE            default src/api/schema/builtin-types.json
//
// Usage: node scripts/gen-schema.ts --swagger swagger.json --api ../api --apimachinery ../apimachinery

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinResources } from '../src/apiserver/registry/catalog.ts';
import type { DefSpec, FieldSpec, SchemaData } from '../src/api/schema/data-format.ts';
import { readGoFacts, type GoFacts, type GoSource } from './gen-schema/go-markers.ts';
import { kindDescriptions } from './gen-schema/kind-descriptions.ts';

interface SwaggerSchema {
  type?: string;
  format?: string;
  $ref?: string;
  items?: SwaggerSchema;
  additionalProperties?: SwaggerSchema | boolean;
  properties?: Record<string, SwaggerSchema>;
  required?: string[];
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
}

const { values: args } = parseArgs({
  options: {
    swagger: { type: 'string' },
    api: { type: 'string' },
    apimachinery: { type: 'string' },
    out: { type: 'string', default: 'src/api/schema/builtin-types.json' },
  },
});
if (!args.swagger || !args.api || !args.apimachinery) {
  console.error('usage: node scripts/gen-schema.ts --swagger FILE --api DIR --apimachinery DIR [--out FILE]');
  process.exit(2);
}

const swagger = JSON.parse(readFileSync(args.swagger, 'utf8')) as { definitions: Record<string, SwaggerSchema> };
const defs = swagger.definitions;

/** Kinds served besides the catalog's own: bodies of subresources and the meta kinds every group uses. */
const extraKinds: [string, string, string][] = [
  ['autoscaling', 'v1', 'Scale'],
  ['policy', 'v1', 'Eviction'],
  ['authentication.k8s.io', 'v1', 'TokenRequest'],
];
const metaRoots = ['Status', 'DeleteOptions', 'WatchEvent', 'APIResourceList', 'Patch'].map((k) => `io.k8s.apimachinery.pkg.apis.meta.v1.${k}`);

const servedGV = new Set(builtinResources.map((r) => `${r.group}/${r.version}`));
for (const [g, v] of extraKinds) servedGV.add(`${g}/${v}`);

function defForKind(group: string, version: string, kind: string): string {
  for (const [name, d] of Object.entries(defs)) {
    if (d['x-kubernetes-group-version-kind']?.some((x) => x.group === group && x.version === version && x.kind === kind)) return name;
  }
  throw new Error(`no definition for ${group}/${version} ${kind}`);
}

const roots = new Set(metaRoots);
for (const r of builtinResources) {
  roots.add(defForKind(r.group, r.version, r.kind));
  if (!r.verbs || r.verbs.includes('list')) roots.add(defForKind(r.group, r.version, `${r.kind}List`));
}
for (const [g, v, k] of extraKinds) roots.add(defForKind(g, v, k));

// Every definition reachable from the roots.
const refName = (ref: string) => ref.replace('#/definitions/', '');
const reachable = new Set<string>();
function visit(s: SwaggerSchema | boolean | undefined): void {
  if (!s || typeof s === 'boolean') return;
  if (s.$ref) {
    const n = refName(s.$ref);
    if (!reachable.has(n)) {
      reachable.add(n);
      const d = defs[n];
      if (!d) throw new Error(`dangling reference ${n}`);
      visit(d);
    }
  }
  visit(s.items);
  visit(s.additionalProperties);
  for (const p of Object.values(s.properties ?? {})) visit(p);
}
for (const r of roots) visit({ $ref: `#/definitions/${r}` });

const goSources: GoSource[] = [
  { dir: join(args.apimachinery, 'pkg/apis/meta/v1'), importPath: 'k8s.io/apimachinery/pkg/apis/meta/v1', prefix: 'io.k8s.apimachinery.pkg.apis.meta.v1' },
];
const goPackages = new Set<string>();
for (const n of reachable) {
  const m = /^io\.k8s\.api\.([\w-]+)\.(\w+)\.\w+$/.exec(n);
  if (m) goPackages.add(`${m[1]}/${m[2]}`);
}
for (const p of goPackages) goSources.push({ dir: join(args.api, p), importPath: `k8s.io/api/${p}`, prefix: `io.k8s.api.${p.replace('/', '.')}` });
const goFacts: GoFacts = readGoFacts(goSources);

function field(s: SwaggerSchema, facts?: { enum?: string[]; elemEnum?: string[]; default?: unknown }): FieldSpec {
  const out: FieldSpec = {};
  if (s.$ref) out.r = refName(s.$ref);
  else {
    if (s.items) out.i = field(s.items, facts?.elemEnum ? { enum: facts.elemEnum } : undefined);
    else if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      out.a = field(s.additionalProperties, facts?.elemEnum ? { enum: facts.elemEnum } : undefined);
    } else if (s.type) out.t = s.type;
    if (s.format) out.f = s.format;
  }
  if (s['x-kubernetes-patch-strategy']) out.ps = s['x-kubernetes-patch-strategy'];
  if (s['x-kubernetes-patch-merge-key']) out.pk = s['x-kubernetes-patch-merge-key'];
  if (s['x-kubernetes-list-type']) out.lt = s['x-kubernetes-list-type'];
  if (s['x-kubernetes-list-map-keys']) out.lk = s['x-kubernetes-list-map-keys'];
  if (s['x-kubernetes-map-type']) out.mt = s['x-kubernetes-map-type'];
  if (facts?.enum && !out.i && !out.a) out.e = facts.enum;
  if (facts?.default !== undefined) out.d = facts.default as FieldSpec['d'];
  return out;
}

const out: SchemaData = { source: 'Kubernetes 1.32 (OpenAPI v2 document; enums and defaults from k8s.io/api v0.32 markers)', defs: {} };
for (const name of [...reachable].sort()) {
  const d = defs[name];
  const spec: DefSpec = {};
  if (d.properties) {
    spec.p = {};
    const facts = goFacts.get(name);
    for (const [k, v] of Object.entries(d.properties)) spec.p[k] = field(v, facts?.get(k));
  } else {
    if (d.type) spec.t = d.type;
    if (d.format) spec.f = d.format;
  }
  if (d.required?.length) spec.req = d.required;
  const gvk = d['x-kubernetes-group-version-kind']?.filter((x) => servedGV.has(`${x.group}/${x.version}`));
  if (gvk?.length) {
    spec.gvk = gvk.map((x) => [x.group, x.version, x.kind]);
    if (gvk.length === 1) {
      const desc = kindDescriptions[`${gvk[0].group ? `${gvk[0].group}/` : ''}${gvk[0].version}/${gvk[0].kind}`];
      if (desc) spec.desc = desc;
    }
  }
  if (d['x-kubernetes-map-type']) spec.mt = d['x-kubernetes-map-type'];
  out.defs[name] = spec;
}

// One definition per line: small diffs when Kubernetes changes.
const lines = Object.entries(out.defs).map(([n, d]) => `    ${JSON.stringify(n)}: ${JSON.stringify(d)}`);
const text = `{\n  "source": ${JSON.stringify(out.source)},\n  "defs": {\n${lines.join(',\n')}\n  }\n}\n`;
writeFileSync(args.out, text);
console.log(`wrote ${args.out}: ${lines.length} definitions, ${text.length} bytes`);
