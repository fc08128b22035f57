// Pod subresources that change the pod: binding (scheduling), eviction, and log until nodes serve it.

import { badRequest, conflict, StatusError } from '../../api/errors.ts';
import { isPlainObject, type KObject } from '../../api/object.ts';
import { getCurrent, deleteObject, updateObject } from '../store/writes.ts';
import { decodeObject } from './decode.ts';
import { respondObject } from './respond.ts';
import { writeContext, type Scope } from './scope.ts';
import { sendJson } from '../http.ts';

/** POST pods/{name}/binding or POST bindings: sets spec.nodeName once. */
export async function handleBinding(s: Scope, podName: string, binding: KObject): Promise<void> {
  const target = binding.target as Record<string, unknown> | undefined;
  const node = typeof target?.name === 'string' ? target.name : '';
  if (!node) throw new StatusError(422, 'Invalid', `Binding "${podName}" is invalid: target.name: Required value`);
  const podDef = s.parts.registry.get('', 'v1', 'pods')!;
  await updateObject(podDef, writeContext(s), s.info.namespace, podName, (cur) => {
    const spec = (cur!.spec ??= {}) as Record<string, unknown>;
    if (cur!.metadata?.deletionTimestamp) throw conflict('pods', '', podName, 'pod is being deleted, cannot be assigned to a host');
    if (spec.nodeName) throw conflict('pods', '', podName, `pod ${podName} is already assigned to node "${String(spec.nodeName)}"`);
    spec.nodeName = node;
    const status = (cur!.status ??= {}) as Record<string, unknown>;
    const conds = (Array.isArray(status.conditions) ? status.conditions : []) as Record<string, unknown>[];
    const i = conds.findIndex((c) => c.type === 'PodScheduled');
    const c = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
    if (i >= 0) conds[i] = c; else conds.push(c);
    status.conditions = conds;
    return cur!;
  }, { subresource: 'binding' });
  sendJson(s.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}

export async function handlePodSubresource(s: Scope): Promise<void> {
  const sub = s.info.subresource;
  if (sub === 'binding' && s.info.verb === 'create') {
    const b = await decodeObject({ ...s, def: { ...s.def, kind: 'Binding', apiVersion: 'v1' } });
    return handleBinding(s, s.info.name, b);
  }
  if (sub === 'eviction' && s.info.verb === 'create') {
    const ev = await decodeObject({ ...s, def: { ...s.def, kind: 'Eviction', apiVersion: 'policy/v1' } });
    const opts = isPlainObject(ev.deleteOptions) ? ev.deleteOptions as Record<string, unknown> : {};
    await deleteObject(s.def, writeContext(s), s.info.namespace, s.info.name, {
      gracePeriodSeconds: typeof opts.gracePeriodSeconds === 'number' ? opts.gracePeriodSeconds : undefined,
    });
    sendJson(s.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    return;
  }
  if (sub === 'log' && s.info.verb === 'get') {
    const pod = await getCurrent(s.def, s.parts.hub, s.info.namespace, s.info.name);
    const node = (pod.obj.spec as Record<string, unknown> | undefined)?.nodeName;
    if (!node) throw badRequest(`pod ${s.info.name} does not have a host assigned`);
    throw badRequest(`container logs for pod "${s.info.name}" are not available: node "${String(node)}" has no agent serving logs`);
  }
  if (sub === 'ephemeralcontainers' || sub === 'resize') {
    return respondObject(s, 200, (await getCurrent(s.def, s.parts.hub, s.info.namespace, s.info.name)).obj);
  }
  throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}
