// PATCH: JSON patch, merge patch, strategic merge patch and server-side apply, retried on conflicts.

import { badRequest, StatusError } from '../../api/errors.ts';
import { isPlainObject, nowRFC3339, type KObject } from '../../api/object.ts';
import { applyPatch, applyPatchType, builtinPatchTypes, customResourcePatchTypes, decodePatchBody, unsupportedPatchType } from '../../api/patch/index.ts';
import { apply } from '../../api/apply/apply.ts';
import { decodeBody, mediaType, readBody } from '../http.ts';
import { updateObject } from '../store/writes.ts';
import { checkUnknownFields, fieldValidation } from './decode.ts';
import { respondObject } from './respond.ts';
import { fieldManager, recordManagedFields, resetFields } from './managed-fields.ts';
import { checkObjectMatchesRequest, validatePatchOptions } from '../../api/apply/validate.ts';
import { gvkString } from '../../api/apply/apply.ts';
import { writeContext, type Scope } from './scope.ts';

export async function handlePatch(s: Scope): Promise<void> {
  const type = mediaType(s.req);
  const accepted = s.def.crd ? customResourcePatchTypes : builtinPatchTypes;
  if (!accepted.includes(type)) throw unsupportedPatchType(accepted);
  const mode = fieldValidation(s);
  const raw = await readBody(s.req);
  const body = type === applyPatchType ? decodeBody(raw, type, accepted) : decodePatchBody(type, raw.toString('utf8'));
  const isApply = type === applyPatchType;
  const sub = s.info.subresource === 'status' || s.info.subresource === 'approval' ? 'status' : '';
  const typeInfo = s.parts.typeInfo(s.def);
  const optionsError = validatePatchOptions({ patchType: type, fieldManager: s.query.get('fieldManager') ?? '', force: s.query.get('force') ?? undefined });
  if (optionsError) throw optionsError;
  const manager = isApply ? s.query.get('fieldManager')! : fieldManager(s);
  const force = s.query.get('force') === 'true';
  let expectedRv: string | undefined;
  if (isApply) {
    if (!isPlainObject(body)) throw badRequest('apply patch body must be an object');
    const applied = body as KObject;
    if (applied.metadata !== undefined && !isPlainObject(applied.metadata)) throw badRequest('metadata must be an object');
    const mismatch = checkObjectMatchesRequest(applied, s.info.name, s.def.namespaced ? s.info.namespace : '');
    if (mismatch) throw mismatch;
    if (mode === 'Strict') {
      // Apply configurations are typed against the schema: undeclared fields fail as Kubernetes reports them.
      const unknown = s.parts.unknownFields(s.def, applied);
      if (unknown.length) {
        const lines = unknown.map((p) => `.${p}: field not declared in schema`);
        const detail = lines.length === 1 ? lines[0] : `errors:\n  ${lines.join('\n  ')}`;
        throw new StatusError(500, 'InternalError', `failed to create typed patch object (${gvkString(applied.apiVersion, applied.kind)}): ${detail}`);
      }
    }
    checkUnknownFields(s, applied, mode);
    expectedRv = typeof applied.metadata?.resourceVersion === 'string' && applied.metadata.resourceVersion ? applied.metadata.resourceVersion : undefined;
  }
  const result = await updateObject(s.def, writeContext(s), s.info.namespace, s.info.name, (cur) => {
    const now = nowRFC3339();
    if (isApply) {
      const applied = structuredClone(body) as KObject;
      checkObjectMatchesRequest(applied, s.info.name, s.def.namespaced ? s.info.namespace : '');
      return apply({
        current: cur, applied, manager, force, typeInfo, apiVersion: s.def.apiVersion, now, subresource: sub || undefined,
        kind: s.def.kind, resetFields: resetFields(s, sub),
        empty: { apiVersion: s.def.apiVersion, kind: s.def.kind, metadata: { creationTimestamp: null } },
      });
    }
    if (!cur) throw new StatusError(404, 'NotFound', `${s.def.resource} "${s.info.name}" not found`);
    const patched = applyPatch(type, cur, body, typeInfo, { accepted });
    if (!isPlainObject(patched)) throw badRequest('the patch produced something other than an object');
    if (patched.kind !== undefined && patched.kind !== s.def.kind) throw badRequest(`the kind of the patched object (${String(patched.kind)}) does not match (${s.def.kind})`);
    checkUnknownFields(s, patched, mode);
    return recordManagedFields(s, cur, patched, manager, typeInfo, now, sub);
  }, { subresource: sub, createIfMissing: isApply && !sub, expectedRv });
  respondObject(s, result.created ? 201 : 200, result.obj);
}
