// Admission: objects may only be created in namespaces that exist and are not being deleted.

import { StatusError } from '../../api/errors.ts';
import type { KObject } from '../../api/object.ts';
import type { ResourceDef } from '../registry/resource-def.ts';
import type { CacheHub } from '../watch-cache/hub.ts';
import { cacheId, objectKey } from '../store/keys.ts';

/** Kinds Kubernetes still accepts in a terminating namespace (so controllers can finish their work). */
const allowedWhileTerminating = new Set(['/events', 'events.k8s.io/events', 'authorization.k8s.io/localsubjectaccessreviews']);

export async function namespaceLifecycle(hub: CacheHub, op: string, def: ResourceDef, obj: KObject): Promise<void> {
  if (op !== 'create' || !def.namespaced) return;
  const ns = obj.metadata?.namespace ?? '';
  const nsObj = hub.cache(cacheId('', 'namespaces')).objects.get(objectKey('', 'namespaces', undefined, ns));
  if (!nsObj) throw new StatusError(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' });
  if (nsObj.obj.metadata?.deletionTimestamp && !allowedWhileTerminating.has(`${def.group}/${def.resource}`)) {
    throw new StatusError(403, 'Forbidden',
      `${def.resource}${def.group ? '.' + def.group : ''} "${obj.metadata?.name ?? ''}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
      { name: obj.metadata?.name, group: def.group || undefined, kind: def.resource, causes: [{ reason: 'NamespaceTerminating', message: `namespace ${ns} is being terminated`, field: 'metadata.namespace' }] });
  }
}
