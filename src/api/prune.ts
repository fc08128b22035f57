// Drops fields a type does not declare, as decoding into Kubernetes' Go structs does for built-in kinds.

import { isPlainObject } from './object.ts';
import type { TypeInfo } from './schema/type-info.ts';

/** Removes undeclared fields from `value` in place, following `t`. Free-form parts are left alone. */
export function pruneUndeclared(t: TypeInfo | undefined, value: unknown): void {
  if (!t || value === null || typeof value !== 'object') return;
  switch (t.kind) {
    case 'object': {
      if (!isPlainObject(value) || !t.field) return;
      for (const key of Object.keys(value)) {
        const ft = t.field(key);
        if (ft) pruneUndeclared(ft, value[key]);
        else if (!t.preserveUnknownFields) delete value[key];
      }
      return;
    }
    case 'map':
      if (isPlainObject(value)) for (const v of Object.values(value)) pruneUndeclared(t.elem, v);
      return;
    case 'list':
      if (Array.isArray(value)) for (const v of value) pruneUndeclared(t.elem, v);
      return;
    default:
      return;
  }
}
