// Column definitions shared by printers: the NAME and AGE columns and a compact builder for the rest.

import type { KObject } from '../../api/object.ts';
import { since } from './duration.ts';
import type { TableColumn } from './types.ts';

/** A column definition. `priority` 1 marks the `-o wide` extras. */
export function col(name: string, type: string, description: string, priority = 0, format = ''): TableColumn {
  return { name, type, format, description, priority };
}

/** A `-o wide` column. */
export function wide(name: string, type: string, description: string): TableColumn {
  return col(name, type, description, 1);
}

export const nameColumn: TableColumn = col('Name', 'string', 'Name of the object, unique within its namespace.', 0, 'name');
export const ageColumn: TableColumn = col('Age', 'string', 'Time since the object was created.');

export const containersColumn: TableColumn = wide('Containers', 'string', 'Names of the containers in the pod template.');
export const imagesColumn: TableColumn = wide('Images', 'string', 'Images of the containers in the pod template.');

/** The object's name ("" when unset). */
export function nameOf(obj: KObject): string {
  return obj.metadata?.name ?? '';
}

/** The AGE cell: time since creationTimestamp, "<unknown>" without one. */
export function ageOf(obj: KObject, now: number): string {
  return since(obj.metadata?.creationTimestamp, now);
}
