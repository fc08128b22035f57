// `skiff server`: starts the control plane on this machine and writes the admin kubeconfig.

import { chmod } from 'node:fs/promises';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { parseServerFlags } from './server-flags.ts';
import { startControlPlane } from '../node/control-plane.ts';
import { writeKubeconfig } from '../apiserver/pki/kubeconfig.ts';

function localIPv4s(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4') out.push(a.address);
  return out;
}

export async function runServer(argv: string[]): Promise<number> {
  const flags = parseServerFlags(argv);
  const cp = await startControlPlane(flags, { sanIPs: localIPv4s(), sanNames: [hostname()] });
  const kubeconfig = flags.writeKubeconfig || join(flags.dataDir, 'server', 'cred', 'admin.kubeconfig');
  const host = flags.bindAddress === '0.0.0.0' ? '127.0.0.1' : flags.bindAddress;
  await writeKubeconfig(kubeconfig, {
    server: `https://${host}:${flags.httpsListenPort}`,
    caPem: cp.pki.ca.certPem, certPem: cp.pki.admin.certPem, keyPem: cp.pki.admin.keyPem,
  });
  await chmod(kubeconfig, flags.writeKubeconfigMode);
  console.log(`skiff: API server listening on https://${flags.bindAddress}:${flags.httpsListenPort} (datastore: ${cp.backend.name})`);
  console.log(`skiff: wrote kubeconfig ${kubeconfig}`);
  if (!flags.disableAgent) console.log('skiff: the node agent is not built yet; running the control plane only (as with --disable-agent)');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('skiff: shutting down');
  await cp.stop();
  return 0;
}
