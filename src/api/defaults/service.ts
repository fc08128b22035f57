// Service create/update preparation: pairing clusterIP with clusterIPs and keeping allocated values on update.

import { type Obj, get, items } from './util.ts';

function needsClusterIP(spec: Obj): boolean {
  return spec.type !== 'ExternalName';
}

function needsNodePort(spec: Obj): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

function needsHealthCheckNodePort(spec: Obj): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** normalizeClusterIPs on create: an old client's singular clusterIP seeds clusterIPs. */
export function prepareServiceCreate(svc: Obj): void {
  const spec = get(svc, 'spec');
  if (!spec) return;
  if (typeof spec.clusterIP === 'string' && spec.clusterIP && strings(spec.clusterIPs).length === 0) spec.clusterIPs = [spec.clusterIP];
}

/**
 * patchAllocatedValues and normalizeClusterIPs on update: values the client left out (cluster IPs, node
 * ports, the health-check node port) are carried over from the stored Service instead of read as changes.
 */
export function prepareServiceUpdate(svc: Obj, old: Obj): void {
  const spec = get(svc, 'spec');
  const oldSpec = get(old, 'spec');
  if (!spec || !oldSpec) return;
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (strings(spec.clusterIPs).length === 0 && strings(oldSpec.clusterIPs).length > 0) spec.clusterIPs = [...strings(oldSpec.clusterIPs)];
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const usedBy = (s: Obj): Set<number> => new Set(items(s, 'ports').map((p) => p.nodePort).filter((n): n is number => typeof n === 'number' && n !== 0));
    const newUsed = usedBy(spec);
    const used = new Set([...usedBy(oldSpec)].filter((n) => newUsed.has(n)));
    const byName = new Map(items(oldSpec, 'ports').map((p) => [String(p.name ?? ''), p.nodePort]));
    for (const p of items(spec, 'ports')) {
      if (p.nodePort) continue;
      const prev = byName.get(String(p.name ?? ''));
      if (typeof prev === 'number' && prev !== 0 && !used.has(prev)) p.nodePort = prev;
    }
  }
  if (needsHealthCheckNodePort(oldSpec) && needsHealthCheckNodePort(spec) && !spec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
  const oldIPs = strings(oldSpec.clusterIPs);
  if (oldIPs.length > 0 && strings(spec.clusterIPs).length === 0 && oldSpec.clusterIP === spec.clusterIP) spec.clusterIPs = [...oldIPs];
  if (oldSpec.clusterIP !== spec.clusterIP && JSON.stringify(strings(spec.clusterIPs)) === JSON.stringify(oldIPs) && typeof spec.clusterIP === 'string') {
    spec.clusterIPs = [spec.clusterIP];
  }
}
