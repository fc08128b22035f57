// Serves custom resources: follows CustomResourceDefinitions, registers their resources, keeps their status.

import { deepCopy, nowRFC3339, type KObject } from '../../api/object.ts';
import type { ResourceRegistry } from '../registry/registry.ts';
import type { CacheHub } from '../watch-cache/hub.ts';
import type { CacheEvent } from '../watch-cache/resource-cache.ts';
import { cacheId, resourcePrefix } from '../store/keys.ts';
import { updateObject } from '../store/writes.ts';
import { crdDefs, type CRDSpec, type SchemaTools } from './crd-defs.ts';

type Obj = Record<string, unknown>;
const cleanupFinalizer = 'customresourcecleanup.apiextensions.k8s.io';

export interface CRDControllerOptions {
  hub: CacheHub;
  registry: ResourceRegistry;
  tools: SchemaTools;
  /** Told when a CRD's served resources change (OpenAPI, type info). */
  onChange?: (crd: KObject, removed: boolean) => void;
}

export class CRDController {
  #o: CRDControllerOptions;
  #served = new Map<string, string[]>(); // CRD name → "group/version/resource" keys
  #specs = new Map<string, string>(); // CRD name → JSON of the spec last registered
  #queue: Promise<void> = Promise.resolve();

  constructor(o: CRDControllerOptions) {
    this.#o = o;
  }

  /** Registers every CRD that exists now, then follows changes. */
  start(): void {
    const cache = this.#o.hub.cache(cacheId('apiextensions.k8s.io', 'customresourcedefinitions'));
    for (const o of cache.sorted()) this.#enqueue(o.obj);
    // When the hub replaces its caches (the datastore watch broke), start over from the new ones.
    cache.watch(this.#o.hub.revision, (ev: CacheEvent) => this.#enqueue(ev.obj.obj, ev.type === 'DELETED'), () => this.start());
  }

  /** Resolves when every change seen so far has been handled. */
  idle(): Promise<void> {
    return this.#queue;
  }

  #enqueue(crd: KObject, deleted = false): void {
    this.#queue = this.#queue.then(() => this.#sync(crd, deleted)).catch((e: Error) => {
      console.error(`skiff: customresourcedefinition ${crd.metadata?.name}: ${e.message}`);
    });
  }

  async #sync(crd: KObject, deleted: boolean): Promise<void> {
    const name = crd.metadata?.name ?? '';
    const { registry } = this.#o;
    const specJson = JSON.stringify(crd.spec);
    if (!deleted && !crd.metadata?.deletionTimestamp && this.#specs.get(name) === specJson) {
      await this.#markEstablished(crd);
      return;
    }
    this.#specs.delete(name);
    for (const key of this.#served.get(name) ?? []) {
      const [g, v, r] = key.split('/');
      registry.remove(g, v, r);
    }
    this.#served.delete(name);
    if (deleted) {
      this.#o.onChange?.(crd, true);
      return;
    }
    if (crd.metadata?.deletionTimestamp) {
      await this.#cleanup(crd);
      return;
    }
    const defs = crdDefs(crd, this.#o.tools);
    for (const d of defs) registry.add(d);
    this.#served.set(name, defs.map((d) => `${d.group}/${d.version}/${d.resource}`));
    this.#specs.set(name, specJson);
    this.#o.onChange?.(crd, false);
    await this.#markEstablished(crd);
  }

  async #markEstablished(crd: KObject): Promise<void> {
    const spec = crd.spec as CRDSpec;
    const status = (crd.status ?? {}) as Obj;
    const conds = (status.conditions ?? []) as Obj[];
    const storage = spec.versions.find((v) => v.storage)?.name;
    const hasFinalizer = crd.metadata?.finalizers?.includes(cleanupFinalizer);
    const established = conds.some((c) => c.type === 'Established' && c.status === 'True');
    const stored = (status.storedVersions as string[] | undefined) ?? [];
    if (established && hasFinalizer && storage && stored.includes(storage)) return;
    const def = this.#o.registry.get('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');
    if (!def) return;
    const now = nowRFC3339();
    const ctx = { hub: this.#o.hub, dryRun: false };
    await updateObject(def, ctx, '', crd.metadata!.name!, (cur) => {
      const next = cur!;
      next.metadata!.finalizers = [...new Set([...(next.metadata!.finalizers ?? []), cleanupFinalizer])];
      return next;
    });
    await updateObject(def, ctx, '', crd.metadata!.name!, (cur) => {
      const next = cur!;
      const names = (next.spec as CRDSpec).names;
      const st = (next.status ?? {}) as Obj;
      st.acceptedNames = { plural: names.plural, singular: names.singular ?? names.kind.toLowerCase(), kind: names.kind,
        listKind: names.listKind ?? `${names.kind}List`, ...(names.shortNames ? { shortNames: names.shortNames } : {}),
        ...(names.categories ? { categories: names.categories } : {}) };
      // Set our two conditions by type; other writers' conditions stay as they are.
      const ours = [
        { type: 'NamesAccepted', status: 'True', lastTransitionTime: now, reason: 'NoConflicts', message: 'no conflicts found' },
        { type: 'Established', status: 'True', lastTransitionTime: now, reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
      ];
      const existing = (Array.isArray(st.conditions) ? st.conditions : []) as Obj[];
      const merged = existing.map((c) => {
        const mine = ours.find((o) => o.type === c.type);
        return mine && c.status === 'True' ? c : mine ?? c;
      });
      for (const o of ours) if (!existing.some((c) => c.type === o.type)) merged.push(o);
      st.conditions = merged;
      const sv = new Set((st.storedVersions as string[] | undefined) ?? []);
      if (storage) sv.add(storage);
      st.storedVersions = [...sv];
      next.status = st;
      return next;
    }, { subresource: 'status' });
  }

  /** Deleting a CRD deletes all of its objects first (the cleanup finalizer), then lets the CRD go. */
  async #cleanup(crd: KObject): Promise<void> {
    const spec = crd.spec as CRDSpec;
    const backend = this.#o.hub.backend;
    const prefix = resourcePrefix(spec.group, spec.names.plural);
    for (;;) {
      const page = await backend.list(prefix, { limit: 500 });
      for (const kv of page.kvs) await backend.delete(kv.key).catch(() => undefined);
      if (!page.more) break;
    }
    const def = this.#o.registry.get('apiextensions.k8s.io', 'v1', 'customresourcedefinitions');
    if (!def || !crd.metadata?.finalizers?.includes(cleanupFinalizer)) return;
    await updateObject(def, { hub: this.#o.hub, dryRun: false }, '', crd.metadata.name!, (cur) => {
      const next = deepCopy(cur!);
      next.metadata!.finalizers = (next.metadata!.finalizers ?? []).filter((f) => f !== cleanupFinalizer);
      return next;
    });
  }
}
