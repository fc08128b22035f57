// autoscaling/v1 HorizontalPodAutoscalers seen in autoscaling/v2 terms, the way Kubernetes converts them before printing.

import type { KObject } from '../../api/object.ts';
import { at, type Dict, has, isDict, optInt, str } from './values.ts';

const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';

/** A JSON list from an annotation, or undefined when absent or malformed. */
function annotationList(obj: KObject, key: string): unknown[] | undefined {
  const text = obj.metadata?.annotations?.[key];
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Copies the listed v1 fields into a v2 MetricTarget / MetricValueStatus under their v2 names. */
function values(src: unknown, names: Record<string, string>): Dict {
  const out: Dict = {};
  for (const [from, to] of Object.entries(names)) if (has(src, from)) out[to] = at(src, from);
  return out;
}

const TYPE_KEYS: Record<string, string> = {
  Resource: 'resource', Pods: 'pods', Object: 'object', External: 'external', ContainerResource: 'containerResource',
};

function v1Spec(m: unknown): Dict {
  const type = str(m, 'type');
  const key = TYPE_KEYS[type];
  if (!key) return { type };
  const src = at(m, key);
  if (!isDict(src)) return { type };
  const target = type === 'Resource' || type === 'ContainerResource'
    ? values(src, { targetAverageUtilization: 'averageUtilization', targetAverageValue: 'averageValue' })
    : type === 'Pods'
      ? values(src, { targetAverageValue: 'averageValue' })
      : type === 'Object'
        ? values(src, { targetValue: 'value', averageValue: 'averageValue' })
        : values(src, { targetValue: 'value', targetAverageValue: 'averageValue' });
  return { type, [key]: { name: src.name, target } };
}

function v1Status(m: unknown): Dict {
  const type = str(m, 'type');
  const key = TYPE_KEYS[type];
  if (!key) return { type };
  const src = at(m, key);
  if (!isDict(src)) return { type };
  const current = type === 'Resource' || type === 'ContainerResource'
    ? values(src, { currentAverageUtilization: 'averageUtilization', currentAverageValue: 'averageValue' })
    : type === 'Pods'
      ? values(src, { currentAverageValue: 'averageValue' })
      : type === 'Object'
        ? values(src, { currentValue: 'value', averageValue: 'averageValue' })
        : values(src, { currentValue: 'value', currentAverageValue: 'averageValue' });
  return { type, [key]: { name: src.name, current } };
}

/**
 * The v2 metrics of a v1 HPA: metrics carried in the alpha annotations, then the CPU target from
 * targetCPUUtilizationPercentage; the current-metrics annotation, when present, replaces the CPU status.
 */
export function v1Metrics(hpa: KObject): { specs: unknown[]; statuses: unknown[] } {
  const specs = (annotationList(hpa, METRIC_SPECS_ANNOTATION) ?? []).map(v1Spec);
  const cpuTarget = optInt(hpa, 'spec', 'targetCPUUtilizationPercentage');
  if (cpuTarget !== undefined) {
    specs.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpuTarget } } });
  }
  let statuses: unknown[] = [];
  const cpuCurrent = optInt(hpa, 'status', 'currentCPUUtilizationPercentage');
  if (cpuCurrent !== undefined) {
    statuses = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpuCurrent } } }];
  }
  const annotated = annotationList(hpa, METRIC_STATUSES_ANNOTATION);
  if (annotated) statuses = annotated.map(v1Status);
  return { specs, statuses };
}

/** Whether an HPA object is in the autoscaling/v1 shape. */
export function isV1(hpa: KObject): boolean {
  if (typeof hpa.apiVersion === 'string' && hpa.apiVersion !== '') return hpa.apiVersion === 'autoscaling/v1';
  return !has(hpa, 'spec', 'metrics') && (has(hpa, 'spec', 'targetCPUUtilizationPercentage') || has(hpa, 'status', 'currentCPUUtilizationPercentage'));
}
