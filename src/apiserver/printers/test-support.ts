// Helpers for the printer tests: a fixed clock, timestamps relative to it, and rows keyed by column name.

import type { KObject } from '../../api/object.ts';
import type { TablePrinter } from './types.ts';

export const NOW = Date.parse('2025-03-01T12:00:00Z');

/** An RFC 3339 timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** A row as a map from column name to cell; also checks one cell per column. */
export function rowOf(p: TablePrinter, obj: KObject, now = NOW): Record<string, unknown> {
  const cells = p.row(obj, now);
  if (cells.length !== p.columns.length) throw new Error(`${cells.length} cells for ${p.columns.length} columns`);
  return Object.fromEntries(p.columns.map((c, i) => [c.name, cells[i]]));
}

/** Column names, and the names of the `-o wide` ones. */
export function columnNames(p: TablePrinter): { all: string[]; wide: string[] } {
  return { all: p.columns.map((c) => c.name), wide: p.columns.filter((c) => c.priority === 1).map((c) => c.name) };
}
