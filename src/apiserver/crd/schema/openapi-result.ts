// kube-openapi's validation result (errors with codes, match counts) and its conversion to Kubernetes field errors.

import type { FieldError } from '../../../api/errors.ts';
import { invalid, required, tooLong, tooMany } from '../../../api/validation/field.ts';
import { goJSON } from './go-format.ts';

/** kube-openapi error codes that apiextensions maps to specific field error types; the rest become Invalid. */
export type OpenAPICode =
  | 'InvalidType' | 'Required' | 'TooLong' | 'TooShort' | 'Pattern' | 'Enum' | 'MultipleOf' | 'Max' | 'Min'
  | 'Unique' | 'MaxItems' | 'MinItems' | 'TooFewProperties' | 'TooManyProperties' | 'UnallowedProperty'
  | 'MultipleOfMustBePositive';

/**
 * One kube-openapi error. `validation` errors carry the path (`name`) of the value they are about;
 * `plain` errors (composite anyOf/oneOf messages, range-conversion errors) carry only a message.
 */
export type OpenAPIError =
  | { kind: 'validation'; code: OpenAPICode; name: string; message: string; value?: unknown; valid?: number; values?: unknown[] }
  | { kind: 'plain'; message: string };

export class Result {
  readonly errors: OpenAPIError[] = [];
  /** How many checks ran; picks the "closest" failing alternative of anyOf/oneOf, as kube-openapi does. */
  matchCount = 0;

  get valid(): boolean {
    return this.errors.length === 0;
  }

  /** Adds errors, skipping any whose message was already reported (kube-openapi de-duplicates by message). */
  add(...errs: OpenAPIError[]): this {
    for (const e of errs) if (!this.errors.some((x) => x.message === e.message)) this.errors.push(e);
    return this;
  }

  merge(...others: (Result | undefined)[]): this {
    for (const o of others) {
      if (!o) continue;
      this.add(...o.errors);
      this.matchCount += o.matchCount;
    }
    return this;
  }

  inc(): this {
    this.matchCount++;
    return this;
  }
}

/** field.Path.Child on a possibly absent (nil) path. */
function childPath(base: string | undefined, name: string): string {
  return base === undefined ? name : `${base}.${name}`;
}

/** How a nil *field.Path prints. */
export const nilPath = '<nil>';

/**
 * apiextensions' kubeOpenAPIResultToFieldErrors: the path of each error is `fldPath` + the kube-openapi name,
 * and the code decides the field error type.
 */
export function toFieldErrors(result: Result, fldPath?: string): FieldError[] {
  const out: FieldError[] = [];
  for (const err of result.errors) {
    if (err.kind === 'plain') {
      out.push(invalid(fldPath ?? nilPath, '', err.message));
      continue;
    }
    const name = err.name.startsWith('.') ? err.name.slice(1) : err.name;
    const field = err.name && err.name !== '.' ? childPath(fldPath, name) : (fldPath ?? nilPath);
    const value = err.value === undefined ? '' : err.value;
    switch (err.code) {
      case 'Required':
        out.push(required(field));
        break;
      case 'Enum': {
        const supported = (err.values ?? []).map((v) => (typeof v === 'string' ? v : goJSON(v)));
        // A nil value prints as the string "null" in Kubernetes' messages.
        out.push({ type: 'FieldValueNotSupported', field, value: err.value === null ? 'null' : err.value, supported });
        break;
      }
      case 'TooLong':
        out.push(tooLong(field, err.valid ?? -1));
        break;
      case 'MaxItems':
      case 'TooManyProperties':
        out.push(tooMany(field, typeof err.value === 'number' ? err.value : -1, err.valid ?? -1));
        break;
      case 'InvalidType':
        out.push({ type: 'FieldValueTypeInvalid', field, value, detail: err.message });
        break;
      default:
        out.push(invalid(field, value, err.message));
    }
  }
  return out;
}
