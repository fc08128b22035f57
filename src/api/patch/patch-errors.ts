// The Status errors patch requests fail with, shaped and worded as the Kubernetes API server returns them.

import { StatusError, badRequest, fieldErrorBody, type FieldError } from '../errors.ts';

/** Messages of k8s.io/apimachinery/pkg/util/mergepatch errors that the server maps to 400 BadRequest. */
export const smpBadRequestMessages = {
  primitiveList: 'invalid patch format of primitive list',
  retainKeys: 'invalid patch format of retainKeys',
  setElementOrder: 'invalid patch format of setElementOrder list',
} as const;

/**
 * A patch that was understood but could not be applied (a failing JSON patch `test`, a path that does not exist,
 * a list of lists in a strategic merge patch). Kubernetes answers 422 Invalid with a fixed message and empty
 * details, dropping the reason; we keep it as the error's `cause` for logs only.
 */
export function patchNotApplied(detail: string): StatusError {
  const err = new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
  err.cause = new Error(detail);
  return err;
}

/**
 * A strategic merge patch error that Kubernetes does not classify (missing merge key, unknown `$patch` value,
 * mismatched list element types...): the API server answers 500 with reason Unknown and the error text,
 * which kubectl prints as `Error from server: <message>`.
 */
export function smpError(message: string): StatusError {
  return new StatusError(500, '', message);
}

export function smpBadRequest(message: string): StatusError {
  return badRequest(message);
}

/** `map: map[image:nginx] does not contain declared merge key: name` */
export function noMergeKey(goMap: string, mergeKey: string): StatusError {
  return smpError(`map: ${goMap} does not contain declared merge key: ${mergeKey}`);
}

/** `expected a []interface {}, but received a string` */
export function badArgType(expected: string, actualType: string): StatusError {
  return smpError(`expected a ${expected}, but received a ${actualType}`);
}

/**
 * The patched document could not be decoded into the object (it is not a JSON object): 422 Invalid on the
 * `patch` field, with the patched document as the value, as the API server reports decode failures after patching.
 */
export function patchedNotAnObject(patched: unknown, kindWord: string): StatusError {
  const fe: FieldError = {
    type: 'FieldValueInvalid',
    field: 'patch',
    value: JSON.stringify(patched),
    detail: `couldn't get version/kind; json parse error: json: cannot unmarshal ${kindWord} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
  };
  const body = fieldErrorBody(fe);
  return new StatusError(422, 'Invalid', ` "" is invalid: patch: ${body}`, {
    causes: [{ reason: fe.type, message: body, field: fe.field }],
  });
}
