// HorizontalPodAutoscaler table (autoscaling/v2 and v1): reference, metric targets with current values, replica bounds.

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, nameColumn, nameOf } from './columns.ts';
import { isV1, v1Metrics } from './autoscaling-v1.ts';
import { quantity, quantityPtr } from './format.ts';
import type { TablePrinter } from './types.ts';
import { at, has, int, list, optInt, str } from './values.ts';

const MAX_SHOWN = 2;

/** "cur/target" for Value-or-AverageValue targets (Object and External metrics). */
function valueMetric(spec: unknown, status: unknown, key: string): string {
  const target = at(spec, key, 'target');
  const st = at(status, key);
  if (has(target, 'averageValue')) {
    const current = has(st, 'current', 'averageValue') ? quantity(at(st, 'current', 'averageValue')) : '<unknown>';
    return `${current}/${quantity(at(target, 'averageValue'))} (avg)`;
  }
  const current = has(status, key) ? quantityPtr(at(st, 'current', 'value')) : '<unknown>';
  return `${current}/${quantityPtr(at(target, 'value'))}`;
}

/** "name: cur/target" for Resource and ContainerResource metrics, by value or by utilization percent. */
function resourceMetric(spec: unknown, status: unknown, key: string): string {
  const name = str(spec, key, 'name');
  const target = at(spec, key, 'target');
  const st = at(status, key);
  if (has(target, 'averageValue')) {
    const current = has(status, key) ? quantityPtr(at(st, 'current', 'averageValue')) : '<unknown>';
    return `${name}: ${current}/${quantity(at(target, 'averageValue'))}`;
  }
  const util = optInt(st, 'current', 'averageUtilization');
  const current = has(status, key) && util !== undefined ? `${util}%` : '<unknown>';
  const targetUtil = optInt(target, 'averageUtilization');
  return `${name}: ${current}/${targetUtil === undefined ? '<auto>' : `${targetUtil}%`}`;
}

/** formatHPAMetrics: the first two metrics as "current/target", then "+ N more...", or "<none>". */
export function formatHPAMetrics(specs: unknown[], statuses: unknown[]): string {
  if (specs.length === 0) return '<none>';
  const shown = specs.map((spec, i) => {
    const status = statuses[i];
    switch (str(spec, 'type')) {
      case 'External': return valueMetric(spec, status, 'external');
      case 'Object': return valueMetric(spec, status, 'object');
      case 'Pods': {
        const current = has(status, 'pods') ? quantityPtr(at(status, 'pods', 'current', 'averageValue')) : '<unknown>';
        return `${current}/${quantityPtr(at(spec, 'pods', 'target', 'averageValue'))}`;
      }
      case 'Resource': return resourceMetric(spec, status, 'resource');
      case 'ContainerResource': return resourceMetric(spec, status, 'containerResource');
      default: return '<unknown type>';
    }
  });
  const ret = shown.slice(0, MAX_SHOWN).join(', ');
  return shown.length > MAX_SHOWN ? `${ret} + ${shown.length - MAX_SHOWN} more...` : ret;
}

function metricsOf(hpa: KObject): string {
  if (isV1(hpa)) {
    const { specs, statuses } = v1Metrics(hpa);
    return formatHPAMetrics(specs, statuses);
  }
  return formatHPAMetrics(list(hpa, 'spec', 'metrics'), list(hpa, 'status', 'currentMetrics'));
}

export const horizontalPodAutoscalerPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Reference', 'string', 'Object being scaled, as Kind/name.'),
    col('Targets', 'string', 'Current and target values of the metrics.'),
    col('MinPods', 'string', 'Lower bound on the number of replicas.'),
    col('MaxPods', 'string', 'Upper bound on the number of replicas.'),
    col('Replicas', 'string', 'Current number of replicas.'),
    ageColumn,
  ],
  row(hpa, now) {
    const minReplicas = optInt(hpa, 'spec', 'minReplicas');
    return [
      nameOf(hpa),
      `${str(hpa, 'spec', 'scaleTargetRef', 'kind')}/${str(hpa, 'spec', 'scaleTargetRef', 'name')}`,
      metricsOf(hpa),
      minReplicas === undefined ? '<unset>' : String(minReplicas),
      int(hpa, 'spec', 'maxReplicas'),
      int(hpa, 'status', 'currentReplicas'),
      ageOf(hpa, now),
    ];
  },
};
