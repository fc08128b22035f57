// Containers: names, images, ports, env, mounts, probes, lifecycle hooks, resources and security context.

import { type Obj, bool, has, intOrString, num, obj, objs, s, str, strs } from './access.ts';
import {
  type Errors, child, duplicate, forbidden, index, invalid, nonNegative, notFound, notSupported, required,
} from './field.ts';
import {
  isConfigMapKey, isDNS1123Label, isHTTPHeaderName, isRelaxedEnvVarName, isValidPortName,
  isValidPortNum, nameIsDNSSubdomain,
} from './names.ts';
import { validateResourceRequirements } from './resources.ts';
import { validateSecurityContext } from './core-security.ts';
import {
  envFieldPaths, isClaimVolume, validateLocalDescendingPath, validateObjectFieldSelector, validatePathNoBacksteps,
  validateResourceFieldSelector,
} from './core-volume.ts';

const protocols = ['SCTP', 'TCP', 'UDP'];
const pullPolicies = ['Always', 'IfNotPresent', 'Never'];

export interface ContainerContext {
  volumes: Map<string, Obj>;
  gracePeriod: number | undefined;
  hostUsers: boolean;
}

export function validateContainerPorts(ports: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  const names = new Set<string>();
  for (const [port, i] of ports) {
    const p = index(path, i);
    const name = s(port, 'name');
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(child(p, 'name'), name, m));
      else if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
      else names.add(name);
    }
    const cp = num(port, 'containerPort') ?? 0;
    if (cp === 0) errs.push(required(child(p, 'containerPort')));
    else for (const m of isValidPortNum(cp)) errs.push(invalid(child(p, 'containerPort'), cp, m));
    const hp = num(port, 'hostPort') ?? 0;
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(invalid(child(p, 'hostPort'), hp, m));
    const proto = s(port, 'protocol');
    if (!proto) errs.push(required(child(p, 'protocol')));
    else if (!protocols.includes(proto)) errs.push(notSupported(child(p, 'protocol'), proto, protocols));
  }
  return errs;
}

function validateKeySelector(sel: Obj, path: string): Errors {
  const errs: Errors = [];
  const name = s(sel, 'name');
  for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(child(path, 'name'), name, m));
  const k = s(sel, 'key');
  if (!k) errs.push(required(child(path, 'key')));
  else for (const m of isConfigMapKey(k)) errs.push(invalid(child(path, 'key'), k, m));
  return errs;
}

export function validateEnv(env: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  for (const [ev, i] of env) {
    const p = index(path, i);
    const name = s(ev, 'name');
    if (!name) errs.push(required(child(p, 'name')));
    else for (const m of isRelaxedEnvVarName(name)) errs.push(invalid(child(p, 'name'), name, m));
    const from = obj(ev, 'valueFrom');
    if (!from) continue;
    const fp = child(p, 'valueFrom');
    let n = 0;
    const fieldRef = obj(from, 'fieldRef');
    if (fieldRef) {
      n++;
      errs.push(...validateObjectFieldSelector(fieldRef, envFieldPaths, child(fp, 'fieldRef')));
    }
    const resRef = obj(from, 'resourceFieldRef');
    if (resRef) {
      n++;
      errs.push(...validateResourceFieldSelector(resRef, child(fp, 'resourceFieldRef'), false));
    }
    for (const k of ['configMapKeyRef', 'secretKeyRef']) {
      const ref = obj(from, k);
      if (!ref) continue;
      n++;
      errs.push(...validateKeySelector(ref, child(fp, k)));
    }
    if (n === 0) errs.push(invalid(fp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (s(ev, 'value')) errs.push(invalid(fp, '', 'may not be specified when `value` is not empty'));
    else if (n > 1) errs.push(invalid(fp, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

export function validateEnvFrom(envFrom: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  for (const [ef, i] of envFrom) {
    const p = index(path, i);
    const prefix = s(ef, 'prefix');
    if (prefix) for (const m of isRelaxedEnvVarName(prefix)) errs.push(invalid(child(p, 'prefix'), prefix, m));
    let n = 0;
    for (const k of ['configMapRef', 'secretRef']) {
      const ref = obj(ef, k);
      if (!ref) continue;
      n++;
      const name = s(ref, 'name');
      if (!name) errs.push(required(child(p, k, 'name')));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(invalid(child(p, k, 'name'), name, m));
    }
    if (n === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

function validateVolumeMounts(ctr: Obj, volumes: Map<string, Obj>, path: string): Errors {
  const errs: Errors = [];
  const devices = new Map(objs(ctr, 'volumeDevices').map(([d]) => [s(d, 'name'), s(d, 'devicePath')]));
  const mountPaths = new Set<string>();
  const privileged = bool(obj(ctr, 'securityContext'), 'privileged') === true;
  for (const [m, i] of objs(ctr, 'volumeMounts')) {
    const p = index(path, i);
    const name = s(m, 'name');
    const mountPath = s(m, 'mountPath');
    if (!name) errs.push(required(child(p, 'name')));
    if (!volumes.has(name)) errs.push(notFound(child(p, 'name'), name));
    if (!mountPath) errs.push(required(child(p, 'mountPath')));
    if (mountPaths.has(mountPath)) errs.push(invalid(child(p, 'mountPath'), mountPath, 'must be unique'));
    mountPaths.add(mountPath);
    if (devices.has(name)) errs.push(invalid(child(p, 'name'), name, 'must not already exist in volumeDevices'));
    if ([...devices.values()].includes(mountPath)) errs.push(invalid(child(p, 'mountPath'), mountPath, 'must not already exist as a path in volumeDevices'));
    const subPath = s(m, 'subPath');
    const subPathExpr = s(m, 'subPathExpr');
    if (has(volumes.get(name), 'image')) {
      if (subPath) errs.push(invalid(child(p, 'subPath'), subPath, 'not allowed in image volume sources'));
      if (subPathExpr) errs.push(invalid(child(p, 'subPathExpr'), subPathExpr, 'not allowed in image volume sources'));
    }
    if (subPath) errs.push(...validateLocalDescendingPath(subPath, child(path, 'subPath')));
    if (subPathExpr) {
      if (subPath) errs.push(invalid(child(p, 'subPathExpr'), subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(subPathExpr, child(path, 'subPathExpr')));
    }
    const prop = str(m, 'mountPropagation');
    if (prop !== undefined) {
      const pp = child(path, 'mountPropagation');
      const supported = ['Bidirectional', 'HostToContainer', 'None'];
      if (!supported.includes(prop)) errs.push(notSupported(pp, prop, supported));
      if (prop === 'Bidirectional' && !privileged) errs.push(forbidden(pp, 'Bidirectional mount propagation is available only to privileged containers'));
    }
    const rro = str(m, 'recursiveReadOnly');
    if (rro !== undefined && rro !== 'Disabled') {
      const rp = child(path, 'recursiveReadOnly');
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (bool(m, 'readOnly') !== true) errs.push(forbidden(rp, 'may only be specified when readOnly is true'));
        if (prop !== undefined && prop !== 'None') errs.push(forbidden(rp, 'may only be specified when mountPropagation is None or not specified'));
      } else {
        errs.push(notSupported(rp, rro, ['Disabled', 'Enabled', 'IfPossible']));
      }
    }
  }
  return errs;
}

function validateVolumeDevices(ctr: Obj, volumes: Map<string, Obj>, path: string): Errors {
  const errs: Errors = [];
  const mounts = new Map(objs(ctr, 'volumeMounts').map(([m]) => [s(m, 'name'), s(m, 'mountPath')]));
  const names = new Set<string>();
  const paths = new Set<string>();
  for (const [d, i] of objs(ctr, 'volumeDevices')) {
    const p = index(path, i);
    const name = s(d, 'name');
    const devicePath = s(d, 'devicePath');
    const vol = volumes.get(name);
    if (!name) errs.push(required(child(p, 'name')));
    if (names.has(name)) errs.push(invalid(child(p, 'name'), name, 'must be unique'));
    if (vol && !isClaimVolume(vol)) errs.push(invalid(child(p, 'name'), name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    if (!vol) errs.push(notFound(child(p, 'name'), name));
    if (!devicePath) errs.push(required(child(p, 'devicePath')));
    if (paths.has(devicePath)) errs.push(invalid(child(p, 'devicePath'), devicePath, 'must be unique'));
    if (devicePath && validatePathNoBacksteps(devicePath, '').length) errs.push(invalid(child(p, 'devicePath'), devicePath, "can not contain backsteps ('..')"));
    else paths.add(devicePath);
    if (mounts.has(name)) errs.push(invalid(child(p, 'name'), name, 'must not already exist in volumeMounts'));
    if ([...mounts.values()].includes(devicePath)) errs.push(invalid(child(p, 'devicePath'), devicePath, 'must not already exist as a path in volumeMounts'));
    if (name) names.add(name);
  }
  return errs;
}

/** Port as a number (1-65535) or an IANA service name. */
export function validatePortNumOrName(o: unknown, k: string, path: string): Errors {
  const v = intOrString(o, k);
  if (!v) return [invalid(path, 0, isValidPortNum(0)[0])];
  if (v.kind === 'int') return isValidPortNum(v.value).map((m) => invalid(path, v.value, m));
  return isValidPortName(v.value).map((m) => invalid(path, v.value, m));
}

function validateHandler(h: Obj, kinds: string[], gracePeriod: number | undefined, path: string): Errors {
  const errs: Errors = [];
  let n = 0;
  for (const kind of kinds) {
    const a = obj(h, kind);
    if (!a) continue;
    const p = child(path, kind);
    if (n > 0) {
      errs.push(forbidden(p, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    switch (kind) {
      case 'exec':
        if (strs(a, 'command').length === 0) errs.push(required(child(p, 'command')));
        break;
      case 'httpGet': {
        if (!s(a, 'path')) errs.push(required(child(p, 'path')));
        errs.push(...validatePortNumOrName(a, 'port', child(p, 'port')));
        const scheme = s(a, 'scheme');
        if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(child(p, 'scheme'), scheme, ['HTTP', 'HTTPS']));
        for (const [hdr] of objs(a, 'httpHeaders')) {
          for (const m of isHTTPHeaderName(s(hdr, 'name'))) errs.push(invalid(child(p, 'httpHeaders'), s(hdr, 'name'), m));
        }
        break;
      }
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(a, 'port', child(p, 'port')));
        break;
      case 'grpc': {
        const port = num(a, 'port') ?? 0;
        for (const m of isValidPortNum(port)) errs.push(invalid(child(p, 'port'), port, m));
        break;
      }
      case 'sleep': {
        const secs = num(a, 'seconds') ?? 0;
        if (gracePeriod !== undefined && (secs <= 0 || secs > gracePeriod)) {
          errs.push(invalid(p, secs, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`));
        }
        break;
      }
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const lifecycleHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function validateProbe(probe: Obj | undefined, kind: 'liveness' | 'readiness' | 'startup', gracePeriod: number | undefined, path: string): Errors {
  if (!probe) return [];
  const errs = validateHandler(probe, probeHandlers, gracePeriod, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(num(probe, f), child(path, f)));
  }
  const tgps = num(probe, 'terminationGracePeriodSeconds');
  if (tgps !== undefined && tgps <= 0) errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  if (kind !== 'readiness') {
    const st = num(probe, 'successThreshold') ?? 0;
    if (st !== 1) errs.push(invalid(child(path, 'successThreshold'), st, 'must be 1'));
  } else if (tgps !== undefined) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must not be set for readinessProbes'));
  }
  return errs;
}

function validateLifecycle(lc: Obj, gracePeriod: number | undefined, path: string): Errors {
  const errs: Errors = [];
  for (const k of ['postStart', 'preStop']) {
    const h = obj(lc, k);
    if (h) errs.push(...validateHandler(h, lifecycleHandlers, gracePeriod, child(path, k)));
  }
  return errs;
}

function validateProbesAndLifecycle(ctr: Obj, gracePeriod: number | undefined, path: string): Errors {
  const errs: Errors = [];
  const lc = obj(ctr, 'lifecycle');
  if (lc) errs.push(...validateLifecycle(lc, gracePeriod, child(path, 'lifecycle')));
  errs.push(...validateProbe(obj(ctr, 'livenessProbe'), 'liveness', gracePeriod, child(path, 'livenessProbe')));
  errs.push(...validateProbe(obj(ctr, 'readinessProbe'), 'readiness', gracePeriod, child(path, 'readinessProbe')));
  errs.push(...validateProbe(obj(ctr, 'startupProbe'), 'startup', gracePeriod, child(path, 'startupProbe')));
  return errs;
}

/** Rules every kind of container shares (validateContainerCommon). */
function validateContainerCommon(ctr: Obj, cc: ContainerContext, path: string): Errors {
  const errs: Errors = [];
  const name = s(ctr, 'name');
  if (!name) errs.push(required(child(path, 'name')));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(child(path, 'name'), name, m));
  if (!s(ctr, 'image')) errs.push(required(child(path, 'image')));
  const tmp = s(ctr, 'terminationMessagePolicy');
  if (!tmp) errs.push(required(child(path, 'terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(child(path, 'terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(objs(ctr, 'ports'), child(path, 'ports')));
  errs.push(...validateEnv(objs(ctr, 'env'), child(path, 'env')));
  errs.push(...validateEnvFrom(objs(ctr, 'envFrom'), child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(ctr, cc.volumes, child(path, 'volumeMounts')));
  errs.push(...validateVolumeDevices(ctr, cc.volumes, child(path, 'volumeDevices')));
  const pull = s(ctr, 'imagePullPolicy');
  if (!pull) errs.push(required(child(path, 'imagePullPolicy')));
  else if (!pullPolicies.includes(pull)) errs.push(notSupported(child(path, 'imagePullPolicy'), pull, pullPolicies));
  errs.push(...validateResourceRequirements(obj(ctr, 'resources'), child(path, 'resources')));
  errs.push(...validateSecurityContext(obj(ctr, 'securityContext'), cc.hostUsers, child(path, 'securityContext')));
  return errs;
}

/** Host ports must not collide (protocol/hostIP/port) across the given containers. */
function checkHostPortConflicts(containers: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  const seen = new Set<string>();
  for (const [ctr, ci] of containers) {
    for (const [port, pi] of objs(ctr, 'ports')) {
      const hp = num(port, 'hostPort') ?? 0;
      if (hp === 0) continue;
      const k = `${s(port, 'protocol')}/${s(port, 'hostIP')}/${hp}`;
      if (seen.has(k)) errs.push(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), k));
      else seen.add(k);
    }
  }
  return errs;
}

export function validateContainers(containers: [Obj, number][], cc: ContainerContext, path: string): Errors {
  if (containers.length === 0) return [required(path)];
  const errs: Errors = [];
  const names = new Set<string>();
  for (const [ctr, i] of containers) {
    const p = index(path, i);
    errs.push(...validateContainerCommon(ctr, cc, p));
    const name = s(ctr, 'name');
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else names.add(name);
    errs.push(...validateProbesAndLifecycle(ctr, cc.gracePeriod, p));
    if (has(ctr, 'restartPolicy')) errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  }
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

export function validateInitContainers(inits: [Obj, number][], regular: [Obj, number][], cc: ContainerContext, path: string): Errors {
  const errs: Errors = [];
  const names = new Set(regular.map(([c]) => s(c, 'name')));
  for (const [ctr, i] of inits) {
    const p = index(path, i);
    errs.push(...validateContainerCommon(ctr, cc, p));
    const rp = str(ctr, 'restartPolicy');
    if (rp !== undefined && rp !== 'Always') errs.push(notSupported(child(p, 'restartPolicy'), rp, ['Always']));
    const name = s(ctr, 'name');
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else if (name) names.add(name);
    errs.push(...checkHostPortConflicts([[ctr, i]], path));
    if (rp === 'Always') {
      errs.push(...validateProbesAndLifecycle(ctr, cc.gracePeriod, p));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (has(ctr, f)) errs.push(forbidden(child(p, f), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  }
  return errs;
}

/** Pod-only (not template) container rule: no whitespace around the image. */
export function validateContainersOnlyForPod(containers: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  for (const [ctr, i] of containers) {
    const image = s(ctr, 'image');
    if (image.trim() !== image) errs.push(invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace'));
  }
  return errs;
}
