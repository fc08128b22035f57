// scheduling.k8s.io/v1: PriorityClasses (reserved system- names, value limits, immutable value and policy).

import { type Obj, bool, has, num, obj, s, str } from './access.ts';
import { type Errors, forbidden, immutable, notSupported, required } from './field.ts';

export const highestUserDefinablePriority = 1000000000;
const systemClasses: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

export function validatePriorityClass(pc: Obj): Errors {
  const errs: Errors = [];
  const name = s(obj(pc, 'metadata'), 'name');
  const value = num(pc, 'value') ?? 0;
  if (name.startsWith('system-')) {
    let why = '';
    if (!(name in systemClasses)) why = `${name} is not a known system priority class`;
    else if (systemClasses[name] !== value) why = `value of ${name} PriorityClass must be ${systemClasses[name]}`;
    else if (bool(pc, 'globalDefault') === true) why = `globalDefault of ${name} PriorityClass must be false`;
    if (why) errs.push(forbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${why}`));
  } else if (value > highestUserDefinablePriority) {
    errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${highestUserDefinablePriority}`));
  }
  const policy = str(pc, 'preemptionPolicy');
  if (policy !== undefined && policy !== 'PreemptLowerPriority' && policy !== 'Never') {
    errs.push(policy === '' ? required('preemptionPolicy') : notSupported('preemptionPolicy', policy, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

export function validatePriorityClassUpdate(pc: Obj, old: Obj): Errors {
  const errs: Errors = [];
  if ((num(pc, 'value') ?? 0) !== (num(old, 'value') ?? 0)) errs.push(forbidden('value', 'may not be changed in an update.'));
  if (has(pc, 'preemptionPolicy') || has(old, 'preemptionPolicy')) errs.push(...immutable(pc.preemptionPolicy ?? null, old.preemptionPolicy ?? null, 'preemptionPolicy'));
  return errs;
}
