// Pod and PodSpec defaults (v1): containers, probes, volumes, policies; plus the QoS class of a pod.

import { Quantity } from '../quantity.ts';
import { type Obj, canonicalQuantityField, defaultResourceList, ensure, get, isObj, items, setIfEmpty, setIfNil } from './util.ts';

/** The tag of an image reference ("latest" when it has neither tag nor digest; "" when unparseable). */
export function imageTag(image: string): string {
  if (!image || /\s/.test(image)) return '';
  const at = image.indexOf('@');
  const named = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = named.lastIndexOf('/');
  const colon = named.indexOf(':', lastSlash + 1);
  const name = colon >= 0 ? named.slice(0, colon) : named;
  const first = name.split('/')[0];
  const hasDomain = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost' || /[A-Z]/.test(first));
  const path = hasDomain ? name.slice(first.length + 1) : name;
  if (/[A-Z]/.test(path) || path === '') return '';
  const tag = colon >= 0 ? named.slice(colon + 1) : '';
  return !tag && at < 0 ? 'latest' : tag;
}

function defaultHTTPGet(handler: Obj | undefined): void {
  const http = get(handler, 'httpGet');
  if (!http) return;
  setIfEmpty(http, 'path', '/');
  setIfEmpty(http, 'scheme', 'HTTP');
}

function defaultProbe(ctr: Obj, k: string): void {
  const p = get(ctr, k);
  if (!p) return;
  setIfEmpty(p, 'timeoutSeconds', 1);
  setIfEmpty(p, 'periodSeconds', 10);
  setIfEmpty(p, 'successThreshold', 1);
  setIfEmpty(p, 'failureThreshold', 3);
  defaultHTTPGet(p);
  const grpc = get(p, 'grpc');
  if (grpc) setIfNil(grpc, 'service', '');
}

function defaultFieldRef(holder: Obj | undefined): void {
  const ref = get(holder, 'fieldRef');
  if (ref) setIfEmpty(ref, 'apiVersion', 'v1');
}

/** SetDefaults_Container and the generated per-field defaults of a container. */
export function defaultContainer(ctr: Obj): void {
  if (!ctr.imagePullPolicy) ctr.imagePullPolicy = imageTag(typeof ctr.image === 'string' ? ctr.image : '') === 'latest' ? 'Always' : 'IfNotPresent';
  setIfEmpty(ctr, 'terminationMessagePath', '/dev/termination-log');
  setIfEmpty(ctr, 'terminationMessagePolicy', 'File');
  for (const port of items(ctr, 'ports')) setIfEmpty(port, 'protocol', 'TCP');
  for (const env of items(ctr, 'env')) defaultFieldRef(get(env, 'valueFrom'));
  // A non-pointer struct: Kubernetes always writes `resources: {}`.
  const res = ensure(ctr, 'resources');
  defaultResourceList(res, 'limits');
  defaultResourceList(res, 'requests');
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(ctr, k);
  const lc = get(ctr, 'lifecycle');
  if (lc) for (const k of ['postStart', 'preStop']) defaultHTTPGet(get(lc, k));
}

function defaultVolume(vol: Obj): void {
  const sources = Object.keys(vol).filter((k) => k !== 'name' && vol[k] !== null && vol[k] !== undefined);
  if (sources.length === 0) vol.emptyDir = {};
  const hostPath = get(vol, 'hostPath');
  if (hostPath) setIfNil(hostPath, 'type', '');
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = get(vol, k);
    if (src) setIfNil(src, 'defaultMode', 0o644);
  }
  for (const item of items(get(vol, 'downwardAPI'), 'items')) defaultFieldRef(item);
  for (const src of items(get(vol, 'projected'), 'sources')) {
    for (const item of items(get(src, 'downwardAPI'), 'items')) defaultFieldRef(item);
    const sat = get(src, 'serviceAccountToken');
    if (sat) setIfNil(sat, 'expirationSeconds', 3600);
  }
  const iscsi = get(vol, 'iscsi');
  if (iscsi) setIfEmpty(iscsi, 'iscsiInterface', 'default');
  const rbd = get(vol, 'rbd');
  if (rbd) {
    setIfEmpty(rbd, 'pool', 'rbd');
    setIfEmpty(rbd, 'user', 'admin');
    setIfEmpty(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const azureDisk = get(vol, 'azureDisk');
  if (azureDisk) {
    setIfNil(azureDisk, 'cachingMode', 'ReadWrite');
    setIfNil(azureDisk, 'fsType', 'ext4');
    setIfNil(azureDisk, 'readOnly', false);
    setIfNil(azureDisk, 'kind', 'Shared');
  }
  const scaleIO = get(vol, 'scaleIO');
  if (scaleIO) {
    setIfEmpty(scaleIO, 'storageMode', 'ThinProvisioned');
    setIfEmpty(scaleIO, 'fsType', 'xfs');
  }
  const emptyDir = get(vol, 'emptyDir');
  if (emptyDir) canonicalQuantityField(emptyDir, 'sizeLimit');
  const tpl = get(get(vol, 'ephemeral'), 'volumeClaimTemplate');
  if (tpl) {
    const meta = ensure(tpl, 'metadata');
    setIfNil(meta, 'creationTimestamp', null);
    const spec = ensure(tpl, 'spec');
    defaultPVCSpec(spec);
  }
}

/** SetDefaults_PersistentVolumeClaimSpec plus its resource lists. */
export function defaultPVCSpec(spec: Obj): void {
  setIfNil(spec, 'volumeMode', 'Filesystem');
  const res = get(spec, 'resources');
  defaultResourceList(res, 'limits');
  defaultResourceList(res, 'requests');
}

/** SetDefaults_PodSpec and everything nested in it: what every pod template gets. */
export function defaultPodSpec(spec: Obj): void {
  setIfEmpty(spec, 'dnsPolicy', 'ClusterFirst');
  setIfEmpty(spec, 'restartPolicy', 'Always');
  setIfNil(spec, 'securityContext', {});
  setIfNil(spec, 'terminationGracePeriodSeconds', 30);
  setIfEmpty(spec, 'schedulerName', 'default-scheduler');
  for (const vol of items(spec, 'volumes')) defaultVolume(vol);
  for (const k of ['initContainers', 'containers', 'ephemeralContainers']) for (const c of items(spec, k)) defaultContainer(c);
  if (isObj(spec.overhead)) defaultResourceList(spec, 'overhead');
}

/** The defaults of an embedded pod template (`spec.template` of workloads). */
export function defaultPodTemplateSpec(tpl: Obj | undefined): void {
  if (!tpl) return;
  // ObjectMeta.creationTimestamp is a non-pointer time: Kubernetes writes `creationTimestamp: null`.
  setIfNil(ensure(tpl, 'metadata'), 'creationTimestamp', null);
  defaultPodSpec(ensure(tpl, 'spec'));
}

/** SetDefaults_Pod: requests default to limits, service links on, host-network ports mirrored. */
export function defaultPod(pod: Obj): void {
  const spec = ensure(pod, 'spec');
  defaultPodSpec(spec);
  for (const k of ['containers', 'initContainers']) {
    for (const c of items(spec, k)) {
      const res = ensure(c, 'resources');
      const limits = get(res, 'limits');
      if (!limits) continue;
      const requests = ensure(res, 'requests');
      for (const [name, q] of Object.entries(limits)) if (!(name in requests)) requests[name] = q;
    }
  }
  setIfNil(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const k of ['containers', 'initContainers']) {
      for (const c of items(spec, k)) for (const p of items(c, 'ports')) setIfEmpty(p, 'hostPort', p.containerPort);
    }
  }
}

/** The pod's QoS class (Guaranteed, Burstable, BestEffort) from container CPU and memory. */
export function podQOSClass(pod: Obj): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const spec = get(pod, 'spec');
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const add = (m: Map<string, Quantity>, name: string, q: Quantity): void => {
    const cur = m.get(name);
    m.set(name, cur ? q.add(cur) : q);
  };
  const parse = (v: unknown): Quantity | undefined => {
    try {
      return Quantity.fromJSON(v);
    } catch {
      return undefined;
    }
  };
  for (const c of [...items(spec, 'containers'), ...items(spec, 'initContainers')]) {
    const res = get(c, 'resources');
    for (const [name, v] of Object.entries(get(res, 'requests') ?? {})) {
      const q = parse(v);
      if ((name === 'cpu' || name === 'memory') && q && q.sign() > 0) add(requests, name, q);
    }
    const found = new Set<string>();
    for (const [name, v] of Object.entries(get(res, 'limits') ?? {})) {
      const q = parse(v);
      if ((name === 'cpu' || name === 'memory') && q && q.sign() > 0) {
        found.add(name);
        add(limits, name, q);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
