// Create, update (compare-and-swap with retry) and delete of one object, with Kubernetes' metadata rules.

import { alreadyExists, conflict, invalid, notFound, StatusError } from '../../api/errors.ts';
import { deepCopy, nowRFC3339, type KObject } from '../../api/object.ts';
import { StorageError } from '../../storage/backend.ts';
import { CachedObject, encodeForStorage } from '../watch-cache/cached-object.ts';
import type { CacheHub } from '../watch-cache/hub.ts';
import { storedAs, toStored, type ResourceDef } from '../registry/resource-def.ts';
import { cacheId, objectKey } from './keys.ts';
import { generateNameSuffix, jsonEqual, newUid, specChanged } from './object-meta.ts';

export interface WriteContext {
  hub: CacheHub;
  dryRun: boolean;
  /** Checks run after defaulting and validation, before storing (admission). May throw StatusError. */
  admit?: (op: 'create' | 'update' | 'delete', def: ResourceDef, obj: KObject, old: KObject | undefined) => Promise<void> | void;
  /** Seconds of life for stored objects of this kind (Events: one hour). */
  leaseSeconds?: number;
}

const tracksGenerationGroups = new Set(['apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'apiextensions.k8s.io']);

export function tracksGeneration(def: ResourceDef): boolean {
  if (def.crd) return true;
  if (def.group === '' ) return def.resource === 'replicationcontrollers';
  if (def.group === 'networking.k8s.io') return def.resource !== 'ingressclasses';
  return tracksGenerationGroups.has(def.group);
}

/** The object as written, with the resourceVersion its write was given. */
function stored(kv: { modRevision: number }, obj: KObject): KObject {
  obj.metadata!.resourceVersion = String(kv.modRevision);
  return obj;
}

/** Reads the current object, after the cache has caught up with every acknowledged write. */
export async function getCurrent(def: ResourceDef, hub: CacheHub, namespace: string, name: string): Promise<CachedObject> {
  await hub.waitFresh();
  const st = storedAs(def);
  const o = hub.cache(cacheId(st.group, st.resource)).objects.get(objectKey(st.group, st.resource, namespace || undefined, name));
  if (!o) throw notFound(def.resource, def.group, name);
  return o;
}

/** The current object as this def serves it (converted from the stored version when they differ). */
function served(def: ResourceDef, o: CachedObject): KObject {
  return def.conversion ? def.conversion.fromStorage(o.obj) : o.obj;
}

function encodeStored(def: ResourceDef, obj: KObject): Uint8Array {
  return encodeForStorage(toStored(def, obj));
}

function validationFailed(def: ResourceDef, obj: KObject, errs: ReturnType<NonNullable<ResourceDef['strategy']['validateCreate']>>): void {
  if (errs.length) throw invalid(def.kind, def.group, obj.metadata?.name ?? obj.metadata?.generateName ?? '', errs);
}

/** Creates `obj` (already decoded, namespace set). Returns the stored object. */
export async function createObject(def: ResourceDef, ctx: WriteContext, input: KObject): Promise<KObject> {
  const obj = input;
  const meta = (obj.metadata ??= {});
  if (meta.resourceVersion) throw new StatusError(400, 'BadRequest', 'resourceVersion should not be set on objects to be created');
  const generated = !meta.name && !!meta.generateName;
  if (generated) meta.name = meta.generateName! + generateNameSuffix();
  obj.apiVersion = def.apiVersion;
  obj.kind = def.kind;
  meta.uid = newUid();
  meta.creationTimestamp = nowRFC3339();
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
  if (tracksGeneration(def)) meta.generation = 1; else delete meta.generation;
  def.strategy.defaults?.(obj);
  if (!meta.name) {
    throw invalid(def.kind, def.group, '', [{ type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' }]);
  }
  await ctx.admit?.('create', def, obj, undefined);
  def.strategy.prepareCreate?.(obj);
  validationFailed(def, obj, def.strategy.validateCreate?.(obj) ?? []);
  if (ctx.dryRun) {
    const st = storedAs(def);
    const existing = ctx.hub.cache(cacheId(st.group, st.resource)).objects.get(objectKey(st.group, st.resource, meta.namespace, meta.name));
    if (existing) throw alreadyExists(def.resource, def.group, meta.name);
    return obj;
  }
  for (let attempt = 0; ; attempt++) {
    const st = storedAs(def);
    const key = objectKey(st.group, st.resource, def.namespaced ? meta.namespace : undefined, meta.name);
    try {
      const kv = await ctx.hub.backend.create(key, encodeStored(def, obj), ctx.leaseSeconds ? { leaseSeconds: ctx.leaseSeconds } : undefined);
      return stored(kv, obj);
    } catch (e) {
      if (e instanceof StorageError && e.code === 'KeyExists') {
        if (generated && attempt < 8) {
          meta.name = meta.generateName! + generateNameSuffix();
          continue;
        }
        throw alreadyExists(def.resource, def.group, meta.name);
      }
      throw e;
    }
  }
}

export interface UpdateOptions {
  /** The resourceVersion the client asked to update from ("" = unconditional). */
  expectedRv?: string;
  /** Which part the update may change: the main resource keeps status; "status" keeps the rest. */
  subresource?: '' | 'status' | 'scale' | 'binding';
  /** Create when missing (PUT on resources that allow it, server-side apply). */
  createIfMissing?: boolean;
}

export type Mutator = (current: KObject | undefined) => KObject | Promise<KObject>;

export interface UpdateResult {
  obj: KObject;
  created: boolean;
  /** The object went away because its last finalizer was removed while it was being deleted. */
  deleted: boolean;
}

/**
 * Reads the current object, lets `mutate` produce the desired one, applies the metadata rules, validates,
 * and writes it with compare-and-swap, retrying on conflicts when the client gave no resourceVersion.
 */
export async function updateObject(def: ResourceDef, ctx: WriteContext, namespace: string, name: string,
  mutate: Mutator, opts: UpdateOptions = {}): Promise<UpdateResult> {
  for (let attempt = 0; ; attempt++) {
    let cur: CachedObject | undefined;
    try {
      cur = await getCurrent(def, ctx.hub, namespace, name);
    } catch (e) {
      if (!(e instanceof StatusError && e.code === 404)) throw e;
    }
    if (!cur) {
      if (!opts.createIfMissing) throw notFound(def.resource, def.group, name);
      const fresh = await mutate(undefined);
      fresh.metadata ??= {};
      fresh.metadata.name = name;
      if (def.namespaced) fresh.metadata.namespace = namespace;
      delete fresh.metadata.resourceVersion;
      return { obj: await createObject(def, ctx, fresh), created: true, deleted: false };
    }
    const old = served(def, cur);
    const next = await mutate(deepCopy(old));
    const meta = (next.metadata ??= {});
    const oldMeta = old.metadata!;
    if (opts.expectedRv && opts.expectedRv !== oldMeta.resourceVersion) {
      throw conflict(def.resource, def.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    if (meta.resourceVersion && meta.resourceVersion !== oldMeta.resourceVersion) {
      throw conflict(def.resource, def.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    next.apiVersion = def.apiVersion;
    next.kind = def.kind;
    // Fields the server owns.
    meta.name = oldMeta.name;
    if (def.namespaced) meta.namespace = oldMeta.namespace; else delete meta.namespace;
    meta.uid = oldMeta.uid;
    meta.creationTimestamp = oldMeta.creationTimestamp;
    if (oldMeta.deletionTimestamp) meta.deletionTimestamp = oldMeta.deletionTimestamp; else delete meta.deletionTimestamp;
    if (oldMeta.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
    else delete meta.deletionGracePeriodSeconds;
    if (oldMeta.generateName !== undefined && meta.generateName === undefined) meta.generateName = oldMeta.generateName;
    delete meta.selfLink;
    if (opts.subresource === 'status') {
      // The status subresource changes status and metadata; the rest (spec) stays as stored.
      const merged = deepCopy(old);
      merged.status = next.status;
      merged.metadata = meta;
      for (const k of Object.keys(next)) if (!(k in merged)) delete next[k];
      Object.assign(next, merged);
    } else if (def.hasStatus && !opts.subresource) {
      if (old.status === undefined) delete next.status; else next.status = deepCopy(old.status);
    }
    meta.resourceVersion = oldMeta.resourceVersion;
    def.strategy.defaults?.(next);
    if (opts.subresource !== 'status') def.strategy.prepareUpdate?.(next, old);
    if (tracksGeneration(def)) {
      meta.generation = (oldMeta.generation ?? 1) + (specChanged(next, old) ? 1 : 0);
    }
    await ctx.admit?.('update', def, next, old);
    validationFailed(def, next, def.strategy.validateUpdate?.(next, old) ?? []);
    const shouldDelete = !!meta.deletionTimestamp && !(meta.finalizers?.length) && oldMeta.deletionGracePeriodSeconds === 0
      && !def.strategy.holdsDeletion?.(next);
    if (jsonEqual(next, old) && !shouldDelete) return { obj: old, created: false, deleted: false };
    if (ctx.dryRun) return { obj: next, created: false, deleted: false };
    const key = cur.key;
    try {
      if (shouldDelete) {
        const kv = await ctx.hub.backend.delete(key, cur.rv);
        return { obj: stored(kv, next), created: false, deleted: true };
      }
      const kv = await ctx.hub.backend.update(key, encodeStored(def, next), cur.rv, ctx.leaseSeconds ? { leaseSeconds: ctx.leaseSeconds } : undefined);
      return { obj: stored(kv, next), created: false, deleted: false };
    } catch (e) {
      if (e instanceof StorageError && (e.code === 'Conflict' || e.code === 'NotFound')) {
        if (opts.expectedRv || attempt > 50) {
          throw conflict(def.resource, def.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
        }
        await ctx.hub.waitFor(e.current?.modRevision ?? 0);
        continue;
      }
      throw e;
    }
  }
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: string;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteResult {
  /** The object as last stored (for a graceful or finalizer-held delete: with deletionTimestamp). */
  obj: KObject;
  /** True when the object is gone now; false when deletion is pending (finalizers or grace period). */
  deleted: boolean;
}

export async function deleteObject(def: ResourceDef, ctx: WriteContext, namespace: string, name: string,
  opts: DeleteOptions): Promise<DeleteResult> {
  for (let attempt = 0; ; attempt++) {
    const cur = await getCurrent(def, ctx.hub, namespace, name);
    const old = served(def, cur);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== old.metadata?.uid) {
      throw conflict(def.resource, def.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata?.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata?.resourceVersion) {
      throw conflict(def.resource, def.group, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata?.resourceVersion}`);
    }
    await ctx.admit?.('delete', def, old, old);
    const finalizers = [...(old.metadata?.finalizers ?? [])];
    const policy = opts.propagationPolicy;
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    const grace = def.strategy.gracePeriod ? def.strategy.gracePeriod(old, opts.gracePeriodSeconds) : 0;
    if (finalizers.length > 0 || grace > 0 || def.strategy.holdsDeletion?.(old)) {
      const next = deepCopy(old);
      const meta = next.metadata!;
      const already = !!meta.deletionTimestamp;
      const curGrace = meta.deletionGracePeriodSeconds;
      // A second delete may only shorten the grace period.
      const newGrace = already && curGrace !== undefined ? Math.min(curGrace, grace) : grace;
      if (already && newGrace === curGrace && jsonEqual(meta.finalizers ?? [], finalizers)) return { obj: old, deleted: false };
      if (!already || newGrace !== curGrace) meta.deletionTimestamp = nowRFC3339(() => Date.now() + newGrace * 1000);
      meta.deletionGracePeriodSeconds = newGrace;
      meta.finalizers = finalizers;
      def.strategy.prepareDelete?.(next);
      if (ctx.dryRun) return { obj: next, deleted: false };
      try {
        const kv = await ctx.hub.backend.update(cur.key, encodeStored(def, next), cur.rv);
        return { obj: stored(kv, next), deleted: false };
      } catch (e) {
        if (e instanceof StorageError && (e.code === 'Conflict') && attempt < 50) { await ctx.hub.waitFor(e.current?.modRevision ?? 0); continue; }
        if (e instanceof StorageError && e.code === 'NotFound') throw notFound(def.resource, def.group, name);
        throw e;
      }
    }
    if (ctx.dryRun) return { obj: old, deleted: true };
    try {
      await ctx.hub.backend.delete(cur.key, cur.rv);
      return { obj: old, deleted: true };
    } catch (e) {
      if (e instanceof StorageError && e.code === 'Conflict' && attempt < 50) { await ctx.hub.waitFor(e.current?.modRevision ?? 0); continue; }
      if (e instanceof StorageError && e.code === 'NotFound') throw notFound(def.resource, def.group, name);
      throw e;
    }
  }
}
