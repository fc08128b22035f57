// The OpenAPI documents: /openapi/v2, the /openapi/v3 discovery index and per group-version v3 documents, cached until their inputs change.

import { createHash } from 'node:crypto';
import type { JsonObject } from '../../api/object.ts';
import { builtinDefinitionName } from '../../api/schema/index.ts';
import { apiResourcesPath, type DefNamer, type GVK, type PathItem, type ResourceLike, resourcePaths } from './paths.ts';
import { renderPaths } from './render.ts';
import { customDefPrefix, SchemaSet, type Flavor, type PublishedKind } from './schemas.ts';

/** A document ready to send: its JSON bytes and hash (upper-case hex SHA-512, as Kubernetes; the ETag is the quoted hash). */
export interface ServedDocument {
  readonly body: Buffer;
  readonly hash: string;
  readonly etag: string;
}

/** Custom kinds as far as the documents need them (the schema registry's CustomSchema satisfies it). */
export interface CustomKind extends PublishedKind {
  /** Changes whenever the schema does. */
  readonly revision: number;
}

function served(doc: unknown): ServedDocument {
  const body = Buffer.from(JSON.stringify(doc));
  const hash = createHash('sha512').update(body).digest('hex').toUpperCase();
  return { body, hash, etag: `"${hash}"` };
}

/** "api/v1" or "apis/apps/v1": the key of a group-version in the v3 index. */
export function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const info = { title: 'Kubernetes', version: 'unversioned' };
const bearer = { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' };

/** The custom kinds of the served resources: registered schemas, and resources no schema covers (free-form). */
function customKinds(resources: readonly ResourceLike[], custom: readonly CustomKind[]): PublishedKind[] {
  const byGVK = new Map(custom.map((c) => [`${c.group}/${c.version}/${c.kind}`, c]));
  const out = new Map<string, PublishedKind>();
  for (const r of resources) {
    const key = `${r.group}/${r.version}/${r.kind}`;
    if (out.has(key)) continue;
    const c = byGVK.get(key);
    if (c) out.set(key, c);
    else if (!builtinDefinitionName(r.group, r.version, r.kind)) out.set(key, { group: r.group, version: r.version, kind: r.kind, schema: undefined });
  }
  return [...out.values()];
}

function namer(customs: readonly PublishedKind[]): DefNamer {
  const set = new Set(customs.map((c) => `${c.group}/${c.version}/${c.kind}`));
  return (g: GVK) => {
    const base = g.kind.endsWith('List') ? g.kind.slice(0, -4) : g.kind;
    if (set.has(`${g.group}/${g.version}/${g.kind}`) || set.has(`${g.group}/${g.version}/${base}`)) return `${customDefPrefix(g.group, g.version)}.${g.kind}`;
    return builtinDefinitionName(g.group, g.version, g.kind);
  };
}

function buildPaths(resources: readonly ResourceLike[], customs: readonly PublishedKind[], flavor: Flavor): { paths: JsonObject; set: SchemaSet } {
  const set = new SchemaSet(flavor, customs);
  const defName = namer(customs);
  const customKeys = new Set(customs.map((c) => `${c.group}/${c.version}/${c.kind}`));
  const items: PathItem[] = [];
  const gvs = new Map<string, [string, string]>();
  for (const r of resources) gvs.set(gvPath(r.group, r.version), [r.group, r.version]);
  for (const [group, version] of gvs.values()) items.push(apiResourcesPath(group, version));
  for (const r of resources) items.push(...resourcePaths(r, defName, customKeys.has(`${r.group}/${r.version}/${r.kind}`)));
  items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const paths: JsonObject = {};
  renderPaths(items, set, paths);
  return { paths, set };
}

/** A fingerprint of the inputs: the documents change only when it does. */
function fingerprint(resources: readonly ResourceLike[], custom: readonly CustomKind[]): string {
  let s = '';
  for (const r of resources) s += `${r.group}/${r.version}/${r.resource}/${r.kind}/${r.namespaced ? 1 : 0}/${r.subresources?.join(',') ?? ''}/${r.verbs?.join(',') ?? '*'}|`;
  for (const c of custom) s += `${c.group}/${c.version}/${c.kind}#${c.revision}|`;
  return s;
}

let v2Cache: { fp: string; doc: ServedDocument } | undefined;

/** GET /openapi/v2 (JSON): swagger 2.0 with every served path and the definitions they use. */
export function openapiV2(resources: readonly ResourceLike[], custom: readonly CustomKind[] = []): ServedDocument {
  const fp = fingerprint(resources, custom);
  if (v2Cache?.fp === fp) return v2Cache.doc;
  const customs = customKinds(resources, custom);
  const { paths, set } = buildPaths(resources, customs, 'v2');
  const doc = served({
    swagger: '2.0',
    info,
    paths,
    definitions: set.sorted(),
    securityDefinitions: { BearerToken: bearer },
    security: [{ BearerToken: [] }],
  });
  v2Cache = { fp, doc };
  return doc;
}

const v3Cache = new Map<string, { fp: string; doc: ServedDocument }>();

function groupResources(resources: readonly ResourceLike[]): Map<string, ResourceLike[]> {
  const by = new Map<string, ResourceLike[]>();
  for (const r of resources) {
    const k = gvPath(r.group, r.version);
    let list = by.get(k);
    if (!list) by.set(k, (list = []));
    list.push(r);
  }
  return by;
}

/**
 * GET /openapi/v3/<gv> (JSON): the OpenAPI 3.0 document of one group-version ("api/v1", "apis/apps/v1"),
 * or undefined when nothing is served there.
 */
export function openapiV3Document(gv: string, resources: readonly ResourceLike[], custom: readonly CustomKind[] = []): ServedDocument | undefined {
  const mine = groupResources(resources).get(gv);
  if (!mine) return undefined;
  const mineCustom = custom.filter((c) => gvPath(c.group, c.version) === gv);
  const fp = fingerprint(mine, mineCustom);
  const hit = v3Cache.get(gv);
  if (hit?.fp === fp) return hit.doc;
  const { paths, set } = buildPaths(mine, customKinds(mine, mineCustom), 'v3');
  const doc = served({
    openapi: '3.0.0',
    info,
    paths,
    components: { schemas: set.sorted(), securitySchemes: { BearerToken: bearer } },
  });
  v3Cache.set(gv, { fp, doc });
  return doc;
}

let indexCache: { fp: string; doc: ServedDocument } | undefined;

/** GET /openapi/v3: `{"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=<HASH>"}, ...}}`. */
export function openapiV3Index(resources: readonly ResourceLike[], custom: readonly CustomKind[] = []): ServedDocument {
  const fp = fingerprint(resources, custom);
  if (indexCache?.fp === fp) return indexCache.doc;
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of [...groupResources(resources).keys()].sort()) {
    const doc = openapiV3Document(gv, resources, custom);
    if (doc) paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${doc.hash}` };
  }
  for (const gv of v3Cache.keys()) if (!Object.hasOwn(paths, gv)) v3Cache.delete(gv);
  const doc = served({ paths });
  indexCache = { fp, doc };
  return doc;
}
