// Evaluates parsed kubectl JSONPath nodes over decoded JSON, with missing keys allowed (as CRD columns evaluate them).

import { isGoInt } from './go-format.ts';
import { JsonPathError, type PathNode } from './jsonpath.ts';
import { isDict } from './values.ts';

type Kind = 'bool' | 'int' | 'float' | 'string';

/** text/template's basicKind: which comparisons a value allows; null, lists and maps allow none. */
function basicKind(v: unknown): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float';
  throw new JsonPathError('invalid type for comparison');
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) throw new JsonPathError('incompatible types for comparison');
  const eq = a === b;
  if (op === '==') return eq;
  if (op === '!=') return !eq;
  if (ka === 'bool') throw new JsonPathError('invalid type for comparison');
  const less = (a as number | string) < (b as number | string);
  switch (op) {
    case '<': return less;
    case '<=': return less || eq;
    case '>': return !(less || eq);
    case '>=': return !less;
    default: throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}

/** Children of a value as Go's reflection walks them: map values, list items, a string's UTF-8 bytes. */
function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isDict(v)) return Object.values(v);
  if (typeof v === 'string') return [...new TextEncoder().encode(v)];
  return [];
}

function evalArray(input: unknown[], node: Extract<PathNode, { kind: 'array' }>): unknown[] {
  const out: unknown[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    if (!Array.isArray(v)) throw new JsonPathError('not array or slice');
    const len = v.length;
    let start = node.start ?? 0;
    if (start < 0) start += len;
    let end = node.end ?? len;
    if (end < 0 || (end === 0 && node.endDerived)) end += len;
    if (end !== start) {
      if (start >= len || start < 0) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
    }
    if (end < start) throw new JsonPathError('slice bounds out of range');
    out.push(...v.slice(start, end));
  }
  return out;
}

function evalFilter(input: unknown[], node: Extract<PathNode, { kind: 'filter' }>): unknown[] {
  const out: unknown[] = [];
  for (const v of input) {
    if (!Array.isArray(v)) throw new JsonPathError('not array or slice and cannot be filtered');
    for (const item of v) {
      const lefts = evaluate(node.left, [item]);
      if (node.op === 'exists') {
        if (lefts.length > 0) out.push(item);
        continue;
      }
      const rights = evaluate(node.right, [item]);
      if (lefts.length !== 1 || rights.length !== 1) throw new JsonPathError('can only compare one element at a time');
      if (compare(node.op, lefts[0], rights[0])) out.push(item);
    }
  }
  return out;
}

function step(input: unknown[], node: PathNode): unknown[] {
  switch (node.kind) {
    case 'field': {
      const out: unknown[] = [];
      for (const v of input) if (isDict(v) && Object.prototype.hasOwnProperty.call(v, node.name)) out.push(v[node.name]);
      return out;
    }
    case 'wildcard':
      return input.flatMap(children);
    case 'recursive': {
      const out: unknown[] = [];
      const walk = (v: unknown): void => {
        const kids = children(v);
        if (kids.length === 0) return;
        out.push(v);
        kids.forEach(walk);
      };
      input.forEach(walk);
      return out;
    }
    case 'array':
      return evalArray(input, node);
    case 'union':
      return node.branches.flatMap((b) => evaluate(b, input));
    case 'filter':
      return evalFilter(input, node);
    case 'text':
      return [node.value];
    case 'int':
    case 'float':
    case 'bool':
      return input.map(() => node.value);
  }
}

/** The values a node list selects from the inputs. Throws JsonPathError where Go's evaluation fails. */
export function evaluate(nodes: readonly PathNode[], input: unknown[]): unknown[] {
  let cur = input;
  for (const n of nodes) cur = step(cur, n);
  return cur;
}
