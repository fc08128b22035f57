// Interop with kubectl's client-side apply annotation for `kubectl apply --server-side` (manager "kubectl").

import type { KObject } from '../object.ts';
import type { TypeInfo } from '../schema/type-info.ts';
import { compare } from './compare.ts';
import { toFieldSet } from './extract.ts';
import type { FieldSet } from './field-set.ts';
import { clone, goJSON, isMap } from './value.ts';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Kubernetes' limit on the total size of an object's annotations (keys plus values, in bytes). */
const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

function annotationsOf(obj: KObject | undefined): Record<string, string> | undefined {
  const a = obj?.metadata?.annotations;
  return isMap(a) ? (a as Record<string, string>) : undefined;
}

export function hasLastApplied(obj: KObject | undefined): boolean {
  const v = annotationsOf(obj)?.[LAST_APPLIED_ANNOTATION];
  return typeof v === 'string' && v.length > 0;
}

/**
 * The fields kubectl's last client-side apply set that still hold those values in `live`: conflicts on
 * them are the client-side applier's own fields, so a server-side apply by "kubectl" may take them.
 * Undefined when there is no usable annotation.
 */
export function allowedConflictsFromLastApplied(live: KObject, ti: TypeInfo | undefined, apiVersion: string): FieldSet | undefined {
  const text = annotationsOf(live)?.[LAST_APPLIED_ANNOTATION];
  if (!text) return undefined;
  let last: unknown;
  try {
    last = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isMap(last) || last.apiVersion !== apiVersion) return undefined;
  try {
    const set = toFieldSet(last, ti);
    const cmp = compare(last, live, ti);
    return set.difference(cmp.modified).difference(cmp.added).difference(cmp.removed);
  } catch {
    return undefined;
  }
}

/**
 * The annotation value for an applied configuration: its JSON (keys sorted, as Go writes maps) without the
 * annotation itself, followed by a newline.
 */
export function buildLastApplied(applied: KObject): string {
  const obj = clone(applied);
  const annotations = annotationsOf(obj);
  if (annotations) delete annotations[LAST_APPLIED_ANNOTATION];
  return `${goJSON(obj)}\n`;
}

/** Sets the annotation on `obj`, unless that would make its annotations too large (then it is dropped). */
export function setLastApplied(obj: KObject, value: string): void {
  const metadata = (obj.metadata ??= {});
  const annotations = { ...annotationsOf(obj) };
  annotations[LAST_APPLIED_ANNOTATION] = value;
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) size += Buffer.byteLength(k) + Buffer.byteLength(v);
  if (size > ANNOTATIONS_SIZE_LIMIT) delete annotations[LAST_APPLIED_ANNOTATION];
  metadata.annotations = annotations;
}
