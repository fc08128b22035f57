// Turns a CustomResourceDefinition into the ResourceDefs it serves, one per served version.

import type { FieldError } from '../../api/errors.ts';
import type { KObject } from '../../api/object.ts';
import type { ResourceDef, Strategy } from '../registry/resource-def.ts';
import type { TablePrinterLike } from '../table.ts';

type Obj = Record<string, unknown>;

export interface CRDVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: { openAPIV3Schema?: Obj };
  subresources?: { status?: Obj; scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string } };
  additionalPrinterColumns?: { name: string; type: string; format?: string; description?: string; priority?: number; jsonPath: string }[];
}

export interface CRDSpec {
  group: string;
  names: { plural: string; singular?: string; kind: string; listKind?: string; shortNames?: string[]; categories?: string[] };
  scope: 'Namespaced' | 'Cluster';
  versions: CRDVersion[];
}

/** The per-version pieces that depend on the schema: supplied by the CRD schema package. */
export interface SchemaTools {
  validate(schema: Obj, obj: KObject): FieldError[];
  validateUpdate(schema: Obj, obj: KObject, old: KObject): FieldError[];
  defaults(schema: Obj, obj: KObject): void;
  prune(schema: Obj, obj: KObject): string[];
  printer(columns: NonNullable<CRDVersion['additionalPrinterColumns']>): TablePrinterLike;
  validateName(name: string): FieldError[];
}

export function crdDefs(crd: KObject, tools: SchemaTools): ResourceDef[] {
  const spec = crd.spec as CRDSpec;
  const defs: ResourceDef[] = [];
  for (const v of spec.versions ?? []) {
    if (!v.served) continue;
    const schema = v.schema?.openAPIV3Schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const hasStatus = !!v.subresources?.status;
    const validateMeta = (obj: KObject): FieldError[] => {
      const name = obj.metadata?.name ?? '';
      return name ? tools.validateName(name) : [];
    };
    const strategy: Strategy = {
      defaults: (obj) => tools.defaults(schema, obj),
      validateCreate: (obj) => [...validateMeta(obj), ...tools.validate(schema, obj)],
      validateUpdate: (obj, old) => tools.validateUpdate(schema, obj, old),
      prepareCreate: hasStatus ? (obj) => { delete obj.status; } : undefined,
    };
    const subresources: string[] = [];
    if (hasStatus) subresources.push('status');
    if (v.subresources?.scale) subresources.push('scale');
    const columns = v.additionalPrinterColumns ?? [];
    defs.push({
      group: spec.group,
      version: v.name,
      resource: spec.names.plural,
      kind: spec.names.kind,
      singular: spec.names.singular || spec.names.kind.toLowerCase(),
      namespaced: spec.scope === 'Namespaced',
      shortNames: spec.names.shortNames,
      categories: spec.names.categories,
      subresources,
      apiVersion: `${spec.group}/${v.name}`,
      hasStatus,
      strategy,
      printer: tools.printer(columns),
      readDefaults: JSON.stringify(schema).includes('"default"')
        ? (obj) => { const copy = structuredClone(obj); tools.defaults(schema, copy); return copy; }
        : undefined,
      crd,
      scale: v.subresources?.scale,
    });
  }
  return defs;
}

export function crdSchemaOf(def: ResourceDef): Obj | undefined {
  const spec = def.crd?.spec as CRDSpec | undefined;
  const v = spec?.versions.find((x) => x.name === def.version);
  return v?.schema?.openAPIV3Schema;
}
