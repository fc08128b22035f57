// policy/v1: PodDisruptionBudgets (minAvailable xor maxUnavailable, selector, eviction policy).

import { type Obj, has, intOrString, obj, str } from './access.ts';
import { type Errors, invalid, notSupported } from './field.ts';
import { validateLabelSelector } from './selector.ts';
import { isNotMoreThan100Percent, validatePositiveIntOrPercent } from './apps.ts';

export function validatePodDisruptionBudget(pdb: Obj): Errors {
  const spec = obj(pdb, 'spec') ?? {};
  const errs: Errors = [];
  if (has(spec, 'minAvailable') && has(spec, 'maxUnavailable')) {
    errs.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable']) {
    const v = intOrString(spec, f);
    if (!v) continue;
    errs.push(...validatePositiveIntOrPercent(v, `spec.${f}`), ...isNotMoreThan100Percent(v, `spec.${f}`));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = str(spec, 'unhealthyPodEvictionPolicy');
  if (policy !== undefined && policy !== 'AlwaysAllow' && policy !== 'IfHealthyBudget') {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}
