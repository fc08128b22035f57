// Flags of `skiff server`, with k3s's names and defaults.

import { parseArgs } from 'node:util';

export interface ServerFlags {
  dataDir: string;
  httpsListenPort: number;
  bindAddress: string;
  advertiseAddress: string;
  writeKubeconfig: string;
  writeKubeconfigMode: number;
  token: string;
  datastoreEndpoint: string;
  clusterCIDR: string;
  serviceCIDR: string;
  clusterDNS: string;
  clusterDomain: string;
  nodeName: string;
  disableAgent: boolean;
  disable: string[];
  tlsSan: string[];
  /** kube-apiserver's static bearer tokens (CSV: token,user,uid,"groups"). */
  tokenAuthFile: string;
}

export function parseServerFlags(argv: string[]): ServerFlags {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'data-dir': { type: 'string', short: 'd', default: '/var/lib/skiff' },
      'https-listen-port': { type: 'string', default: '6443' },
      'bind-address': { type: 'string', default: '0.0.0.0' },
      'advertise-address': { type: 'string', default: '' },
      'write-kubeconfig': { type: 'string', short: 'o', default: '' },
      'write-kubeconfig-mode': { type: 'string', default: '600' },
      token: { type: 'string', short: 't', default: '' },
      'datastore-endpoint': { type: 'string', default: '' },
      'cluster-cidr': { type: 'string', default: '10.42.0.0/16' },
      'service-cidr': { type: 'string', default: '10.43.0.0/16' },
      'cluster-dns': { type: 'string', default: '10.43.0.10' },
      'cluster-domain': { type: 'string', default: 'cluster.local' },
      'node-name': { type: 'string', default: '' },
      'disable-agent': { type: 'boolean', default: false },
      disable: { type: 'string', multiple: true, default: [] },
      'tls-san': { type: 'string', multiple: true, default: [] },
      'token-auth-file': { type: 'string', default: '' },
    },
  });
  if (positionals.length) throw new Error(`unexpected argument "${positionals[0]}"`);
  const port = Number(values['https-listen-port']);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--https-listen-port: invalid port "${values['https-listen-port']}"`);
  const cidr = /^\d+\.\d+\.\d+\.\d+\/\d+$/;
  for (const f of ['cluster-cidr', 'service-cidr'] as const) {
    if (!cidr.test(values[f])) throw new Error(`--${f}: invalid CIDR "${values[f]}"`);
  }
  return {
    dataDir: values['data-dir'],
    httpsListenPort: port,
    bindAddress: values['bind-address'],
    advertiseAddress: values['advertise-address'],
    writeKubeconfig: values['write-kubeconfig'],
    writeKubeconfigMode: parseInt(values['write-kubeconfig-mode'], 8),
    token: values.token,
    datastoreEndpoint: values['datastore-endpoint'],
    clusterCIDR: values['cluster-cidr'],
    serviceCIDR: values['service-cidr'],
    clusterDNS: values['cluster-dns'],
    clusterDomain: values['cluster-domain'],
    nodeName: values['node-name'],
    disableAgent: values['disable-agent'],
    disable: values.disable.flatMap((d) => d.split(',')).filter(Boolean),
    tlsSan: values['tls-san'].flatMap((d) => d.split(',')).filter(Boolean),
    tokenAuthFile: values['token-auth-file'],
  };
}
