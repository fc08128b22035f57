// Pods, pod templates, ReplicationControllers and Bindings, including the pod spec update rules.

import { type Obj, has, isObj, num, obj, objs, s, strMap } from './access.ts';
import {
  type Errors, child, deepEqual, forbidden, index, invalid, nonNegative, notSupported, required,
} from './field.ts';
import { validateAnnotations, validateLabels } from './meta.ts';
import { inclusiveRangeError } from './names.ts';
import { checkSelectorMatchesTemplate } from './selector.ts';
import { validateTolerations } from './core-affinity.ts';
import { validateContainersOnlyForPod } from './core-container.ts';
import { validatePodSpec } from './core-podspec.ts';
import { validatePVCSpec } from './core-storage.ts';
import { validateLocalDescendingPath } from './core-volume.ts';

const mirrorAnnotation = 'kubernetes.io/config.mirror';
const maxInt32 = 2147483647;

function validateSeccompAnnotation(value: string, path: string): Errors {
  if (value === 'runtime/default' || value === 'docker/default' || value === 'unconfined') return [];
  if (value.startsWith('localhost/')) return validateLocalDescendingPath(value.slice('localhost/'.length), path);
  return [invalid(path, value, 'must be a valid seccomp profile')];
}

function containerNames(spec: Obj): Set<string> {
  return new Set(['containers', 'initContainers', 'ephemeralContainers'].flatMap((k) => objs(spec, k).map(([c]) => s(c, 'name'))));
}

/** ValidatePodSpecificAnnotations: mirror pods, deletion cost, seccomp and AppArmor annotations. */
export function validatePodAnnotations(annotations: Record<string, string>, spec: Obj, path: string): Errors {
  const errs: Errors = [];
  if (mirrorAnnotation in annotations && !s(spec, 'nodeName')) {
    errs.push(invalid(`${path}[${mirrorAnnotation}]`, annotations[mirrorAnnotation], 'must set spec.nodeName if mirror pod annotation is set'));
  }
  const cost = annotations['controller.kubernetes.io/pod-deletion-cost'];
  if (cost !== undefined && (!/^[+-]?\d+$/.test(cost) || Math.abs(Number(cost)) > maxInt32 + (cost.startsWith('-') ? 1 : 0))) {
    errs.push(invalid(`${path}[controller.kubernetes.io/pod-deletion-cost]`, cost, 'must be a 32bit integer'));
  }
  const names = containerNames(spec);
  for (const [k, v] of Object.entries(annotations)) {
    if (k === 'seccomp.security.alpha.kubernetes.io/pod' || k.startsWith('container.seccomp.security.alpha.kubernetes.io/')) {
      errs.push(...validateSeccompAnnotation(v, child(path, k)));
    }
    const aaPrefix = 'container.apparmor.security.beta.kubernetes.io/';
    if (k.startsWith(aaPrefix)) {
      const name = k.slice(aaPrefix.length);
      if (!names.has(name)) errs.push(invalid(`${path}[${k}]`, name, 'container not found'));
      if (v !== '' && v !== 'runtime/default' && v !== 'unconfined' && !v.startsWith('localhost/')) {
        errs.push(invalid(`${path}[${k}]`, v, `invalid AppArmor profile name: ${JSON.stringify(v)}`));
      }
    }
  }
  return errs;
}

/** ValidatePodTemplateSpec: the template of a workload (`spec.template`). */
export function validatePodTemplateSpec(tpl: Obj | undefined, path: string): Errors {
  const t = tpl ?? {};
  const meta = obj(t, 'metadata');
  const spec = obj(t, 'spec') ?? {};
  const annotations = strMap(meta, 'annotations');
  const errs: Errors = [
    ...validateLabels(strMap(meta, 'labels'), child(path, 'labels')),
    ...validateAnnotations(annotations, child(path, 'annotations')),
    ...validatePodAnnotations(annotations, spec, child(path, 'annotations')),
    ...validatePodSpec(spec, child(path, 'spec'), { resourceIsPod: false, pvcSpec: validatePVCSpec }),
  ];
  if (objs(spec, 'ephemeralContainers').length > 0) {
    errs.push(forbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

function validatePodMetadataAndSpec(pod: Obj): Errors {
  const meta = obj(pod, 'metadata');
  const spec = obj(pod, 'spec') ?? {};
  const errs: Errors = [
    ...validatePodAnnotations(strMap(meta, 'annotations'), spec, 'metadata.annotations'),
    ...validatePodSpec(spec, 'spec', { resourceIsPod: true, podName: s(meta, 'name'), pvcSpec: validatePVCSpec }),
  ];
  if (!s(spec, 'serviceAccountName')) {
    for (const [vol, vi] of objs(spec, 'volumes')) {
      for (const [src, si] of objs(obj(vol, 'projected'), 'sources')) {
        if (has(src, 'serviceAccountToken')) {
          errs.push(forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'));
        }
      }
    }
  }
  errs.push(...validateContainersOnlyForPod(objs(spec, 'containers'), 'spec.containers'));
  errs.push(...validateContainersOnlyForPod(objs(spec, 'initContainers'), 'spec.initContainers'));
  return errs;
}

export function validatePodCreate(pod: Obj): Errors {
  const spec = obj(pod, 'spec') ?? {};
  const errs = validatePodMetadataAndSpec(pod);
  if (objs(spec, 'ephemeralContainers').length > 0) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (s(spec, 'nodeName') && objs(spec, 'schedulingGates').length > 0) {
    errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

export const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function containerUpdates(next: [Obj, number][], prev: [Obj, number][], path: string): { errs: Errors; stop: boolean } {
  if (next.length !== prev.length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: Errors = [];
  for (const [ctr, i] of next) {
    const image = s(ctr, 'image');
    if (!image) errs.push(required(child(index(path, i), 'image')));
    if (image.trim() !== image) errs.push(invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace'));
  }
  return { errs, stop: false };
}

function toleratesOnlyAdditions(next: [Obj, number][], prev: [Obj, number][], path: string): Errors {
  for (const [old] of prev) {
    const found = next.some(([t]) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

/** A compact rendering of the differing top-level spec fields, in the spirit of Kubernetes' cmp.Diff. */
function specDiff(oldSpec: Obj, newSpec: Obj): string {
  const lines = ['  core.PodSpec{'];
  const goName = (k: string): string => k.charAt(0).toUpperCase() + k.slice(1);
  let same = 0;
  for (const k of new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])) {
    if (deepEqual(oldSpec[k], newSpec[k])) {
      same++;
      continue;
    }
    if (oldSpec[k] !== undefined) lines.push(`- \t${goName(k)}: ${JSON.stringify(oldSpec[k])},`);
    if (newSpec[k] !== undefined) lines.push(`+ \t${goName(k)}: ${JSON.stringify(newSpec[k])},`);
  }
  if (same) lines.splice(1, 0, `  \t... // ${same} identical fields`);
  lines.push('  }');
  return lines.join('\n');
}

/** ValidatePodUpdate: only images, activeDeadlineSeconds, tolerations (additions) and gates (removals) may change. */
export function validatePodUpdate(pod: Obj, old: Obj): Errors {
  const spec = obj(pod, 'spec') ?? {};
  const oldSpec = obj(old, 'spec') ?? {};
  const errs = validatePodMetadataAndSpec(pod);
  const newAnn = strMap(obj(pod, 'metadata'), 'annotations');
  const oldAnn = strMap(obj(old, 'metadata'), 'annotations');
  if (newAnn[mirrorAnnotation] !== oldAnn[mirrorAnnotation]) {
    const k = `metadata.annotations[${mirrorAnnotation}]`;
    if (mirrorAnnotation in oldAnn) errs.push(forbidden(k, 'may not remove or update mirror pod annotation'));
    else errs.push(forbidden(k, 'may not add mirror pod annotation'));
  }
  for (const k of ['containers', 'initContainers']) {
    const r = containerUpdates(objs(spec, k), objs(oldSpec, k), `spec.${k}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = num(spec, 'activeDeadlineSeconds');
  const oldAds = num(oldSpec, 'activeDeadlineSeconds');
  if (ads !== undefined) {
    if (ads < 0 || ads > maxInt32) return [...errs, invalid('spec.activeDeadlineSeconds', ads, inclusiveRangeError(0, maxInt32))];
    if (oldAds !== undefined && oldAds < ads) return [...errs, invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')];
  } else if (oldAds !== undefined) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...toleratesOnlyAdditions(objs(spec, 'tolerations'), objs(oldSpec, 'tolerations'), 'spec.tolerations'));
  const oldGates = new Set(objs(oldSpec, 'schedulingGates').map(([g]) => s(g, 'name')));
  for (const [g, i] of objs(spec, 'schedulingGates')) {
    if (!oldGates.has(s(g, 'name'))) {
      errs.push(forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${s(g, 'name')}'`));
    }
  }
  if (deepEqual(spec, oldSpec)) return errs;
  const munged: Obj = structuredClone(spec);
  for (const k of ['containers', 'initContainers']) {
    const prev = objs(oldSpec, k);
    if (Array.isArray(munged[k])) {
      munged[k] = (munged[k] as unknown[]).map((c, i) => (isObj(c) ? { ...c, image: prev[i]?.[0].image } : c));
    }
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = num(oldSpec, 'terminationGracePeriodSeconds');
  if (oldGrace !== undefined && oldGrace < 0 && num(munged, 'terminationGracePeriodSeconds') === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (oldGates.size > 0) {
    const oldSel = strMap(oldSpec, 'nodeSelector');
    const newSel = strMap(munged, 'nodeSelector');
    if (!deepEqual(oldSel, newSel)) {
      if (Object.entries(oldSel).some(([k, v]) => newSel[k] !== v)) {
        errs.push(invalid('spec.nodeSelector', newSel, 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
      }
      munged.nodeSelector = oldSpec.nodeSelector;
    }
  }
  if (!deepEqual(munged, oldSpec)) {
    errs.push(forbidden('spec', `pod updates may not change fields other than ${updatablePodSpecFields.join(',')}\n${specDiff(oldSpec, munged)}`));
  }
  return errs;
}

export function validatePodTemplate(pt: Obj): Errors {
  return validatePodTemplateSpec(obj(pt, 'template'), 'template');
}

/** ReplicationController: a non-empty selector matching the template, restartPolicy Always. */
export function validateReplicationController(rc: Obj): Errors {
  const spec = obj(rc, 'spec') ?? {};
  const errs: Errors = [...nonNegative(num(spec, 'minReadySeconds'), 'spec.minReadySeconds')];
  const selector = strMap(spec, 'selector');
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector'));
  errs.push(...nonNegative(num(spec, 'replicas'), 'spec.replicas'));
  const tpl = obj(spec, 'template');
  if (!tpl) return [...errs, required('spec.template')];
  if (Object.keys(selector).length > 0) {
    errs.push(...checkSelectorMatchesTemplate({ matchLabels: selector }, strMap(obj(tpl, 'metadata'), 'labels'), 'spec.template.metadata.labels'));
  }
  errs.push(...validatePodTemplateSpec(tpl, 'spec.template'));
  const rp = s(obj(tpl, 'spec'), 'restartPolicy');
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (has(obj(tpl, 'spec'), 'activeDeadlineSeconds')) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

export function validateBinding(b: Obj): Errors {
  const errs: Errors = [];
  const target = obj(b, 'target') ?? {};
  const kind = s(target, 'kind');
  if (kind && kind !== 'Node') errs.push(notSupported('target.kind', kind, ['Node', '<empty>']));
  if (!s(target, 'name')) errs.push(required('target.name'));
  return errs;
}
