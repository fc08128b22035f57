// A small proto2 parser for Kubernetes' generated.proto files: package, imports, options, messages, fields, maps.

export interface ProtoField {
  name: string;
  number: number;
  label: 'optional' | 'repeated' | 'required' | '';
  /** The type as written (`string`, `ObjectMeta`, `.k8s.io.api.core.v1.Pod`); for maps the value type. */
  type: string;
  /** For `map<k, v>` fields: the key type. */
  mapKey?: string;
}

export interface ProtoMessage {
  /** Fully qualified, without a leading dot: `k8s.io.api.core.v1.ConfigMap`. */
  fullName: string;
  fields: ProtoField[];
}

export interface ProtoFile {
  package: string;
  imports: string[];
  options: Record<string, string>;
  messages: ProtoMessage[];
}

/** Splits proto source into tokens: identifiers (dots included), numbers, strings and single symbols. */
export function tokenize(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new Error('unterminated string');
      out.push(src.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z0-9_.+-]+/.exec(src.slice(i, i + 256));
    if (word) {
      out.push(word[0]);
      i += word[0].length;
      continue;
    }
    out.push(c);
    i++;
  }
  return out;
}

class Cursor {
  readonly toks: string[];
  pos = 0;
  constructor(toks: string[]) { this.toks = toks; }
  peek(): string | undefined { return this.toks[this.pos]; }
  next(): string {
    const t = this.toks[this.pos++];
    if (t === undefined) throw new Error('unexpected end of proto file');
    return t;
  }
  expect(t: string): void {
    const got = this.next();
    if (got !== t) throw new Error(`expected ${JSON.stringify(t)}, got ${JSON.stringify(got)} at token ${this.pos - 1}`);
  }
  /** Skips to the end of the current statement (`;`), or a balanced `{...}` block. */
  skipStatement(): void {
    let depth = 0;
    for (;;) {
      const t = this.next();
      if (t === '{') depth++;
      else if (t === '}') { depth--; if (depth === 0) return; }
      else if (t === ';' && depth === 0) return;
    }
  }
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") ? s.slice(1, -1) : s;
}

/** `[default = 1, packed = true]` after a field number: ignored. */
function skipFieldOptions(c: Cursor): void {
  if (c.peek() !== '[') return;
  while (c.next() !== ']') { /* skip */ }
}

function parseField(c: Cursor, label: ProtoField['label']): ProtoField {
  let type = c.next();
  let mapKey: string | undefined;
  if (type === 'map') {
    c.expect('<');
    mapKey = c.next();
    c.expect(',');
    type = c.next();
    c.expect('>');
  }
  const name = c.next();
  c.expect('=');
  const number = Number(c.next());
  if (!Number.isInteger(number)) throw new Error(`field ${name}: bad number`);
  skipFieldOptions(c);
  c.expect(';');
  const f: ProtoField = { name, number, label, type };
  if (mapKey !== undefined) f.mapKey = mapKey;
  return f;
}

function parseMessage(c: Cursor, scope: string, out: ProtoMessage[]): void {
  const name = c.next();
  const fullName = scope ? `${scope}.${name}` : name;
  const msg: ProtoMessage = { fullName, fields: [] };
  out.push(msg);
  c.expect('{');
  for (;;) {
    const t = c.next();
    if (t === '}') return;
    if (t === ';') continue;
    if (t === 'message') { parseMessage(c, fullName, out); continue; }
    if (t === 'optional' || t === 'repeated' || t === 'required') { msg.fields.push(parseField(c, t)); continue; }
    if (t === 'map') { c.pos--; msg.fields.push(parseField(c, '')); continue; }
    if (t === 'option' || t === 'reserved' || t === 'extensions' || t === 'enum' || t === 'oneof' || t === 'extend') {
      c.skipStatement();
      continue;
    }
    // proto3-style field without a label
    c.pos--;
    msg.fields.push(parseField(c, ''));
  }
}

/** Parses one .proto file. Enums, services and extensions are skipped (Kubernetes' files have none). */
export function parseProto(src: string): ProtoFile {
  const c = new Cursor(tokenize(src));
  const file: ProtoFile = { package: '', imports: [], options: {}, messages: [] };
  while (c.peek() !== undefined) {
    const t = c.next();
    if (t === ';') continue;
    if (t === 'syntax') { c.skipStatement(); continue; }
    if (t === 'package') { file.package = c.next(); c.expect(';'); continue; }
    if (t === 'import') {
      let p = c.next();
      if (p === 'public' || p === 'weak') p = c.next();
      file.imports.push(unquote(p));
      c.expect(';');
      continue;
    }
    if (t === 'option') {
      const name = c.next();
      c.expect('=');
      file.options[name] = unquote(c.next());
      c.expect(';');
      continue;
    }
    if (t === 'message') { parseMessage(c, file.package, file.messages); continue; }
    c.skipStatement();
  }
  return file;
}

const scalarTypes = new Set([
  'double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64',
  'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes',
]);

export function isScalarType(t: string): boolean {
  return scalarTypes.has(t);
}

/**
 * Resolves a type reference as protoc does: scalars stay; `.a.b.C` is absolute; otherwise the name is looked up
 * from the innermost scope outwards. `known` holds every message full name.
 */
export function resolveType(ref: string, scope: string, known: ReadonlySet<string>): string {
  if (isScalarType(ref)) return ref;
  if (ref.startsWith('.')) {
    const abs = ref.slice(1);
    if (!known.has(abs)) throw new Error(`unknown message type ${ref}`);
    return abs;
  }
  const parts = scope.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const candidate = [...parts.slice(0, n), ref].join('.');
    if (known.has(candidate)) return candidate;
  }
  throw new Error(`unknown message type ${ref} in scope ${scope}`);
}
