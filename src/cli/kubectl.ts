// `skiff kubectl ARGS...`: runs kubectl with this machine's admin kubeconfig.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export async function runKubectl(argv: string[]): Promise<number> {
  const dataDir = process.env.SKIFF_DATA_DIR ?? '/var/lib/skiff';
  const kubeconfig = process.env.KUBECONFIG ?? join(dataDir, 'server', 'cred', 'admin.kubeconfig');
  if (!existsSync(kubeconfig)) {
    process.stderr.write(`skiff kubectl: no kubeconfig at ${kubeconfig}; is the server running?\n`);
    return 1;
  }
  const child = spawn('kubectl', argv, { stdio: 'inherit', env: { ...process.env, KUBECONFIG: kubeconfig } });
  return await new Promise<number>((resolve) => {
    child.on('error', (e) => { process.stderr.write(`skiff kubectl: ${e.message}\n`); resolve(127); });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
