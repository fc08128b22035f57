// Strategic merge patch list ordering: patch order and `$setElementOrder` first, server-only items kept where they were.
//
// After a merge the items the patch names are sorted by the patch's order (or `$setElementOrder`), the items only the
// server had keep their live order, and the two runs are interleaved: a server-only item goes first only when the live
// list had it before the patch item being compared. New items therefore come before the server-only items that
// follow them in no known order (adding a container without `$setElementOrder` puts it first, as in Kubernetes).

import { goTypeName, goValue } from './go-format.ts';
import { getKey, hasKey, isObject, jsonEqual, jsonKind } from './json.ts';
import type { JsonKind, JsonObject, JsonValue } from './json.ts';
import { badArgType, noMergeKey, patchNotApplied, smpError } from './patch-errors.ts';
import { deleteDirective, directiveMarker, setElementOrderPrefix } from './strategic-meta.ts';

const mapType = 'map[string]interface {}';

/**
 * The common kind of the elements of the given lists; undefined when all are empty.
 * A list of lists is 422; elements of different kinds are a 500 error, as in Kubernetes.
 */
export function sliceElementKind(...lists: readonly (readonly JsonValue[])[]): JsonKind | undefined {
  let kind: JsonKind | undefined;
  for (const list of lists) {
    for (const v of list) {
      const k = jsonKind(v);
      if (kind === undefined) {
        if (k === 'array') throw patchNotApplied('lists of lists are not supported');
        kind = k;
      } else if (k !== kind) {
        throw smpError(`list element types are not identical: ${goValue(lists)}`);
      }
    }
  }
  return kind;
}

function asMap(v: JsonValue): JsonObject {
  if (!isObject(v)) throw badArgType(mapType, goTypeName(v));
  return v;
}

/** Every item is a map holding the merge key. */
export function requireMergeKey(mergeKey: string, ...lists: readonly (readonly JsonValue[])[]): void {
  for (const list of lists) {
    for (const item of list) {
      const m = asMap(item);
      if (!hasKey(m, mergeKey)) throw noMergeKey(goValue(m), mergeKey);
    }
  }
}

type Lookup = (item: JsonValue) => number;

/**
 * Finds an item's first position in `order`: by merge key for maps with one (an absent key matches an absent key,
 * as Go's nil == nil), by value otherwise. Primitive keys are indexed once, so ordering stays linear in list size.
 */
function orderLookup(order: readonly JsonValue[], mergeKey: string, kind: JsonKind | undefined): Lookup {
  const byKey = kind === 'object' && mergeKey !== '';
  const keyOf = (v: JsonValue): JsonValue => (byKey ? (isObject(v) ? (getKey(v, mergeKey) ?? null) : null) : v);
  const first = new Map<JsonValue, number>();
  order.forEach((v, i) => {
    const k = keyOf(v);
    if ((k === null || typeof k !== 'object') && !first.has(k)) first.set(k, i);
  });
  return (item) => {
    const k = keyOf(item);
    if (k === null || typeof k !== 'object') return first.get(k) ?? -1;
    // Structured values (a replaced list of maps without merge key): compare by value.
    return byKey ? -1 : order.findIndex((v) => jsonEqual(item, v));
  };
}

/** Splits `items` into those present in `by` and the rest, each in their current order. */
export function partitionByPresence(items: readonly JsonValue[], by: readonly JsonValue[], mergeKey: string,
  kind: JsonKind | undefined): [JsonValue[], JsonValue[]] {
  const inBy: JsonValue[] = [];
  const rest: JsonValue[] = [];
  if (mergeKey !== '') {
    requireMergeKey(mergeKey, items);
    by.forEach((b, i) => {
      if (!isObject(b)) throw smpError(`value for key ${i} is not a map`);
    });
  }
  const inOrder = orderLookup(by, mergeKey, kind);
  for (const item of items) (inOrder(item) >= 0 ? inBy : rest).push(item);
  return [inBy, rest];
}

/** A stable sort of `toSort` by position in `order`; items not in `order` keep their relative order at the end. */
function sortByOrder(toSort: readonly JsonValue[], order: readonly JsonValue[], mergeKey: string,
  kind: JsonKind | undefined): JsonValue[] {
  if (kind === 'object' && mergeKey !== '') requireMergeKey(mergeKey, toSort, order);
  const found: { item: JsonValue; at: number; i: number }[] = [];
  const unfound: JsonValue[] = [];
  const position = orderLookup(order, mergeKey, kind);
  toSort.forEach((item, i) => {
    const at = position(item);
    if (at >= 0) found.push({ item, at, i });
    else unfound.push(item);
  });
  found.sort((a, b) => a.at - b.at || a.i - b.i);
  return [...found.map((f) => f.item), ...unfound];
}

/** Interleaves server-only items (left) into patch items (right), both already sorted, by live order. */
function mergeSorted(left: readonly JsonValue[], right: readonly JsonValue[], serverOrder: readonly JsonValue[],
  mergeKey: string, kind: JsonKind | undefined): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  const position = orderLookup(serverOrder, mergeKey, kind);
  while (i < left.length && j < right.length) {
    const li = position(left[i]!);
    const ri = position(right[j]!);
    if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]!);
    else out.push(right[j++]!);
  }
  while (i < left.length) out.push(left[i++]!);
  while (j < right.length) out.push(right[j++]!);
  return out;
}

/** The final order of a merged list: patch items by `patchOrder`, server-only items by `serverOrder`, interleaved. */
export function normalizeElementOrder(patchItems: readonly JsonValue[], serverOnly: readonly JsonValue[],
  patchOrder: readonly JsonValue[], serverOrder: readonly JsonValue[], mergeKey: string,
  kind: JsonKind | undefined): JsonValue[] {
  const p = sortByOrder(patchItems, patchOrder, mergeKey, kind);
  const s = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSorted(s, p, serverOrder, mergeKey, kind);
}

function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return left === right || jsonEqual(left, right);
  const l = asMap(left);
  const r = asMap(right);
  if (!hasKey(l, mergeKey)) throw noMergeKey(goValue(l), mergeKey);
  if (!hasKey(r, mergeKey)) throw noMergeKey(goValue(r), mergeKey);
  return getKey(l, mergeKey) === getKey(r, mergeKey);
}

/**
 * Checks that the items of a patch list (deletions and directive items aside) appear in `$setElementOrder`
 * in the same relative order; a 500 error names both lists otherwise, as Kubernetes does.
 */
export function validateSetElementOrder(patchList: readonly JsonValue[], order: readonly JsonValue[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  let items: JsonValue[] = [...patchList];
  if (mergeKey !== '') {
    items = patchList.filter((v) => getKey(asMap(v), directiveMarker) !== deleteDirective);
  }
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    const item = items[p]!;
    if (isObject(item) && hasKey(item, directiveMarker)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, order[s]!, mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    throw smpError(`The order in patch list:\n${goValue(patchList)}\n doesn't match ${setElementOrderPrefix} list:\n${goValue(order)}\n`);
  }
}
