// storage.k8s.io/v1 StorageClass table: provisioner, reclaim policy, binding mode, expansion; "(default)" marks the default class.

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, nameColumn, nameOf } from './columns.ts';
import type { TablePrinter } from './types.ts';
import { optBool, optStr, str } from './values.ts';

/** storageutil.IsDefaultAnnotation: the GA or beta is-default-class annotation is "true". */
function isDefaultClass(sc: KObject): boolean {
  const a = sc.metadata?.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

export const storageClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Provisioner', 'string', 'Volume plugin or CSI driver that provisions volumes.'),
    col('ReclaimPolicy', 'string', 'What happens to provisioned volumes when released.'),
    col('VolumeBindingMode', 'string', 'When volumes are bound: Immediate or WaitForFirstConsumer.'),
    col('AllowVolumeExpansion', 'string', 'Whether claims of this class may grow.'),
    ageColumn,
  ],
  row: (sc, now) => [
    nameOf(sc) + (isDefaultClass(sc) ? ' (default)' : ''),
    str(sc, 'provisioner'),
    optStr(sc, 'reclaimPolicy') ?? 'Delete',
    optStr(sc, 'volumeBindingMode') ?? 'Immediate',
    optBool(sc, 'allowVolumeExpansion') ?? false,
    ageOf(sc, now),
  ],
};
