// Scheduling constraints: tolerations, taints, node and pod affinity, node selectors, topology spread.

import { type Obj, has, num, obj, objs, s, str, strs } from './access.ts';
import {
  type Errors, child, duplicate, forbidden, index, invalid, notSupported, required,
} from './field.ts';
import { validateLabelName } from './meta.ts';
import { isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from './names.ts';
import { validateLabelSelector } from './selector.ts';

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string, allowEmpty: boolean, path: string): Errors {
  if (!allowEmpty && effect === '') return [required(path)];
  return taintEffects.includes(effect) ? [] : [notSupported(path, effect, taintEffects)];
}

export function validateTolerations(tolerations: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  for (const [t, i] of tolerations) {
    const p = index(path, i);
    const k = s(t, 'key');
    const op = s(t, 'operator');
    const value = s(t, 'value');
    const effect = s(t, 'effect');
    if (k) errs.push(...validateLabelName(k, child(p, 'key')));
    if (!k && op !== 'Exists') {
      errs.push(invalid(child(p, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (has(t, 'tolerationSeconds') && effect !== 'NoExecute') {
      errs.push(invalid(child(p, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length) errs.push(invalid(child(p, 'operator'), value, msgs.join(';')));
    } else if (op === 'Exists') {
      if (value) errs.push(invalid(child(p, 'operator'), value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(child(p, 'operator'), op, ['Equal', 'Exists']));
    }
    if (effect) errs.push(...validateTaintEffect(effect, true, child(p, 'effect')));
  }
  return errs;
}

/** Node taints: valid key/value/effect and unique by (key, effect). */
export function validateTaints(taints: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  const seen = new Set<string>();
  for (const [t, i] of taints) {
    const p = index(path, i);
    errs.push(...validateLabelName(s(t, 'key'), child(p, 'key')));
    const msgs = isValidLabelValue(s(t, 'value'));
    if (msgs.length) errs.push(invalid(child(p, 'value'), s(t, 'value'), msgs.join(';')));
    errs.push(...validateTaintEffect(s(t, 'effect'), false, child(p, 'effect')));
    const k = `${s(t, 'effect')}\u0000${s(t, 'key')}`;
    if (seen.has(k)) {
      errs.push({ type: 'FieldValueDuplicate', field: p, value: t, detail: 'taints must be unique by key and effect pair' });
      continue;
    }
    seen.add(k);
  }
  return errs;
}

function validateNodeSelectorRequirement(rq: Obj, allowInvalidValues: boolean, path: string): Errors {
  const errs: Errors = [];
  const values = strs(rq, 'values');
  const op = s(rq, 'operator');
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(child(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(child(path, 'values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(child(path, 'operator'), op, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(s(rq, 'key'), child(path, 'key')));
  if (!allowInvalidValues) {
    values.forEach((v, vi) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(index(child(path, 'values'), vi), v, m));
    });
  }
  return errs;
}

function validateNodeFieldSelectorRequirement(rq: Obj, path: string): Errors {
  const errs: Errors = [];
  const op = s(rq, 'operator');
  const values = strs(rq, 'values');
  if (op === 'In' || op === 'NotIn') {
    if (values.length !== 1) errs.push(required(child(path, 'values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errs.push(invalid(child(path, 'operator'), op, 'not a valid selector operator'));
  }
  if (s(rq, 'key') !== 'metadata.name') {
    errs.push(invalid(child(path, 'key'), s(rq, 'key'), 'not a valid field selector key'));
  } else {
    values.forEach((v, vi) => {
      for (const m of nameIsDNSSubdomain(v, false)) errs.push(invalid(index(child(path, 'values'), vi), v, m));
    });
  }
  return errs;
}

export function validateNodeSelectorTerm(term: Obj, allowInvalidValues: boolean, path: string): Errors {
  const errs: Errors = [];
  for (const [rq, j] of objs(term, 'matchExpressions')) {
    errs.push(...validateNodeSelectorRequirement(rq, allowInvalidValues, index(child(path, 'matchExpressions'), j)));
  }
  for (const [rq, j] of objs(term, 'matchFields')) {
    errs.push(...validateNodeFieldSelectorRequirement(rq, index(child(path, 'matchFields'), j)));
  }
  return errs;
}

/** A NodeSelector (required node affinity, PV node affinity): at least one term. */
export function validateNodeSelector(sel: Obj, path: string): Errors {
  const terms = objs(sel, 'nodeSelectorTerms');
  const tp = child(path, 'nodeSelectorTerms');
  if (terms.length === 0) return [required(tp, 'must have at least one node selector term')];
  return terms.flatMap(([t, i]) => validateNodeSelectorTerm(t, false, index(tp, i)));
}

function validatePodAffinityTerm(term: Obj, path: string): Errors {
  const errs: Errors = [
    ...validateLabelSelector(term.labelSelector, child(path, 'labelSelector')),
    ...validateLabelSelector(term.namespaceSelector, child(path, 'namespaceSelector')),
  ];
  for (const ns of strs(term, 'namespaces')) for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(child(path, 'namespace'), ns, m));
  const sel = obj(term, 'labelSelector');
  for (const field of ['matchLabelKeys', 'mismatchLabelKeys']) {
    const keys = strs(term, field);
    if (keys.length === 0) continue;
    if (!sel) {
      errs.push(forbidden(child(path, field), 'must not be specified when labelSelector is not set'));
      continue;
    }
    keys.forEach((k, i) => errs.push(...validateLabelName(k, index(child(path, field), i))));
  }
  const mismatch = new Set(strs(term, 'mismatchLabelKeys'));
  strs(term, 'matchLabelKeys').forEach((k, i) => {
    if (mismatch.has(k)) errs.push(invalid(index(child(path, 'matchLabelKeys'), i), k, 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  const topologyKey = s(term, 'topologyKey');
  if (!topologyKey) errs.push(required(child(path, 'topologyKey'), 'can not be empty'));
  return [...errs, ...validateLabelName(topologyKey, child(path, 'topologyKey'))];
}

function validateWeighted(terms: [Obj, number][], path: string, inner: (t: Obj, p: string) => Errors, innerField: string): Errors {
  const errs: Errors = [];
  for (const [t, i] of terms) {
    const w = num(t, 'weight') ?? 0;
    if (w <= 0 || w > 100) errs.push(invalid(child(index(path, i), 'weight'), w, 'must be in the range 1-100'));
    errs.push(...inner(obj(t, innerField) ?? {}, child(index(path, i), innerField)));
  }
  return errs;
}

export function validateAffinity(affinity: Obj | undefined, path: string): Errors {
  if (!affinity) return [];
  const errs: Errors = [];
  const na = obj(affinity, 'nodeAffinity');
  if (na) {
    const np = child(path, 'nodeAffinity');
    const req = obj(na, 'requiredDuringSchedulingIgnoredDuringExecution');
    if (req) errs.push(...validateNodeSelector(req, child(np, 'requiredDuringSchedulingIgnoredDuringExecution')));
    errs.push(...validateWeighted(objs(na, 'preferredDuringSchedulingIgnoredDuringExecution'),
      child(np, 'preferredDuringSchedulingIgnoredDuringExecution'), (t, p) => validateNodeSelectorTerm(t, true, p), 'preference'));
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const pa = obj(affinity, kind);
    if (!pa) continue;
    const pp = child(path, kind);
    for (const [t, i] of objs(pa, 'requiredDuringSchedulingIgnoredDuringExecution')) {
      errs.push(...validatePodAffinityTerm(t, index(child(pp, 'requiredDuringSchedulingIgnoredDuringExecution'), i)));
    }
    errs.push(...validateWeighted(objs(pa, 'preferredDuringSchedulingIgnoredDuringExecution'),
      child(pp, 'preferredDuringSchedulingIgnoredDuringExecution'), validatePodAffinityTerm, 'podAffinityTerm'));
  }
  return errs;
}

export function validateTopologySpreadConstraints(constraints: [Obj, number][], path: string): Errors {
  const errs: Errors = [];
  constraints.forEach(([c, i], pos) => {
    const p = index(path, i);
    const maxSkew = num(c, 'maxSkew') ?? 0;
    if (maxSkew <= 0) errs.push(invalid(child(p, 'maxSkew'), maxSkew, 'must be greater than zero'));
    const tk = s(c, 'topologyKey');
    if (!tk) errs.push(required(child(p, 'topologyKey'), 'can not be empty'));
    const action = s(c, 'whenUnsatisfiable');
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      errs.push(notSupported(child(p, 'whenUnsatisfiable'), action, ['DoNotSchedule', 'ScheduleAnyway']));
    }
    if (constraints.slice(pos + 1).some(([o]) => s(o, 'topologyKey') === tk && s(o, 'whenUnsatisfiable') === action)) {
      errs.push(duplicate(child(p, '{topologyKey, whenUnsatisfiable}'), `{${tk}, ${action}}`));
    }
    const minDomains = num(c, 'minDomains');
    if (minDomains !== undefined) {
      if (minDomains <= 0) errs.push(invalid(child(p, 'minDomains'), minDomains, 'must be greater than zero'));
      if (action !== 'DoNotSchedule') {
        errs.push(invalid(child(p, 'minDomains'), minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`));
      }
    }
    for (const f of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const v = str(c, f);
      if (v !== undefined && v !== 'Honor' && v !== 'Ignore') errs.push(notSupported(child(p, f), v, ['Honor', 'Ignore']));
    }
    const keys = strs(c, 'matchLabelKeys');
    if (keys.length) {
      const sel = obj(c, 'labelSelector');
      if (!sel) errs.push(forbidden(child(p, 'matchLabelKeys'), 'must not be specified when labelSelector is not set'));
      const selKeys = new Set([...Object.keys(obj(sel, 'matchLabels') ?? {}), ...objs(sel, 'matchExpressions').map(([e]) => s(e, 'key'))]);
      keys.forEach((k, ki) => {
        errs.push(...validateLabelName(k, index(child(p, 'matchLabelKeys'), ki)));
        if (selKeys.has(k)) errs.push(invalid(index(child(p, 'matchLabelKeys'), ki), k, 'exists in both matchLabelKeys and labelSelector'));
      });
    }
    errs.push(...validateLabelSelector(c.labelSelector, child(p, 'labelSelector')));
  });
  return errs;
}
