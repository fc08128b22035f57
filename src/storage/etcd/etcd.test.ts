// Runs the storage conformance suite against a real etcd (a throwaway server per test), plus etcd-only checks.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { backendConformance } from '../backend.conformance.ts';
import { enc, rejectsWith } from '../conformance/helpers.ts';
import { EtcdBackend } from './etcd-backend.ts';
import { etcdBinary, startTestEtcd } from './test-etcd.ts';

const binary = etcdBinary();

if (!existsSync(binary)) {
  const why = `${binary} not found (install Debian's etcd-server, e.g. scripts/setup.sh test, or set ETCD_BIN)`;
  console.log(`# skipping the etcd backend tests: ${why}`);
  it('etcd backend conformance', { skip: why }, () => {});
} else {
  backendConformance('etcd', async () => {
    const server = await startTestEtcd(binary);
    const backend = new EtcdBackend({ endpoints: [server.endpoint] });
    return {
      backend,
      cleanup: async () => {
        await backend.close();
        await server.stop();
      },
    };
  });

  describe('etcd backend', () => {
    it('reports Unavailable when etcd is gone', async () => {
      const server = await startTestEtcd(binary);
      const backend = new EtcdBackend({ endpoints: [server.endpoint], callTimeoutMs: 2000 });
      try {
        await backend.create('/down/k', enc('v'));
        await server.stop();
        await rejectsWith(backend.get('/down/k'), 'Unavailable');
      } finally {
        await backend.close();
        await server.stop();
      }
    });

    it('sees leases granted by another client', async () => {
      const server = await startTestEtcd(binary);
      const writer = new EtcdBackend({ endpoints: [server.endpoint] });
      const reader = new EtcdBackend({ endpoints: [server.endpoint] });
      try {
        await writer.create('/l/k', enc('v'), { leaseSeconds: 30 });
        const got = await reader.get('/l/k');
        assert.equal(got.kv?.leaseSeconds, 30);
        assert.equal(await reader.compactedRevision(), 0);
        const rev = await reader.currentRevision();
        await writer.compact(rev);
        assert.equal(await reader.compactedRevision(), rev);
      } finally {
        await writer.close();
        await reader.close();
        await server.stop();
      }
    });
  });
}
