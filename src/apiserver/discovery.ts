// Discovery documents: /api, /apis, and each group-version's APIResourceList, built from the registry.

import { createHash } from 'node:crypto';
import type { ResourceDef } from './registry/resource-def.ts';
import type { ResourceRegistry } from './registry/registry.ts';
import { allVerbs } from './registry/catalog.ts';

interface SubresourceShape { kind: string; group?: string; version?: string; verbs: string[] }

const subresourceShapes: Record<string, SubresourceShape> = {
  status: { kind: '', verbs: ['get', 'patch', 'update'] },
  scale: { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
  binding: { kind: 'Binding', verbs: ['create'] },
  eviction: { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
  log: { kind: 'Pod', verbs: ['get'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  proxy: { kind: '', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  ephemeralcontainers: { kind: '', verbs: ['get', 'patch', 'update'] },
  resize: { kind: '', verbs: ['get', 'patch', 'update'] },
  finalize: { kind: '', verbs: ['update'] },
  token: { kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] },
  approval: { kind: '', verbs: ['get', 'patch', 'update'] },
};

const proxyKinds: Record<string, string> = { pods: 'PodProxyOptions', nodes: 'NodeProxyOptions', services: 'ServiceProxyOptions' };

function storageVersionHash(d: ResourceDef): string {
  return createHash('sha256').update(`${d.group}/${d.version}/${d.kind}`).digest('base64').slice(0, 11);
}

export function resourceList(defs: ResourceDef[], groupVersion: string): Record<string, unknown> {
  const resources: Record<string, unknown>[] = [];
  for (const d of defs) {
    const entry: Record<string, unknown> = {
      name: d.resource, singularName: d.singular, namespaced: d.namespaced, kind: d.kind,
      verbs: [...(d.verbs ?? allVerbs)],
    };
    if (d.shortNames?.length) entry.shortNames = d.shortNames;
    if (d.categories?.length) entry.categories = d.categories;
    entry.storageVersionHash = storageVersionHash(d);
    resources.push(entry);
    for (const sub of d.subresources ?? []) {
      const shape = subresourceShapes[sub];
      if (!shape) continue;
      const e: Record<string, unknown> = {
        name: `${d.resource}/${sub}`, singularName: '', namespaced: d.namespaced,
        kind: sub === 'proxy' ? proxyKinds[d.resource] ?? d.kind : shape.kind || d.kind, verbs: shape.verbs,
      };
      if (shape.group !== undefined) { e.group = shape.group; e.version = shape.version; }
      resources.push(e);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

/** Group order: the legacy group first, then as Kubernetes orders its built-in groups, then custom groups. */
const groupOrder = ['', 'apiregistration.k8s.io', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io',
  'autoscaling', 'batch', 'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io', 'discovery.k8s.io',
  'flowcontrol.apiserver.k8s.io'];

export function groupList(registry: ResourceRegistry): Record<string, unknown> {
  const groups = [...registry.groups().entries()].filter(([g]) => g !== '');
  groups.sort(([a], [b]) => {
    const ia = groupOrder.indexOf(a); const ib = groupOrder.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0) return -1;
    if (ib >= 0) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return {
    kind: 'APIGroupList', apiVersion: 'v1',
    groups: groups.map(([name, versions]) => apiGroup(name, versions)),
  };
}

export function apiGroup(name: string, versions: string[]): Record<string, unknown> {
  const vs = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: vs, preferredVersion: vs[0] };
}

export function coreVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export const versionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0+skiff',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-11-23T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: `linux/${process.arch === 'x64' ? 'amd64' : process.arch}`,
};

/** Aggregated discovery (apidiscovery.k8s.io/v2): every group's resources in one document, as kubectl 1.30+ asks first. */
export const aggregatedMediaType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

function discoveryResource(d: ResourceDef): Record<string, unknown> {
  const r: Record<string, unknown> = {
    resource: d.resource,
    responseKind: { group: d.group, version: d.version, kind: d.kind },
    scope: d.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: d.singular,
    verbs: [...(d.verbs ?? allVerbs)],
  };
  if (d.shortNames?.length) r.shortNames = d.shortNames;
  if (d.categories?.length) r.categories = d.categories;
  const subs = (d.subresources ?? []).filter((s) => subresourceShapes[s]).map((sub) => {
    const shape = subresourceShapes[sub];
    const kind = sub === 'proxy' ? proxyKinds[d.resource] ?? d.kind : shape.kind || d.kind;
    return {
      subresource: sub,
      responseKind: { group: shape.group ?? d.group, version: shape.version ?? d.version, kind },
      verbs: shape.verbs,
    };
  });
  if (subs.length) r.subresources = subs;
  return r;
}

/** The aggregated document for /api (legacy: true) or /apis. */
export function aggregatedDiscovery(registry: ResourceRegistry, legacy: boolean): Record<string, unknown> {
  const groups = legacy ? [['', ['v1']] as [string, string[]]] : (groupList(registry).groups as { name: string }[]).map((g) => [g.name, registry.groups().get(g.name) ?? []] as [string, string[]]);
  const defs = registry.all();
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map(([name, versions]) => ({
      metadata: legacy ? { creationTimestamp: null } : { name, creationTimestamp: null },
      versions: versions.map((v) => ({
        version: v,
        resources: defs.filter((d) => d.group === name && d.version === v).map(discoveryResource),
        freshness: 'Current',
      })),
    })),
  };
}

/** Whether the Accept header asks for aggregated discovery v2. */
export function wantsAggregated(accept: string | undefined): boolean {
  if (!accept) return false;
  for (const clause of accept.split(',')) {
    const params = clause.split(';').map((s) => s.trim());
    if (params[0] !== 'application/json') continue;
    if (params.includes('g=apidiscovery.k8s.io') && params.includes('v=v2') && params.includes('as=APIGroupDiscoveryList')) return true;
    if (!params.some((p) => p.startsWith('as='))) return false; // plain JSON preferred first
  }
  return false;
}
