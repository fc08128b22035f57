// apps/v1 workloads: Deployments, ReplicaSets, StatefulSets, DaemonSets and ControllerRevisions.

import { type IntOrString, type Obj, has, intOrString, num, obj, s, strMap } from './access.ts';
import {
  type Errors, deepEqual, forbidden, immutable, invalid, isNegativeErrorMsg, nonNegative, notSupported, required,
} from './field.ts';
import { validateAnnotations, validateLabels } from './meta.ts';
import { isValidPercent } from './names.ts';
import { checkSelectorMatchesTemplate, isEmptySelector, selectorMatcher, validateLabelSelector } from './selector.ts';
import { validatePodAnnotations, validatePodTemplateSpec } from './core-pod.ts';

function ios(v: IntOrString | undefined): string | number | null {
  return v ? v.value : null;
}

/** ValidatePositiveIntOrPercent: a percent string or a non-negative integer. */
export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): Errors {
  if (!v) return [];
  if (v.kind === 'string') return isValidPercent(v.value).map((m) => invalid(path, v.value, m));
  return v.value < 0 ? [invalid(path, v.value, isNegativeErrorMsg)] : [];
}

function percentValue(v: IntOrString | undefined): number | undefined {
  return v?.kind === 'string' && isValidPercent(v.value).length === 0 ? Number(v.value.slice(0, -1)) : undefined;
}

export function intOrPercentValue(v: IntOrString | undefined): number {
  if (!v) return 0;
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (v.kind === 'int') return v.value;
  return /^-?\d+$/.test(v.value) ? Number(v.value) : 0;
}

export function isNotMoreThan100Percent(v: IntOrString | undefined, path: string): Errors {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalid(path, ios(v), 'must not be greater than 100%')] : [];
}

/** Selector present, valid and non-empty; returns the errors. */
function validateWorkloadSelector(spec: Obj, kind: string, requiredSelector: boolean): Errors {
  if (!has(spec, 'selector')) return requiredSelector ? [required('spec.selector')] : [];
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  if (isEmptySelector(spec.selector)) errs.push(invalid('spec.selector', spec.selector, `empty selector is invalid for ${kind}`));
  return errs;
}

/** The template of a Deployment or ReplicaSet: matches the selector, fully valid, restartPolicy Always. */
function validateTemplateForReplicaSet(spec: Obj, kindName: string): Errors {
  const errs: Errors = [];
  const m = selectorMatcher(spec.selector);
  if (m.kind === 'error') return [invalid('spec.selector', spec.selector ?? null, 'invalid label selector')];
  const tpl = obj(spec, 'template') ?? {};
  errs.push(...checkSelectorMatchesTemplate(spec.selector, strMap(obj(tpl, 'metadata'), 'labels'), 'spec.template.metadata.labels'));
  errs.push(...validatePodTemplateSpec(tpl, 'spec.template'));
  const tspec = obj(tpl, 'spec') ?? {};
  const rp = s(tspec, 'restartPolicy');
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (has(tspec, 'activeDeadlineSeconds')) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kindName} is not Supported`));
  }
  return errs;
}

function validateRollingUpdateDeployment(ru: Obj, path: string): Errors {
  const mu = intOrString(ru, 'maxUnavailable');
  const ms = intOrString(ru, 'maxSurge');
  const errs = [...validatePositiveIntOrPercent(mu, `${path}.maxUnavailable`), ...validatePositiveIntOrPercent(ms, `${path}.maxSurge`)];
  if (intOrPercentValue(mu) === 0 && intOrPercentValue(ms) === 0) {
    errs.push(invalid(`${path}.maxUnavailable`, ios(mu) ?? 0, 'may not be 0 when `maxSurge` is 0'));
  }
  return [...errs, ...isNotMoreThan100Percent(mu, `${path}.maxUnavailable`)];
}

function validateDeploymentStrategy(strategy: Obj): Errors {
  const path = 'spec.strategy';
  switch (s(strategy, 'type')) {
    case 'Recreate':
      return has(strategy, 'rollingUpdate') ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      const ru = obj(strategy, 'rollingUpdate');
      return ru ? validateRollingUpdateDeployment(ru, `${path}.rollingUpdate`) : [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
    }
    default:
      return [notSupported(path, strategy, ['Recreate', 'RollingUpdate'])];
  }
}

export function validateDeployment(d: Obj): Errors {
  const spec = obj(d, 'spec') ?? {};
  const errs: Errors = [...nonNegative(num(spec, 'replicas'), 'spec.replicas')];
  errs.push(...validateWorkloadSelector(spec, 'deployment', true));
  errs.push(...validateTemplateForReplicaSet(spec, 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(obj(spec, 'strategy') ?? {}));
  errs.push(...nonNegative(num(spec, 'minReadySeconds'), 'spec.minReadySeconds'));
  errs.push(...nonNegative(num(spec, 'revisionHistoryLimit'), 'spec.revisionHistoryLimit'));
  const pds = num(spec, 'progressDeadlineSeconds');
  if (pds !== undefined) {
    errs.push(...nonNegative(pds, 'spec.progressDeadlineSeconds'));
    if (pds <= (num(spec, 'minReadySeconds') ?? 0)) errs.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export function validateReplicaSet(rs: Obj): Errors {
  const spec = obj(rs, 'spec') ?? {};
  return [
    ...nonNegative(num(spec, 'replicas'), 'spec.replicas'),
    ...nonNegative(num(spec, 'minReadySeconds'), 'spec.minReadySeconds'),
    ...validateWorkloadSelector(spec, 'deployment', true),
    ...validateTemplateForReplicaSet(spec, 'ReplicaSet'),
  ];
}

/** apps/v1 makes the selector of Deployments, ReplicaSets and DaemonSets immutable. */
export function validateSelectorImmutable(obj1: Obj, old: Obj): Errors {
  return immutable(obj(obj1, 'spec')?.selector ?? null, obj(old, 'spec')?.selector ?? null, 'spec.selector');
}

function validateDaemonSetStrategy(strategy: Obj): Errors {
  const path = 'spec.updateStrategy';
  switch (s(strategy, 'type')) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate': {
      const ru = obj(strategy, 'rollingUpdate');
      if (!ru) return [required(`${path}.rollingUpdate`)];
      const rp = `${path}.rollingUpdate`;
      const mu = intOrString(ru, 'maxUnavailable');
      const ms = intOrString(ru, 'maxSurge');
      const errs = [
        ...validatePositiveIntOrPercent(mu, `${rp}.maxUnavailable`), ...validatePositiveIntOrPercent(ms, `${rp}.maxSurge`),
        ...isNotMoreThan100Percent(mu, `${rp}.maxUnavailable`), ...isNotMoreThan100Percent(ms, `${rp}.maxSurge`),
      ];
      const hasU = intOrPercentValue(mu) !== 0;
      const hasS = intOrPercentValue(ms) !== 0;
      if (hasU && hasS) errs.push(invalid(`${rp}.maxSurge`, ios(ms), 'may not be set when maxUnavailable is non-zero'));
      else if (!hasU && !hasS) errs.push(required(`${rp}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
      return errs;
    }
    default:
      return [notSupported(path, strategy, ['RollingUpdate', 'OnDelete'])];
  }
}

export function validateDaemonSet(ds: Obj): Errors {
  const spec = obj(ds, 'spec') ?? {};
  const errs: Errors = [...validateLabelSelector(spec.selector, 'spec.selector')];
  const tpl = obj(spec, 'template') ?? {};
  if (selectorMatcher(spec.selector).kind !== 'error') {
    errs.push(...checkSelectorMatchesTemplate(spec.selector, strMap(obj(tpl, 'metadata'), 'labels'), 'spec.template.metadata.labels'));
  }
  if (isEmptySelector(spec.selector)) errs.push(invalid('spec.selector', spec.selector, 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(tpl, 'spec.template'));
  const tspec = obj(tpl, 'spec') ?? {};
  const rp = s(tspec, 'restartPolicy');
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (has(tspec, 'activeDeadlineSeconds')) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...nonNegative(num(spec, 'minReadySeconds'), 'spec.minReadySeconds'));
  errs.push(...validateDaemonSetStrategy(obj(spec, 'updateStrategy') ?? {}));
  errs.push(...nonNegative(num(spec, 'revisionHistoryLimit'), 'spec.revisionHistoryLimit'));
  return errs;
}

function validateStatefulSetSpec(spec: Obj): Errors {
  const errs: Errors = [];
  const pmp = s(spec, 'podManagementPolicy');
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const strategy = obj(spec, 'updateStrategy') ?? {};
  const ru = obj(strategy, 'rollingUpdate');
  switch (s(strategy, 'type')) {
    case '':
      errs.push(required('spec.updateStrategy'));
      break;
    case 'OnDelete':
      if (ru) errs.push(invalid('spec.updateStrategy.rollingUpdate', ru, "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate':
      if (ru) {
        errs.push(...nonNegative(num(ru, 'partition'), 'spec.updateStrategy.rollingUpdate.partition'));
        const mu = intOrString(ru, 'maxUnavailable');
        if (mu) {
          const p = 'spec.updateStrategy.rollingUpdate.maxUnavailable';
          errs.push(...validatePositiveIntOrPercent(mu, p));
          if (intOrPercentValue(mu) === 0) errs.push(invalid(p, mu.value, 'cannot be 0'));
          errs.push(...isNotMoreThan100Percent(mu, p));
        }
      }
      break;
    default:
      errs.push(invalid('spec.updateStrategy', strategy, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = obj(spec, 'persistentVolumeClaimRetentionPolicy');
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled']) {
      const v = s(retention, f);
      if (v !== 'Retain' && v !== 'Delete') errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, ['Retain', 'Delete']));
    }
  }
  errs.push(...nonNegative(num(spec, 'replicas'), 'spec.replicas'));
  errs.push(...nonNegative(num(spec, 'minReadySeconds'), 'spec.minReadySeconds'));
  errs.push(...nonNegative(num(obj(spec, 'ordinals'), 'start'), 'spec.ordinals.start'));
  errs.push(...validateWorkloadSelector(spec, 'statefulset', true));
  const tpl = obj(spec, 'template') ?? {};
  if (selectorMatcher(spec.selector).kind === 'error') {
    errs.push(invalid('spec.selector', spec.selector ?? null, ''));
  } else {
    errs.push(...checkSelectorMatchesTemplate(spec.selector, strMap(obj(tpl, 'metadata'), 'labels'), 'spec.template.metadata.labels'));
    const meta = obj(tpl, 'metadata');
    errs.push(...validateLabels(strMap(meta, 'labels'), 'spec.template.labels'));
    errs.push(...validateAnnotations(strMap(meta, 'annotations'), 'spec.template.annotations'));
    errs.push(...validatePodAnnotations(strMap(meta, 'annotations'), obj(tpl, 'spec') ?? {}, 'spec.template.annotations'));
  }
  const tspec = obj(tpl, 'spec') ?? {};
  if (s(tspec, 'restartPolicy') !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', s(tspec, 'restartPolicy'), ['Always']));
  if (has(tspec, 'activeDeadlineSeconds')) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

export function validateStatefulSet(sts: Obj): Errors {
  return validateStatefulSetSpec(obj(sts, 'spec') ?? {});
}

/** Only replicas, ordinals, template, updateStrategy, the PVC retention policy and minReadySeconds may change. */
export function validateStatefulSetUpdate(sts: Obj, old: Obj): Errors {
  const errs = validateStatefulSetSpec(obj(sts, 'spec') ?? {});
  const spec: Obj = { ...obj(sts, 'spec') };
  const oldSpec = obj(old, 'spec') ?? {};
  for (const f of ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy']) {
    spec[f] = oldSpec[f];
  }
  if (!deepEqual(spec, oldSpec)) {
    errs.push(forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
  }
  return errs;
}

export function validateControllerRevision(cr: Obj): Errors {
  const errs: Errors = [];
  if (cr.data === undefined || cr.data === null) errs.push(required('data', 'data is mandatory'));
  return [...errs, ...nonNegative(num(cr, 'revision'), 'revision')];
}

export function validateControllerRevisionUpdate(cr: Obj, old: Obj): Errors {
  return [...validateControllerRevision(cr), ...immutable(cr.data ?? null, old.data ?? null, 'data')];
}
