// networking.k8s.io/v1 tables: Ingress (class, hosts, address, ports), IngressClass and NetworkPolicy.

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, nameColumn, nameOf } from './columns.ts';
import { loadBalancerIngress } from './core-services.ts';
import { formatLabelSelector } from './format.ts';
import type { TablePrinter } from './types.ts';
import { at, has, list, optStr, str } from './values.ts';

/** formatHosts: up to three rule hosts, "+ N more..." counted over all rules, "*" when no rule names a host. */
export function ingressHosts(rules: unknown[]): string {
  const max = 3;
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === max) more = true;
    const host = str(rule, 'host');
    if (!more && host !== '') hosts.push(host);
  }
  if (hosts.length === 0) return '*';
  const ret = hosts.join(',');
  return more ? `${ret} + ${rules.length - max} more...` : ret;
}

export const ingressPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Class', 'string', 'IngressClass that handles this ingress.'),
    col('Hosts', 'string', 'Host names the rules match.'),
    col('Address', 'string', 'Addresses of the load balancer serving the ingress.'),
    col('Ports', 'string', 'Ports served: 80, and 443 when TLS is configured.'),
    ageColumn,
  ],
  row(ing, now) {
    return [
      nameOf(ing),
      optStr(ing, 'spec', 'ingressClassName') ?? '<none>',
      ingressHosts(list(ing, 'spec', 'rules')),
      loadBalancerIngress(list(ing, 'status', 'loadBalancer', 'ingress')),
      list(ing, 'spec', 'tls').length > 0 ? '80, 443' : '80',
      ageOf(ing, now),
    ];
  },
};

/** The PARAMETERS cell: "Kind.apiGroup/name", or "<none>". */
function ingressClassParameters(ic: KObject): string {
  const p = at(ic, 'spec', 'parameters');
  if (!has(ic, 'spec', 'parameters')) return '<none>';
  const group = optStr(p, 'apiGroup');
  return `${str(p, 'kind')}${group === undefined ? '' : `.${group}`}/${str(p, 'name')}`;
}

export const ingressClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Controller', 'string', 'Controller that implements the class.'),
    col('Parameters', 'string', 'Resource holding extra configuration for the controller.'),
    ageColumn,
  ],
  row: (ic, now) => [nameOf(ic), str(ic, 'spec', 'controller'), ingressClassParameters(ic), ageOf(ic, now)],
};

export const networkPolicyPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Pod-Selector', 'string', 'Label selector of the pods the policy applies to.'),
    ageColumn,
  ],
  row: (np, now) => [nameOf(np), formatLabelSelector(at(np, 'spec', 'podSelector') ?? {}), ageOf(np, now)],
};
