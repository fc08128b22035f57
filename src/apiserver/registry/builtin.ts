// Builds the ResourceDefs of the built-in kinds from the catalog and the per-kind strategy pieces.

import type { KObject } from '../../api/object.ts';
import { nowRFC3339 } from '../../api/object.ts';
import type { TablePrinterLike } from '../table.ts';
import { builtinResources, type ResourceInfo } from './catalog.ts';
import { kindStrategy } from './kind-strategies.ts';
import type { ResourceDef, Strategy } from './resource-def.ts';
import { eventsV1, hpaV1, type Conversion } from './conversions.ts';

/** Pieces supplied by the api/ packages: defaulting, validation, printing. */
export interface KindHooks {
  defaults?(group: string, version: string, kind: string, obj: KObject): void;
  validateCreate?(group: string, kind: string, obj: KObject, namespaced: boolean): ReturnType<NonNullable<Strategy['validateCreate']>>;
  validateUpdate?(group: string, kind: string, obj: KObject, old: KObject, namespaced: boolean): ReturnType<NonNullable<Strategy['validateCreate']>>;
  printer?(group: string, resource: string): TablePrinterLike | undefined;
  prepareCreate?(group: string, kind: string, obj: KObject): void;
  prepareUpdate?(group: string, kind: string, obj: KObject, old: KObject): void;
}

/** NAME and AGE, as Kubernetes prints resources that have no printer of their own. */
export const namePrinter: TablePrinterLike = {
  columns: [
    { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
    { name: 'Created At', type: 'date', format: '', description: 'Creation timestamp.', priority: 0 },
  ],
  row: (o) => [o.metadata?.name ?? '', o.metadata?.creationTimestamp ?? nowRFC3339()],
};

/** Resources served in a second version over another version's stored objects. */
function conversionOf(r: ResourceInfo): Conversion | undefined {
  if (r.group === 'autoscaling' && r.version === 'v1') return hpaV1;
  if (r.group === 'events.k8s.io') return eventsV1;
  return undefined;
}

export function builtinDefs(hooks: KindHooks): ResourceDef[] {
  const defs = builtinResources.map((r) => {
    const base = kindStrategy(r.group, r.resource);
    const strategy: Strategy = {
      ...base,
      defaults: hooks.defaults ? (obj) => hooks.defaults!(r.group, r.version, r.kind, obj) : base.defaults,
      validateCreate: hooks.validateCreate ? (obj) => hooks.validateCreate!(r.group, r.kind, obj, r.namespaced) : base.validateCreate,
      validateUpdate: hooks.validateUpdate ? (obj, old) => hooks.validateUpdate!(r.group, r.kind, obj, old, r.namespaced) : base.validateUpdate,
      prepareCreate: hooks.prepareCreate ? (obj) => hooks.prepareCreate!(r.group, r.kind, obj) : base.prepareCreate,
      prepareUpdate: hooks.prepareUpdate ? (obj, old) => hooks.prepareUpdate!(r.group, r.kind, obj, old) : base.prepareUpdate,
    };
    return {
      ...r,
      apiVersion: r.group ? `${r.group}/${r.version}` : r.version,
      hasStatus: r.subresources?.includes('status') ?? false,
      strategy,
      printer: hooks.printer?.(r.group, r.resource) ?? namePrinter,
      conversion: conversionOf(r),
    } satisfies ResourceDef;
  });
  // A converted version is defaulted and validated as the stored version it converts to.
  return defs.map((d) => {
    const c = d.conversion;
    if (!c) return d;
    const target = defs.find((x) => x.group === c.group && x.resource === c.resource && !x.conversion)!;
    const t = target.strategy;
    const strategy: Strategy = {
      ...t,
      defaults: undefined,
      prepareCreate: undefined,
      prepareUpdate: undefined,
      validateCreate: t.validateCreate ? (obj) => t.validateCreate!(c.toStorage(obj)) : undefined,
      validateUpdate: t.validateUpdate ? (obj, old) => t.validateUpdate!(c.toStorage(obj), c.toStorage(old)) : undefined,
      // Selectors are evaluated on stored objects, so the stored version's fields apply as they are.
      fields: t.fields,
    };
    return { ...d, strategy };
  });
}
