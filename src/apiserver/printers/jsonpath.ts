// Parser for the kubectl JSONPath dialect (client-go util/jsonpath) used by CRD additionalPrinterColumns.

export type PathNode =
  | { kind: 'field'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'array'; start?: number; end?: number; endDerived: boolean }
  | { kind: 'union'; branches: PathNode[][] }
  | { kind: 'filter'; left: PathNode[]; op: string; right: PathNode[] }
  | { kind: 'text'; value: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean };

export class JsonPathError extends Error {}

/** Characters that end an unquoted field name. */
function isTerminator(c: string | undefined): boolean {
  return c === undefined || ' \t\r\n.,[]$@{}'.includes(c);
}

const sliceRe = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const dictKeyRe = /^'([^']*)'$|^"([^"]*)"$/;
const filterRe = /^([^!<>=]+)([!<>=]+)(.+?)$/;

/** Parses one action's inside (what sits between `{` and `}`) into a node list. */
export function parseAction(src: string): PathNode[] {
  const nodes: PathNode[] = [];
  let pos = 0;
  while (pos < src.length) {
    const rest = src.slice(pos);
    const c = src[pos];
    if (rest.startsWith('[?(')) {
      pos = parseFilter(src, pos, nodes);
    } else if (rest.startsWith('..')) {
      nodes.push({ kind: 'recursive' });
      pos += 2;
      if (/^[A-Za-z0-9_]/.test(src.slice(pos))) pos = parseField(src, pos, nodes);
    } else if (c === ' ' || c === '\t' || c === '@' || c === '$') {
      pos++;
    } else if (c === '[') {
      pos = parseArray(src, pos, nodes);
    } else if (c === '"' || c === "'") {
      pos = parseQuote(src, pos, nodes);
    } else if (c === '.') {
      pos = parseField(src, pos + 1, nodes);
    } else if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
      const m = /^[+-]?[0-9.]+([eE][+-]?\d+)?/.exec(rest);
      if (!m) throw new JsonPathError(`cannot parse number at ${rest}`);
      const value = Number(m[0]);
      if (Number.isNaN(value)) throw new JsonPathError(`cannot parse number ${m[0]}`);
      nodes.push(/[.eE]/.test(m[0]) ? { kind: 'float', value } : { kind: 'int', value });
      pos += m[0].length;
    } else if (/^[A-Za-z_]/.test(rest)) {
      const m = /^[A-Za-z0-9_]+/.exec(rest)!;
      if (m[0] === 'true' || m[0] === 'false') nodes.push({ kind: 'bool', value: m[0] === 'true' });
      else throw new JsonPathError(`unrecognized identifier ${m[0]}`);
      pos += m[0].length;
    } else {
      throw new JsonPathError(`unrecognized character in action: ${c}`);
    }
  }
  return nodes;
}

/** A field name runs to the next unescaped terminator; backslashes escape (`.metadata.labels.app\.kubernetes\.io/name`). */
function parseField(src: string, pos: number, nodes: PathNode[]): number {
  let end = pos;
  while (end < src.length) {
    if (src[end] === '\\') { end += 2; continue; }
    if (isTerminator(src[end])) break;
    end++;
  }
  const raw = src.slice(pos, end);
  nodes.push(raw === '*' ? { kind: 'wildcard' } : { kind: 'field', name: raw.replaceAll('\\', '') });
  return end;
}

function parseQuote(src: string, pos: number, nodes: PathNode[]): number {
  const quote = src[pos];
  let end = pos + 1;
  while (end < src.length && !(src[end] === quote && src[end - 1] !== '\\')) end++;
  if (end >= src.length) throw new JsonPathError('unterminated quoted string');
  const body = src.slice(pos + 1, end);
  nodes.push({ kind: 'text', value: body.replace(/\\(.)/g, (_, ch: string) => ({ n: '\n', t: '\t', r: '\r' })[ch] ?? ch) });
  return end + 1;
}

function parseArray(src: string, pos: number, nodes: PathNode[]): number {
  const close = src.indexOf(']', pos);
  if (close < 0) throw new JsonPathError('unterminated array');
  let text = src.slice(pos + 1, close);
  if (text === '*') text = ':';
  const parts = text.split(',');
  if (parts.length > 1) {
    nodes.push({ kind: 'union', branches: parts.map((p) => parseAction(`[${p.trim()}]`)) });
    return close + 1;
  }
  const key = dictKeyRe.exec(text);
  if (key) {
    nodes.push(...parseAction(`.${key[1] ?? key[2]}`));
    return close + 1;
  }
  const m = sliceRe.exec(text);
  if (!m) throw new JsonPathError(`invalid array index ${text}`);
  const start = m[1] === '' ? undefined : Number(m[1]);
  let end: number | undefined;
  let endDerived = false;
  if (m[2] === undefined) {
    end = (start ?? 0) + 1;
    endDerived = true;
  } else if (m[2] !== ':') {
    end = Number(m[2].slice(1));
  }
  // A third (capacity) part is accepted and, as in Go's Slice3, does not change which elements are picked.
  nodes.push({ kind: 'array', start, end, endDerived });
  return close + 1;
}

function parseFilter(src: string, pos: number, nodes: PathNode[]): number {
  let i = pos + 3;
  let quote = '';
  let opened = false;
  let closed = false;
  for (;; i++) {
    const c = src[i];
    if (c === undefined || c === '\n') throw new JsonPathError('unterminated filter');
    if (c === '"' || c === "'") {
      if (!opened) { opened = true; quote = c; continue; }
      if (src[i - 1] !== '\\' && c === quote) closed = true;
    } else if (c === ')' && opened === closed) {
      break;
    }
  }
  if (src[i + 1] !== ']') throw new JsonPathError('unclosed array expect ]');
  const text = src.slice(pos + 3, i);
  const m = filterRe.exec(text);
  if (!m) nodes.push({ kind: 'filter', left: parseAction(text), op: 'exists', right: [] });
  else nodes.push({ kind: 'filter', left: parseAction(m[1]), op: m[2], right: parseAction(m[3]) });
  return i + 2;
}

/** Parses a CRD column's jsonPath (".spec.replicas"), which Kubernetes evaluates as the template `{<jsonPath>}`. */
export function parseColumnPath(jsonPath: string): PathNode[] {
  return parseAction(jsonPath);
}
