// Custom resource tables from a CRD version's additionalPrinterColumns, computed as Kubernetes' CRD table convertor does.

import type { KObject } from '../../api/object.ts';
import { col, nameColumn, nameOf } from './columns.ts';
import { humanDuration } from './duration.ts';
import { goJSON, goPrintScalar, isGoInt } from './go-format.ts';
import { evaluate } from './jsonpath-eval.ts';
import { type PathNode, parseColumnPath } from './jsonpath.ts';
import type { TableColumn, TablePrinter } from './types.ts';
import { isDict } from './values.ts';

export interface PrinterColumnSpec {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

/** The column Kubernetes serves when a CRD version lists no additionalPrinterColumns. */
const defaultAgeColumn: PrinterColumnSpec = {
  name: 'Age', type: 'date', description: 'Time since the object was created.', jsonPath: '.metadata.creationTimestamp',
};

const rfc3339Re = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A "date" cell: the age of an RFC 3339 timestamp, "<unknown>" when empty, "<invalid>" when malformed. */
function dateCell(value: string, now: number): string {
  if (value === '' || value === 'null') return '<unknown>';
  const t = rfc3339Re.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) return '<invalid>';
  if (t <= Date.parse('0001-01-01T00:00:00Z')) return '<unknown>';
  return humanDuration(now - t);
}

/** cellForJSONValue: the typed cell for a non-string column; null when the value does not fit the type. */
function typedCell(type: string, value: unknown, now: number): unknown {
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? (isGoInt(value) ? value : Math.trunc(value)) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'string':
      return typeof value === 'string' ? value : null;
    case 'date':
      return typeof value === 'string' ? dateCell(value, now) : null;
    default:
      return null;
  }
}

/** A "string" cell as jsonpath's PrintResults writes one value: JSON for maps and lists, fmt.Fprint otherwise. */
function stringCell(value: unknown): string {
  if (value === null || value === undefined) return '<no value>';
  if (Array.isArray(value) || isDict(value)) return goJSON(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return goPrintScalar(value);
  return String(value);
}

function cell(path: PathNode[] | undefined, type: string, obj: KObject, now: number): unknown {
  if (!path) return null;
  let results: unknown[];
  try {
    results = evaluate(path, [obj]);
  } catch {
    return null;
  }
  if (results.length === 0) return null;
  const value = results[0];
  return type === 'string' ? stringCell(value) : typedCell(type, value, now);
}

/**
 * The table of a custom resource: NAME, then one column per additionalPrinterColumn (or AGE when there are none).
 * A column whose jsonPath does not parse prints null cells.
 */
export function crdPrinter(columns: PrinterColumnSpec[]): TablePrinter {
  const specs = columns.length > 0 ? columns : [defaultAgeColumn];
  const paths = specs.map((c) => {
    try {
      return parseColumnPath(c.jsonPath);
    } catch {
      return undefined;
    }
  });
  const defs: TableColumn[] = [
    nameColumn,
    ...specs.map((c) => col(
      c.name, c.type,
      c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
      c.priority ?? 0, c.format ?? '',
    )),
  ];
  return {
    columns: defs,
    row: (obj, now) => [nameOf(obj), ...specs.map((c, i) => cell(paths[i], c.type, obj, now))],
  };
}
