// PodSpec validation (shared by Pods and every pod template): containers, volumes, policies, DNS, security.

import { type Obj, arr, bool, isObj, num, obj, objs, s, str, strMap, strs } from './access.ts';
import {
  type Errors, child, duplicate, forbidden, index, invalid, notSupported, required,
} from './field.ts';
import { validateLabels, validateQualifiedName } from './meta.ts';
import {
  inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isValidGroupID, isValidIP, isValidUserID, nameIsDNSSubdomain,
} from './names.ts';
import { validateResourceRequirements } from './resources.ts';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './core-affinity.ts';
import { validateContainers, validateInitContainers } from './core-container.ts';
import { validateAppArmorProfile, validateSeccompProfile } from './core-security.ts';
import { type PVCSpecValidator, validateVolumes } from './core-volume.ts';

export interface PodSpecOptions {
  /** The spec belongs to a Pod (not a template): stricter hostNetwork port rules, volume PVC names. */
  resourceIsPod: boolean;
  /** The pod's name, used to check ephemeral PVC names. */
  podName?: string;
  pvcSpec: PVCSpecValidator;
}

const restartPolicies = ['Always', 'OnFailure', 'Never'];
const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const maxInt32 = 2147483647;

function validatePodSecurityContext(spec: Obj, path: string): Errors {
  const sc = obj(spec, 'securityContext');
  if (!sc) return [];
  const errs: Errors = [];
  const ids: [string, (v: number) => string[]][] = [['fsGroup', isValidGroupID], ['runAsUser', isValidUserID], ['runAsGroup', isValidGroupID]];
  for (const [f, check] of ids) {
    const v = num(sc, f);
    if (v !== undefined) for (const m of check(v)) errs.push(invalid(child(path, f), v, m));
  }
  arr(sc, 'supplementalGroups').forEach((g, i) => {
    if (typeof g === 'number') for (const m of isValidGroupID(g)) errs.push(invalid(index(child(path, 'supplementalGroups'), i), g, m));
  });
  if (bool(spec, 'shareProcessNamespace') === true && bool(spec, 'hostPID') === true) {
    errs.push(invalid(child(path, 'shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  const seen = new Set<string>();
  for (const [sysctl, i] of objs(sc, 'sysctls')) {
    const p = child(index(child(path, 'sysctls'), i), 'name');
    const name = s(sysctl, 'name');
    if (!name) errs.push(required(p));
    else if (name.length > 253 || !/^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/.test(name)) {
      errs.push(invalid(p, name, 'must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$'));
    } else if (seen.has(name)) errs.push(duplicate(p, name));
    if (bool(spec, 'hostNetwork') === true && name.startsWith('net.')) errs.push(invalid(p, name, "may not be specified when 'hostNetwork' is true"));
    if (bool(spec, 'hostIPC') === true && (name.startsWith('kernel.shm') || name.startsWith('kernel.msg') || name === 'kernel.sem' || name.startsWith('fs.mqueue.'))) {
      errs.push(invalid(p, name, "may not be specified when 'hostIPC' is true"));
    }
    seen.add(name);
  }
  const fsPolicy = str(sc, 'fsGroupChangePolicy');
  if (fsPolicy !== undefined && fsPolicy !== 'Always' && fsPolicy !== 'OnRootMismatch') {
    errs.push(notSupported(child(path, 'fsGroupChangePolicy'), fsPolicy, ['Always', 'OnRootMismatch']));
  }
  errs.push(...validateSeccompProfile(obj(sc, 'seccompProfile'), child(path, 'seccompProfile')));
  errs.push(...validateAppArmorProfile(obj(sc, 'appArmorProfile'), child(path, 'appArmorProfile')));
  const sgp = str(sc, 'supplementalGroupsPolicy');
  if (sgp !== undefined && sgp !== 'Merge' && sgp !== 'Strict') errs.push(notSupported(child(path, 'supplementalGroupsPolicy'), sgp, ['Merge', 'Strict']));
  const selinux = str(sc, 'seLinuxChangePolicy');
  if (selinux !== undefined && selinux !== 'MountOption' && selinux !== 'Recursive') {
    errs.push(notSupported(child(path, 'seLinuxChangePolicy'), selinux, ['MountOption', 'Recursive']));
  }
  return errs;
}

function validateDNSConfig(spec: Obj, path: string): Errors {
  const cfg = obj(spec, 'dnsConfig');
  if (s(spec, 'dnsPolicy') === 'None') {
    if (!cfg) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (strs(cfg, 'nameservers').length === 0) return [required(child(path, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: Errors = [];
  const ns = strs(cfg, 'nameservers');
  if (ns.length > 3) errs.push(invalid(child(path, 'nameservers'), ns, 'must not have more than 3 nameservers'));
  ns.forEach((n, i) => errs.push(...isValidIP(index(child(path, 'nameservers'), i), n)));
  const searches = strs(cfg, 'searches');
  if (searches.length > 32) errs.push(invalid(child(path, 'searches'), searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) errs.push(invalid(child(path, 'searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((sr, i) => {
    const trimmed = sr.endsWith('.') ? sr.slice(0, -1) : sr;
    for (const m of isDNS1123Subdomain(trimmed)) errs.push(invalid(index(child(path, 'searches'), i), trimmed, m));
  });
  for (const [opt, i] of objs(cfg, 'options')) if (!s(opt, 'name')) errs.push(required(index(child(path, 'options'), i), 'must not be empty'));
  return errs;
}

function validateNameField(spec: Obj, f: string, check: (n: string) => string[], path: string): Errors {
  const v = s(spec, f);
  return v ? check(v).map((m) => invalid(child(path, f), v, m)) : [];
}

/** ValidatePodSpec. `path` is `spec` for pods and `spec.template.spec` for workloads. */
export function validatePodSpec(spec: Obj, path: string, opts: PodSpecOptions): Errors {
  const errs: Errors = [];
  const gracePeriod = num(spec, 'terminationGracePeriodSeconds');
  if (gracePeriod === undefined) errs.push(required(child(path, 'terminationGracePeriodSeconds')));
  const hostUsers = bool(obj(spec, 'securityContext'), 'hostUsers') !== false;
  const vols = validateVolumes(arr(spec, 'volumes'), opts.resourceIsPod ? opts.podName ?? '' : '', child(path, 'volumes'), opts.pvcSpec);
  errs.push(...vols.errs);
  const cc = { volumes: vols.byName, gracePeriod, hostUsers };
  const containers = objs(spec, 'containers');
  errs.push(...validateContainers(containers, cc, child(path, 'containers')));
  errs.push(...validateInitContainers(objs(spec, 'initContainers'), containers, cc, child(path, 'initContainers')));
  if (bool(spec, 'hostNetwork') === true) {
    for (const [ctr, ci] of containers) {
      for (const [port, pi] of objs(ctr, 'ports')) {
        const hp = num(port, 'hostPort') ?? 0;
        const cp = num(port, 'containerPort') ?? 0;
        if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
          errs.push(invalid(child(index(child(index(child(path, 'containers'), ci), 'ports'), pi), 'hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      }
    }
  }
  const rp = s(spec, 'restartPolicy');
  if (!rp) errs.push(required(child(path, 'restartPolicy')));
  else if (!restartPolicies.includes(rp)) errs.push(notSupported(child(path, 'restartPolicy'), rp, restartPolicies));
  const dp = s(spec, 'dnsPolicy');
  if (!dp) errs.push(required(child(path, 'dnsPolicy')));
  else if (!dnsPolicies.includes(dp)) errs.push(notSupported(child(path, 'dnsPolicy'), dp, dnsPolicies));
  errs.push(...validateLabels(strMap(spec, 'nodeSelector'), child(path, 'nodeSelector')));
  errs.push(...validatePodSecurityContext(spec, child(path, 'securityContext')));
  arr(spec, 'imagePullSecrets').forEach((ref, i) => {
    if (isObj(ref) && Object.keys(ref).some((k) => k !== 'name')) errs.push(invalid(index(child(path, 'imagePullSecrets'), i), ref, 'only name may be set'));
  });
  errs.push(...validateAffinity(obj(spec, 'affinity'), child(path, 'affinity')));
  errs.push(...validateDNSConfig(spec, child(path, 'dnsConfig')));
  for (const [g, i] of objs(spec, 'readinessGates')) {
    errs.push(...validateQualifiedName(s(g, 'conditionType'), child(index(child(path, 'readinessGates'), i), 'conditionType')));
  }
  const gates = new Set<string>();
  for (const [g, i] of objs(spec, 'schedulingGates')) {
    const p = index(child(path, 'schedulingGates'), i);
    errs.push(...validateQualifiedName(s(g, 'name'), p));
    if (gates.has(s(g, 'name'))) errs.push(duplicate(p, s(g, 'name')));
    gates.add(s(g, 'name'));
  }
  errs.push(...validateTopologySpreadConstraints(objs(spec, 'topologySpreadConstraints'), child(path, 'topologySpreadConstraints')));
  if (obj(spec, 'securityContext')?.hostUsers === false) {
    for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) {
      if (bool(spec, f) === true) errs.push(forbidden(child(path, f === 'hostNetwork' ? f : f.replace('host', 'Host')), 'when `pod.Spec.HostUsers` is false'));
    }
  }
  const subdomainName = (n: string): string[] => nameIsDNSSubdomain(n, false);
  errs.push(...validateNameField(spec, 'serviceAccountName', subdomainName, path));
  errs.push(...validateNameField(spec, 'nodeName', subdomainName, path));
  const ads = num(spec, 'activeDeadlineSeconds');
  if (ads !== undefined && (ads < 1 || ads > maxInt32)) errs.push(invalid(child(path, 'activeDeadlineSeconds'), ads, inclusiveRangeError(1, maxInt32)));
  errs.push(...validateNameField(spec, 'hostname', isDNS1123Label, path));
  errs.push(...validateNameField(spec, 'subdomain', isDNS1123Label, path));
  errs.push(...validateTolerations(objs(spec, 'tolerations'), child(path, 'tolerations')));
  for (const [alias, i] of objs(spec, 'hostAliases')) {
    const p = index(child(path, 'hostAliases'), i);
    errs.push(...isValidIP(child(p, 'ip'), s(alias, 'ip')));
    strs(alias, 'hostnames').forEach((h, j) => {
      for (const m of isDNS1123Subdomain(h)) errs.push(invalid(index(child(p, 'hostnames'), j), h, m));
    });
  }
  errs.push(...validateNameField(spec, 'priorityClassName', subdomainName, path));
  const rc = str(spec, 'runtimeClassName');
  if (rc !== undefined) for (const m of nameIsDNSSubdomain(rc, false)) errs.push(invalid(child(path, 'runtimeClassName'), rc, m));
  const pp = str(spec, 'preemptionPolicy');
  if (pp !== undefined && pp !== 'PreemptLowerPriority' && pp !== 'Never') {
    errs.push(pp === '' ? required(child(path, 'preemptionPolicy')) : notSupported(child(path, 'preemptionPolicy'), pp, ['PreemptLowerPriority', 'Never']));
  }
  const overhead = obj(spec, 'overhead');
  if (overhead) errs.push(...validateResourceRequirements({ limits: overhead }, child(path, 'overhead')));
  const os = obj(spec, 'os');
  if (os) {
    const name = s(os, 'name');
    if (!name) errs.push(required(child(path, 'os', 'name'), 'cannot be empty'));
    else if (name !== 'linux' && name !== 'windows') errs.push(notSupported(child(path, 'os'), name, ['linux', 'windows']));
  }
  return errs;
}
