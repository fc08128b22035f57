// The scale subresource: an autoscaling/v1 Scale view of spec.replicas, status.replicas and the selector.

import { badRequest, StatusError } from '../../api/errors.ts';
import { isPlainObject, nowRFC3339, type KObject } from '../../api/object.ts';
import { fieldManager, recordManagedFields } from './managed-fields.ts';
import { applyPatch } from '../../api/patch/index.ts';
import { selectorFromObject, selectorToString, type LabelSelectorObject } from '../../api/selectors/label-selector.ts';
import { decodeBody, mediaType, readBody } from '../http.ts';
import { protobufMediaType } from './decode.ts';
import { getCurrent, updateObject } from '../store/writes.ts';
import { respondObject } from './respond.ts';
import { writeContext, type Scope } from './scope.ts';

function getPath(obj: KObject, path: string): unknown {
  let v: unknown = obj;
  for (const p of path.replace(/^\./, '').split('.')) {
    if (!isPlainObject(v)) return undefined;
    v = v[p];
  }
  return v;
}

function setPath(obj: KObject, path: string, value: unknown): void {
  const ps = path.replace(/^\./, '').split('.');
  let v: Record<string, unknown> = obj;
  for (const p of ps.slice(0, -1)) {
    if (!isPlainObject(v[p])) v[p] = {};
    v = v[p] as Record<string, unknown>;
  }
  v[ps[ps.length - 1]] = value;
}

function paths(s: Scope) {
  return s.def.scale ?? { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: undefined };
}

export function toScale(s: Scope, obj: KObject): KObject {
  const p = paths(s);
  let selector = '';
  if (s.def.crd) {
    const sel = p.labelSelectorPath ? getPath(obj, p.labelSelectorPath) : undefined;
    selector = typeof sel === 'string' ? sel : '';
  } else {
    const spec = obj.spec as Record<string, unknown> | undefined;
    const sel = spec?.selector;
    if (s.def.resource === 'replicationcontrollers' && isPlainObject(sel)) {
      selector = Object.entries(sel as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',');
    } else if (isPlainObject(sel)) {
      const parsed = selectorFromObject(sel as LabelSelectorObject);
      selector = parsed ? selectorToString(parsed) : '';
    }
  }
  const spec = getPath(obj, p.specReplicasPath);
  const status = getPath(obj, p.statusReplicasPath);
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata?.name, namespace: obj.metadata?.namespace, uid: obj.metadata?.uid,
      resourceVersion: obj.metadata?.resourceVersion, creationTimestamp: obj.metadata?.creationTimestamp,
    },
    spec: { replicas: typeof spec === 'number' ? spec : 0 },
    status: { replicas: typeof status === 'number' ? status : 0, ...(selector ? { selector } : {}) },
  };
}

export async function handleScale(s: Scope): Promise<void> {
  const { def, info, parts } = s;
  if (info.verb === 'get') {
    const cur = await getCurrent(def, parts.hub, info.namespace, info.name);
    respondObject(s, 200, toScale(s, cur.obj));
    return;
  }
  const raw = await readBody(s.req);
  const type = mediaType(s.req);
  const body = type === protobufMediaType && info.verb === 'update'
    ? (await import('../../api/protobuf/index.ts')).decodeKubernetesProtobuf(raw, { apiVersion: 'autoscaling/v1', kind: 'Scale' })
    : decodeBody(raw, type, info.verb === 'patch'
    ? ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']
    : ['application/json', 'application/yaml']);
  let expectedRv: string | undefined;
  const result = await updateObject(def, writeContext(s), info.namespace, info.name, (cur) => {
    const scale = toScale(s, cur!);
    const next = info.verb === 'patch' ? applyPatch(type, scale, body, undefined) : (body as KObject);
    if (!isPlainObject(next)) throw badRequest('invalid Scale');
    if (info.verb === 'update') expectedRv = (next as KObject).metadata?.resourceVersion || undefined;
    const replicas = (next.spec as Record<string, unknown> | undefined)?.replicas;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      throw new StatusError(422, 'Invalid', `Scale.autoscaling "${info.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`,
        { name: info.name, group: 'autoscaling', kind: 'Scale', causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`, field: 'spec.replicas' }] });
    }
    if (expectedRv && expectedRv !== cur!.metadata?.resourceVersion) {
      throw new StatusError(409, 'Conflict', `Operation cannot be fulfilled on ${def.group ? `${def.resource}.${def.group}` : def.resource} "${info.name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    const before = structuredClone(cur!);
    setPath(cur!, paths(s).specReplicasPath, replicas);
    return recordManagedFields(s, before, cur!, fieldManager(s), s.parts.typeInfo(s.def), nowRFC3339(), 'scale');
  }, { subresource: 'scale' });
  respondObject(s, 200, toScale(s, result.obj));
}
