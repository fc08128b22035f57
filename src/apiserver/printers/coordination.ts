// coordination.k8s.io/v1 Lease table: the current holder.

import { ageColumn, ageOf, col, nameColumn, nameOf } from './columns.ts';
import type { TablePrinter } from './types.ts';
import { str } from './values.ts';

export const leasePrinter: TablePrinter = {
  columns: [nameColumn, col('Holder', 'string', 'Identity of the current holder of the lease.'), ageColumn],
  row: (lease, now) => [nameOf(lease), str(lease, 'spec', 'holderIdentity'), ageOf(lease, now)],
};
