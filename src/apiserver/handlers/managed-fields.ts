// managedFields bookkeeping for non-apply writes, and the field manager name of a request.

import type { KObject } from '../../api/object.ts';
import type { TypeInfo } from '../../api/schema/type-info.ts';
import { managerFromUserAgent, recordUpdate } from '../../api/apply/update.ts';
import { validateFieldManager } from '../../api/apply/validate.ts';
import { invalid } from '../../api/errors.ts';
import type { Scope } from './scope.ts';

/** The fieldManager query parameter, or the client's name from its User-Agent (kubectl/v1.32 → kubectl). */
export function fieldManager(s: Scope): string {
  const m = s.query.get('fieldManager');
  if (m) {
    const errs = validateFieldManager(m);
    if (errs.length) throw invalid('UpdateOptions', 'meta.k8s.io', '', errs);
    return m;
  }
  return managerFromUserAgent(s.req.headers['user-agent'] ?? '');
}

/** Fields a write through this endpoint may not own: the main resource resets status, the status subresource the rest. */
export function resetFields(s: Scope, subresource: string): string[][] {
  if (!s.def.hasStatus) return [];
  return subresource === 'status' ? [['spec']] : [['status']];
}

export function recordManagedFields(s: Scope, old: KObject | undefined, updated: KObject, manager: string,
  typeInfo: TypeInfo | undefined, now: string, subresource: string): KObject {
  return recordUpdate({
    old, updated, manager, typeInfo, apiVersion: s.def.apiVersion, now, subresource: subresource || undefined,
    empty: { apiVersion: s.def.apiVersion, kind: s.def.kind, metadata: { creationTimestamp: null } },
    resetFields: resetFields(s, subresource),
  });
}
