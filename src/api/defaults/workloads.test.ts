// Tests for workload defaults: Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults, generateJobSelector, prepareForCreate } from './index.ts';

type O = Record<string, unknown>;
const template = (): O => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } });
const spec = (o: O): O => o.spec as O;
const podSpecDefaults = {
  containers: [{ name: 'c', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} }],
  dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler',
};

describe('apps/v1 defaults', () => {
  it('Deployment: one replica, 25%/25% rolling update, history 10, deadline 600, template defaults', () => {
    const d: O = { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template() } };
    applyDefaults('apps', 'v1', 'Deployment', d);
    assert.deepEqual(d.spec, {
      replicas: 1, selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' }, creationTimestamp: null }, spec: podSpecDefaults },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
    });
  });
  it('Deployment: Recreate gets no rollingUpdate; pod-only defaults stay off templates', () => {
    const d: O = { spec: { strategy: { type: 'Recreate' }, template: template() } };
    applyDefaults('apps', 'v1', 'Deployment', d);
    assert.deepEqual(spec(d).strategy, { type: 'Recreate' });
    assert.equal((spec(spec(d).template as O) as O).enableServiceLinks, undefined);
  });
  it('ReplicaSet: one replica', () => {
    const rs: O = { spec: { template: template() } };
    applyDefaults('apps', 'v1', 'ReplicaSet', rs);
    assert.equal(spec(rs).replicas, 1);
  });
  it('StatefulSet: OrderedReady, RollingUpdate partition 0, Retain policies, claim templates', () => {
    const sts: O = { spec: { template: template(), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } };
    applyDefaults('apps', 'v1', 'StatefulSet', sts);
    const s = spec(sts);
    assert.equal(s.podManagementPolicy, 'OrderedReady');
    assert.deepEqual(s.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    assert.deepEqual(s.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
    assert.equal(s.replicas, 1);
    assert.equal(s.revisionHistoryLimit, 10);
    assert.deepEqual(s.volumeClaimTemplates, [{
      metadata: { name: 'data', creationTimestamp: null },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    }]);
  });
  it('DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0', () => {
    const ds: O = { spec: { template: template() } };
    applyDefaults('apps', 'v1', 'DaemonSet', ds);
    assert.deepEqual(spec(ds).updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    assert.equal(spec(ds).revisionHistoryLimit, 10);
  });
});

describe('batch/v1 defaults', () => {
  it('Job: completions and parallelism 1 when both unset, backoff 6, NonIndexed, not suspended', () => {
    const job: O = { metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] } } } };
    applyDefaults('batch', 'v1', 'Job', job);
    const s = spec(job);
    assert.deepEqual([s.completions, s.parallelism, s.backoffLimit, s.completionMode, s.suspend, s.podReplacementPolicy, s.manualSelector],
      [1, 1, 6, 'NonIndexed', false, 'TerminatingOrFailed', undefined]);
  });
  it('Job: only parallelism defaults when completions is set; per-index backoff raises the limit', () => {
    const job: O = { spec: { completions: 5, completionMode: 'Indexed', backoffLimitPerIndex: 1, template: template() } };
    applyDefaults('batch', 'v1', 'Job', job);
    assert.deepEqual([spec(job).completions, spec(job).parallelism, spec(job).backoffLimit], [5, 1, 2147483647]);
  });
  it('Job: labels follow the template, and the generated selector labels land on both', () => {
    const job: O = { metadata: { name: 'pi', uid: 'u-1' }, spec: { template: template() } };
    applyDefaults('batch', 'v1', 'Job', job);
    prepareForCreate('batch', 'Job', job);
    const labels = { app: 'web', 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'batch.kubernetes.io/controller-uid': 'u-1' };
    assert.deepEqual((job.metadata as O).labels, labels);
    assert.deepEqual((spec(job).template as { metadata: { labels: unknown } }).metadata.labels, labels);
    assert.deepEqual(spec(job).selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
  });
  it('Job: a manual selector is left alone', () => {
    const job: O = { metadata: { name: 'pi', uid: 'u-1' }, spec: { manualSelector: true, selector: { matchLabels: { a: 'b' } }, template: template() } };
    generateJobSelector(job);
    assert.deepEqual(spec(job).selector, { matchLabels: { a: 'b' } });
  });
  it('CronJob: Allow, not suspended, history 3 and 1; the job template gets pod defaults only', () => {
    const cj: O = { spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36' }] } } } } } };
    applyDefaults('batch', 'v1', 'CronJob', cj);
    const s = spec(cj);
    assert.deepEqual([s.concurrencyPolicy, s.suspend, s.successfulJobsHistoryLimit, s.failedJobsHistoryLimit], ['Allow', false, 3, 1]);
    const jt = s.jobTemplate as { metadata: O; spec: O };
    assert.deepEqual(jt.metadata, { creationTimestamp: null });
    assert.equal(jt.spec.backoffLimit, undefined);
    assert.equal(((jt.spec.template as O).spec as O).dnsPolicy, 'ClusterFirst');
  });
});
