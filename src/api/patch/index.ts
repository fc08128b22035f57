// Patch entry point: the PATCH media types, decoding patch bodies, and applying json / merge / strategic patches.

import type { KObject } from '../object.ts';
import type { TypeInfo } from '../schema/type-info.ts';
import { StatusError, badRequest } from '../errors.ts';
import { applyJSONPatch } from './json-patch.ts';
import { applyMergePatch } from './merge-patch.ts';
import { applyStrategicMergePatch } from './strategic.ts';

export { applyJSONPatch } from './json-patch.ts';
export { applyMergePatch, mergePatchValue } from './merge-patch.ts';
export { applyStrategicMergePatch } from './strategic.ts';

export const jsonPatchType = 'application/json-patch+json';
export const mergePatchType = 'application/merge-patch+json';
export const strategicMergePatchType = 'application/strategic-merge-patch+json';
export const applyPatchType = 'application/apply-patch+yaml';

/** The PATCH media types built-in resources accept, in the order the API server lists them. */
export const builtinPatchTypes: readonly string[] = [jsonPatchType, mergePatchType, strategicMergePatchType, applyPatchType];
/** Custom resources have no strategic merge patch. */
export const customResourcePatchTypes: readonly string[] = [jsonPatchType, mergePatchType, applyPatchType];

/** The media type of a Content-Type header: parameters (`; charset=utf-8`) removed, as the API server does. */
export function patchMediaType(contentType: string): string {
  const i = contentType.indexOf(';');
  return i > 0 ? contentType.slice(0, i) : contentType;
}

/** 415: `the body of the request was in an unknown format - accepted media types include: ...` */
export function unsupportedPatchType(accepted: readonly string[]): StatusError {
  return new StatusError(415, 'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

/**
 * Parses a PATCH body as the API server decodes it for the given media type: malformed JSON is 400 BadRequest
 * ("Invalid JSON Patch" for merge patches, the decoder's message otherwise).
 */
export function decodePatchBody(contentType: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (e) {
    if (patchMediaType(contentType) === mergePatchType) throw badRequest('Invalid JSON Patch');
    if (body.trim() === '') throw badRequest('unexpected end of JSON input');
    throw badRequest((e as Error).message);
  }
}

export interface ApplyPatchOptions {
  /** The media types this resource accepts (default: built-in resources' list); others are 415. */
  accepted?: readonly string[];
}

/**
 * Applies a PATCH body (already parsed JSON) of the given Content-Type to `current` and returns the patched object;
 * `current` and `patchBody` are never changed. Errors are Status errors as Kubernetes returns them: 415 for a
 * media type not accepted, 400 for a malformed body, 422 when a patch cannot be applied, 500 (reason Unknown)
 * for strategic merge patches that contradict the type (e.g. a missing merge key).
 * Server-side apply (`application/apply-patch+yaml`) is not handled here.
 */
export function applyPatch(contentType: string, current: KObject, patchBody: unknown, typeInfo: TypeInfo | undefined,
  options: ApplyPatchOptions = {}): KObject {
  const accepted = options.accepted ?? builtinPatchTypes;
  const mediaType = patchMediaType(contentType);
  if (!accepted.includes(mediaType)) throw unsupportedPatchType(accepted);
  switch (mediaType) {
    case jsonPatchType: return applyJSONPatch(current, patchBody);
    case mergePatchType: return applyMergePatch(current, patchBody);
    case strategicMergePatchType: return applyStrategicMergePatch(current, patchBody, typeInfo);
    default: throw new StatusError(500, '', `${mediaType}: unimplemented patch type`);
  }
}
