// managedFields bookkeeping for non-apply writes, and the field manager name of a request.

import { badRequest } from '../../api/errors.ts';
import type { KObject } from '../../api/object.ts';
import type { TypeInfo } from '../../api/schema/type-info.ts';
import { managerFromUserAgent, recordUpdate } from '../../api/apply/update.ts';
import type { Scope } from './scope.ts';

export function fieldManager(s: Scope, isApply: boolean): string {
  const m = s.query.get('fieldManager');
  if (m) {
    if (m.length > 128) throw badRequest(`fieldManager: Too long: may not be more than 128 bytes`);
    return m;
  }
  if (isApply) throw badRequest('PATCH request is missing the required fieldManager parameter for an apply patch (fieldManager is required for apply requests)');
  return managerFromUserAgent(s.req.headers['user-agent'] ?? '');
}

export function recordManagedFields(s: Scope, old: KObject | undefined, updated: KObject, manager: string,
  typeInfo: TypeInfo | undefined, now: string, subresource: string): KObject {
  return recordUpdate({ old, updated, manager, typeInfo, apiVersion: s.def.apiVersion, now, subresource: subresource || undefined });
}
