// batch/v1 defaults: Jobs (counts, backoff, modes, replacement policy), CronJobs, and Job selector generation.

import { jobLabels } from '../validation/batch.ts';
import { type Obj, ensure, get, isObj, items, setIfEmpty, setIfNil } from './util.ts';
import { defaultPodTemplateSpec } from './core-pod.ts';

export function defaultJob(job: Obj): void {
  const spec = ensure(job, 'spec');
  if ((spec.completions === undefined || spec.completions === null) && (spec.parallelism === undefined || spec.parallelism === null)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setIfNil(spec, 'parallelism', 1);
  setIfNil(spec, 'backoffLimit', typeof spec.backoffLimitPerIndex === 'number' ? 2147483647 : 6);
  const template = ensure(spec, 'template');
  const templateLabels = get(get(template, 'metadata'), 'labels');
  const meta = ensure(job, 'metadata');
  // Go assigns the template's label map itself, so labels generated later land on both; keep that sharing.
  if (templateLabels && (!isObj(meta.labels) || Object.keys(meta.labels).length === 0)) meta.labels = templateLabels;
  setIfNil(spec, 'completionMode', 'NonIndexed');
  setIfNil(spec, 'suspend', false);
  const pfp = get(spec, 'podFailurePolicy');
  for (const rule of items(pfp, 'rules')) for (const pattern of items(rule, 'onPodConditions')) setIfEmpty(pattern, 'status', 'True');
  setIfNil(spec, 'podReplacementPolicy', pfp ? 'Failed' : 'TerminatingOrFailed');
  defaultPodTemplateSpec(template);
}

export function defaultCronJob(cj: Obj): void {
  const spec = ensure(cj, 'spec');
  setIfEmpty(spec, 'concurrencyPolicy', 'Allow');
  setIfNil(spec, 'suspend', false);
  setIfNil(spec, 'successfulJobsHistoryLimit', 3);
  setIfNil(spec, 'failedJobsHistoryLimit', 1);
  const jt = ensure(spec, 'jobTemplate');
  setIfNil(ensure(jt, 'metadata'), 'creationTimestamp', null);
  defaultPodTemplateSpec(ensure(ensure(jt, 'spec'), 'template'));
}

/**
 * The selector Kubernetes generates for a Job without `manualSelector: true` (done in its create validation):
 * job-name and controller-uid labels (legacy and batch.kubernetes.io/ forms) on the template, and a selector
 * on batch.kubernetes.io/controller-uid. Needs metadata.name and metadata.uid.
 */
export function generateJobSelector(job: Obj): void {
  const spec = ensure(job, 'spec');
  if (spec.manualSelector === true) return;
  const meta = ensure(job, 'metadata');
  const name = typeof meta.name === 'string' ? meta.name : '';
  const uid = typeof meta.uid === 'string' ? meta.uid : '';
  const labels = ensure(ensure(ensure(spec, 'template'), 'metadata'), 'labels');
  for (const k of [jobLabels.legacyJobName, jobLabels.jobName]) if (!(k in labels)) labels[k] = name;
  for (const k of [jobLabels.legacyControllerUid, jobLabels.controllerUid]) if (!(k in labels)) labels[k] = uid;
  const matchLabels = ensure(ensure(spec, 'selector'), 'matchLabels');
  if (!(jobLabels.controllerUid in matchLabels)) matchLabels[jobLabels.controllerUid] = uid;
}
