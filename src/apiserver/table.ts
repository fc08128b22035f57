// Table responses (`as=Table`): turns objects into the rows kubectl prints.

import type { KObject } from '../api/object.ts';

export interface TableColumnLike {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TablePrinterLike {
  columns: readonly TableColumnLike[];
  row(obj: KObject, now: number): unknown[];
  /** Row conditions (Kubernetes marks finished pods' rows Completed). */
  conditions?(obj: KObject): unknown[] | undefined;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function partialMetadata(obj: KObject): KObject {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

function rowOf(p: TablePrinterLike, obj: KObject, include: IncludeObject, now: number): Record<string, unknown> {
  const row: Record<string, unknown> = { cells: p.row(obj, now) };
  const conditions = p.conditions?.(obj);
  if (conditions?.length) row.conditions = conditions;
  if (include === 'Object') row.object = obj;
  else if (include === 'Metadata') row.object = partialMetadata(obj);
  return row;
}

export interface TableOptions {
  include: IncludeObject;
  noHeaders?: boolean;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export function toTable(p: TablePrinterLike, objs: readonly KObject[], opts: TableOptions): Record<string, unknown> {
  const now = Date.now();
  const metadata: Record<string, unknown> = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  const t: Record<string, unknown> = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata };
  if (!opts.noHeaders) t.columnDefinitions = p.columns;
  t.rows = objs.map((o) => rowOf(p, o, opts.include, now));
  return t;
}
