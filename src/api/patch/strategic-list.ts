// Strategic merge of lists with the "merge" strategy: maps merged by merge key, primitives merged as sets.

import type { TypeInfo } from '../schema/type-info.ts';
import { goValue } from './go-format.ts';
import { getKey, hasKey, isObject } from './json.ts';
import type { JsonObject, JsonValue } from './json.ts';
import { noMergeKey, smpError } from './patch-errors.ts';
import {
  DROP, badPatchType, cleanList, cleanValue, deleteDirective, directiveMarker, mergeDirective, replaceDirective,
} from './strategic-meta.ts';
import { normalizeElementOrder, partitionByPresence, sliceElementKind } from './strategic-order.ts';

/** Merges a patch map into a (private, mutable) original map under a type. */
export type MergeMapFn = (original: JsonObject, patch: JsonObject, t: TypeInfo | undefined) => JsonObject;

export interface MergeList {
  /** The field name, for messages. */
  name: string;
  /** The type of the items. */
  elem: TypeInfo | undefined;
  mergeKey: string;
  /** The patch is a `$deleteFromPrimitiveList/<field>` list: remove its values. */
  isDeleteList: boolean;
  mergeMap: MergeMapFn;
}

/** Primitives without repeats, first occurrences kept. */
function dedupe(values: readonly JsonValue[]): JsonValue[] {
  return [...new Set(values)];
}

/** Applies `$patch` items of a list of maps: deletions by merge key, replace; returns the rest of the patch. */
function applySpecialItems(original: JsonValue[], patch: readonly JsonObject[], mergeKey: string):
  { original: JsonValue[]; rest: JsonObject[]; replace: boolean } {
  let current = original;
  const rest: JsonObject[] = [];
  let replace = false;
  for (const item of patch) {
    if (!hasKey(item, directiveMarker)) {
      rest.push(item);
      continue;
    }
    const directive = getKey(item, directiveMarker);
    if (directive === deleteDirective) {
      if (!hasKey(item, mergeKey)) throw noMergeKey(goValue(item), mergeKey);
      const value = getKey(item, mergeKey);
      current = current.filter((o, i) => {
        if (!isObject(o)) throw smpError(`value for key ${i} is not a map`);
        return !(hasKey(o, mergeKey) && getKey(o, mergeKey) === value);
      });
    } else if (directive === replaceDirective) {
      replace = true; // keep going: other `$patch` items are still removed
    } else if (directive === mergeDirective) {
      throw smpError('merging lists cannot yet be specified in the patch');
    } else {
      throw badPatchType(directive, item);
    }
  }
  return { original: current, rest, replace };
}

/** Merges patch maps into the original by merge key: matching items merge, new ones are appended. */
function mergeByKey(original: JsonValue[], patch: readonly JsonObject[], list: MergeList): JsonValue[] {
  const merged = [...original];
  // First position of each merge key value (the element kinds were checked: all are maps).
  const positions = new Map<JsonValue, number>();
  const remember = (o: JsonValue, i: number): void => {
    if (isObject(o) && hasKey(o, list.mergeKey)) {
      const k = getKey(o, list.mergeKey)!;
      if (!positions.has(k)) positions.set(k, i);
    }
  };
  merged.forEach(remember);
  for (const item of patch) {
    if (!hasKey(item, list.mergeKey)) throw noMergeKey(goValue(item), list.mergeKey);
    const at = positions.get(getKey(item, list.mergeKey)!);
    if (at !== undefined) {
      merged[at] = list.mergeMap(merged[at] as JsonObject, item, list.elem);
    } else {
      const fresh = cleanValue(item);
      if (fresh === DROP) continue;
      merged.push(fresh);
      remember(fresh, merged.length - 1);
    }
  }
  return merged;
}

/**
 * Merges a patch list into an original list of a field with the "merge" strategy and returns the result.
 * `original` must be private (its maps are merged in place); `patch` is only read.
 */
export function mergeSlice(original: JsonValue[], patch: readonly JsonValue[], list: MergeList): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);

  if (kind !== 'object') {
    if (list.isDeleteList) {
      const remove = new Set(patch);
      return original.filter((v) => !remove.has(v));
    }
    const merged = dedupe([...original, ...patch]);
    const [patchItems, serverOnly] = partitionByPresence(merged, patch, '', kind);
    return normalizeElementOrder(patchItems, serverOnly, patch, original, '', kind);
  }

  if (list.mergeKey === '') throw smpError(`cannot merge lists without merge key for ${list.name}`);
  const special = applySpecialItems(original, patch as JsonObject[], list.mergeKey);
  if (special.replace) return cleanList(special.rest);

  const serverOrder = special.original;
  const merged = mergeByKey(serverOrder, special.rest, list);
  const [patchItems, serverOnly] = partitionByPresence(merged, special.rest, list.mergeKey, kind);
  return normalizeElementOrder(patchItems, serverOnly, special.rest, serverOrder, list.mergeKey, kind);
}
