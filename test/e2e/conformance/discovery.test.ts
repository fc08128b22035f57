// Conformance: [sig-api-machinery] Discovery, AggregatedDiscovery and server version (discovery.go, aggregated_discovery.go, server_version.go).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, rand, type Api } from './client.ts';
import { createCrd, deleteCrd } from './crd-fixtures.ts';
import { serverContext } from './suite.ts';

interface GroupList { groups: { name: string; versions: { groupVersion: string; version: string }[]; preferredVersion: { groupVersion: string; version: string } }[] }
interface ResourceList { groupVersion: string; resources: { name: string; kind: string; verbs: string[]; namespaced: boolean }[] }
interface AggregatedList {
  kind: string;
  apiVersion: string;
  items: { metadata: { name?: string }; versions: { version: string; resources: { resource: string }[] }[] }[];
}

const aggregatedAccept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
/** What client-go's discovery client sends (AcceptV2, AcceptV2Beta1, then plain JSON). */
const clientGoAccept = `${aggregatedAccept},application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json`;

const expectedLegacy = [['', 'v1', 'namespaces']];
const expectedGVR = [
  ['admissionregistration.k8s.io', 'v1', 'validatingwebhookconfigurations'],
  ['apiextensions.k8s.io', 'v1', 'customresourcedefinitions'],
  ['apiregistration.k8s.io', 'v1', 'apiservices'],
  ['apps', 'v1', 'deployments'],
  ['authentication.k8s.io', 'v1', 'tokenreviews'],
  ['authorization.k8s.io', 'v1', 'selfsubjectaccessreviews'],
  ['autoscaling', 'v1', 'horizontalpodautoscalers'],
  ['autoscaling', 'v2', 'horizontalpodautoscalers'],
  ['batch', 'v1', 'jobs'],
  ['certificates.k8s.io', 'v1', 'certificatesigningrequests'],
  ['coordination.k8s.io', 'v1', 'leases'],
  ['discovery.k8s.io', 'v1', 'endpointslices'],
  ['events.k8s.io', 'v1', 'events'],
  ['networking.k8s.io', 'v1', 'ingresses'],
  ['node.k8s.io', 'v1', 'runtimeclasses'],
  ['policy', 'v1', 'poddisruptionbudgets'],
  ['scheduling.k8s.io', 'v1', 'priorityclasses'],
  ['storage.k8s.io', 'v1', 'csinodes'],
];

function present(doc: AggregatedList, group: string, version: string, resource: string): boolean {
  return doc.items.some((g) => (g.metadata.name ?? '') === group && g.versions.some((v) => v.version === version && v.resources.some((r) => r.resource === resource)));
}

async function aggregated(api: Api, path: string, accept: string): Promise<AggregatedList> {
  const r = await api.req('GET', path, { accept });
  assert.equal(r.status, 200, r.body.slice(0, 300));
  assert.match(String(r.headers['content-type']), /apidiscovery\.k8s\.io.*APIGroupDiscoveryList/, 'answered in the aggregated format');
  const doc = r.json<AggregatedList>();
  assert.equal(doc.kind, 'APIGroupDiscoveryList');
  assert.equal(doc.apiVersion, 'apidiscovery.k8s.io/v2');
  return doc;
}

function missing(doc: AggregatedList, list: string[][]): string[] {
  return list.filter(([g, v, r]) => !present(doc, g, v, r)).map((x) => x.join('/'));
}

const testCrd = () => {
  const group = `group${rand(5)}.example.com`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { name: `testcrds.${group}` },
    spec: {
      group, scope: 'Namespaced',
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      names: { plural: 'testcrds', singular: 'testcrd', kind: 'testcrd', listKind: 'testcrdList' },
    },
  };
};

describe('conformance: discovery', () => {
  const ctx = serverContext();

  it('[sig-api-machinery] Discovery should validate PreferredVersion for each APIGroup [Conformance]', async () => {
    const { api } = ctx;
    const list = await api.get<GroupList>('/apis');
    assert.ok(list.groups.length > 0);
    for (const g of list.groups) {
      if (g.name.endsWith('.example.com')) continue;
      const group = await api.get<GroupList['groups'][number]>(`/apis/${g.name}/`);
      assert.equal(group.name, g.name);
      assert.ok(group.versions.some((v) => v.groupVersion === group.preferredVersion.groupVersion), `${g.name}: preferred ${group.preferredVersion.groupVersion} is one of its versions`);
      assert.deepEqual(group.preferredVersion, g.preferredVersion, `${g.name}: /apis and /apis/${g.name} agree on the preferred version`);
    }
  });

  it('[sig-api-machinery] Discovery should locate the groupVersion and a resource within each APIGroup [Conformance]', async () => {
    const { api } = ctx;
    const list = await api.get<GroupList>('/apis');
    const gvs = ['v1', ...list.groups.filter((g) => !g.name.endsWith('.example.com')).map((g) => g.preferredVersion.groupVersion)];
    for (const gv of gvs) {
      const rl = await api.get<ResourceList>(gv === 'v1' ? '/api/v1' : `/apis/${gv}`);
      assert.equal(rl.groupVersion, gv, `${gv}: resource list names its groupVersion`);
      const r = rl.resources.find((x) => !x.name.includes('/'));
      assert.ok(r, `${gv}: has a resource`);
      assert.ok(r.kind && r.verbs.length > 0, `${gv}/${r.name} has a kind and verbs`);
    }
  });

  it('[sig-api-machinery] AggregatedDiscovery should support raw aggregated discovery endpoint Accept headers [Conformance]', async () => {
    const { api } = ctx;
    const apis = await aggregated(api, '/apis', aggregatedAccept);
    assert.deepEqual(missing(apis, expectedGVR), [], 'every built-in group/version/resource the test expects is in /apis');
    const core = await aggregated(api, '/api', aggregatedAccept);
    assert.deepEqual(missing(core, expectedLegacy), [], 'namespaces in /api');
  });

  it('[sig-api-machinery] AggregatedDiscovery should support raw aggregated discovery request for CRDs [Conformance]', async () => {
    const { api } = ctx;
    const crd = testCrd();
    const created = await api.create('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
    await eventually(async () => present(await aggregated(api, '/apis', aggregatedAccept), crd.spec.group, 'v1', 'testcrds'), 5000, 'the CRD in aggregated discovery');
    await deleteCrd(api, created);
  });

  it('[sig-api-machinery] AggregatedDiscovery should support aggregated discovery interface [Conformance]', async () => {
    const { api } = ctx;
    const apis = await aggregated(api, '/apis', clientGoAccept);
    const core = await aggregated(api, '/api', clientGoAccept);
    const merged: AggregatedList = { ...apis, items: [...core.items.map((i) => ({ ...i, metadata: { name: '' } })), ...apis.items] };
    assert.deepEqual(missing(merged, [...expectedGVR, ...expectedLegacy]), [], 'resources by group/version include every expected resource');
    const gvMissing = [...expectedGVR, ...expectedLegacy].filter(([g, v]) => !merged.items.some((i) => (i.metadata.name ?? '') === g && i.versions.some((x) => x.version === v)));
    assert.deepEqual(gvMissing.map((x) => `${x[0]}/${x[1]}`), [], 'server groups include every expected group/version');
  });

  it('[sig-api-machinery] AggregatedDiscovery should support aggregated discovery interface for CRDs [Conformance]', async () => {
    const { api } = ctx;
    const crd = await createCrd(api, testCrd());
    await eventually(async () => present(await aggregated(api, '/apis', clientGoAccept), String((crd.spec as { group: string }).group), 'v1', 'testcrds'), 5000, 'the CRD in aggregated discovery');
    await deleteCrd(api, crd);
  });

  it('[sig-api-machinery] server version should find the server version [Conformance]', async () => {
    const { api } = ctx;
    const v = await api.get<{ major: string; minor: string; gitVersion: string }>('/version');
    assert.equal(/[1-9]/.exec(v.major)?.[0], v.major, `major version ${v.major} is an integer`);
    const minor = v.minor.replace(/[^0-9]+/g, '');
    assert.ok(/^\d+$/.test(minor), `minor version ${v.minor} is an integer`);
    assert.match(v.gitVersion, /^v\d+\.\d+\.\d+/);
  });
});
