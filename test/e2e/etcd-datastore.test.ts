// skiff server on an external etcd (--datastore-endpoint): the same kubectl work, and nothing lost across restarts.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type ServerHandle } from './harness.ts';
import { deploymentYaml } from './fixtures.ts';
import { startTestEtcd, type TestEtcd } from '../../src/storage/etcd/test-etcd.ts';

describe('etcd datastore', () => {
  let etcd: TestEtcd;
  let s: ServerHandle;
  before(async () => {
    etcd = await startTestEtcd();
    s = await startServer({ extraArgs: ['--datastore-endpoint', etcd.endpoint] });
  });
  after(async () => {
    await s?.stop();
    await etcd?.stop();
  });

  it('serves kubectl from etcd and survives a kill -9 of the server', async () => {
    await s.k(['apply', '-f', '-'], { input: deploymentYaml(2) });
    await s.k(['create', 'configmap', 'on-etcd', '--from-literal=a=1']);
    const watch = s.kubectl(['get', 'configmaps', '-w', '--request-timeout=3s', '-o', 'name'], { timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 1000));
    await s.k(['create', 'configmap', 'watched-on-etcd', '--from-literal=b=2']);
    assert.match((await watch).stdout, /configmap\/watched-on-etcd/);
    const before = JSON.parse(await s.k(['get', 'deployment', 'web', '-o', 'json']));
    await s.restart('SIGKILL');
    const after = JSON.parse(await s.k(['get', 'deployment', 'web', '-o', 'json']));
    assert.equal(after.metadata.uid, before.metadata.uid);
    assert.match(await s.k(['get', 'configmaps', '-o', 'name']), /configmap\/on-etcd/);
    await s.k(['scale', 'deployment', 'web', '--replicas=4']);
    assert.equal(await s.k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']), '4');
  });
});
