// Field selectors (`metadata.name=x,status.phase!=Running`) evaluated against a resource's selectable fields.

import { badRequest } from '../errors.ts';

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
  readonly empty: boolean;
  matches(fields: Readonly<Record<string, string>>): boolean;
}

export const allFields: FieldSelector = { requirements: [], empty: true, matches: () => true };

/** Unescapes `\,` `\=` `\\` as Kubernetes' fields.EscapeValue defines. */
function unescape(v: string): string {
  return v.replace(/\\([,=\\])/g, '$1');
}

function splitUnescaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) { cur += s[i] + s[i + 1]; i++; continue; }
    if (s[i] === sep) { out.push(cur); cur = ''; continue; }
    cur += s[i];
  }
  out.push(cur);
  return out;
}

export function parseFieldSelector(src: string): FieldSelector {
  const s = src.trim();
  if (!s) return allFields;
  const reqs: FieldRequirement[] = [];
  for (const part of splitUnescaped(s, ',')) {
    const m = part.match(/^([^=!]+?)\s*(==|!=|=)\s*(.*)$/s);
    if (!m) throw badRequest(`invalid selector: '${src}'; can't understand '${part}'`);
    reqs.push({ field: m[1].trim(), op: m[2] === '!=' ? '!=' : '=', value: unescape(m[3]) });
  }
  return {
    requirements: reqs,
    empty: false,
    matches(fields) {
      for (const r of reqs) {
        const v = fields[r.field] ?? '';
        if ((v === r.value) !== (r.op === '=')) return false;
      }
      return true;
    },
  };
}
