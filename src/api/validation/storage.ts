// storage.k8s.io/v1: StorageClasses (provisioner, parameters, reclaim policy, binding mode, topologies).

import { type Obj, obj, objs, s, str, strs } from './access.ts';
import { type Errors, deepEqual, duplicate, forbidden, immutable, index, invalid, notSupported, required, tooLong } from './field.ts';
import { validateLabelName, validateQualifiedName } from './meta.ts';
import { byteLength } from './names.ts';

export function validateStorageClass(sc: Obj): Errors {
  const errs: Errors = [];
  const provisioner = s(sc, 'provisioner');
  if (!provisioner) errs.push(required('provisioner'));
  else errs.push(...validateQualifiedName(provisioner.toLowerCase(), 'provisioner'));
  const params = obj(sc, 'parameters') ?? {};
  const keys = Object.keys(params);
  if (keys.length > 512) {
    errs.push(tooLong('parameters', 512));
  } else {
    let total = 0;
    for (const k of keys) {
      if (k.length < 1) errs.push(invalid('parameters', k, 'field can not be empty.'));
      total += byteLength(k) + byteLength(String(params[k] ?? ''));
    }
    if (total > 256 * 1024) errs.push(tooLong('parameters', 256 * 1024));
  }
  const reclaim = str(sc, 'reclaimPolicy');
  if (reclaim && reclaim !== 'Delete' && reclaim !== 'Retain') errs.push(notSupported('reclaimPolicy', reclaim, ['Delete', 'Retain']));
  const mode = str(sc, 'volumeBindingMode');
  if (mode === undefined) errs.push(required('volumeBindingMode'));
  else if (mode !== 'Immediate' && mode !== 'WaitForFirstConsumer') errs.push(notSupported('volumeBindingMode', mode, ['Immediate', 'WaitForFirstConsumer']));
  const seen: Record<string, string[]>[] = [];
  for (const [term, i] of objs(sc, 'allowedTopologies')) {
    const tp = index('allowedTopologies', i);
    const exprs: Record<string, string[]> = {};
    for (const [req, j] of objs(term, 'matchLabelExpressions')) {
      const rp = index(`${tp}.matchLabelExpressions`, j);
      const values = strs(req, 'values');
      if (values.length === 0) errs.push(required(`${rp}.values`));
      const vs = new Set<string>();
      values.forEach((v, k) => {
        if (vs.has(v)) errs.push(duplicate(index(`${rp}.values`, k), v));
        vs.add(v);
      });
      errs.push(...validateLabelName(s(req, 'key'), `${rp}.key`));
      if (s(req, 'key') in exprs) errs.push(duplicate(`${rp}.key`, s(req, 'key')));
      exprs[s(req, 'key')] = [...vs].sort();
    }
    if (Object.keys(exprs).length === 0) {
      errs.push(required(`${tp}.matchLabelExpressions`, 'must have at least one label match expression'));
      continue;
    }
    if (seen.some((t) => deepEqual(t, exprs))) errs.push(duplicate(`${tp}.matchLabelExpressions`, ''));
    seen.push(exprs);
  }
  return errs;
}

export function validateStorageClassUpdate(sc: Obj, old: Obj): Errors {
  const errs: Errors = [];
  if (!deepEqual(sc.parameters, old.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (s(sc, 'provisioner') !== s(old, 'provisioner')) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (s(sc, 'reclaimPolicy') !== s(old, 'reclaimPolicy')) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  errs.push(...immutable(sc.volumeBindingMode ?? null, old.volumeBindingMode ?? null, 'volumeBindingMode'));
  return errs;
}
