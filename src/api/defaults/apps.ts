// apps/v1 defaults: Deployments, ReplicaSets, StatefulSets and DaemonSets (and their pod templates).

import { type Obj, ensure, get, items, setIfEmpty, setIfNil } from './util.ts';
import { defaultPVCSpec, defaultPodTemplateSpec } from './core-pod.ts';

export function defaultDeployment(d: Obj): void {
  const spec = ensure(d, 'spec');
  setIfNil(spec, 'replicas', 1);
  const strategy = ensure(spec, 'strategy');
  setIfEmpty(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensure(strategy, 'rollingUpdate');
    setIfNil(ru, 'maxUnavailable', '25%');
    setIfNil(ru, 'maxSurge', '25%');
  }
  setIfNil(spec, 'revisionHistoryLimit', 10);
  setIfNil(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplateSpec(get(spec, 'template') ?? ensure(spec, 'template'));
}

export function defaultReplicaSet(rs: Obj): void {
  const spec = ensure(rs, 'spec');
  setIfNil(spec, 'replicas', 1);
  defaultPodTemplateSpec(ensure(spec, 'template'));
}

export function defaultDaemonSet(ds: Obj): void {
  const spec = ensure(ds, 'spec');
  const strategy = ensure(spec, 'updateStrategy');
  setIfEmpty(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensure(strategy, 'rollingUpdate');
    setIfNil(ru, 'maxUnavailable', 1);
    setIfNil(ru, 'maxSurge', 0);
  }
  setIfNil(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplateSpec(ensure(spec, 'template'));
}

export function defaultStatefulSet(sts: Obj): void {
  const spec = ensure(sts, 'spec');
  setIfEmpty(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensure(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    setIfNil(strategy, 'rollingUpdate', {});
  }
  const ru = get(strategy, 'rollingUpdate');
  if (strategy.type === 'RollingUpdate' && ru) setIfNil(ru, 'partition', 0);
  const retention = ensure(spec, 'persistentVolumeClaimRetentionPolicy');
  setIfEmpty(retention, 'whenDeleted', 'Retain');
  setIfEmpty(retention, 'whenScaled', 'Retain');
  setIfNil(spec, 'replicas', 1);
  setIfNil(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplateSpec(ensure(spec, 'template'));
  for (const claim of items(spec, 'volumeClaimTemplates')) {
    // Claim templates are whole PersistentVolumeClaims: metadata, spec and status get the PVC defaults.
    setIfNil(ensure(claim, 'metadata'), 'creationTimestamp', null);
    defaultPVCSpec(ensure(claim, 'spec'));
    setIfEmpty(ensure(claim, 'status'), 'phase', 'Pending');
  }
}
