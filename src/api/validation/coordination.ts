// coordination.k8s.io/v1: Leases (positive durations, non-negative transition counts).

import { type Obj, num, obj, s, str } from './access.ts';
import { type Errors, forbidden, invalid, notSupported } from './field.ts';

export function validateLease(lease: Obj): Errors {
  const spec = obj(lease, 'spec') ?? {};
  const errs: Errors = [];
  const duration = num(spec, 'leaseDurationSeconds');
  if (duration !== undefined && duration <= 0) errs.push(invalid('spec.leaseDurationSeconds', duration, 'must be greater than 0'));
  const transitions = num(spec, 'leaseTransitions');
  if (transitions !== undefined && transitions < 0) errs.push(invalid('spec.leaseTransitions', transitions, 'must be greater than or equal to 0'));
  const strategy = str(spec, 'strategy');
  if (strategy !== undefined && strategy !== '' && strategy !== 'OldestEmulationVersion') {
    errs.push(notSupported('spec.strategy', strategy, ['OldestEmulationVersion']));
  }
  if (s(spec, 'preferredHolder') && !strategy) errs.push(forbidden('spec.preferredHolder', 'may only be specified if `strategy` is defined'));
  return errs;
}
