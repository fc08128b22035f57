// Describes the machine a benchmark ran on, printed with every result.

import { cpus, totalmem, release, platform } from 'node:os';

export function machineLine(): string {
  const c = cpus();
  return `machine: ${c[0]?.model?.trim() ?? 'unknown cpu'} × ${c.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}, node ${process.version}`;
}

export function rssOf(pid: number): Promise<number> {
  return import('node:fs/promises').then(async ({ readFile }) => {
    const s = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(s);
    return m ? Number(m[1]) * 1024 : 0;
  });
}
