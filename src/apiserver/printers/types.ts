// The shapes every printer shares: a Table column definition and a printer (columns plus a row function).

import type { KObject } from '../../api/object.ts';

/** One metav1.TableColumnDefinition. Priority 0 columns always show; priority 1 only with `-o wide`. */
export interface TableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/**
 * Turns one object into the cells of a Table row. The server always prints the wide form
 * (Kubernetes generates tables with Wide: true), so `row` returns one cell per column.
 * `now` is the current time in milliseconds since the epoch; ages are measured against it.
 */
export interface TablePrinter {
  columns: readonly TableColumn[];
  row(obj: KObject, now: number): unknown[];
}
