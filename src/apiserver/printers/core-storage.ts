// PersistentVolume and PersistentVolumeClaim tables (core/v1): capacity, access modes, phase, claim and storage class.

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, nameColumn, nameOf, wide } from './columns.ts';
import { quantity } from './format.ts';
import type { TablePrinter } from './types.ts';
import { at, has, list, optStr, str } from './values.ts';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, each once. */
export function accessModes(modes: unknown[]): string {
  const set = new Set(modes.filter((m): m is string => typeof m === 'string'));
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** The storage class: the beta annotation first, then spec.storageClassName. */
function storageClass(obj: KObject): string {
  const annotations = obj.metadata?.annotations ?? {};
  if (Object.prototype.hasOwnProperty.call(annotations, BETA_STORAGE_CLASS_ANNOTATION)) return annotations[BETA_STORAGE_CLASS_ANNOTATION];
  return str(obj, 'spec', 'storageClassName');
}

/** The phase, or "Terminating" once deletion has started. */
function phaseOf(obj: KObject): string {
  if (has(obj, 'metadata', 'deletionTimestamp')) return 'Terminating';
  return str(obj, 'status', 'phase') || 'Pending';
}

export const persistentVolumePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Capacity', 'string', 'Storage capacity of the volume.'),
    col('Access Modes', 'string', 'Ways the volume can be mounted (RWO, ROX, RWX, RWOP).'),
    col('Reclaim Policy', 'string', 'What happens to the volume when its claim is released.'),
    col('Status', 'string', 'Phase of the volume: Available, Bound, Released, Failed.'),
    col('Claim', 'string', 'Claim bound to the volume, as namespace/name.'),
    col('StorageClass', 'string', 'Storage class of the volume.'),
    col('VolumeAttributesClass', 'string', 'Volume attributes class of the volume.'),
    col('Reason', 'string', 'Reason for the current phase.'),
    ageColumn,
    wide('VolumeMode', 'string', 'Filesystem or Block.'),
  ],
  row(pv, now) {
    const claimRef = at(pv, 'spec', 'claimRef');
    const claim = has(pv, 'spec', 'claimRef') ? `${str(claimRef, 'namespace')}/${str(claimRef, 'name')}` : '';
    return [
      nameOf(pv),
      quantity(at(pv, 'spec', 'capacity', 'storage')),
      accessModes(list(pv, 'spec', 'accessModes')),
      str(pv, 'spec', 'persistentVolumeReclaimPolicy'),
      phaseOf(pv),
      claim,
      storageClass(pv),
      optStr(pv, 'spec', 'volumeAttributesClassName') ?? '<unset>',
      str(pv, 'status', 'reason'),
      ageOf(pv, now),
      optStr(pv, 'spec', 'volumeMode') ?? '<unset>',
    ];
  },
};

export const persistentVolumeClaimPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'string', 'Phase of the claim: Pending, Bound or Lost.'),
    col('Volume', 'string', 'Volume bound to the claim.'),
    col('Capacity', 'string', 'Capacity of the bound volume.'),
    col('Access Modes', 'string', 'Access modes of the bound volume.'),
    col('StorageClass', 'string', 'Storage class the claim asks for.'),
    col('VolumeAttributesClass', 'string', 'Volume attributes class the claim asks for.'),
    ageColumn,
    wide('VolumeMode', 'string', 'Filesystem or Block.'),
  ],
  row(pvc, now) {
    const volumeName = str(pvc, 'spec', 'volumeName');
    // Capacity and access modes are only shown once the claim names a volume.
    const bound = volumeName !== '';
    return [
      nameOf(pvc),
      phaseOf(pvc),
      volumeName,
      bound ? quantity(at(pvc, 'status', 'capacity', 'storage')) : '',
      bound ? accessModes(list(pvc, 'status', 'accessModes')) : '',
      storageClass(pvc),
      optStr(pvc, 'spec', 'volumeAttributesClassName') ?? '<unset>',
      ageOf(pvc, now),
      optStr(pvc, 'spec', 'volumeMode') ?? '<unset>',
    ];
  },
};
