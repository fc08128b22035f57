import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventsV1, hpaV1 } from './conversions.ts';

describe('conversions', () => {
  it('round-trips an autoscaling/v1 HPA through the v2 stored form', () => {
    const v1 = {
      apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', namespace: 'n' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 60 },
    };
    const v2 = hpaV1.toStorage(v1);
    assert.equal(v2.apiVersion, 'autoscaling/v2');
    assert.deepEqual((v2.spec as { metrics: unknown[] }).metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }]);
    assert.deepEqual(hpaV1.fromStorage(v2), v1);
  });

  it('keeps non-CPU v2 metrics in an annotation of the v1 view and back', () => {
    const memory = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } };
    const v2 = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { maxReplicas: 3, metrics: [memory] } };
    const v1 = hpaV1.fromStorage(v2);
    assert.equal(JSON.parse(v1.metadata!.annotations!['autoscaling.alpha.kubernetes.io/metrics'])[0].resource.name, 'memory');
    assert.deepEqual((hpaV1.toStorage(v1).spec as { metrics: unknown[] }).metrics, [memory]);
  });

  it('maps events.k8s.io fields onto core Event fields', () => {
    const ev = {
      apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e', namespace: 'n' },
      regarding: { kind: 'Pod', name: 'p' }, note: 'hello', reason: 'Started', type: 'Normal',
      reportingController: 'kubelet', reportingInstance: 'node-1', action: 'Start', eventTime: '2024-01-01T00:00:00.000000Z',
    };
    const core = eventsV1.toStorage(ev) as Record<string, unknown>;
    assert.deepEqual([core.apiVersion, core.message, core.reportingComponent, (core.involvedObject as { name: string }).name], ['v1', 'hello', 'kubelet', 'p']);
    assert.deepEqual(eventsV1.fromStorage(core), ev);
  });
});
