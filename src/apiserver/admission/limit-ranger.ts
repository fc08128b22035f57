// Admission: containers of a new pod get the default requests and limits of their namespace's LimitRanges.

import type { KObject } from '../../api/object.ts';
import { StatusError } from '../../api/errors.ts';
import { compareQuantities } from '../../api/quantity.ts';
import type { CacheHub } from '../watch-cache/hub.ts';
import { cacheId, namespacePrefix } from '../store/keys.ts';

type Obj = Record<string, unknown>;
type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

export async function limitRanger(hub: CacheHub, pod: KObject): Promise<void> {
  const ns = pod.metadata?.namespace ?? '';
  const prefix = namespacePrefix('', 'limitranges', ns);
  const items: Obj[] = [];
  for (const lr of hub.cache(cacheId('', 'limitranges')).sorted()) {
    if (!lr.key.startsWith(prefix)) continue;
    for (const l of ((lr.obj.spec as Obj | undefined)?.limits ?? []) as Obj[]) if (l.type === 'Container') items.push(l);
  }
  if (!items.length) return;
  const spec = (pod.spec ?? {}) as Obj;
  const notes: string[] = [];
  for (const c of [...((spec.initContainers ?? []) as Obj[]), ...((spec.containers ?? []) as Obj[])]) {
    const res = (c.resources ??= {}) as Resources;
    const setReq: string[] = [];
    const setLim: string[] = [];
    for (const l of items) {
      for (const [r, v] of Object.entries((l.default ?? {}) as Record<string, string>)) {
        if (res.limits?.[r] === undefined) { (res.limits ??= {})[r] = v; setLim.push(r); }
      }
      for (const [r, v] of Object.entries((l.defaultRequest ?? {}) as Record<string, string>)) {
        if (res.requests?.[r] === undefined) { (res.requests ??= {})[r] = v; setReq.push(r); }
      }
    }
    if (setReq.length) notes.push(`${setReq.join(', ')} request for container ${String(c.name)}`);
    if (setLim.length) notes.push(`${setLim.join(', ')} limit for container ${String(c.name)}`);
  }
  const problems: string[] = [];
  for (const c of [...((spec.initContainers ?? []) as Obj[]), ...((spec.containers ?? []) as Obj[])]) {
    const res = (c.resources ?? {}) as Resources;
    for (const l of items) {
      for (const [r, min] of Object.entries((l.min ?? {}) as Record<string, string>)) {
        const req = res.requests?.[r];
        if (req === undefined) problems.push(`minimum ${r} usage per Container is ${min}.  No request is specified`);
        else if (compareQuantities(req, min) < 0) problems.push(`minimum ${r} usage per Container is ${min}, but request is ${req}`);
        const lim = res.limits?.[r];
        if (lim !== undefined && compareQuantities(lim, min) < 0) problems.push(`minimum ${r} usage per Container is ${min}, but limit is ${lim}`);
      }
      for (const [r, max] of Object.entries((l.max ?? {}) as Record<string, string>)) {
        const lim = res.limits?.[r];
        if (lim === undefined) problems.push(`maximum ${r} usage per Container is ${max}.  No limit is specified`);
        else if (compareQuantities(lim, max) > 0) problems.push(`maximum ${r} usage per Container is ${max}, but limit is ${lim}`);
        const req = res.requests?.[r];
        if (req !== undefined && compareQuantities(req, max) > 0) problems.push(`maximum ${r} usage per Container is ${max}, but request is ${req}`);
      }
    }
  }
  if (problems.length) {
    throw new StatusError(403, 'Forbidden', `pods "${pod.metadata?.name ?? ''}" is forbidden: [${problems.join(', ')}]`, { name: pod.metadata?.name, kind: 'pods' });
  }
  if (notes.length) {
    const meta = (pod.metadata ??= {});
    meta.annotations = { ...meta.annotations, 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}` };
  }
}
