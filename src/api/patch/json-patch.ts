// RFC 6902 JSON Patch (application/json-patch+json) with the semantics of the library Kubernetes applies it with.
//
// Kubernetes applies JSON patches with evanphx/json-patch v4; we follow its behaviour, quirks included, because
// clients depend on them: negative array indexes count from the end, `replace` on a missing object key adds it,
// `copy` from a missing object key copies null, a path without a leading "/" resolves from the root. Any failing
// operation fails the whole patch with 422 Invalid ("the server rejected our request due to an error in our request").

import type { KObject } from '../object.ts';
import { StatusError, badRequest } from '../errors.ts';
import { copyJson, deleteKey, getKey, hasKey, isObject, jsonEqual, jsonKind, setKey } from './json.ts';
import type { JsonObject, JsonValue } from './json.ts';
import { patchNotApplied, patchedNotAnObject } from './patch-errors.ts';

/** The most operations one JSON patch may carry (the API server's limit). */
export const maxJSONPatchOperations = 10000;

type Container = JsonObject | JsonValue[];

/** A failed operation; its message is evanphx/json-patch's wording, kept as the Status error's cause. */
class OpError extends Error {}

const missing = 'missing value';
const invalidIndex = 'invalid index referenced';

function decodeToken(t: string): string {
  return t.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

/** Go's strconv.Atoi: optional sign, decimal digits. */
function atoi(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new OpError(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  return Number(key);
}

function getChild(c: Container, key: string): JsonValue | undefined {
  if (!Array.isArray(c)) return getKey(c, key);
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -c.length) throw new OpError(`Unable to access invalid index: ${idx}: ${invalidIndex}`);
    idx += c.length;
  }
  if (idx >= c.length) throw new OpError(`Unable to access invalid index: ${idx}: ${invalidIndex}`);
  return c[idx];
}

function addChild(c: Container, key: string, value: JsonValue): void {
  if (!Array.isArray(c)) {
    setKey(c, key, value);
    return;
  }
  if (key === '-') {
    c.push(value);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (e) {
    throw new OpError(`value was not a proper array index: '${key}': ${(e as Error).message}`);
  }
  const size = c.length + 1;
  if (idx >= size || idx < -size) throw new OpError(`Unable to access invalid index: ${idx}: ${invalidIndex}`);
  if (idx < 0) idx += size;
  c.splice(idx, 0, value);
}

function removeChild(c: Container, key: string): void {
  if (!Array.isArray(c)) {
    if (!hasKey(c, key)) throw new OpError(`Unable to remove nonexistent key: ${key}: ${missing}`);
    deleteKey(c, key);
    return;
  }
  let idx = atoi(key);
  if (idx >= c.length || idx < -c.length) throw new OpError(`Unable to access invalid index: ${idx}: ${invalidIndex}`);
  if (idx < 0) idx += c.length;
  c.splice(idx, 1);
}

function setChild(c: Container, key: string, value: JsonValue): void {
  if (!Array.isArray(c)) {
    setKey(c, key, value);
    return;
  }
  let idx = atoi(key);
  if (idx < 0) idx += c.length;
  c[idx] = value;
}

/** The container holding the last token of `path`, and that token; undefined when the path does not resolve. */
function locate(root: Container, path: string): { c: Container; key: string } | undefined {
  const parts = path.split('/');
  if (parts.length < 2) return undefined;
  let doc: Container = root;
  for (const part of parts.slice(1, -1)) {
    let next: JsonValue | undefined;
    try {
      next = getChild(doc, decodeToken(part));
    } catch {
      return undefined;
    }
    if (Array.isArray(next) || isObject(next)) doc = next;
    else return undefined;
  }
  return { c: doc, key: decodeToken(parts[parts.length - 1]!) };
}

interface Doc { root: Container }

function stringMember(op: JsonObject, name: string): string | undefined {
  const v = getKey(op, name);
  return typeof v === 'string' ? v : undefined;
}

/** The operation's value; an absent value behaves as null, as in the library Kubernetes uses. */
function valueOf(op: JsonObject): JsonValue {
  return copyJson(getKey(op, 'value') ?? null);
}

function wrap(prefix: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof OpError) throw new OpError(`${prefix}: ${e.message}`);
    throw e;
  }
}

function opAdd(doc: Doc, op: JsonObject): void {
  const path = stringMember(op, 'path');
  if (path === undefined) throw new OpError(`add operation failed to decode path: ${missing}`);
  const at = locate(doc.root, path);
  if (!at) throw new OpError(`add operation does not apply: doc is missing path: "${path}": ${missing}`);
  wrap(`error in add for path: '${path}'`, () => addChild(at.c, at.key, valueOf(op)));
}

function opRemove(doc: Doc, op: JsonObject): void {
  const path = stringMember(op, 'path');
  if (path === undefined) throw new OpError(`remove operation failed to decode path: ${missing}`);
  const at = locate(doc.root, path);
  if (!at) throw new OpError(`remove operation does not apply: doc is missing path: "${path}": ${missing}`);
  wrap(`error in remove for path: '${path}'`, () => removeChild(at.c, at.key));
}

function opReplace(doc: Doc, op: JsonObject): void {
  const path = stringMember(op, 'path');
  if (path === undefined) throw new OpError(`replace operation failed to decode path: ${missing}`);
  if (path === '') {
    // The whole document; a value that is neither object nor array is silently ignored by the library.
    const v = valueOf(op);
    if (Array.isArray(v) || isObject(v)) doc.root = v;
    return;
  }
  const at = locate(doc.root, path);
  if (!at) throw new OpError(`replace operation does not apply: doc is missing path: ${path}: ${missing}`);
  try {
    getChild(at.c, at.key);
  } catch {
    throw new OpError(`replace operation does not apply: doc is missing key: ${path}: ${missing}`);
  }
  wrap(`error in remove for path: '${path}'`, () => setChild(at.c, at.key, valueOf(op)));
}

function opMove(doc: Doc, op: JsonObject): void {
  const from = stringMember(op, 'from');
  if (from === undefined) throw new OpError(`move operation failed to decode from: operation, missing from field: ${missing}`);
  const src = locate(doc.root, from);
  if (!src) throw new OpError(`move operation does not apply: doc is missing from path: ${from}: ${missing}`);
  let val: JsonValue | undefined;
  wrap(`error in move for path: '${src.key}'`, () => {
    val = getChild(src.c, src.key);
    removeChild(src.c, src.key);
  });
  const path = stringMember(op, 'path');
  if (path === undefined) throw new OpError(`move operation failed to decode path: operation missing path field: ${missing}`);
  const dst = locate(doc.root, path);
  if (!dst) throw new OpError(`move operation does not apply: doc is missing destination path: ${path}: ${missing}`);
  wrap(`error in move for path: '${path}'`, () => addChild(dst.c, dst.key, val ?? null));
}

function opCopy(doc: Doc, op: JsonObject): void {
  const from = stringMember(op, 'from');
  if (from === undefined) throw new OpError(`copy operation failed to decode from: operation, missing from field: ${missing}`);
  const src = locate(doc.root, from);
  if (!src) throw new OpError(`copy operation does not apply: doc is missing from path: ${from}: ${missing}`);
  let val: JsonValue | undefined;
  wrap(`error in copy for from: '${from}'`, () => {
    val = getChild(src.c, src.key);
  });
  const path = stringMember(op, 'path');
  if (path === undefined) throw new OpError(`copy operation failed to decode path: ${missing}`);
  const dst = locate(doc.root, path);
  if (!dst) throw new OpError(`copy operation does not apply: doc is missing destination path: ${path}: ${missing}`);
  const copied = copyJson(val ?? null);
  wrap('error while adding value during copy', () => addChild(dst.c, dst.key, copied));
}

function opTest(doc: Doc, op: JsonObject): void {
  const path = stringMember(op, 'path');
  if (path === undefined) throw new OpError(`test operation failed to decode path: ${missing}`);
  const failed = (): OpError => new OpError(`testing value ${path} failed: test failed`);
  const expected = getKey(op, 'value');
  if (path === '') {
    if (!jsonEqual(doc.root, expected)) throw failed();
    return;
  }
  const at = locate(doc.root, path);
  if (!at) throw new OpError(`test operation does not apply: is missing path: ${path}: ${missing}`);
  let actual: JsonValue | undefined;
  wrap(`error in test for path: '${path}'`, () => {
    actual = getChild(at.c, at.key);
  });
  // A missing or null target matches only an explicit null.
  if (actual === undefined || actual === null) {
    if (expected === null) return;
    throw failed();
  }
  if (expected === undefined || !jsonEqual(actual, expected)) throw failed();
}

const operations: Record<string, (doc: Doc, op: JsonObject) => void> = {
  add: opAdd,
  remove: opRemove,
  replace: opReplace,
  move: opMove,
  copy: opCopy,
  test: opTest,
};

/** Checks the shape of a JSON patch body as the server decodes it (400 BadRequest when it is not a list of objects). */
export function decodeJSONPatch(body: unknown): JsonObject[] {
  if (body === null || body === undefined) return [];
  if (!Array.isArray(body)) {
    throw badRequest(`json: cannot unmarshal ${jsonKind(body)} into Go value of type jsonpatch.Patch`);
  }
  for (const op of body) {
    if (op !== null && !isObject(op)) {
      throw badRequest(`json: cannot unmarshal ${jsonKind(op)} into Go value of type jsonpatch.Operation`);
    }
  }
  const ops = body.map((op) => (op === null ? {} : (op as JsonObject)));
  if (ops.length > maxJSONPatchOperations) {
    throw new StatusError(413, 'RequestEntityTooLarge',
      `Request entity too large: The allowed maximum operations in a JSON patch is ${maxJSONPatchOperations}, got ${ops.length}`);
  }
  return ops;
}

/**
 * Applies a JSON patch to a copy of `current` and returns the copy; `current` and `body` are left untouched.
 * Throws 400 for a body that is not a list of operations, 413 beyond 10000 operations, and 422 Invalid when an
 * operation fails (the whole patch is then discarded).
 */
export function applyJSONPatch(current: KObject, body: unknown): KObject {
  const ops = decodeJSONPatch(body);
  const doc: Doc = { root: copyJson(current as JsonObject) };
  for (const op of ops) {
    const kind = stringMember(op, 'op') ?? 'unknown';
    const fn = Object.hasOwn(operations, kind) ? operations[kind] : undefined;
    try {
      if (!fn) throw new OpError(`Unexpected kind: ${kind}`);
      fn(doc, op);
    } catch (e) {
      if (e instanceof OpError) throw patchNotApplied(e.message);
      throw e;
    }
  }
  if (!isObject(doc.root)) throw patchedNotAnObject(doc.root, 'array');
  return doc.root as KObject;
}
