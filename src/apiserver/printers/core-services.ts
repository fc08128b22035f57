// Service and Endpoints tables (core/v1): type, cluster and external IPs, ports, and endpoint addresses.

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, nameColumn, nameOf, wide } from './columns.ts';
import { formatLabels, joinHostPort } from './format.ts';
import type { TablePrinter } from './types.ts';
import { goSort, int, list, str, stringMap } from './values.ts';

/** loadBalancerStatusStringer (wide, as the server prints): distinct ingress IPs or hostnames, sorted, joined by ",". */
export function loadBalancerIngress(ingress: unknown[]): string {
  const seen = new Set<string>();
  for (const i of ingress) {
    const v = str(i, 'ip') || str(i, 'hostname');
    if (v !== '') seen.add(v);
  }
  return goSort([...seen]).join(',');
}

function strings(v: unknown[]): string[] {
  return v.filter((x): x is string => typeof x === 'string');
}

/** getServiceExternalIP: external IPs, the load balancer's addresses, "<pending>", or the ExternalName. */
export function serviceExternalIP(svc: KObject): string {
  const externalIPs = strings(list(svc, 'spec', 'externalIPs'));
  switch (str(svc, 'spec', 'type') || 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(list(svc, 'status', 'loadBalancer', 'ingress'));
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return str(svc, 'spec', 'externalName');
    default:
      return '<unknown>';
  }
}

/** makePortString: "port/proto" or "port:nodePort/proto" for each port, joined by ",". */
export function servicePorts(ports: unknown[]): string {
  return ports.map((p) => {
    const port = int(p, 'port');
    const proto = str(p, 'protocol') || 'TCP';
    const nodePort = int(p, 'nodePort');
    return nodePort > 0 ? `${port}:${nodePort}/${proto}` : `${port}/${proto}`;
  }).join(',');
}

export const servicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Type', 'string', 'How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.'),
    col('Cluster-IP', 'string', 'Virtual IP the service is reachable at inside the cluster.'),
    col('External-IP', 'string', 'Addresses the service is reachable at from outside the cluster.'),
    col('Port(s)', 'string', 'Ports the service exposes, with node ports.'),
    ageColumn,
    wide('Selector', 'string', 'Labels of the pods the service routes to.'),
  ],
  row(svc, now) {
    const clusterIPs = strings(list(svc, 'spec', 'clusterIPs'));
    const clusterIP = clusterIPs[0] ?? str(svc, 'spec', 'clusterIP');
    return [
      nameOf(svc),
      str(svc, 'spec', 'type') || 'ClusterIP',
      clusterIP || '<none>',
      serviceExternalIP(svc),
      servicePorts(list(svc, 'spec', 'ports')) || '<none>',
      ageOf(svc, now),
      formatLabels(stringMap(svc, 'spec', 'selector')),
    ];
  },
};

/** formatEndpoints: up to three "ip:port" entries (bare IPs for port-less subsets), then "+ N more...". */
export function formatEndpoints(ep: KObject): string {
  const subsets = list(ep, 'subsets');
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const shown: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = list(ss, 'addresses');
    const ports = list(ss, 'ports');
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) if (shown.length < max) shown.push(str(a, 'ip'));
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) if (shown.length < max) shown.push(joinHostPort(str(a, 'ip'), int(p, 'port')));
    }
  }
  const ret = shown.join(',');
  return count > max ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Endpoints', 'string', 'Ready addresses and ports behind the service.'),
    ageColumn,
  ],
  row(ep, now) {
    return [nameOf(ep), formatEndpoints(ep), ageOf(ep, now)];
  },
};
