// metav1.LabelSelector validation and the matching validators need (selector vs template labels).

import { type Obj, isObj, objs, s, strMap, strs } from './access.ts';
import { type Errors, child, forbidden, index, invalid, required } from './field.ts';
import { validateLabelName, validateLabels } from './meta.ts';
import { isQualifiedName, isValidLabelValue } from './names.ts';

export interface SelectorOptions {
  /** Keep accepting selector values that are not valid label values (objects that already hold them). */
  allowInvalidLabelValue?: boolean;
}

/** ValidateLabelSelector; a missing selector is valid here (callers require it where needed). */
export function validateLabelSelector(sel: unknown, path: string, opts: SelectorOptions = {}): Errors {
  if (!isObj(sel)) return [];
  const errs: Errors = [...validateLabels(strMap(sel, 'matchLabels'), child(path, 'matchLabels'))];
  for (const [req, i] of objs(sel, 'matchExpressions')) {
    const p = index(child(path, 'matchExpressions'), i);
    const op = s(req, 'operator');
    const values = strs(req, 'values');
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(child(p, 'operator'), op, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(s(req, 'key'), child(p, 'key')));
    if (!opts.allowInvalidLabelValue) {
      values.forEach((v, vi) => {
        for (const m of isValidLabelValue(v)) errs.push(invalid(index(child(p, 'values'), vi), v, m));
      });
    }
  }
  return errs;
}

/**
 * LabelSelectorAsSelector: `nothing` for an absent selector, `everything` for an empty one,
 * `error` when a requirement cannot be built, else a matcher.
 */
export type SelectorMatcher =
  | { kind: 'nothing' }
  | { kind: 'everything' }
  | { kind: 'error' }
  | { kind: 'match'; matches: (labels: Record<string, string>) => boolean };

export function selectorMatcher(sel: unknown): SelectorMatcher {
  if (!isObj(sel)) return { kind: 'nothing' };
  const matchLabels = strMap(sel, 'matchLabels');
  const exprs = objs(sel, 'matchExpressions').map(([e]) => e);
  if (Object.keys(matchLabels).length + exprs.length === 0) return { kind: 'everything' };
  const tests: ((l: Record<string, string>) => boolean)[] = [];
  for (const [k, v] of Object.entries(matchLabels)) {
    if (isQualifiedName(k).length || isValidLabelValue(v).length) return { kind: 'error' };
    tests.push((l) => Object.hasOwn(l, k) && l[k] === v);
  }
  for (const e of exprs) {
    const t = requirementTest(e);
    if (!t) return { kind: 'error' };
    tests.push(t);
  }
  return { kind: 'match', matches: (l) => tests.every((t) => t(l)) };
}

function requirementTest(e: Obj): ((l: Record<string, string>) => boolean) | undefined {
  const k = s(e, 'key');
  const values = strs(e, 'values');
  if (isQualifiedName(k).length) return undefined;
  switch (s(e, 'operator')) {
    case 'In':
      if (values.length === 0 || values.some((v) => isValidLabelValue(v).length)) return undefined;
      return (l) => Object.hasOwn(l, k) && values.includes(l[k]);
    case 'NotIn':
      if (values.length === 0 || values.some((v) => isValidLabelValue(v).length)) return undefined;
      return (l) => !Object.hasOwn(l, k) || !values.includes(l[k]);
    case 'Exists':
      return values.length ? undefined : (l) => Object.hasOwn(l, k);
    case 'DoesNotExist':
      return values.length ? undefined : (l) => !Object.hasOwn(l, k);
    default:
      return undefined;
  }
}

/** Whether the selector has no requirements at all (present but empty). */
export function isEmptySelector(sel: unknown): boolean {
  return isObj(sel) && Object.keys(strMap(sel, 'matchLabels')).length + objs(sel, 'matchExpressions').length === 0;
}

/** The "`selector` does not match template `labels`" check Kubernetes runs for workload templates. */
export function checkSelectorMatchesTemplate(sel: unknown, templateLabels: Record<string, string>, path: string): Errors {
  const m = selectorMatcher(sel);
  if (m.kind === 'everything' || m.kind === 'error') return [];
  if (m.kind === 'nothing' || !m.matches(templateLabels)) {
    return [invalid(path, templateLabels, '`selector` does not match template `labels`')];
  }
  return [];
}
