// Objects every cluster has from the start: the four system namespaces and the `kubernetes` Service.

import { StatusError } from '../api/errors.ts';
import type { KObject } from '../api/object.ts';
import { createObject, updateObject } from './store/writes.ts';
import { cacheId, objectKey } from './store/keys.ts';
import type { ApiServer } from './server.ts';

async function ensure(server: ApiServer, group: string, resource: string, obj: KObject): Promise<void> {
  const def = server.registry.anyVersion(group, resource);
  if (!def) return;
  const key = objectKey(group, resource, def.namespaced ? obj.metadata?.namespace : undefined, obj.metadata!.name!);
  if (server.hub.cache(cacheId(group, resource)).objects.has(key)) return;
  try {
    await createObject(def, { hub: server.hub, dryRun: false, admit: server.parts.admit }, obj);
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 409)) throw e;
  }
}

export async function bootstrap(server: ApiServer): Promise<void> {
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    await ensure(server, '', 'namespaces', { metadata: { name }, spec: { finalizers: ['kubernetes'] } });
  }
  await ensure(server, '', 'services', {
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP', clusterIP: server.serviceIPs.apiServiceIP, sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: server.advertised.port }],
    },
  });
  await reconcileAPIEndpoints(server);
}

/** The `kubernetes` Endpoints and EndpointSlice point at this API server, as kube-apiserver's endpoint reconciler keeps them. */
async function reconcileAPIEndpoints(server: ApiServer): Promise<void> {
  const { ip, port } = server.advertised;
  const ctx = { hub: server.hub, dryRun: false };
  const endpoints: KObject = {
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port, protocol: 'TCP' }] }],
  };
  const slice: KObject = {
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port, protocol: 'TCP' }],
  };
  for (const [group, resource, desired] of [['', 'endpoints', endpoints], ['discovery.k8s.io', 'endpointslices', slice]] as const) {
    const def = server.registry.anyVersion(group, resource);
    if (!def) continue;
    await updateObject(def, ctx, 'default', 'kubernetes', (cur) => {
      const next = structuredClone(desired) as KObject;
      if (cur) next.metadata = { ...cur.metadata, labels: { ...cur.metadata?.labels, ...desired.metadata?.labels } };
      return next;
    }, { createIfMissing: true });
  }
}
