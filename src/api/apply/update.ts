// managedFields bookkeeping for non-apply writes (create, update, patch) and the default manager name.

import type { KObject } from '../object.ts';
import type { TypeInfo } from '../schema/type-info.ts';
import { fieldPathSet, setManagedFields, updateManaged, withoutManagedFields } from './chain.ts';
import { decodeManagedFields, emptyManaged } from './managers.ts';
import type { Managed } from './managers.ts';
import { clone, isMap } from './value.ts';

export interface RecordUpdateOptions {
  /** The stored object before the write; undefined for a create. */
  old: KObject | undefined;
  /** The object about to be stored, with metadata.managedFields as the client sent (or the patch left) them. */
  updated: KObject;
  /** The fieldManager query parameter, or managerFromUserAgent(User-Agent) when the client gave none. */
  manager: string;
  typeInfo: TypeInfo | undefined;
  /** API version of the request (`apps/v1`). */
  apiVersion: string;
  /** RFC 3339 time of the write. */
  now: string;
  /** "status", "scale"... for writes through a subresource. */
  subresource?: string;
  /** The empty object of the kind (what Kubernetes' zero value encodes to), compared against on create. */
  empty?: KObject;
  /** Fields the strategy resets on this endpoint (GetResetFields), e.g. `[['status']]` for the main resource. */
  resetFields?: readonly (readonly string[])[];
}

/** Whether the client asked to clear managedFields: an empty list, or a list of one empty entry. */
function isReset(sent: unknown): boolean {
  if (!Array.isArray(sent)) return false;
  if (sent.length === 0) return true;
  if (sent.length !== 1 || !isMap(sent[0])) return false;
  return Object.values(sent[0]).every((v) => v === null || v === '' || v === undefined);
}

function decodeOrEmpty(entries: unknown): Managed {
  try {
    return decodeManagedFields(entries);
  } catch {
    return emptyManaged();
  }
}

/**
 * The managers to start from (decodeLiveOrNew): on a subresource always the stored ones; an empty list
 * sent by the client resets them; otherwise what the client sent, unless that is empty or unreadable.
 */
function startingManagers(old: KObject | undefined, sent: unknown, isSubresource: boolean): Managed {
  const live = old?.metadata?.managedFields;
  if (isSubresource) return decodeOrEmpty(live);
  if (isReset(sent)) return emptyManaged();
  try {
    const managed = decodeManagedFields(sent);
    if (managed.fields.size > 0) return managed;
  } catch {
    // fall back to the stored managers
  }
  return decodeOrEmpty(live);
}

/**
 * `updated` with metadata.managedFields recording this write: the manager's Update entry gains the fields it
 * changed compared with `old`, other managers lose fields whose value changed, empty entries are dropped.
 * An existing object without managedFields stays untracked. If the bookkeeping fails, the stored
 * managedFields are kept (Kubernetes never fails a write over it).
 */
export function recordUpdate(opts: RecordUpdateOptions): KObject {
  const updated = clone(opts.updated);
  const managed = startingManagers(opts.old, updated.metadata?.managedFields, !!opts.subresource);
  if (updated.metadata) delete updated.metadata.managedFields;
  const tracked = managed.fields.size > 0 || !opts.old?.metadata?.uid;
  if (!tracked) return updated;
  try {
    const live = opts.old ? withoutManagedFields(opts.old) : (opts.empty ?? {});
    const ctx = { typeInfo: opts.typeInfo, apiVersion: opts.apiVersion, ignored: fieldPathSet(opts.resetFields) };
    updateManaged(ctx, live, updated, managed, { manager: opts.manager, now: opts.now, subresource: opts.subresource });
  } catch {
    const kept = opts.old?.metadata?.managedFields;
    if (kept) (updated.metadata ??= {}).managedFields = clone(kept);
    return updated;
  }
  setManagedFields(updated, managed);
  return updated;
}

const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/**
 * The manager name Kubernetes derives from a User-Agent when the client gives no fieldManager: the part
 * before the first "/", without unprintable characters, at most 128 bytes (`kubectl/v1.32.0 (linux/amd64)`
 * → `kubectl`).
 */
export function managerFromUserAgent(ua: string): string {
  const prefix = ua.split('/')[0] ?? '';
  let out = '';
  let bytes = 0;
  for (const ch of prefix) {
    if (!printable.test(ch)) continue;
    const n = Buffer.byteLength(ch);
    if (bytes + n > 128) break;
    out += ch;
    bytes += n;
  }
  return out;
}
