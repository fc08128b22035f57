// Request validation around apply: PatchOptions (fieldManager, force), the applied object's name and namespace, managedFields.

import { badRequest, invalid } from '../errors.ts';
import type { FieldError, StatusError } from '../errors.ts';
import type { KObject } from '../object.ts';
import { isMap } from './value.ts';

/** Kubernetes' limit on a field manager name, in bytes (FieldManagerMaxLength). */
export const FIELD_MANAGER_MAX_LENGTH = 128;

const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/** Length and printable characters of a field manager name (ValidateFieldManager). */
export function validateFieldManager(fieldManager: string, field = 'fieldManager'): FieldError[] {
  const errors: FieldError[] = [];
  if (Buffer.byteLength(fieldManager) > FIELD_MANAGER_MAX_LENGTH) {
    errors.push({ type: 'FieldValueTooLong', field, detail: `may not be more than ${FIELD_MANAGER_MAX_LENGTH} bytes` });
  }
  let position = 0;
  for (const ch of fieldManager) {
    if (!printable.test(ch)) {
      const code = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      errors.push({ type: 'FieldValueInvalid', field, value: fieldManager, detail: `invalid character U+${code} (at position ${position})` });
    }
    position += Buffer.byteLength(ch);
  }
  return errors;
}

export interface PatchOptionsInput {
  /** `application/apply-patch+yaml` for apply; any other patch content type otherwise. */
  patchType: string;
  /** The fieldManager query parameter ('' or undefined when absent). */
  fieldManager?: string;
  /** The raw force query parameter when present. */
  force?: string | boolean;
}

const APPLY_PATCH_TYPES = new Set(['application/apply-patch+yaml', 'application/apply-patch+cbor']);

export function isApplyPatchType(patchType: string): boolean {
  return APPLY_PATCH_TYPES.has(patchType.split(';')[0]?.trim() ?? '');
}

/**
 * PatchOptions checks made before anything is read (ValidatePatchOptions): apply needs a fieldManager,
 * other patches may not say force. 422 `PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required
 * value: is required for apply patch`.
 */
export function validatePatchOptions(input: PatchOptionsInput): StatusError | undefined {
  const errors: FieldError[] = [];
  const fieldManager = input.fieldManager ?? '';
  if (!isApplyPatchType(input.patchType)) {
    if (input.force !== undefined) errors.push({ type: 'FieldValueForbidden', field: 'force', detail: 'may not be specified for non-apply patch' });
  } else if (fieldManager === '') {
    errors.push({ type: 'FieldValueRequired', field: 'fieldManager', detail: 'is required for apply patch' });
  }
  errors.push(...validateFieldManager(fieldManager));
  return errors.length ? invalid('PatchOptions', 'meta.k8s.io', '', errors) : undefined;
}

/**
 * Checks the object an apply produced against the request URL (EnsureObjectNamespaceMatchesRequestNamespace,
 * checkName): fills in or clears the namespace (mutating `obj`), and returns a 400 when the namespace or the
 * name disagree with the URL. `namespace` is the request's namespace, '' for cluster-scoped resources.
 */
export function checkObjectMatchesRequest(obj: KObject, name: string, namespace: string): StatusError | undefined {
  const metadata = (obj.metadata ??= {});
  const objNamespace = metadata.namespace ?? '';
  if (objNamespace !== namespace) {
    if (objNamespace === '') metadata.namespace = namespace;
    else if (namespace === '') delete metadata.namespace;
    else return badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const objName = metadata.name ?? '';
  if (objName !== name) return badRequest(`the name of the object (${objName}) does not match the name on the URL (${name})`);
  return undefined;
}

/** ObjectMeta validation of metadata.managedFields (ValidateManagedFields), for create and update. */
export function validateManagedFields(entries: unknown, path = 'metadata.managedFields'): FieldError[] {
  const errors: FieldError[] = [];
  if (!Array.isArray(entries)) return errors;
  entries.forEach((raw, i) => {
    const e: Record<string, unknown> = isMap(raw) ? raw : {};
    const at = `${path}[${i}]`;
    const operation = typeof e.operation === 'string' ? e.operation : '';
    if (operation !== 'Apply' && operation !== 'Update') {
      errors.push({ type: 'FieldValueInvalid', field: `${at}.operation`, value: operation, detail: 'must be `Apply` or `Update`' });
    }
    const fieldsType = typeof e.fieldsType === 'string' ? e.fieldsType : '';
    if (fieldsType !== '' && fieldsType !== 'FieldsV1') {
      errors.push({ type: 'FieldValueInvalid', field: `${at}.fieldsType`, value: fieldsType, detail: 'must be `FieldsV1`' });
    }
    errors.push(...validateFieldManager(typeof e.manager === 'string' ? e.manager : '', `${at}.manager`));
    const subresource = typeof e.subresource === 'string' ? e.subresource : '';
    if (Buffer.byteLength(subresource) > 256) {
      errors.push({ type: 'FieldValueTooLong', field: `${at}.subresource`, detail: 'may not be more than 256 bytes' });
    }
  });
  return errors;
}
