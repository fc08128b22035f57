// CustomResourceDefinition fixtures, as k8s.io/apiextensions-apiserver/test/integration/fixtures builds them, and waits.

import assert from 'node:assert/strict';
import { arr, at, eventually, rand, type Api, type KObj } from './client.ts';

export const allowAll = () => ({ openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } });

/** NewRandomNameV1CustomResourceDefinition: group mygroup.example.com, one version v1beta1, allow-all schema. */
export function randomCrd(scope: 'Cluster' | 'Namespaced' = 'Cluster', labels?: Record<string, string>): KObj {
  const g = `foo${rand(5)}`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { name: `${g}s.mygroup.example.com`, ...(labels ? { labels } : {}) },
    spec: {
      group: 'mygroup.example.com',
      versions: [{ name: 'v1beta1', served: true, storage: true, schema: allowAll() }],
      names: { plural: `${g}s`, singular: g, kind: g, listKind: `${g}List` },
      scope,
    },
  };
}

/** NewRandomNameMultipleVersionCustomResourceDefinition: versions v1beta1 (served) and v1 (served, storage). */
export function randomMultiVersionCrd(scope: 'Cluster' | 'Namespaced' = 'Cluster'): KObj {
  const crd = randomCrd(scope);
  (crd.spec as Record<string, unknown>).versions = [
    { name: 'v1beta1', served: true, storage: false, schema: allowAll() },
    { name: 'v1', served: true, storage: true, schema: allowAll() },
  ];
  return crd;
}

export const crdGroup = (crd: KObj) => String(at(crd, 'spec.group'));
export const crdPlural = (crd: KObj) => String(at(crd, 'spec.names.plural'));
export const crdKind = (crd: KObj) => String(at(crd, 'spec.names.kind'));
export const crdVersion = (crd: KObj, i = 0) => String(at(crd, `spec.versions.${i}.name`));

/** Creates the CRD and waits until it is Established and every served version is in discovery. */
export async function createCrd(api: Api, crd: KObj): Promise<KObj> {
  const created = await api.create('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
  await waitServed(api, created);
  return api.get(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${created.metadata.name}`);
}

export async function waitServed(api: Api, crd: KObj): Promise<void> {
  await eventually(async () => {
    const cur = await api.get(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`);
    return arr(at(cur, 'status.conditions')).some((c) => at(c, 'type') === 'Established' && at(c, 'status') === 'True');
  }, 5000, `CRD ${crd.metadata.name} Established`);
  for (const v of arr(at(crd, 'spec.versions'))) {
    if (at(v, 'served') !== true) continue;
    await eventually(async () => {
      const r = await api.req('GET', `/apis/${crdGroup(crd)}/${String(at(v, 'name'))}`);
      return r.status === 200 && r.json<{ resources: { name: string }[] }>().resources.some((x) => x.name === crdPlural(crd));
    }, 5000, `${crdPlural(crd)} in discovery`);
  }
}

/** Deletes the CRD and waits until it is gone. */
export async function deleteCrd(api: Api, crd: KObj): Promise<void> {
  const r = await api.del(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`);
  assert.ok(r.status === 200 || r.status === 202, `delete CRD answered ${r.status}: ${r.body.slice(0, 300)}`);
  await eventually(async () => (await api.req('GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`)).status === 404, 5000, `CRD ${crd.metadata.name} deleted`);
}

/** Path of a custom resource collection (cluster-scoped unless ns is given). */
export function crPath(crd: KObj, ns?: string, version = crdVersion(crd)): string {
  return `/apis/${crdGroup(crd)}/${version}${ns ? `/namespaces/${ns}` : ''}/${crdPlural(crd)}`;
}
