// Conformance: [sig-storage] API-only entries: StorageClass, PV/PVC, CSIDriver, CSINode, CSIStorageCapacity and VolumeAttachment.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { arr, at, eventually, qs, rand, type Api, type KList, type KObj } from './client.ts';
import { apiOperations } from './api-operations.ts';
import { serverContext } from './suite.ts';

const sel = (s: string) => qs({ labelSelector: s });

/** Create, read, patch a label, list by it, delete, re-create, update a label, delete by collection: the shape of the storage lifecycle tests. */
async function clusterLifecycle(api: Api, base: string, make: (name: string, labels: Record<string, string>) => KObj): Promise<void> {
  const label = `e2e-${rand(8)}`;
  const labels = { 'e2e-test': label };
  const first = await api.create(base, make(`${label}-1`, labels));
  const read = await api.get(`${base}/${first.metadata.name}`);
  assert.equal(read.metadata.uid, first.metadata.uid, 'read by name');
  const patched = await api.patch(`${base}/${first.metadata.name}`, { metadata: { labels: { [first.metadata.name]: 'patched' } } }, 'strategic');
  assert.equal(patched.metadata.labels?.[first.metadata.name], 'patched', 'patched label');
  assert.equal((await api.get<KList>(base + sel(`${first.metadata.name}=patched`))).items.length, 1, 'listed by the patched label');
  assert.equal((await api.del(`${base}/${first.metadata.name}`)).status, 200);
  await eventually(async () => (await api.req('GET', `${base}/${first.metadata.name}`)).status === 404, 5000, 'deletion');

  const second = await api.create(base, make(`${label}-2`, labels));
  const cur = await api.get(`${base}/${second.metadata.name}`);
  cur.metadata.labels = { ...cur.metadata.labels, [second.metadata.name]: 'updated' };
  const updated = await api.put(`${base}/${second.metadata.name}`, cur);
  assert.equal(updated.metadata.labels?.[second.metadata.name], 'updated', 'updated label');
  assert.equal((await api.del(base + sel(`e2e-test=${label}`))).status, 200, 'deletecollection');
  await eventually(async () => (await api.get<KList>(base + sel(`e2e-test=${label}`))).items.length === 0, 5000, 'deletion by collection');
}

describe('conformance: storage APIs', () => {
  const ctx = serverContext();

  it('[sig-storage] StorageClasses CSI Conformance should run through the lifecycle of a StorageClass [Conformance]', async () => {
    await clusterLifecycle(ctx.api, '/apis/storage.k8s.io/v1/storageclasses', (name, labels) => ({
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, labels }, provisioner: 'e2e-fake-provisioner', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer',
    }));
  });

  it('[sig-storage] CSIInlineVolumes should run through the lifecycle of a CSIDriver [Conformance]', async () => {
    await clusterLifecycle(ctx.api, '/apis/storage.k8s.io/v1/csidrivers', (name, labels) => ({
      apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: `${name}.example.com`, labels }, spec: { attachRequired: false, volumeLifecycleModes: ['Ephemeral'] },
    }));
  });

  it('[sig-storage] CSIInlineVolumes should support CSIVolumeSource in Pod API [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('csiinlinevolumes');
    const base = `/api/v1/namespaces/${ns}/pods`;
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod-csi-inline-volumes' },
      spec: {
        volumes: [{ name: 'csi-inline-vol1', csi: { driver: 'e2e.example.com' } }, { name: 'csi-inline-vol2', csi: { driver: 'e2e.example.com', fsType: 'ext4', readOnly: true } }],
        containers: [{ name: 'pod-csi-inline-volumes', image: 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1', command: ['sh', '-c', 'ls /mnt/*'], volumeMounts: [{ name: 'csi-inline-vol1', mountPath: '/mnt/vol1' }, { name: 'csi-inline-vol2', mountPath: '/mnt/vol2' }] }],
      },
    };
    const created = await api.create(base, pod);
    const again = await api.req('POST', base, { body: pod });
    assert.equal(again.status, 409, 'creating it twice answers AlreadyExists');
    assert.equal(again.json().reason, 'AlreadyExists');
    assert.equal((await api.get(`${base}/pod-csi-inline-volumes`)).metadata.uid, created.metadata.uid);
    assert.equal((await api.get<KList>(base)).items.length, 1);
    const patched = await api.patch(`${base}/pod-csi-inline-volumes`, { metadata: { annotations: { patched: 'true' } } });
    assert.equal(patched.metadata.annotations?.patched, 'true');
    assert.deepEqual(at(patched, 'spec.volumes.1.csi'), { driver: 'e2e.example.com', fsType: 'ext4', readOnly: true }, 'the CSI volume source round-trips');
    assert.equal((await api.del(`${base}/pod-csi-inline-volumes`)).status, 200);
    const r = await api.req('GET', `${base}/pod-csi-inline-volumes`);
    assert.ok(r.status === 404 || (r.status === 200 && r.json().metadata.deletionTimestamp), `deleted or being deleted: ${r.status}`);
  });

  it('[sig-storage] CSINodes CSI Conformance should run through the lifecycle of a csinode [Conformance]', async () => {
    await clusterLifecycle(ctx.api, '/apis/storage.k8s.io/v1/csinodes', (name, labels) => ({
      apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name, labels }, spec: { drivers: [{ name: 'e2e-driver.example.com', nodeID: name, topologyKeys: ['topology.example.com/zone'] }] },
    }));
  });

  it('[sig-storage] CSIStorageCapacity should support CSIStorageCapacities API operations [Conformance]', async () => {
    await apiOperations(ctx.api, {
      group: 'storage.k8s.io', version: 'v1', resource: 'csistoragecapacities', namespaced: true,
      make: (name, labels) => ({ apiVersion: 'storage.k8s.io/v1', kind: 'CSIStorageCapacity', metadata: { name, labels }, storageClassName: 'e2e', capacity: '1Gi', nodeTopology: { matchLabels: { 'topology.example.com/zone': 'z1' } } }),
    });
  });

  it('[sig-storage] VolumeAttachment Conformance should run through the lifecycle of a VolumeAttachment [Conformance]', async () => {
    await clusterLifecycle(ctx.api, '/apis/storage.k8s.io/v1/volumeattachments', (name, labels) => ({
      apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name, labels },
      spec: { attacher: 'e2e-test.storage.k8s.io', nodeName: 'e2e-fake-node', source: { persistentVolumeName: `pv-${name}` } },
    }));
  });

  it('[sig-storage] VolumeAttachment Conformance should apply changes to a volumeattachment status [Conformance]', async () => {
    const { api } = ctx;
    const base = '/apis/storage.k8s.io/v1/volumeattachments';
    const name = `va-${rand(8)}`;
    await api.create(base, { apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name }, spec: { attacher: 'e2e-test.storage.k8s.io', nodeName: 'e2e-fake-node', source: { persistentVolumeName: `pv-${name}` } } });
    const patched = await api.patch(`${base}/${name}`, { metadata: { labels: { [name]: 'patched' } } }, 'strategic');
    assert.equal(patched.metadata.labels?.[name], 'patched');
    const st = await api.get(`${base}/${name}/status`);
    assert.equal(at(st, 'status.attached') ?? false, false, 'a new attachment is not attached');
    const ps = await api.patch(`${base}/${name}/status`, { status: { attached: true } });
    assert.equal(at(ps, 'status.attached'), true, 'status patched to attached');
    const cur = await api.get(`${base}/${name}/status`);
    cur.status = { ...(cur.status as object), attached: false };
    const us = await api.put(`${base}/${name}/status`, cur);
    assert.equal(at(us, 'status.attached'), false, 'status updated to detached');
    assert.equal((await api.del(`${base}/${name}`)).status, 200);
    await eventually(async () => (await api.req('GET', `${base}/${name}`)).status === 404, 5000, 'deletion');
  });

  const pv = (name: string, labels: Record<string, string>) => ({
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, labels },
    spec: { storageClassName: 'e2e-manual', accessModes: ['ReadWriteOnce'], capacity: { storage: '3Mi' }, persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/tmp/e2e-data', type: 'DirectoryOrCreate' } },
  });
  const pvc = (name: string, labels: Record<string, string>) => ({
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, labels },
    spec: { storageClassName: 'e2e-manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Mi' } } },
  });

  it('[sig-storage] PersistentVolumes CSI Conformance should run through the lifecycle of a PV and a PVC [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('pv');
    const label = { 'e2e-pv-pool': ns };
    const pvs = '/api/v1/persistentvolumes';
    const pvcs = `/api/v1/namespaces/${ns}/persistentvolumeclaims`;
    const pvName = `pv-${rand(8)}`;
    const pvcName = `pvc-${rand(8)}`;
    const createdPv = await api.create(pvs, pv(pvName, label));
    const createdPvc = await api.create(pvcs, pvc(pvcName, label));
    assert.equal((await api.get<KList>(pvs + sel(`e2e-pv-pool=${ns}`))).items.length, 1, 'PVs listed by label');
    assert.equal((await api.get<KList>(pvcs)).items.length, 1, 'PVCs listed in the namespace');
    assert.equal((await api.patch(`${pvs}/${pvName}`, { metadata: { labels: { [pvName]: 'patched' } } }, 'strategic')).metadata.labels?.[pvName], 'patched');
    assert.equal((await api.patch(`${pvcs}/${pvcName}`, { metadata: { labels: { [pvcName]: 'patched' } } }, 'strategic')).metadata.labels?.[pvcName], 'patched');
    assert.equal((await api.get(`${pvs}/${pvName}`)).metadata.uid, createdPv.metadata.uid);
    assert.equal((await api.get(`${pvcs}/${pvcName}`)).metadata.uid, createdPvc.metadata.uid);
    assert.equal((await api.del(`${pvcs}/${pvcName}`)).status, 200);
    await eventually(async () => (await api.req('GET', `${pvcs}/${pvcName}`)).status === 404, 5000, 'PVC deletion');
    assert.equal((await api.del(`${pvs}/${pvName}`)).status, 200);
    await eventually(async () => (await api.req('GET', `${pvs}/${pvName}`)).status === 404, 5000, 'PV deletion');

    await api.create(pvs, pv(`${pvName}-2`, label));
    await api.create(pvcs, pvc(`${pvcName}-2`, label));
    for (const path of [`${pvs}/${pvName}-2`, `${pvcs}/${pvcName}-2`]) {
      const cur = await api.get(path);
      cur.metadata.labels = { ...cur.metadata.labels, updated: 'true' };
      assert.equal((await api.put(path, cur)).metadata.labels?.updated, 'true');
    }
    assert.equal((await api.del(pvcs + sel(`e2e-pv-pool=${ns}`))).status, 200);
    assert.equal((await api.del(pvs + sel(`e2e-pv-pool=${ns}`))).status, 200);
    await eventually(async () => (await api.get<KList>(pvcs + sel(`e2e-pv-pool=${ns}`))).items.length === 0 && (await api.get<KList>(pvs + sel(`e2e-pv-pool=${ns}`))).items.length === 0, 5000, 'deletion by collection');
  });

  it('[sig-storage] PersistentVolumes CSI Conformance should apply changes to a pv/pvc status [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('pv');
    const label = { 'e2e-pv-pool': ns };
    const pvs = '/api/v1/persistentvolumes';
    const pvcs = `/api/v1/namespaces/${ns}/persistentvolumeclaims`;
    const pvName = `pv-${rand(8)}`;
    const pvcName = `pvc-${rand(8)}`;
    await api.create(pvs, pv(pvName, label));
    await api.create(pvcs, pvc(pvcName, label));
    assert.equal((await api.get<KList>(pvs + sel(`e2e-pv-pool=${ns}`))).items.length, 1);
    assert.equal((await api.get<KList>(pvcs)).items.length, 1);
    const pvcStatus = await api.get(`${pvcs}/${pvcName}/status`);
    assert.ok(['Pending', 'Bound', 'Lost'].includes(String(at(pvcStatus, 'status.phase'))), `PVC has a valid phase: ${String(at(pvcStatus, 'status.phase'))}`);
    const pvStatus = await api.get(`${pvs}/${pvName}/status`);
    assert.ok(['Pending', 'Available', 'Bound', 'Released', 'Failed'].includes(String(at(pvStatus, 'status.phase'))), `PV has a valid phase: ${String(at(pvStatus, 'status.phase'))}`);

    const cond = (type: string) => ({ type, status: 'True', reason: 'E2E', message: 'Set from an e2e test' });
    const pp = await api.patch(`${pvcs}/${pvcName}/status`, { status: { conditions: [cond('StatusPatched')] } });
    assert.ok(arr(at(pp, 'status.conditions')).some((c) => at(c, 'type') === 'StatusPatched'), 'PVC status condition patched');
    const vp = await api.patch(`${pvs}/${pvName}/status`, { status: { reason: 'E2E patch', message: 'Patched by an e2e test' } });
    assert.equal(at(vp, 'status.reason'), 'E2E patch');
    assert.equal(at(vp, 'status.message'), 'Patched by an e2e test');

    const c1 = await api.get(`${pvcs}/${pvcName}/status`);
    (c1.status as { conditions: unknown[] }).conditions = [...arr(at(c1, 'status.conditions')), cond('StatusUpdated')];
    const cu = await api.put(`${pvcs}/${pvcName}/status`, c1);
    assert.ok(arr(at(cu, 'status.conditions')).some((c) => at(c, 'type') === 'StatusUpdated'), 'PVC status condition updated');
    const v1 = await api.get(`${pvs}/${pvName}/status`);
    v1.status = { ...(v1.status as object), reason: 'E2E update', message: 'Updated by an e2e test' };
    const vu = await api.put(`${pvs}/${pvName}/status`, v1);
    assert.equal(at(vu, 'status.reason'), 'E2E update');
    assert.equal(at(vu, 'status.message'), 'Updated by an e2e test');
    await api.del(`${pvcs}/${pvcName}`);
    await api.del(`${pvs}/${pvName}`);
  });
});
