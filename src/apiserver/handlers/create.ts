// POST: create an object in a collection.

import { createObject } from '../store/writes.ts';
import { checkNamespace, checkUnknownFields, decodeObject, fieldValidation } from './decode.ts';
import { respondObject } from './respond.ts';
import { writeContext, type Scope } from './scope.ts';
import { nowRFC3339 } from '../../api/object.ts';
import { fieldManager, recordManagedFields } from './managed-fields.ts';

export async function handleCreate(s: Scope): Promise<void> {
  const mode = fieldValidation(s);
  const obj = await decodeObject(s);
  checkNamespace(s, obj);
  checkUnknownFields(s, obj, mode);
  const tracked = recordManagedFields(s, undefined, obj, fieldManager(s), s.parts.typeInfo(s.def), nowRFC3339(), '');
  const created = await createObject(s.def, writeContext(s), tracked);
  respondObject(s, 201, created);
}
