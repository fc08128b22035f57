// autoscaling/v1 and v2: HorizontalPodAutoscalers (replica bounds, target reference, metrics, behavior).

import { type Obj, has, num, obj, objs, s, str } from './access.ts';
import { type Errors, child, forbidden, index, invalid, notSupported, required } from './field.ts';
import { isValidPathSegmentName } from './names.ts';
import { quantityAt } from './resources.ts';
import { validateLabelSelector } from './selector.ts';

const metricTypes = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const metricFields: Record<string, string> = {
  Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource',
};

function validateTargetRef(ref: Obj, path: string): Errors {
  const errs: Errors = [];
  for (const f of ['kind', 'name']) {
    const v = s(ref, f);
    if (!v) errs.push(required(child(path, f)));
    else for (const m of isValidPathSegmentName(v)) errs.push(invalid(child(path, f), v, m));
  }
  return errs;
}

function validateMetricTarget(t: Obj, path: string): Errors {
  const errs: Errors = [];
  const type = s(t, 'type');
  if (!type) errs.push(required(child(path, 'type'), 'must specify a metric target type'));
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') {
    errs.push(invalid(child(path, 'type'), type, 'must be either Utilization, Value, or AverageValue'));
  }
  for (const f of ['value', 'averageValue']) {
    if (!has(t, f)) continue;
    const q = quantityAt(t[f], child(path, f), errs);
    if (q && q.sign() !== 1) errs.push(invalid(child(path, f), q.toString(), 'must be positive'));
  }
  const au = num(t, 'averageUtilization');
  if (au !== undefined && au < 1) errs.push(invalid(child(path, 'averageUtilization'), au, 'must be greater than 0'));
  return errs;
}

function validateMetricIdentifier(m: Obj, path: string): Errors {
  const errs: Errors = [];
  if (!s(m, 'name')) errs.push(required(child(path, 'name'), 'must specify a metric name'));
  if (has(m, 'selector')) errs.push(...validateLabelSelector(m.selector, child(path, 'selector')));
  return errs;
}

function validateMetricSource(type: string, src: Obj, path: string): Errors {
  const target = obj(src, 'target') ?? {};
  const tp = child(path, 'target');
  const errs: Errors = [];
  if (type === 'Resource' || type === 'ContainerResource') {
    if (!s(src, 'name')) errs.push(required(child(path, 'name'), 'must specify a resource name'));
    if (type === 'ContainerResource' && !s(src, 'container')) errs.push(required(child(path, 'container'), 'must specify a container'));
    errs.push(...validateMetricTarget(target, tp));
    if (!has(target, 'averageUtilization') && !has(target, 'averageValue')) {
      errs.push(required(child(tp, 'averageUtilization'), 'must set either a target raw value or a target utilization'));
    }
    if (has(target, 'averageUtilization') && has(target, 'averageValue')) {
      errs.push(forbidden(child(tp, 'averageValue'), 'may not set both a target raw value and a target utilization'));
    }
    return errs;
  }
  errs.push(...validateMetricIdentifier(obj(src, 'metric') ?? {}, child(path, 'metric')));
  if (type === 'Object') errs.push(...validateTargetRef(obj(src, 'describedObject') ?? {}, child(path, 'describedObject')));
  errs.push(...validateMetricTarget(target, tp));
  if (type === 'Object' && !has(target, 'value') && !has(target, 'averageValue')) {
    errs.push(required(child(tp, 'averageValue'), 'must set either a target value or averageValue'));
  }
  if (type === 'Pods' && !has(target, 'averageValue')) errs.push(required(child(tp, 'averageValue'), 'must specify a positive target averageValue'));
  if (type === 'External' && !has(target, 'value') && !has(target, 'averageValue')) {
    errs.push(required(child(tp, 'value'), 'must set either a target value for metric or a per-pod target'));
  }
  return errs;
}

function validateMetrics(spec: Obj): Errors {
  const errs: Errors = [];
  for (const [m, i] of objs(spec, 'metrics')) {
    const p = index('spec.metrics', i);
    const type = s(m, 'type');
    if (!type) errs.push(required(child(p, 'type'), 'must specify a metric source type'));
    const field = metricFields[type];
    if (!field) {
      errs.push(notSupported(child(p, 'type'), type, metricTypes));
      continue;
    }
    const src = obj(m, field);
    if (!src) errs.push(required(child(p, field), 'must populate information for the given metric source'));
    else errs.push(...validateMetricSource(type, src, child(p, field)));
    for (const other of Object.values(metricFields)) {
      if (other !== field && has(m, other)) errs.push(forbidden(child(p, other), 'must populate the given metric source only'));
    }
  }
  return errs;
}

function validateScalingRules(rules: Obj, path: string): Errors {
  const errs: Errors = [];
  const window = num(rules, 'stabilizationWindowSeconds');
  if (window !== undefined && window < 0) errs.push(invalid(child(path, 'stabilizationWindowSeconds'), window, 'must be greater than or equal to zero'));
  if (window !== undefined && window > 3600) errs.push(invalid(child(path, 'stabilizationWindowSeconds'), window, 'must be less than or equal to 3600'));
  const select = str(rules, 'selectPolicy');
  if (select !== undefined && !['Disabled', 'Max', 'Min'].includes(select)) errs.push(notSupported(child(path, 'selectPolicy'), select, ['Disabled', 'Max', 'Min']));
  const policies = objs(rules, 'policies');
  if (policies.length === 0) errs.push(required(child(path, 'policies'), 'must specify at least one Policy'));
  for (const [p, i] of policies) {
    const pp = index(child(path, 'policies'), i);
    const type = s(p, 'type');
    if (type !== 'Pods' && type !== 'Percent') errs.push(notSupported(child(pp, 'type'), type, ['Percent', 'Pods']));
    const value = num(p, 'value') ?? 0;
    if (value <= 0) errs.push(invalid(child(pp, 'value'), value, 'must be greater than zero'));
    const period = num(p, 'periodSeconds') ?? 0;
    if (period <= 0) errs.push(invalid(child(pp, 'periodSeconds'), period, 'must be greater than zero'));
    if (period > 1800) errs.push(invalid(child(pp, 'periodSeconds'), period, 'must be less than or equal to 1800'));
  }
  return errs;
}

export function validateHPA(hpa: Obj): Errors {
  const spec = obj(hpa, 'spec') ?? {};
  const errs: Errors = [];
  const min = num(spec, 'minReplicas');
  const max = num(spec, 'maxReplicas') ?? 0;
  if (min !== undefined && min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...validateTargetRef(obj(spec, 'scaleTargetRef') ?? {}, 'spec.scaleTargetRef'));
  errs.push(...validateMetrics(spec));
  const cpu = num(spec, 'targetCPUUtilizationPercentage');
  if (cpu !== undefined && cpu < 1) errs.push(invalid('spec.metrics[0].resource.target.averageUtilization', cpu, 'must be greater than 0'));
  const behavior = obj(spec, 'behavior');
  for (const dir of ['scaleUp', 'scaleDown']) {
    const rules = obj(behavior, dir);
    if (rules) errs.push(...validateScalingRules(rules, `spec.behavior.${dir}`));
  }
  return errs;
}
