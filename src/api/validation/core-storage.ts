// PersistentVolumes and PersistentVolumeClaims: access modes, capacity, sources, claim immutability.

import { type Obj, has, obj, s, str, strs } from './access.ts';
import {
  type Errors, child, deepEqual, forbidden, immutable, invalid, key, notSupported, required,
} from './field.ts';
import { isDNS1123Subdomain, nameIsDNSLabel, nameIsDNSSubdomain } from './names.ts';
import { quantityAt, resourceList, validateResourceQuantityValue } from './resources.ts';
import { validateLabelSelector } from './selector.ts';
import { validateNodeSelector } from './core-affinity.ts';
import { validateCSIDriverName, validatePathNoBacksteps } from './core-volume.ts';

const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const reclaimPolicies = ['Delete', 'Recycle', 'Retain'];
const volumeModes = ['Block', 'Filesystem'];

function validateAccessModes(modes: string[], path: string, requiredDetail: string): Errors {
  const errs: Errors = [];
  if (modes.length === 0) errs.push(required(path, requiredDetail));
  let rwop = false;
  let other = false;
  for (const m of modes) {
    if (!accessModes.includes(m)) errs.push(notSupported(path, m, accessModes));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if (accessModes.includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

function validateDataSource(ds: Obj, path: string): Errors {
  const errs: Errors = [];
  if (!s(ds, 'name')) errs.push(required(child(path, 'name')));
  const kind = s(ds, 'kind');
  if (!kind) errs.push(required(child(path, 'kind')));
  const group = s(ds, 'apiGroup');
  if (!group && kind !== 'PersistentVolumeClaim') errs.push(invalid(path, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (group) for (const m of isDNS1123Subdomain(group)) errs.push(invalid(child(path, 'apiGroup'), group, m));
  const ns = s(ds, 'namespace');
  if (ns) for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(child(path, 'namespace'), ns, m));
  return errs;
}

/** ValidatePersistentVolumeClaimSpec (also used for ephemeral volumes and StatefulSet claim templates). */
export function validatePVCSpec(spec: Obj, path: string): Errors {
  const errs: Errors = validateAccessModes(strs(spec, 'accessModes'), child(path, 'accessModes'), 'at least 1 access mode is required');
  if (has(spec, 'selector')) errs.push(...validateLabelSelector(spec.selector, child(path, 'selector')));
  const storagePath = key(child(path, 'resources'), 'storage');
  const raw = obj(obj(spec, 'resources'), 'requests')?.storage;
  if (raw === undefined || raw === null) {
    errs.push(required(storagePath));
  } else {
    const q = quantityAt(raw, storagePath, errs);
    if (q && q.sign() <= 0) errs.push(invalid(storagePath, q.toString(), 'must be greater than zero'));
    else if (q) errs.push(...validateResourceQuantityValue('storage', q, storagePath));
  }
  const sc = str(spec, 'storageClassName');
  if (sc) for (const m of nameIsDNSSubdomain(sc, false)) errs.push(invalid(child(path, 'storageClassName'), sc, m));
  const vm = str(spec, 'volumeMode');
  if (vm !== undefined && !volumeModes.includes(vm)) errs.push(notSupported(child(path, 'volumeMode'), vm, volumeModes));
  const ds = obj(spec, 'dataSource');
  const dsr = obj(spec, 'dataSourceRef');
  if (ds) errs.push(...validateDataSource(ds, child(path, 'dataSource')));
  if (dsr) errs.push(...validateDataSource(dsr, child(path, 'dataSourceRef')));
  if (dsr && s(dsr, 'namespace')) {
    if (ds) errs.push(invalid(path, child(path, 'dataSource'), 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (ds && dsr && (s(ds, 'apiGroup') !== s(dsr, 'apiGroup') || s(ds, 'kind') !== s(dsr, 'kind') || s(ds, 'name') !== s(dsr, 'name'))) {
    errs.push(invalid(path, child(path, 'dataSource'), 'must match dataSourceRef'));
  }
  const vac = str(spec, 'volumeAttributesClassName');
  if (vac) for (const m of nameIsDNSSubdomain(vac, false)) errs.push(invalid(child(path, 'volumeAttributesClassName'), vac, m));
  return errs;
}

/** PV sources Kubernetes knows, in its order. */
const pvSources = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs',
  'iscsi', 'cinder', 'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume',
  'azureDisk', 'scaleIO', 'local', 'storageos', 'csi',
];

export function validatePVSpec(spec: Obj, path: string): Errors {
  const errs: Errors = validateAccessModes(strs(spec, 'accessModes'), child(path, 'accessModes'), '');
  const capPath = child(path, 'capacity');
  const capacity = obj(spec, 'capacity') ?? {};
  if (Object.keys(capacity).length === 0) errs.push(required(capPath));
  if (!('storage' in capacity) || Object.keys(capacity).length > 1) errs.push(notSupported(capPath, capacity, ['storage']));
  for (const [r, q] of resourceList(capacity, capPath, errs)) {
    if (q.sign() < 0) errs.push(invalid(key(capPath, r), q.value(), 'must be a valid resource quantity'));
    if (q.sign() <= 0) errs.push(invalid(key(capPath, r), q.toString(), 'must be greater than zero'));
  }
  const rp = s(spec, 'persistentVolumeReclaimPolicy');
  if (rp && !reclaimPolicies.includes(rp)) errs.push(notSupported(child(path, 'persistentVolumeReclaimPolicy'), rp, reclaimPolicies));
  const na = obj(spec, 'nodeAffinity');
  if (na) {
    const req = obj(na, 'required');
    if (req) errs.push(...validateNodeSelector(req, child(path, 'nodeAffinity', 'required')));
    else errs.push(required(child(path, 'nodeAffinity', 'required'), 'must specify required node constraints'));
  }
  let count = 0;
  for (const src of pvSources) {
    if (!has(spec, src)) continue;
    if (count > 0 && src !== 'flexVolume') {
      errs.push(forbidden(child(path, src), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    const o = obj(spec, src) ?? {};
    const p = child(path, src);
    if (src === 'hostPath' || src === 'local') {
      if (!s(o, 'path')) errs.push(required(child(p, 'path')));
      else errs.push(...validatePathNoBacksteps(s(o, 'path'), child(p, 'path')));
      if (src === 'local' && !na) errs.push(required(child(path, 'nodeAffinity'), 'Local volume requires node affinity'));
    } else if (src === 'nfs') {
      if (!s(o, 'server')) errs.push(required(child(p, 'server')));
      if (!s(o, 'path')) errs.push(required(child(p, 'path')));
      if (!s(o, 'path').startsWith('/')) errs.push(invalid(child(p, 'path'), s(o, 'path'), 'must be an absolute path'));
    } else if (src === 'csi') {
      errs.push(...validateCSIDriverName(s(o, 'driver'), child(p, 'driver')));
      if (!s(o, 'volumeHandle')) errs.push(required(child(p, 'volumeHandle')));
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  const hp = s(obj(spec, 'hostPath'), 'path');
  if (hp && hp.replace(/\/+$/, '') === '' && rp === 'Recycle') {
    errs.push(forbidden(child(path, 'persistentVolumeReclaimPolicy'), "may not be 'recycle' for a hostPath mount of '/'"));
  }
  const sc = s(spec, 'storageClassName');
  if (sc) for (const m of nameIsDNSSubdomain(sc, false)) errs.push(invalid(child(path, 'storageClassName'), sc, m));
  const vm = str(spec, 'volumeMode');
  if (vm !== undefined && !volumeModes.includes(vm)) errs.push(notSupported(child(path, 'volumeMode'), vm, volumeModes));
  return errs;
}

export function validatePV(pv: Obj): Errors {
  return validatePVSpec(obj(pv, 'spec') ?? {}, 'spec');
}

export function validatePVUpdate(pv: Obj, old: Obj): Errors {
  const errs = validatePV(pv);
  const spec = obj(pv, 'spec') ?? {};
  const oldSpec = obj(old, 'spec') ?? {};
  const sourceOf = (sp: Obj): Obj => Object.fromEntries(pvSources.filter((k) => has(sp, k)).map((k) => [k, sp[k]]));
  const newSource = sourceOf(spec);
  const oldSource = sourceOf(oldSpec);
  if (has(obj(oldSpec, 'csi'), 'controllerExpandSecretRef') === false && has(obj(spec, 'csi'), 'controllerExpandSecretRef')) {
    const csi = { ...obj(newSource, 'csi') };
    delete csi.controllerExpandSecretRef;
    newSource.csi = csi;
  }
  if (!deepEqual(newSource, oldSource)) {
    errs.push(forbidden(child('spec', 'persistentvolumesource'), 'spec.persistentvolumesource is immutable after creation'));
  }
  errs.push(...immutable(spec.volumeMode, oldSpec.volumeMode, 'volumeMode'));
  if (has(oldSpec, 'nodeAffinity')) errs.push(...(deepEqual(spec.nodeAffinity, oldSpec.nodeAffinity) ? []
    : [invalid('nodeAffinity', spec.nodeAffinity ?? null, 'field is immutable, except for updating from beta label to GA')]));
  return errs;
}

export function validatePVC(pvc: Obj): Errors {
  return validatePVCSpec(obj(pvc, 'spec') ?? {}, 'spec');
}

/** PVC updates: the spec is frozen except a one-time volumeName and, for bound claims, growing storage. */
export function validatePVCUpdate(pvc: Obj, old: Obj): Errors {
  const errs = validatePVC(pvc);
  const spec = structuredClone(obj(pvc, 'spec') ?? {});
  const oldSpec = structuredClone(obj(old, 'spec') ?? {});
  if (!s(oldSpec, 'volumeName')) oldSpec.volumeName = spec.volumeName;
  const betaKey = 'volume.beta.kubernetes.io/storage-class';
  const oldAnn = obj(obj(old, 'metadata'), 'annotations') ?? {};
  const newAnn = obj(obj(pvc, 'metadata'), 'annotations') ?? {};
  if (betaKey in oldAnn && !has(oldSpec, 'storageClassName') && str(spec, 'storageClassName') === oldAnn[betaKey]
    && (!(betaKey in newAnn) || newAnn[betaKey] === oldAnn[betaKey])) {
    delete spec.storageClassName;
  } else {
    if ((newAnn[betaKey] ?? '') !== (oldAnn[betaKey] ?? '')) {
      errs.push(invalid(`metadata.annotations.${betaKey}`, newAnn[betaKey] ?? '', 'field is immutable'));
    }
    if (has(spec, 'storageClassName') && !has(oldSpec, 'storageClassName') && (!(betaKey in oldAnn) || spec.storageClassName === oldAnn[betaKey])) {
      spec.storageClassName = oldSpec.storageClassName;
    }
  }
  const bound = s(obj(pvc, 'status'), 'phase') === 'Bound';
  if (bound) {
    const reqs = obj(obj(spec, 'resources'), 'requests');
    if (reqs) reqs.storage = obj(obj(oldSpec, 'resources'), 'requests')?.storage;
    if (has(spec, 'volumeAttributesClassName')) spec.volumeAttributesClassName = oldSpec.volumeAttributesClassName;
  }
  if (!deepEqual(spec, oldSpec)) {
    errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  const tmp: Errors = [];
  const newSize = quantityAt(obj(obj(obj(pvc, 'spec'), 'resources'), 'requests')?.storage ?? '0', 'x', tmp);
  const oldSize = quantityAt(obj(obj(obj(old, 'spec'), 'resources'), 'requests')?.storage ?? '0', 'x', tmp);
  if (newSize && oldSize && newSize.cmp(oldSize) < 0) {
    const statusSize = quantityAt(obj(obj(old, 'status'), 'capacity')?.storage ?? '0', 'x', tmp);
    if (statusSize && newSize.cmp(statusSize) <= 0) {
      errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
    }
  }
  errs.push(...immutable(obj(pvc, 'spec')?.volumeMode, obj(old, 'spec')?.volumeMode, 'volumeMode'));
  return errs;
}
