// scheduling.k8s.io/v1 PriorityClass table: value, whether it is the global default, and the preemption policy.

import { ageColumn, ageOf, col, nameColumn, nameOf } from './columns.ts';
import type { TablePrinter } from './types.ts';
import { int, optBool, optStr } from './values.ts';

export const priorityClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Value', 'integer', 'Priority given to pods of this class.'),
    col('Global-Default', 'boolean', 'Whether pods without a class get this one.'),
    ageColumn,
    col('PreemptionPolicy', 'string', 'Whether pods of this class may preempt lower-priority pods.'),
  ],
  row: (pc, now) => [
    nameOf(pc), int(pc, 'value'), optBool(pc, 'globalDefault') ?? false, ageOf(pc, now),
    optStr(pc, 'preemptionPolicy') ?? 'PreemptLowerPriority',
  ],
};
