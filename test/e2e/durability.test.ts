// Nothing acknowledged is lost when the server is killed with SIGKILL and started again.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type ServerHandle } from './harness.ts';
import { deploymentYaml } from './fixtures.ts';

describe('restart after kill -9', () => {
  let s: ServerHandle;
  before(async () => { s = await startServer(); });
  after(async () => { await s?.stop(); });

  it('keeps every acknowledged write', async () => {
    await s.k(['apply', '-f', '-'], { input: deploymentYaml(3) });
    await s.k(['create', 'namespace', 'durable']);
    const names: string[] = [];
    for (let i = 0; i < 20; i++) {
      await s.k(['create', 'configmap', `cm-${i}`, '-n', 'durable', `--from-literal=i=${i}`]);
      names.push(`configmap/cm-${i}`);
    }
    const before = JSON.parse(await s.k(['get', 'deployment', 'web', '-o', 'json']));
    await s.restart('SIGKILL');
    const after = JSON.parse(await s.k(['get', 'deployment', 'web', '-o', 'json']));
    assert.equal(after.metadata.uid, before.metadata.uid);
    assert.equal(after.metadata.resourceVersion, before.metadata.resourceVersion);
    const listed = (await s.k(['get', 'configmaps', '-n', 'durable', '-o', 'name'])).trim().split('\n').filter((n) => n.startsWith('configmap/cm-'));
    assert.deepEqual(listed.sort(), names.sort());
    // and the restarted server keeps working
    await s.k(['scale', 'deployment', 'web', '--replicas=1']);
    assert.equal(await s.k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']), '1');
  });
});
