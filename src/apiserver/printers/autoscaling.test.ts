// Tests for the HorizontalPodAutoscaler table, in autoscaling/v2 and v1 shapes.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatHPAMetrics, horizontalPodAutoscalerPrinter } from './autoscaling.ts';
import { ago, columnNames, rowOf } from './test-support.ts';

const cpu = (target: Record<string, unknown>): unknown => ({ type: 'Resource', resource: { name: 'cpu', target } });

describe('hpa table', () => {
  it('has the Kubernetes columns', () => {
    assert.deepEqual(columnNames(horizontalPodAutoscalerPrinter).all, ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age']);
  });

  it('prints a v2 autoscaler', () => {
    assert.deepEqual(rowOf(horizontalPodAutoscalerPrinter, {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', creationTimestamp: ago(120) },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics: [cpu({ type: 'Utilization', averageUtilization: 80 })] },
      status: { currentReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 42, averageValue: '210m' } } }] },
    }), { Name: 'web', Reference: 'Deployment/web', Targets: 'cpu: 42%/80%', MinPods: '1', MaxPods: 10, Replicas: 3, Age: '2m' });
  });

  it('formats every metric type and truncates after two', () => {
    const specs = [
      cpu({ type: 'AverageValue', averageValue: '0.5' }),
      { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '1k' } } },
      { type: 'Object', object: { metric: { name: 'hits' }, target: { type: 'Value', value: '10' } } },
      { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } },
      { type: 'ContainerResource', containerResource: { name: 'memory', container: 'app', target: { type: 'Utilization' } } },
      { type: 'Mystery' },
    ];
    assert.equal(formatHPAMetrics(specs.slice(0, 2), []), 'cpu: <unknown>/500m, <unknown>/1k');
    assert.equal(formatHPAMetrics(specs, []), 'cpu: <unknown>/500m, <unknown>/1k + 4 more...');
    const statuses = [
      { type: 'Resource', resource: { name: 'cpu', current: { averageValue: '250m' } } },
      { type: 'Pods', pods: { current: { averageValue: '500' } } },
      { type: 'Object', object: { current: { value: '3' } } },
      { type: 'External', external: { current: { averageValue: '12' } } },
      { type: 'ContainerResource', containerResource: { current: { averageUtilization: 55 } } },
    ];
    const each = specs.map((s, i) => formatHPAMetrics([s], [statuses[i]]));
    assert.deepEqual(each, ['cpu: 250m/500m', '500/1k', '3/10', '12/30 (avg)', 'memory: 55%/<auto>', '<unknown type>']);
    assert.equal(formatHPAMetrics([specs[2]], [{ type: 'Object', object: { current: {} } }]), '<nil>/10');
    assert.equal(formatHPAMetrics([], []), '<none>');
  });

  it('prints a v1 autoscaler from targetCPUUtilizationPercentage and the metric annotations', () => {
    const r = rowOf(horizontalPodAutoscalerPrinter, {
      apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 1, currentCPUUtilizationPercentage: 12 },
    });
    assert.equal(r.Targets, 'cpu: 12%/50%');
    assert.equal(r.MinPods, '<unset>');
    assert.equal(r.Age, '<unknown>');
    const annotated = rowOf(horizontalPodAutoscalerPrinter, {
      apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'web', annotations: {
          'autoscaling.alpha.kubernetes.io/metrics': '[{"type":"Pods","pods":{"metricName":"rps","targetAverageValue":"100"}}]',
          'autoscaling.alpha.kubernetes.io/current-metrics': '[{"type":"Pods","pods":{"metricName":"rps","currentAverageValue":"40"}},{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":7}}]',
        },
      },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, targetCPUUtilizationPercentage: 50 },
      status: { currentCPUUtilizationPercentage: 12 },
    });
    assert.equal(annotated.Targets, '40/100, cpu: 7%/50%');
  });
});
