// policy/v1 PodDisruptionBudget table: min available, max unavailable and the disruptions allowed now.

import { ageColumn, ageOf, col, nameColumn, nameOf } from './columns.ts';
import { intOrString } from './format.ts';
import type { TablePrinter } from './types.ts';
import { at, has, int } from './values.ts';

export const podDisruptionBudgetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Min Available', 'string', 'Pods that must stay available, as a number or percentage.'),
    col('Max Unavailable', 'string', 'Pods that may be unavailable, as a number or percentage.'),
    col('Allowed Disruptions', 'integer', 'Pods that may be disrupted right now.'),
    ageColumn,
  ],
  row: (pdb, now) => [
    nameOf(pdb),
    has(pdb, 'spec', 'minAvailable') ? intOrString(at(pdb, 'spec', 'minAvailable')) : 'N/A',
    has(pdb, 'spec', 'maxUnavailable') ? intOrString(at(pdb, 'spec', 'maxUnavailable')) : 'N/A',
    int(pdb, 'status', 'disruptionsAllowed'),
    ageOf(pdb, now),
  ],
};
