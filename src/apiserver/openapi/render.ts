// Renders flavor-neutral paths as OpenAPI v2 (swagger 2.0) or v3.0 path objects, pulling the schemas they use into a SchemaSet.

import type { JsonObject } from '../../api/object.ts';
import type { Param } from './params.ts';
import type { Op, PathItem, Produces } from './paths.ts';
import type { SchemaSet } from './schemas.ts';

const json = 'application/json';
const yaml = 'application/yaml';

const produced: Record<Produces, string[]> = {
  object: [json, yaml],
  list: [json, yaml, 'application/json;stream=watch'],
  text: ['text/plain', json, yaml],
  any: ['*/*'],
};
const patchTypes = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];
const customPatchTypes = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
const consumed = { any: ['*/*'], patch: patchTypes, 'custom-patch': customPatchTypes };

const statusText: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 401: 'Unauthorized' };

function v2Param(p: Param): JsonObject {
  const out: JsonObject = { description: p.description, in: p.in, name: p.name };
  if (p.required) out.required = true;
  out.type = p.type;
  out.uniqueItems = true;
  return out;
}

function v3Param(p: Param): JsonObject {
  const out: JsonObject = { name: p.name, in: p.in, description: p.description };
  if (p.required) out.required = true;
  out.schema = { type: p.type, uniqueItems: true };
  return out;
}

function gvkExt(op: Op): JsonObject {
  return op.gvk ? { 'x-kubernetes-group-version-kind': { group: op.gvk.group, kind: op.gvk.kind, version: op.gvk.version } } : {};
}

function v2Op(op: Op, set: SchemaSet): JsonObject {
  const params = op.params.map(v2Param);
  if (op.body) params.unshift({ in: 'body', name: 'body', ...(op.body.required ? { required: true } : {}), schema: set.ref(op.body.def) });
  const responses: JsonObject = {};
  for (const r of op.responses) {
    responses[r.code] = r.code === 401 ? { description: statusText[401] } : { description: statusText[r.code], schema: r.def ? set.ref(r.def) : { type: 'string' } };
  }
  return {
    consumes: op.body ? consumed[op.body.consumes] : ['*/*'],
    description: op.description,
    operationId: op.id,
    ...(params.length ? { parameters: params } : {}),
    produces: produced[op.produces],
    responses,
    schemes: ['https'],
    tags: [op.tag],
    ...(op.action ? { 'x-kubernetes-action': op.action } : {}),
    ...gvkExt(op),
  };
}

function v3Op(op: Op, set: SchemaSet): JsonObject {
  const responses: JsonObject = {};
  for (const r of op.responses) {
    if (r.code === 401) { responses[401] = { description: statusText[401] }; continue; }
    const schema = r.def ? set.ref(r.def) : { type: 'string' };
    responses[r.code] = { description: statusText[r.code], content: Object.fromEntries(produced[op.produces].map((t) => [t, { schema }])) };
  }
  const out: JsonObject = { tags: [op.tag], description: op.description, operationId: op.id };
  if (op.params.length) out.parameters = op.params.map(v3Param);
  if (op.body) {
    const schema = set.ref(op.body.def);
    out.requestBody = { content: Object.fromEntries(consumed[op.body.consumes].map((t) => [t, { schema }])), ...(op.body.required ? { required: true } : {}) };
  }
  out.responses = responses;
  if (op.action) out['x-kubernetes-action'] = op.action;
  Object.assign(out, gvkExt(op));
  return out;
}

/** Adds the rendered path items to `paths` (keyed by path), in the given flavor. */
export function renderPaths(items: readonly PathItem[], set: SchemaSet, paths: JsonObject): void {
  const v3 = set.flavor === 'v3';
  for (const item of items) {
    const obj: JsonObject = {};
    for (const op of item.ops) obj[op.method] = v3 ? v3Op(op, set) : v2Op(op, set);
    if (item.params.length) obj.parameters = item.params.map(v3 ? v3Param : v2Param);
    paths[item.path] = obj;
  }
}
