// Conversions for resources served in two versions over one stored form: autoscaling/v1 ↔ v2 HPAs, events.k8s.io ↔ core Events.

import type { KObject } from '../../api/object.ts';

type Obj = Record<string, unknown>;

export interface Conversion {
  /** Where objects of the served version are stored (the storage version's group and resource). */
  readonly group: string;
  readonly resource: string;
  toStorage(obj: KObject): KObject;
  fromStorage(obj: KObject): KObject;
}

const clean = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const metricsAnnotation = 'autoscaling.alpha.kubernetes.io/metrics';
const currentMetricsAnnotation = 'autoscaling.alpha.kubernetes.io/current-metrics';
const conditionsAnnotation = 'autoscaling.alpha.kubernetes.io/conditions';

function withAnnotations(meta: KObject['metadata'], add: Record<string, string>, drop: string[]): KObject['metadata'] {
  const annotations = { ...meta?.annotations };
  for (const k of drop) delete annotations[k];
  Object.assign(annotations, add);
  const out = { ...meta };
  if (Object.keys(annotations).length) out.annotations = annotations; else delete out.annotations;
  return out;
}

const isCpuUtilization = (m: Obj) => m.type === 'Resource' && (m.resource as Obj | undefined)?.name === 'cpu'
  && ((m.resource as Obj).target as Obj | undefined)?.type === 'Utilization';

/** autoscaling/v1 keeps only a CPU target; the rest of a v2 object rides in annotations, as Kubernetes does. */
export const hpaV1: Conversion = {
  group: 'autoscaling',
  resource: 'horizontalpodautoscalers',
  toStorage(v1) {
    const spec = (v1.spec ?? {}) as Obj;
    const status = (v1.status ?? {}) as Obj;
    const ann = v1.metadata?.annotations ?? {};
    const metrics: Obj[] = ann[metricsAnnotation] ? JSON.parse(ann[metricsAnnotation]) as Obj[] : [];
    if (typeof spec.targetCPUUtilizationPercentage === 'number') {
      metrics.unshift({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } });
    }
    const current: Obj[] = ann[currentMetricsAnnotation] ? JSON.parse(ann[currentMetricsAnnotation]) as Obj[] : [];
    if (typeof status.currentCPUUtilizationPercentage === 'number') {
      current.unshift({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } } });
    }
    return {
      ...v1, apiVersion: 'autoscaling/v2',
      metadata: withAnnotations(v1.metadata, {}, [metricsAnnotation, currentMetricsAnnotation, conditionsAnnotation]),
      spec: clean({ scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas, metrics: metrics.length ? metrics : undefined }),
      ...(v1.status ? {
        status: clean({
          observedGeneration: status.observedGeneration, lastScaleTime: status.lastScaleTime, currentReplicas: status.currentReplicas ?? 0,
          desiredReplicas: status.desiredReplicas ?? 0, currentMetrics: current.length ? current : undefined,
          conditions: ann[conditionsAnnotation] ? JSON.parse(ann[conditionsAnnotation]) : undefined,
        }),
      } : {}),
    };
  },
  fromStorage(v2) {
    const spec = (v2.spec ?? {}) as Obj;
    const status = (v2.status ?? {}) as Obj;
    const metrics = (spec.metrics ?? []) as Obj[];
    const cpu = metrics.find(isCpuUtilization);
    const others = metrics.filter((m) => m !== cpu);
    const current = (status.currentMetrics ?? []) as Obj[];
    const curCpu = current.find((m) => m.type === 'Resource' && (m.resource as Obj | undefined)?.name === 'cpu');
    const curOthers = current.filter((m) => m !== curCpu);
    const add: Record<string, string> = {};
    if (others.length) add[metricsAnnotation] = JSON.stringify(others);
    if (curOthers.length) add[currentMetricsAnnotation] = JSON.stringify(curOthers);
    if (Array.isArray(status.conditions) && status.conditions.length) add[conditionsAnnotation] = JSON.stringify(status.conditions);
    return {
      ...v2, apiVersion: 'autoscaling/v1',
      metadata: withAnnotations(v2.metadata, add, []),
      spec: clean({
        scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas,
        targetCPUUtilizationPercentage: ((cpu?.resource as Obj | undefined)?.target as Obj | undefined)?.averageUtilization,
      }),
      ...(v2.status ? {
        status: clean({
          observedGeneration: status.observedGeneration, lastScaleTime: status.lastScaleTime, currentReplicas: status.currentReplicas ?? 0,
          desiredReplicas: status.desiredReplicas ?? 0,
          currentCPUUtilizationPercentage: ((curCpu?.resource as Obj | undefined)?.current as Obj | undefined)?.averageUtilization,
        }),
      } : {}),
    };
  },
};

/** events.k8s.io/v1 renames core Event fields (regarding, note, deprecated*); both versions read the same objects. */
export const eventsV1: Conversion = {
  group: '',
  resource: 'events',
  toStorage(ev) {
    const series = ev.series as Obj | undefined;
    const src = ev.deprecatedSource as Obj | undefined;
    const out: KObject = clean({
      apiVersion: 'v1', kind: 'Event', metadata: ev.metadata,
      involvedObject: ev.regarding ?? {}, related: ev.related, reason: ev.reason, message: ev.note, type: ev.type,
      action: ev.action, eventTime: ev.eventTime ?? null, reportingComponent: ev.reportingController ?? '',
      reportingInstance: ev.reportingInstance ?? '', source: src ?? {},
      firstTimestamp: ev.deprecatedFirstTimestamp ?? null, lastTimestamp: ev.deprecatedLastTimestamp ?? null,
      count: ev.deprecatedCount, series: series ? clean({ count: series.count, lastObservedTime: series.lastObservedTime }) : undefined,
    }) as KObject;
    return out;
  },
  fromStorage(ev) {
    const series = ev.series as Obj | undefined;
    return clean({
      apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: ev.metadata,
      eventTime: ev.eventTime ?? null, series, reportingController: ev.reportingComponent || undefined,
      reportingInstance: ev.reportingInstance || undefined, action: ev.action, reason: ev.reason,
      regarding: ev.involvedObject, related: ev.related, note: ev.message, type: ev.type,
      deprecatedSource: ev.source && Object.keys(ev.source as Obj).length ? ev.source : undefined,
      deprecatedFirstTimestamp: ev.firstTimestamp ?? undefined, deprecatedLastTimestamp: ev.lastTimestamp ?? undefined,
      deprecatedCount: ev.count,
    }) as KObject;
  },
};
