// Decodes an object from a request body and checks it against the URL: kind, apiVersion, name, namespace, fields.

import { badRequest, StatusError } from '../../api/errors.ts';
import { isPlainObject, type KObject } from '../../api/object.ts';
import { addWarning, decodeBody, mediaType, readBody } from '../http.ts';
import { duplicateFieldPaths, fieldWarnings, strictDecodingMessage } from '../../api/schema/index.ts';
/** Kubernetes' protobuf media type; the decoder is loaded on first use. */
export const protobufMediaType = 'application/vnd.kubernetes.protobuf';
import type { Scope } from './scope.ts';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function fieldValidation(s: Scope): FieldValidation {
  const v = s.query.get('fieldValidation');
  if (v === null || v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  throw badRequest(`fieldValidation: Invalid value: "${v}": must be one of "Ignore", "Warn", or "Strict"`);
}

/** Keys a JSON body repeated (JSON.parse keeps only the last), found when the body was decoded. */
const duplicatesOf = new WeakMap<KObject, string[]>();

/** Reports or rejects undeclared and repeated fields as `fieldValidation` asks, then drops the undeclared ones. */
export function checkUnknownFields(s: Scope, obj: KObject, mode: FieldValidation): void {
  if (mode !== 'Ignore') {
    const unknown = s.parts.unknownFields(s.def, obj);
    const duplicates = duplicatesOf.get(obj) ?? [];
    if (unknown.length || duplicates.length) {
      if (mode === 'Strict') {
        // Kubernetes names only the version (not the group) here, even for apps/v1.
        const d = s.def;
        throw new StatusError(400, 'BadRequest', `${d.kind} in version "${d.version}" cannot be handled as a ${d.kind}: ${strictDecodingMessage(unknown, duplicates)}`);
      }
      for (const w of fieldWarnings(unknown, duplicates)) addWarning(s.res, w);
    }
  }
  s.parts.prune(s.def, obj);
}

/** Checks apiVersion/kind of a decoded object against the resource the URL names. */
export function checkKind(s: Scope, obj: KObject): void {
  const def = s.def;
  if (obj.apiVersion !== undefined && obj.apiVersion !== def.apiVersion) {
    // Other versions of the same group are accepted only when served and identical in shape; keep it strict.
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${def.apiVersion})`);
  }
  if (obj.kind !== undefined && obj.kind !== def.kind) {
    throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${def.kind})`);
  }
}

export async function decodeObject(s: Scope, allowed?: readonly string[]): Promise<KObject> {
  const body = await readBody(s.req);
  const type = mediaType(s.req);
  const value = type === protobufMediaType && !s.def.crd
    ? (await import('../../api/protobuf/index.ts')).decodeKubernetesProtobuf(body, { apiVersion: s.def.apiVersion, kind: s.def.kind })
    : decodeBody(body, type, allowed);
  if (!isPlainObject(value)) throw badRequest('the body of the request was not a JSON object');
  const obj = value as KObject;
  if (type !== 'application/yaml' && type !== protobufMediaType && s.query.get('fieldValidation') !== 'Ignore') {
    const dups = duplicateFieldPaths(body.toString('utf8'));
    if (dups.length) duplicatesOf.set(obj, dups);
  }
  if (obj.metadata !== undefined && !isPlainObject(obj.metadata)) {
    throw badRequest(`json: cannot unmarshal ${Array.isArray(obj.metadata) ? 'array' : typeof obj.metadata} into Go struct field ${s.def.kind}.metadata of type v1.ObjectMeta`);
  }
  checkKind(s, obj);
  obj.metadata ??= {};
  return obj;
}

/** Namespaced resources take the namespace from the URL; a different one in the body is an error. */
export function checkNamespace(s: Scope, obj: KObject): void {
  const meta = obj.metadata!;
  if (!s.def.namespaced) {
    delete meta.namespace;
    return;
  }
  if (meta.namespace && meta.namespace !== s.info.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  meta.namespace = s.info.namespace;
}
