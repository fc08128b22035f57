// Node, Namespace and ComponentStatus tables (core/v1): node readiness, roles and system info; namespace phase; component health.

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, nameColumn, nameOf, wide } from './columns.ts';
import type { TablePrinter } from './types.ts';
import { at, goSort, list, str } from './values.ts';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** findNodeRoles: roles from node-role.kubernetes.io/<role> keys and the kubernetes.io/role value, sorted and distinct. */
export function nodeRoles(node: KObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role !== '') roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  return goSort([...roles]);
}

/** The node STATUS: Ready / NotReady / Unknown from the Ready condition, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: KObject): string {
  let ready: string | undefined;
  // The last condition of a type wins, as the map Kubernetes builds keeps it.
  for (const c of list(node, 'status', 'conditions')) if (str(c, 'type') === 'Ready') ready = str(c, 'status');
  const status = [ready === undefined ? 'Unknown' : ready === 'True' ? 'Ready' : 'NotReady'];
  if (at(node, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: KObject, type: string): string {
  for (const a of list(node, 'status', 'addresses')) if (str(a, 'type') === type) return str(a, 'address');
  return '<none>';
}

export const nodePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'string', 'Whether the node is ready, and whether scheduling is disabled.'),
    col('Roles', 'string', 'Roles from the node-role.kubernetes.io labels.'),
    ageColumn,
    col('Version', 'string', 'Kubelet version the node reports.'),
    wide('Internal-IP', 'string', 'First internal address of the node.'),
    wide('External-IP', 'string', 'First external address of the node.'),
    wide('OS-Image', 'string', 'Operating system image the node reports.'),
    wide('Kernel-Version', 'string', 'Kernel version the node reports.'),
    wide('Container-Runtime', 'string', 'Container runtime name and version the node reports.'),
  ],
  row(node, now) {
    const info = (k: string): string => str(node, 'status', 'nodeInfo', k);
    return [
      nameOf(node),
      nodeStatus(node),
      nodeRoles(node).join(',') || '<none>',
      ageOf(node, now),
      info('kubeletVersion'),
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info('osImage') || '<unknown>',
      info('kernelVersion') || '<unknown>',
      info('containerRuntimeVersion') || '<unknown>',
    ];
  },
};

export const namespacePrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'string', 'Lifecycle phase of the namespace: Active or Terminating.'),
    ageColumn,
  ],
  row(ns, now) {
    return [nameOf(ns), str(ns, 'status', 'phase') || 'Active', ageOf(ns, now)];
  },
};

export const componentStatusPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'string', 'Healthy, Unhealthy or Unknown, from the Healthy condition.'),
    col('Message', 'string', 'Message of the Healthy condition.'),
    col('Error', 'string', 'Error of the Healthy condition.'),
  ],
  row(cs) {
    let status = 'Unknown';
    let message = '';
    let error = '';
    for (const c of list(cs, 'conditions')) {
      if (str(c, 'type') !== 'Healthy') continue;
      status = str(c, 'status') === 'True' ? 'Healthy' : 'Unhealthy';
      message = str(c, 'message');
      error = str(c, 'error');
      break;
    }
    return [nameOf(cs), status, message, error];
  },
};
