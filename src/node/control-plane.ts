// Assembly of the control plane: datastore, certificates, and the API server with the built-in kinds.

import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { ServerFlags } from '../cli/server-flags.ts';
import { ensureClusterPKI, type ClusterPKI } from '../apiserver/pki/cluster-pki.ts';
import { ApiServer } from '../apiserver/server.ts';
import { openDatastore, type Datastore } from '../apiserver/datastore.ts';
import { kindHooks, onCRDChange, openapiExtraRoutes, schemaHooks } from './kind-hooks.ts';
import { crdPrinter } from '../apiserver/printers/index.ts';
import { tokenFileAuthenticator } from '../apiserver/authn/token-file.ts';

export interface ControlPlane {
  api: ApiServer;
  pki: ClusterPKI;
  backend: Datastore;
  stop(): Promise<void>;
}

export interface ControlPlaneExtras {
  sanIPs: string[];
  sanNames: string[];
}

export async function startControlPlane(flags: ServerFlags, extras: ControlPlaneExtras): Promise<ControlPlane> {
  await mkdir(join(flags.dataDir, 'server'), { recursive: true });
  const serviceBase = flags.serviceCIDR.split('/')[0].split('.').map(Number);
  serviceBase[3] += 1;
  const apiServiceIP = serviceBase.join('.');
  const pki = await ensureClusterPKI({
    dataDir: flags.dataDir,
    sans: {
      dnsNames: ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${flags.clusterDomain}`,
        ...extras.sanNames, ...flags.tlsSan.filter((s) => !/^[\d.]+$/.test(s))],
      ips: ['127.0.0.1', apiServiceIP, ...extras.sanIPs, ...flags.tlsSan.filter((s) => /^[\d.]+$/.test(s))],
    },
  });
  const backend = await openDatastore({ dataDir: join(flags.dataDir, 'server'), endpoint: flags.datastoreEndpoint || undefined });
  const api = new ApiServer({
    backend,
    tls: { caPem: pki.ca.certPem, certPem: pki.server.certPem, keyPem: pki.server.keyPem },
    host: flags.bindAddress,
    port: flags.httpsListenPort,
    serviceCIDR: flags.serviceCIDR,
    advertiseAddress: flags.advertiseAddress || extras.sanIPs.find((ip) => !ip.startsWith('127.')) || '127.0.0.1',
    hooks: kindHooks(),
    tokens: flags.tokenAuthFile ? [tokenFileAuthenticator(flags.tokenAuthFile)] : [],
    schema: schemaHooks(),
    extraRoutes: openapiExtraRoutes,
    onCRDChange,
    crdPrinter,
  });
  await api.start();
  return {
    api, pki, backend,
    async stop() {
      await api.stop();
      await backend.close();
    },
  };
}
