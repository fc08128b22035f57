// Tests for the PersistentVolume and PersistentVolumeClaim tables.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { persistentVolumeClaimPrinter, persistentVolumePrinter } from './core-storage.ts';
import { ago, columnNames, rowOf } from './test-support.ts';

describe('persistent volume table', () => {
  it('has the Kubernetes columns', () => {
    assert.deepEqual(columnNames(persistentVolumePrinter), {
      all: ['Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age', 'VolumeMode'],
      wide: ['VolumeMode'],
    });
  });
  it('prints a bound volume', () => {
    assert.deepEqual(rowOf(persistentVolumePrinter, {
      metadata: { name: 'pvc-1234', creationTimestamp: ago(3600 * 5) },
      spec: {
        capacity: { storage: '1024Mi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce', 'ReadWriteOncePod'],
        persistentVolumeReclaimPolicy: 'Delete', claimRef: { namespace: 'default', name: 'data' }, storageClassName: 'local-path', volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound' },
    }), {
      Name: 'pvc-1234', Capacity: '1Gi', 'Access Modes': 'RWO,RWX,RWOP', 'Reclaim Policy': 'Delete', Status: 'Bound', Claim: 'default/data',
      StorageClass: 'local-path', VolumeAttributesClass: '<unset>', Reason: '', Age: '5h', VolumeMode: 'Filesystem',
    });
  });
  it('prefers the beta storage class annotation and shows Terminating', () => {
    const r = rowOf(persistentVolumePrinter, {
      metadata: { name: 'v', deletionTimestamp: ago(1), annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' } },
      spec: { storageClassName: 'new' }, status: { phase: 'Released', reason: 'x' },
    });
    assert.equal(r.StorageClass, 'old');
    assert.equal(r.Status, 'Terminating');
    assert.equal(r.Capacity, '0');
    assert.equal(r.VolumeMode, '<unset>');
    assert.equal(r.Reason, 'x');
  });
});

describe('persistent volume claim table', () => {
  it('has the Kubernetes columns', () => {
    assert.deepEqual(columnNames(persistentVolumeClaimPrinter).all,
      ['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode']);
  });
  it('prints pending and bound claims', () => {
    const base = { metadata: { name: 'data', creationTimestamp: ago(45) }, spec: { storageClassName: 'local-path', resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' } };
    assert.deepEqual(rowOf(persistentVolumeClaimPrinter, { ...base, status: { phase: 'Pending' } }), {
      Name: 'data', Status: 'Pending', Volume: '', Capacity: '', 'Access Modes': '', StorageClass: 'local-path',
      VolumeAttributesClass: '<unset>', Age: '45s', VolumeMode: 'Filesystem',
    });
    const bound = rowOf(persistentVolumeClaimPrinter, {
      ...base, spec: { ...base.spec, volumeName: 'pvc-1', volumeAttributesClassName: 'gold' },
      status: { phase: 'Bound', capacity: { storage: '2Gi' }, accessModes: ['ReadWriteOnce'] },
    });
    assert.equal(bound.Volume, 'pvc-1');
    assert.equal(bound.Capacity, '2Gi');
    assert.equal(bound['Access Modes'], 'RWO');
    assert.equal(bound.VolumeAttributesClass, 'gold');
  });
});
