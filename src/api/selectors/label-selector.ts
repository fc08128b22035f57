// Label selectors: the string syntax (`a=b,c in (x,y),!d`) and metav1.LabelSelector objects, parsed into matchers.

import { badRequest } from '../errors.ts';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export interface LabelSelector {
  /** Requirements are ANDed; no requirements matches everything. */
  readonly requirements: readonly Requirement[];
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  /** Equality pairs usable for index lookups ("a=b" requirements). */
  readonly equalities: readonly [string, string][];
  readonly empty: boolean;
}

function matchOne(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels[r.key] : undefined;
  switch (r.op) {
    case 'In': return has && r.values.includes(v!);
    case 'NotIn': return !has || !r.values.includes(v!);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt': return has && /^-?\d+$/.test(v!) && Number(v) > Number(r.values[0]);
    case 'Lt': return has && /^-?\d+$/.test(v!) && Number(v) < Number(r.values[0]);
  }
}

export function selectorFromRequirements(requirements: Requirement[]): LabelSelector {
  const equalities: [string, string][] = [];
  for (const r of requirements) if (r.op === 'In' && r.values.length === 1) equalities.push([r.key, r.values[0]]);
  return {
    requirements,
    equalities,
    empty: requirements.length === 0,
    matches(labels) {
      const l = labels ?? {};
      for (const r of requirements) if (!matchOne(r, l)) return false;
      return true;
    },
  };
}

export const everything: LabelSelector = selectorFromRequirements([]);

const keyRe = /^([a-z0-9A-Z]([-a-z0-9A-Z.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const valueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkKey(k: string, src: string): void {
  if (!keyRe.test(k) || k.length > 316) throw badRequest(`unable to parse requirement: invalid label key "${k}" in selector "${src}"`);
}
function checkValue(v: string, src: string): void {
  if (v.length > 63 || !valueRe.test(v)) throw badRequest(`unable to parse requirement: invalid label value: "${v}" in selector "${src}"`);
}

/** Splits on commas that are not inside parentheses. */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { parts.push(cur); cur = ''; } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** Parses the string form used in `?labelSelector=` and `kubectl -l`. Throws a 400 StatusError when malformed. */
export function parseLabelSelector(src: string): LabelSelector {
  const s = src.trim();
  if (!s) return everything;
  const reqs: Requirement[] = [];
  for (const raw of splitTop(s)) {
    const part = raw.trim();
    if (!part) throw badRequest(`unable to parse requirement: found '', expected: identifier in selector "${src}"`);
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([^\s!=<>(),]+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const values = m[3].split(',').map((v) => v.trim());
      checkKey(m[1], src);
      values.forEach((v) => checkValue(v, src));
      reqs.push({ key: m[1], op: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = part.match(/^([^\s!=<>(),]+)\s*(==|=|!=)\s*([^\s!=<>(),]*)$/))) {
      checkKey(m[1], src);
      checkValue(m[3], src);
      reqs.push({ key: m[1], op: m[2] === '!=' ? 'NotIn' : 'In', values: [m[3]] });
    } else if ((m = part.match(/^([^\s!=<>(),]+)\s*(>|<)\s*(-?\d+)$/))) {
      checkKey(m[1], src);
      reqs.push({ key: m[1], op: m[2] === '>' ? 'Gt' : 'Lt', values: [m[3]] });
    } else if ((m = part.match(/^!\s*([^\s!=<>(),]+)$/))) {
      checkKey(m[1], src);
      reqs.push({ key: m[1], op: 'DoesNotExist', values: [] });
    } else if ((m = part.match(/^([^\s!=<>(),]+)$/))) {
      checkKey(m[1], src);
      reqs.push({ key: m[1], op: 'Exists', values: [] });
    } else {
      throw badRequest(`unable to parse requirement: invalid selector "${src}"`);
    }
  }
  return selectorFromRequirements(reqs);
}

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * A metav1.LabelSelector as controllers use it: null selects nothing, `{}` selects everything.
 * Throws Error on an unknown operator.
 */
export function selectorFromObject(sel: LabelSelectorObject | null | undefined): LabelSelector | null {
  if (!sel) return null;
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, op: 'In', values: [v] });
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator as Operator;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op)) throw new Error(`"${e.operator}" is not a valid label selector operator`);
    reqs.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  return selectorFromRequirements(reqs);
}

/** The string form (`a=b,c in (x,y)`) of a selector, as kubectl prints it. */
export function selectorToString(sel: LabelSelector): string {
  return sel.requirements.map((r) => {
    switch (r.op) {
      case 'In': return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
      case 'NotIn': return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`;
      case 'Exists': return r.key;
      case 'DoesNotExist': return `!${r.key}`;
      case 'Gt': return `${r.key}>${r.values[0]}`;
      case 'Lt': return `${r.key}<${r.values[0]}`;
    }
  }).join(',');
}
