// What the API server knows about a served resource: its names, scope, and per-kind strategy hooks.

import type { FieldError } from '../../api/errors.ts';
import type { KObject } from '../../api/object.ts';
import type { TablePrinterLike } from '../table.ts';
import type { ResourceInfo } from './catalog.ts';
import type { Conversion } from './conversions.ts';

/** Per-kind behaviour. Every hook is optional; the generic store does the rest. */
export interface Strategy {
  /** Fills defaulted fields (mutates). */
  defaults?(obj: KObject): void;
  /** Field errors for a new object (after defaulting). */
  validateCreate?(obj: KObject): FieldError[];
  /** Field errors for an update of `old` into `obj`. */
  validateUpdate?(obj: KObject, old: KObject): FieldError[];
  /** Adjusts a new object before it is stored, e.g. resets status. */
  prepareCreate?(obj: KObject): void;
  /** Adjusts an updated object before it is stored, e.g. keeps status on a main-resource update. */
  prepareUpdate?(obj: KObject, old: KObject): void;
  /** Selectable fields for field selectors, beyond metadata.name/metadata.namespace. */
  fields?(obj: KObject): Record<string, string>;
  /** Graceful deletion: seconds to wait (0 = delete at once) given the requested grace period. */
  gracePeriod?(obj: KObject, requested: number | undefined): number;
  /** Deletion waits while this is true even without finalizers (a Namespace's spec.finalizers). */
  holdsDeletion?(obj: KObject): boolean;
  /** Adjusts an object whose deletion has begun, e.g. a Namespace's status.phase = Terminating. */
  prepareDelete?(obj: KObject): void;
}

export interface ResourceDef extends ResourceInfo {
  /** "apps/v1" or "v1". */
  readonly apiVersion: string;
  /** Whether a PUT to the main resource may not change `status` (the status subresource owns it). */
  readonly hasStatus: boolean;
  readonly strategy: Strategy;
  readonly printer: TablePrinterLike;
  /** Served in a version other than the stored one: where its objects live and how to convert them. */
  readonly conversion?: Conversion;
  /** Custom resources whose schema has defaults: a defaulted copy of a stored object (defaults also apply on read). */
  readonly readDefaults?: (obj: KObject) => KObject;
  /** Custom resources: the CRD that defines it. */
  readonly crd?: KObject;
  /** Scale subresource paths for custom resources (defaults to spec.replicas/status.replicas). */
  readonly scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
}

/** Group and resource under which the def's objects are stored (and cached). */
export function storedAs(def: ResourceDef): { group: string; resource: string } {
  return def.conversion ?? def;
}

/** How a stored object is shown through this def (conversion, read defaults), or undefined when as stored. */
export function readView(def: ResourceDef): ((obj: KObject) => KObject) | undefined {
  const c = def.conversion;
  const d = def.readDefaults;
  if (c && d) return (o) => d(c.fromStorage(o));
  if (c) return (o) => c.fromStorage(o);
  return d;
}

/** The stored form of an object written through this def. */
export function toStored(def: ResourceDef, obj: KObject): KObject {
  return def.conversion ? def.conversion.toStorage(obj) : obj;
}
