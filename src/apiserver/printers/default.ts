// The tables Kubernetes serves for objects without a dedicated printer: built-ins get NAME, CREATED AT; custom resources NAME, AGE.

import { col, nameColumn, nameOf } from './columns.ts';
import { crdPrinter } from './crd.ts';
import { rfc3339 } from './duration.ts';
import type { TablePrinter } from './types.ts';

/**
 * rest.NewDefaultTableConvertor: what Kubernetes prints for built-in resources without a printer
 * (roles, clusterroles, limitranges, customresourcedefinitions): the name and the RFC 3339 creation time.
 */
export const createdAtPrinter: TablePrinter = {
  columns: [nameColumn, col('Created At', 'date', 'Time the object was created.')],
  row: (obj) => [nameOf(obj), rfc3339(obj.metadata?.creationTimestamp)],
};

/** The table of a custom resource whose CRD lists no printer columns: NAME and AGE (a "date" column printed as an age). */
export const defaultPrinter: TablePrinter = crdPrinter([]);
