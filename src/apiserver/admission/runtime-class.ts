// Admission: a pod naming a RuntimeClass gets its overhead, and is refused when the class does not exist.

import { StatusError } from '../../api/errors.ts';
import type { KObject } from '../../api/object.ts';
import type { CacheHub } from '../watch-cache/hub.ts';
import { cacheId, objectKey } from '../store/keys.ts';

type Obj = Record<string, unknown>;

export async function runtimeClassAdmission(hub: CacheHub, pod: KObject): Promise<void> {
  const spec = (pod.spec ?? {}) as Obj;
  const name = spec.runtimeClassName;
  if (typeof name !== 'string' || !name) return;
  const rc = hub.cache(cacheId('node.k8s.io', 'runtimeclasses')).objects.get(objectKey('node.k8s.io', 'runtimeclasses', undefined, name));
  if (!rc) {
    throw new StatusError(403, 'Forbidden', `pods "${pod.metadata?.name ?? pod.metadata?.generateName ?? ''}" is forbidden: pod rejected: RuntimeClass "${name}" not found`,
      { name: pod.metadata?.name, kind: 'pods' });
  }
  const fixed = ((rc.obj.overhead ?? {}) as Obj).podFixed;
  if (fixed && spec.overhead === undefined) spec.overhead = structuredClone(fixed);
}
