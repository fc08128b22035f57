// PUT: replace an object (or its status), with optimistic concurrency on metadata.resourceVersion.

import { badRequest } from '../../api/errors.ts';
import { nowRFC3339 } from '../../api/object.ts';
import { fieldManager, recordManagedFields } from './managed-fields.ts';
import { updateObject } from '../store/writes.ts';
import { checkNamespace, checkUnknownFields, decodeObject, fieldValidation } from './decode.ts';
import { respondObject } from './respond.ts';
import { writeContext, type Scope } from './scope.ts';

/** Resources Kubernetes lets a PUT create when the object does not exist. */
const createOnUpdate = new Set(['/nodes', '/events', 'coordination.k8s.io/leases', '/endpoints', 'discovery.k8s.io/endpointslices', '/limitranges']);

export async function handleUpdate(s: Scope): Promise<void> {
  const mode = fieldValidation(s);
  const obj = await decodeObject(s);
  checkNamespace(s, obj);
  if (obj.metadata!.name && obj.metadata!.name !== s.info.name) {
    throw badRequest(`the name of the object (${obj.metadata!.name}) does not match the name on the URL (${s.info.name})`);
  }
  checkUnknownFields(s, obj, mode);
  const sub = s.info.subresource === 'status' || s.info.subresource === 'approval' ? 'status' : '';
  const result = await updateObject(s.def, writeContext(s), s.info.namespace, s.info.name, (cur) =>
    recordManagedFields(s, cur, obj, fieldManager(s), s.parts.typeInfo(s.def), nowRFC3339(), sub), {
    expectedRv: obj.metadata!.resourceVersion || undefined,
    subresource: sub,
    createIfMissing: !sub && (createOnUpdate.has(`${s.def.group}/${s.def.resource}`) || !!s.def.crd),
  });
  respondObject(s, result.created ? 201 : 200, result.obj);
}
