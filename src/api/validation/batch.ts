// batch/v1: Jobs (generated selectors, completion modes, restart policies, immutability) and CronJobs.

import { type Obj, bool, has, num, obj, objs, s, str, strMap } from './access.ts';
import {
  type Errors, child, deepEqual, duplicate, immutable, index, invalid, nonNegative, notSupported, required, tooLong,
} from './field.ts';
import { validateHasLabel, validateQualifiedName } from './meta.ts';
import { byteLength, isDNS1123Label, isDomainPrefixedPath, maxLenError } from './names.ts';
import { checkSelectorMatchesTemplate, selectorMatcher, validateLabelSelector } from './selector.ts';
import { validatePodTemplateSpec } from './core-pod.ts';
import { cronScheduleError, isKnownTimeZone } from './cron.ts';

export const jobLabels = {
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
} as const;

function validateGeneratedSelector(job: Obj): Errors {
  const spec = obj(job, 'spec') ?? {};
  if (bool(spec, 'manualSelector') === true || !has(spec, 'selector')) return [];
  const meta = obj(job, 'metadata');
  const uid = s(meta, 'uid');
  const name = s(meta, 'name');
  const errs: Errors = [];
  if (!uid) errs.push(required('metadata.uid'));
  const tmeta = obj(obj(spec, 'template'), 'metadata');
  const tp = 'spec.template.metadata';
  errs.push(...validateHasLabel(tmeta, tp, jobLabels.legacyControllerUid, uid));
  errs.push(...validateHasLabel(tmeta, tp, jobLabels.legacyJobName, name));
  errs.push(...validateHasLabel(tmeta, tp, jobLabels.controllerUid, uid));
  errs.push(...validateHasLabel(tmeta, tp, jobLabels.jobName, name));
  const expected = {
    [jobLabels.controllerUid]: uid, [jobLabels.jobName]: name, [jobLabels.legacyControllerUid]: uid, [jobLabels.legacyJobName]: name,
  };
  const m = selectorMatcher(spec.selector);
  if (m.kind === 'match' && !m.matches(expected)) errs.push(invalid('spec.selector', spec.selector, '`selector` not auto-generated'));
  if (m.kind === 'nothing') errs.push(invalid('spec.selector', spec.selector ?? null, '`selector` not auto-generated'));
  return errs;
}

function validatePodFailurePolicy(spec: Obj, path: string): Errors {
  const errs: Errors = [];
  const rules = objs(obj(spec, 'podFailurePolicy'), 'rules');
  if (rules.length > 20) errs.push({ type: 'FieldValueTooMany', field: child(path, 'rules'), value: rules.length, detail: 'must have at most 20 items' });
  const names = new Set(['containers', 'initContainers'].flatMap((k) => objs(obj(obj(spec, 'template'), 'spec'), k).map(([c]) => s(c, 'name'))));
  const actions = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
  for (const [rule, i] of rules) {
    const rp = index(child(path, 'rules'), i);
    const action = s(rule, 'action');
    if (!action) errs.push(required(child(rp, 'action'), `valid values: ["${actions.join('" "')}"]`));
    else if (action === 'FailIndex' && !has(spec, 'backoffLimitPerIndex')) errs.push(invalid(child(rp, 'action'), action, 'requires the backoffLimitPerIndex to be set'));
    else if (!actions.includes(action)) errs.push(notSupported(child(rp, 'action'), action, actions));
    const onExit = obj(rule, 'onExitCodes');
    const onCond = objs(rule, 'onPodConditions');
    if (onExit) {
      const ep = child(rp, 'onExitCodes');
      const op = s(onExit, 'operator');
      if (!op) errs.push(required(child(ep, 'operator'), 'valid values: ["In" "NotIn"]'));
      else if (op !== 'In' && op !== 'NotIn') errs.push(notSupported(child(ep, 'operator'), op, ['In', 'NotIn']));
      const cn = str(onExit, 'containerName');
      if (cn !== undefined && !names.has(cn)) errs.push(invalid(child(ep, 'containerName'), cn, 'must be one of the container or initContainer names in the pod template'));
      const values = (onExit.values as unknown[] | undefined)?.filter((v): v is number => typeof v === 'number') ?? [];
      if (values.length === 0) errs.push(invalid(child(ep, 'values'), values, 'at least one value is required'));
      const seen = new Set<number>();
      values.forEach((v, j) => {
        if (op === 'In' && v === 0) errs.push(invalid(index(child(ep, 'values'), j), v, 'must not be 0 for the In operator'));
        if (seen.has(v)) errs.push(duplicate(index(child(ep, 'values'), j), v));
        seen.add(v);
      });
      if (values.some((v, j) => j > 0 && values[j - 1] > v)) errs.push(invalid(child(ep, 'values'), values, 'must be ordered'));
    }
    for (const [pattern, j] of onCond) {
      const pp = index(child(rp, 'onPodConditions'), j);
      errs.push(...validateQualifiedName(s(pattern, 'type'), child(pp, 'type')));
      const st = s(pattern, 'status');
      if (!st) errs.push(required(child(pp, 'status'), 'valid values: ["False" "True" "Unknown"]'));
      else if (!['False', 'True', 'Unknown'].includes(st)) errs.push(notSupported(child(pp, 'status'), st, ['False', 'True', 'Unknown']));
    }
    if (onExit && onCond.length) errs.push({ type: 'FieldValueInvalid', field: rp, detail: 'specifying both OnExitCodes and OnPodConditions is not supported' });
    if (!onExit && onCond.length === 0) errs.push({ type: 'FieldValueInvalid', field: rp, detail: 'specifying one of OnExitCodes and OnPodConditions is required' });
  }
  return errs;
}

/** validateJobSpec: counts, completion mode, policies, the pod template and its restartPolicy. */
function validateJobSpecBody(spec: Obj, path: string): Errors {
  const errs: Errors = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    errs.push(...nonNegative(num(spec, f), child(path, f)));
  }
  if (has(spec, 'maxFailedIndexes') && !has(spec, 'backoffLimitPerIndex')) errs.push(required(child(path, 'backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  const managedBy = str(spec, 'managedBy');
  if (managedBy !== undefined) {
    errs.push(...isDomainPrefixedPath(child(path, 'managedBy'), managedBy));
    if (byteLength(managedBy) > 63) errs.push(tooLong(child(path, 'managedBy'), 63));
  }
  const mode = str(spec, 'completionMode');
  const completions = num(spec, 'completions');
  const parallelism = num(spec, 'parallelism');
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(child(path, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed') {
    if (completions === undefined) errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
    if (parallelism !== undefined && parallelism > 100000) errs.push(invalid(child(path, 'parallelism'), parallelism, 'must be less than or equal to 100000 when completion mode is Indexed'));
    const mfi = num(spec, 'maxFailedIndexes');
    if (completions !== undefined && mfi !== undefined && mfi > completions) errs.push(invalid(child(path, 'maxFailedIndexes'), mfi, 'must be less than or equal to completions'));
  } else {
    const blpi = num(spec, 'backoffLimitPerIndex');
    if (blpi !== undefined) errs.push(invalid(child(path, 'backoffLimitPerIndex'), blpi, 'requires indexed completion mode'));
    const mfi = num(spec, 'maxFailedIndexes');
    if (mfi !== undefined) errs.push(invalid(child(path, 'maxFailedIndexes'), mfi, 'requires indexed completion mode'));
    if (has(spec, 'successPolicy')) errs.push(invalid(child(path, 'successPolicy'), spec.successPolicy, 'requires indexed completion mode'));
  }
  if (has(spec, 'podFailurePolicy')) errs.push(...validatePodFailurePolicy(spec, child(path, 'podFailurePolicy')));
  const prp = str(spec, 'podReplacementPolicy');
  if (prp !== undefined) {
    if (has(spec, 'podFailurePolicy')) {
      if (prp !== 'Failed') errs.push(notSupported(child(path, 'podReplacementPolicy'), prp, ['Failed']));
    } else if (prp !== 'Failed' && prp !== 'TerminatingOrFailed') {
      errs.push(notSupported(child(path, 'podReplacementPolicy'), prp, ['Failed', 'TerminatingOrFailed']));
    }
  }
  errs.push(...validatePodTemplateSpec(obj(spec, 'template'), child(path, 'template')));
  const rp = s(obj(obj(spec, 'template'), 'spec'), 'restartPolicy');
  const rpPath = child(path, 'template', 'spec', 'restartPolicy');
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (has(spec, 'podFailurePolicy') && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

function validateJobSpec(spec: Obj): Errors {
  const errs = validateJobSpecBody(spec, 'spec');
  if (!has(spec, 'selector')) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (selectorMatcher(spec.selector).kind !== 'error') {
    errs.push(...checkSelectorMatchesTemplate(spec.selector, strMap(obj(obj(spec, 'template'), 'metadata'), 'labels'), 'spec.template.metadata.labels'));
  }
  return errs;
}

export function validateJob(job: Obj): Errors {
  const spec = obj(job, 'spec') ?? {};
  const errs = [...validateGeneratedSelector(job), ...validateJobSpec(spec)];
  const completions = num(spec, 'completions');
  if (s(spec, 'completionMode') === 'Indexed' && completions !== undefined && completions > 0) {
    const name = s(obj(job, 'metadata'), 'name');
    const host = `${name}-${completions - 1}`;
    if (isDNS1123Label(host).length) errs.push(invalid('metadata.name', name, `will not able to create pod with invalid DNS label: ${host}`));
  }
  return errs;
}

/** Selector, template (unless a suspended, never-started Job changes scheduling directives) and modes are fixed. */
export function validateJobUpdate(job: Obj, old: Obj): Errors {
  const spec = obj(job, 'spec') ?? {};
  const oldSpec = obj(old, 'spec') ?? {};
  const errs = validateJobSpec(spec);
  if (s(spec, 'completionMode') !== 'Indexed') {
    errs.push(...immutable(spec.completions ?? null, oldSpec.completions ?? null, 'spec.completions'));
  } else if (!deepEqual(spec.completions, oldSpec.completions) && has(spec, 'completions') && num(spec, 'completions') !== num(spec, 'parallelism')) {
    errs.push(invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism'));
  }
  errs.push(...immutable(spec.selector ?? null, oldSpec.selector ?? null, 'spec.selector'));
  const mutableScheduling = bool(spec, 'suspend') === true && !str(obj(old, 'status'), 'startTime');
  let oldTemplate = oldSpec.template ?? null;
  if (mutableScheduling && obj(oldSpec, 'template')) {
    const t = structuredClone(obj(oldSpec, 'template') ?? {});
    const nt = obj(spec, 'template') ?? {};
    const ts = (t.spec ??= {}) as Obj;
    const ns = obj(nt, 'spec') ?? {};
    for (const f of ['nodeSelector', 'tolerations', 'schedulingGates']) ts[f] = ns[f];
    const aff = { ...obj(ts, 'affinity') };
    aff.nodeAffinity = obj(obj(ns, 'affinity'), 'nodeAffinity');
    ts.affinity = Object.values(aff).some((v) => v !== undefined) || has(ns, 'affinity') ? aff : undefined;
    const tm = (t.metadata ??= {}) as Obj;
    tm.labels = obj(nt, 'metadata')?.labels;
    tm.annotations = obj(nt, 'metadata')?.annotations;
    oldTemplate = t;
  }
  errs.push(...immutable(spec.template ?? null, oldTemplate, 'spec.template'));
  for (const f of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) {
    errs.push(...immutable(spec[f] ?? null, oldSpec[f] ?? null, `spec.${f}`));
  }
  return errs;
}

const tzPart = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateTimeZone(spec: Obj): Errors {
  if (!has(spec, 'timeZone')) return [];
  const tz = s(spec, 'timeZone');
  const p = 'spec.timeZone';
  if (tz === '') return [invalid(p, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !tzPart.test(part)) return [invalid(p, tz, `unknown time zone ${tz}`)];
  }
  const errs: Errors = [];
  if (tz.toLowerCase() === 'local') errs.push(invalid(p, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  else if (!isKnownTimeZone(tz)) errs.push(invalid(p, tz, `unknown time zone ${tz}`));
  return errs;
}

function validateCronJobSpec(spec: Obj, oldSpec: Obj | undefined): Errors {
  const errs: Errors = [];
  const schedule = s(spec, 'schedule');
  if (!schedule) {
    errs.push(required('spec.schedule'));
  } else {
    const err = cronScheduleError(schedule);
    if (err) errs.push(invalid('spec.schedule', schedule, err));
    const allowTZ = oldSpec !== undefined && s(oldSpec, 'schedule').includes('TZ');
    if (allowTZ && schedule.includes('TZ') && has(spec, 'timeZone')) {
      errs.push(invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    } else if (!allowTZ && schedule.includes('TZ')) {
      errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
  }
  errs.push(...nonNegative(num(spec, 'startingDeadlineSeconds'), 'spec.startingDeadlineSeconds'));
  if (!oldSpec || !deepEqual(oldSpec.timeZone, spec.timeZone)) errs.push(...validateTimeZone(spec));
  const cp = s(spec, 'concurrencyPolicy');
  if (!cp) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  const jt = obj(obj(spec, 'jobTemplate'), 'spec') ?? {};
  errs.push(...validateJobSpecBody(jt, 'spec.jobTemplate.spec'));
  if (has(jt, 'selector')) errs.push(invalid('spec.jobTemplate.spec.selector', jt.selector, '`selector` will be auto-generated'));
  if (bool(jt, 'manualSelector') === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errs.push(...nonNegative(num(spec, 'successfulJobsHistoryLimit'), 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(num(spec, 'failedJobsHistoryLimit'), 'spec.failedJobsHistoryLimit'));
  return errs;
}

export function validateCronJob(cj: Obj): Errors {
  const errs = validateCronJobSpec(obj(cj, 'spec') ?? {}, undefined);
  const name = s(obj(cj, 'metadata'), 'name');
  if (byteLength(name) > 52) errs.push(invalid('metadata.name', name, maxLenError(52)));
  return errs;
}

export function validateCronJobUpdate(cj: Obj, old: Obj): Errors {
  return validateCronJobSpec(obj(cj, 'spec') ?? {}, obj(old, 'spec') ?? {});
}
