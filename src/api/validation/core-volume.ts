// Pod volumes: unique DNS-label names, exactly one source each, and the rules of each source kind.

import { type Obj, has, isObj, num, obj, objs, s, str, strMap } from './access.ts';
import {
  type Errors, child, forbidden, index, invalid, notSupported, required, tooLong,
} from './field.ts';
import { validateAnnotations, validateLabels, validateQualifiedName } from './meta.ts';
import { byteLength, inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain } from './names.ts';

export const fileModeErrorMsg = 'must be a number between 0 and 0777 (octal), both inclusive';

/** Sources in the order Kubernetes checks them, with the path used for the "more than 1" error. */
const sourceOrder: [string, string][] = [
  ['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'],
  ['cinder', 'cinder'], ['cephfs', 'cephFS'], ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'],
  ['flexVolume', 'flexVolume'], ['configMap', 'configMap'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'], ['projected', 'projected'], ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

/** Fields each legacy in-tree source must have (field name in the source, path name). */
const requiredFields: Record<string, [string, string][]> = {
  gitRepo: [['repository', 'repository']],
  gcePersistentDisk: [['pdName', 'pdName']],
  awsElasticBlockStore: [['volumeID', 'volumeID']],
  iscsi: [['targetPortal', 'targetPortal'], ['iqn', 'iqn']],
  glusterfs: [['endpoints', 'endpoints'], ['path', 'path']],
  rbd: [['monitors', 'monitors'], ['image', 'image']],
  cinder: [['volumeID', 'volumeID']],
  cephfs: [['monitors', 'monitors']],
  quobyte: [['volume', 'volume']],
  flexVolume: [['driver', 'driver']],
  azureFile: [['secretName', 'secretName'], ['shareName', 'shareName']],
  vsphereVolume: [['volumePath', 'volumePath']],
  photonPersistentDisk: [['pdID', 'pdID']],
  portworxVolume: [['volumeID', 'volumeID']],
  azureDisk: [['diskName', 'diskName'], ['diskURI', 'diskURI']],
  scaleIO: [['gateway', 'gateway'], ['system', 'system'], ['volumeName', 'volumeName']],
  storageos: [['volumeName', 'volumeName']],
};

function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function validateMode(o: Obj, k: string, path: string): Errors {
  const m = num(o, k);
  return m !== undefined && (m > 0o777 || m < 0) ? [invalid(child(path, k), m, fileModeErrorMsg)] : [];
}

/** Rejects any '..' path element. */
export function validatePathNoBacksteps(target: string, path: string): Errors {
  return target.replaceAll('\\', '/').split('/').includes('..') ? [invalid(path, target, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(target: string, path: string): Errors {
  const errs: Errors = [];
  if (target.startsWith('/')) errs.push(invalid(path, target, 'must be a relative path'));
  return [...errs, ...validatePathNoBacksteps(target, path)];
}

export function validateLocalNonReservedPath(target: string, path: string): Errors {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

function validateKeyToPath(kp: Obj, path: string): Errors {
  const errs: Errors = [];
  if (!s(kp, 'key')) errs.push(required(child(path, 'key')));
  if (!s(kp, 'path')) errs.push(required(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(s(kp, 'path'), child(path, 'path')));
  errs.push(...validateMode(kp, 'mode', path));
  return errs;
}

const volumeFieldPaths = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
export const envFieldPaths = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP',
  'status.hostIPs', 'status.podIP', 'status.podIPs',
].sort();
const convertibleFieldPaths = new Set([
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs',
  'status.podIP', 'status.podIPs',
]);

function splitSubscript(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const body = fieldPath.slice(0, -2);
  const at = body.indexOf("['");
  if (at <= 0) return undefined;
  return { path: body.slice(0, at), subscript: body.slice(at + 2) };
}

/** A downward-API fieldRef: apiVersion v1, a supported field (or labels/annotations subscripts). */
export function validateObjectFieldSelector(fs: Obj, expressions: readonly string[], path: string): Errors {
  const apiVersion = s(fs, 'apiVersion');
  const fieldPath = s(fs, 'fieldPath');
  if (!apiVersion) return [required(child(path, 'apiVersion'))];
  if (!fieldPath) return [required(child(path, 'fieldPath'))];
  let internal = fieldPath;
  let convErr = '';
  const sub = splitSubscript(fieldPath);
  if (apiVersion !== 'v1') convErr = `unsupported pod version: ${apiVersion}`;
  else if (sub) {
    if (sub.path !== 'metadata.annotations' && sub.path !== 'metadata.labels') convErr = `field label does not support subscript: ${fieldPath}`;
  } else if (fieldPath === 'spec.host') internal = 'spec.nodeName';
  else if (!convertibleFieldPaths.has(fieldPath)) convErr = `field label not supported: ${fieldPath}`;
  if (convErr) return [invalid(child(path, 'fieldPath'), fieldPath, `error converting fieldPath: ${convErr}`)];
  if (sub) {
    if (sub.path === 'metadata.annotations') return validateQualifiedName(sub.subscript.toLowerCase(), path);
    return validateQualifiedName(sub.subscript, path);
  }
  if (!expressions.includes(internal)) return [notSupported(child(path, 'fieldPath'), internal, [...expressions].sort())];
  return [];
}

export const containerResourceFieldPaths = [
  'limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory',
];

/** A resourceFieldRef (downward API): known resource, sensible divisor; volumes must name the container. */
export function validateResourceFieldSelector(fs: Obj, path: string, volume: boolean): Errors {
  const errs: Errors = [];
  const resource = s(fs, 'resource');
  if (volume && !s(fs, 'containerName')) errs.push(required(child(path, 'containerName')));
  else if (!resource) errs.push(required(child(path, 'resource')));
  else if (!containerResourceFieldPaths.includes(resource) && !resource.startsWith('requests.hugepages-') && !resource.startsWith('limits.hugepages-')) {
    errs.push(notSupported(child(path, 'resource'), resource, containerResourceFieldPaths));
  }
  const divisor = str(fs, 'divisor');
  if (divisor !== undefined && divisor !== '0' && divisor !== '') {
    const cpu = ['1m', '1'];
    const mem = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
    const list = mem.join(', ');
    if ((resource === 'limits.cpu' || resource === 'requests.cpu') && !cpu.includes(divisor)) {
      errs.push(invalid(child(path, 'divisor'), resource, 'only divisor\'s values 1m and 1 are supported with the cpu resource'));
    } else if ((resource === 'limits.memory' || resource === 'requests.memory') && !mem.includes(divisor)) {
      errs.push(invalid(child(path, 'divisor'), resource, `only divisor's values ${list} are supported with the memory resource`));
    } else if ((resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') && !mem.includes(divisor)) {
      errs.push(invalid(child(path, 'divisor'), resource, `only divisor's values ${list} are supported with the local ephemeral storage resource`));
    }
  }
  return errs;
}

function validateDownwardAPIFile(file: Obj, path: string): Errors {
  const errs: Errors = [];
  if (!s(file, 'path')) errs.push(required(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(s(file, 'path'), child(path, 'path')));
  const fieldRef = obj(file, 'fieldRef');
  const resRef = obj(file, 'resourceFieldRef');
  if (fieldRef) {
    errs.push(...validateObjectFieldSelector(fieldRef, volumeFieldPaths, child(path, 'fieldRef')));
    if (resRef) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (resRef) {
    errs.push(...validateResourceFieldSelector(resRef, child(path, 'resourceFieldRef'), true));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateMode(file, 'mode', path));
  return errs;
}

function validateProjected(src: Obj, path: string): Errors {
  const errs: Errors = [...validateMode(src, 'defaultMode', path)];
  const paths = new Set<string>();
  const note = (p: string, name: unknown): void => {
    if (!p) return;
    if (paths.has(p)) errs.push(invalid(path, name, 'conflicting duplicate paths'));
    paths.add(p);
  };
  for (const [source, i] of objs(src, 'sources')) {
    const sp = index(child(path, 'sources'), i);
    let n = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const o = obj(source, kind);
      if (!o) continue;
      n++;
      const kp = child(sp, kind);
      if (!s(o, 'name')) errs.push(required(child(kp, 'name')));
      for (const [item, j] of objs(o, 'items')) {
        errs.push(...validateKeyToPath(item, index(child(kp, 'items'), j)));
        note(s(item, 'path'), s(o, 'name'));
      }
    }
    const dapi = obj(source, 'downwardAPI');
    if (dapi) {
      n++;
      for (const [file] of objs(dapi, 'items')) {
        errs.push(...validateDownwardAPIFile(file, child(sp, 'downwardAPI')));
        note(s(file, 'path'), s(file, 'path'));
      }
    }
    const sat = obj(source, 'serviceAccountToken');
    if (sat) {
      n++;
      const exp = num(sat, 'expirationSeconds') ?? 0;
      const ep = child(sp, 'serviceAccountToken', 'expirationSeconds');
      if (exp < 600) errs.push(invalid(ep, exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(invalid(ep, exp, 'may not specify a duration larger than 2^32 seconds'));
      if (!s(sat, 'path')) errs.push(required(child(path, 'path')));
      else errs.push(...validateLocalNonReservedPath(s(sat, 'path'), child(path, 'path')));
    }
    const ctb = obj(source, 'clusterTrustBundle');
    if (ctb) {
      n++;
      const cp = child(sp, 'clusterTrustBundle');
      if (!s(ctb, 'path')) errs.push(required(child(cp, 'path')));
      errs.push(...validateLocalNonReservedPath(s(ctb, 'path'), child(cp, 'path')));
      note(s(ctb, 'path'), s(ctb, 'path'));
    }
    if (n > 1) errs.push(forbidden(sp, 'may not specify more than 1 volume type per source'));
  }
  return errs;
}

const hostPathTypes = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

function validateSource(kind: string, src: Obj, path: string, pvcSpec: PVCSpecValidator): Errors {
  const errs: Errors = [];
  for (const [f, p] of requiredFields[kind] ?? []) if (isEmptyValue(src[f])) errs.push(required(child(path, p)));
  switch (kind) {
    case 'emptyDir': {
      const limit = src.sizeLimit;
      if (typeof limit === 'string' && limit.trim().startsWith('-')) {
        errs.push(forbidden(child(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
      }
      break;
    }
    case 'hostPath': {
      if (!s(src, 'path')) return [required(child(path, 'path'))];
      errs.push(...validatePathNoBacksteps(s(src, 'path'), child(path, 'path')));
      const t = str(src, 'type');
      if (t !== undefined && !hostPathTypes.includes(t)) errs.push(notSupported(child(path, 'type'), t, hostPathTypes));
      break;
    }
    case 'gitRepo':
      errs.push(...validateLocalDescendingPath(s(src, 'directory'), child(path, 'directory')));
      break;
    case 'secret':
      if (!s(src, 'secretName')) errs.push(required(child(path, 'secretName')));
      errs.push(...validateMode(src, 'defaultMode', path));
      for (const [item, i] of objs(src, 'items')) errs.push(...validateKeyToPath(item, index(child(path, 'items'), i)));
      break;
    case 'configMap':
      if (!s(src, 'name')) errs.push(required(child(path, 'name')));
      errs.push(...validateMode(src, 'defaultMode', path));
      for (const [item, i] of objs(src, 'items')) errs.push(...validateKeyToPath(item, index(child(path, 'items'), i)));
      break;
    case 'persistentVolumeClaim':
      if (!s(src, 'claimName')) errs.push(required(child(path, 'claimName')));
      break;
    case 'nfs':
      if (!s(src, 'server')) errs.push(required(child(path, 'server')));
      if (!s(src, 'path')) errs.push(required(child(path, 'path')));
      if (!s(src, 'path').startsWith('/')) errs.push(invalid(child(path, 'path'), s(src, 'path'), 'must be an absolute path'));
      break;
    case 'iscsi': {
      const lun = num(src, 'lun') ?? 0;
      if (lun < 0 || lun > 255) errs.push(invalid(child(path, 'lun'), lun, inclusiveRangeError(0, 255)));
      break;
    }
    case 'downwardAPI':
      errs.push(...validateMode(src, 'defaultMode', path));
      for (const [file] of objs(src, 'items')) errs.push(...validateDownwardAPIFile(file, path));
      break;
    case 'projected':
      errs.push(...validateProjected(src, path));
      break;
    case 'csi':
      errs.push(...validateCSIDriverName(s(src, 'driver'), child(path, 'driver')));
      if (has(src, 'nodePublishSecretRef') && !s(obj(src, 'nodePublishSecretRef'), 'name')) {
        errs.push(required(child(path, 'nodePublishSecretRef', 'name')));
      }
      break;
    case 'ephemeral': {
      const tpl = obj(src, 'volumeClaimTemplate');
      if (!tpl) {
        errs.push(required(child(path, 'volumeClaimTemplate')));
        break;
      }
      const tp = child(path, 'volumeClaimTemplate');
      const meta = obj(tpl, 'metadata');
      errs.push(...validateAnnotations(strMap(meta, 'annotations'), child(tp, 'metadata', 'annotations')));
      errs.push(...validateLabels(strMap(meta, 'labels'), child(tp, 'metadata', 'labels')));
      for (const f of Object.keys(meta ?? {})) {
        if (f !== 'labels' && f !== 'annotations' && !isEmptyValue(meta?.[f])) errs.push(forbidden(child(tp, 'metadata', f), 'cannot be set'));
      }
      errs.push(...pvcSpec(obj(tpl, 'spec') ?? {}, child(tp, 'spec')));
      break;
    }
    case 'image': {
      const pp = s(src, 'pullPolicy');
      if (pp && !['Always', 'IfNotPresent', 'Never'].includes(pp)) errs.push(notSupported(child(path, 'pullPolicy'), pp, ['Always', 'IfNotPresent', 'Never']));
      break;
    }
    default:
      break;
  }
  return errs;
}

export function validateCSIDriverName(driver: string, path: string): Errors {
  const errs: Errors = [];
  if (!driver) errs.push(required(path));
  if (byteLength(driver) > 63) errs.push(tooLong(path, 63));
  for (const m of isDNS1123Subdomain(driver.toLowerCase())) errs.push(invalid(path, driver, m));
  return errs;
}

/** Validates a PVC spec (supplied by the storage validators, to keep this file free of them). */
export type PVCSpecValidator = (spec: Obj, path: string) => Errors;

/** Validates `spec.volumes`; returns the errors and the valid volumes by name (for volumeMounts). */
export function validateVolumes(volumes: unknown[], podName: string, path: string, pvcSpec: PVCSpecValidator):
  { errs: Errors; byName: Map<string, Obj> } {
  const errs: Errors = [];
  const byName = new Map<string, Obj>();
  const ephemeralPVCs = new Set<string>();
  if (podName) for (const v of volumes) if (isObj(v) && has(v, 'ephemeral')) ephemeralPVCs.add(`${podName}-${s(v, 'name')}`);
  volumes.forEach((raw, i) => {
    const vol = isObj(raw) ? raw : {};
    const p = index(path, i);
    const name = s(vol, 'name');
    const el: Errors = [];
    let count = 0;
    for (const [kind, errPath] of sourceOrder) {
      const src = vol[kind];
      if (src === undefined || src === null) continue;
      if (count > 0) {
        el.push(forbidden(child(p, errPath), 'may not specify more than 1 volume type'));
        continue;
      }
      count++;
      const srcPath = kind === 'gcePersistentDisk' ? child(p, 'persistentDisk') : child(p, kind);
      el.push(...validateSource(kind, isObj(src) ? src : {}, srcPath, pvcSpec));
      if (kind === 'ephemeral' && podName && name) {
        const pvcName = `${podName}-${name}`;
        for (const m of nameIsDNSSubdomain(pvcName, false)) el.push(invalid(child(p, 'name'), name, `PVC name "${pvcName}": ${m}`));
      }
    }
    if (count === 0) el.push(required(p, 'must specify a volume type'));
    if (!name) el.push(required(child(p, 'name')));
    else for (const m of isDNS1123Label(name)) el.push(invalid(child(p, 'name'), name, m));
    if (byName.has(name)) el.push({ type: 'FieldValueDuplicate', field: child(p, 'name'), value: name });
    if (el.length === 0) byName.set(name, vol);
    else errs.push(...el);
    const claim = s(obj(vol, 'persistentVolumeClaim'), 'claimName');
    if (claim && ephemeralPVCs.has(claim)) {
      errs.push(invalid(child(p, 'persistentVolumeClaim', 'claimName'), claim, 'must not reference a PVC that gets created for an ephemeral volume'));
    }
  });
  return { errs, byName };
}

/** Whether a volume is backed by a claim (allowed for raw block volumeDevices). */
export function isClaimVolume(vol: Obj): boolean {
  return has(vol, 'persistentVolumeClaim') || has(vol, 'ephemeral');
}
