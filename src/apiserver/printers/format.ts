// Cell formatting helpers Kubernetes' printers share: labels, label selectors, container lists, quantities.

import { canonicalQuantity } from '../../api/quantity.ts';
import { at, dict, goSort, isDict, list, str } from './values.ts';

/** labels.FormatLabels: "k=v" pairs sorted by key and joined by ",", or "<none>". */
export function formatLabels(labels: Record<string, string>): string {
  const keys = goSort(Object.keys(labels));
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels[k]}`).join(',');
}

interface Req { key: string; text: string }

function requirement(key: string, op: string, values: string[]): Req | undefined {
  const vals = values.length > 1 ? goSort([...values]) : values;
  switch (op) {
    case '=': return vals.length === 1 ? { key, text: `${key}=${vals[0]}` } : undefined;
    case 'In':
    case 'NotIn':
      if (vals.length === 0) return undefined;
      return { key, text: `${key} ${op === 'In' ? 'in' : 'notin'} (${vals.join(',')})` };
    case 'Exists': return values.length === 0 ? { key, text: key } : undefined;
    case 'DoesNotExist': return values.length === 0 ? { key, text: `!${key}` } : undefined;
    default: return undefined;
  }
}

/**
 * metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key, "" for a nil or empty selector.
 * Returns undefined when the selector is invalid (unknown operator, wrong number of values).
 */
export function selectorString(sel: unknown): string | undefined {
  if (!isDict(sel)) return '';
  const reqs: Req[] = [];
  for (const [k, v] of Object.entries(dict(sel, 'matchLabels'))) {
    if (typeof v !== 'string') return undefined;
    reqs.push({ key: k, text: `${k}=${v}` });
  }
  for (const e of list(sel, 'matchExpressions')) {
    const values = list(e, 'values').filter((x): x is string => typeof x === 'string');
    const r = requirement(str(e, 'key'), str(e, 'operator'), values);
    if (!r) return undefined;
    reqs.push(r);
  }
  // Stable sort by key, as selector.Add orders requirements.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector string, "<none>" when it selects everything or nothing, "<error>" when invalid. */
export function formatLabelSelector(sel: unknown): string {
  const s = selectorString(sel);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}

/** layoutContainerCells: container names and images, each joined by ",". */
export function containerCells(containers: unknown[]): [string, string] {
  return [containers.map((c) => str(c, 'name')).join(','), containers.map((c) => str(c, 'image')).join(',')];
}

/** The containers of a pod template at `template.spec.containers` under the given object path. */
export function templateContainers(obj: unknown, ...templatePath: string[]): unknown[] {
  return list(at(obj, ...templatePath), 'spec', 'containers');
}

/** resource.Quantity.String() of a wire value: canonical form, "0" when unset, the raw text when unparseable. */
export function quantity(v: unknown): string {
  if (v === undefined || v === null) return '0';
  try {
    return canonicalQuantity(v);
  } catch {
    return typeof v === 'string' ? v : String(v);
  }
}

/** A *resource.Quantity's String(): "<nil>" when unset. */
export function quantityPtr(v: unknown): string {
  return v === undefined || v === null ? '<nil>' : quantity(v);
}

/** intstr.IntOrString.String(). */
export function intOrString(v: unknown): string {
  if (typeof v === 'number') return String(Math.trunc(v));
  return typeof v === 'string' ? v : '';
}

/** printBoolPtr: "True", "False" or "<unset>". */
export function boolPtr(v: unknown): string {
  if (typeof v !== 'boolean') return '<unset>';
  return v ? 'True' : 'False';
}

/** net.JoinHostPort: brackets around IPv6 hosts. */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The "a,b,c + N more..." lists Kubernetes prints for long sets, or `empty` when there is nothing. */
export function listWithMore(items: string[], total: number, max: number, empty: string): string {
  const ret = items.slice(0, max).join(',');
  if (total > max) return `${ret} + ${total - max} more...`;
  return ret === '' ? empty : ret;
}
