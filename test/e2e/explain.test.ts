// kubectl explain and client-side validation read the server's OpenAPI documents.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type ServerHandle } from './harness.ts';

describe('openapi', () => {
  let s: ServerHandle;
  before(async () => { s = await startServer(); });
  after(async () => { await s?.stop(); });

  it('explains a field of a built-in kind', async () => {
    const out = await s.k(['explain', 'deployment.spec.replicas']);
    assert.match(out, /GROUP:\s+apps/);
    assert.match(out, /KIND:\s+Deployment/);
    assert.match(out, /FIELD:\s+replicas <integer>/);
  });

  it('explains recursively', async () => {
    const out = await s.k(['explain', 'pods.spec.containers', '--recursive']);
    assert.match(out, /^\s+image\s+<string>$/m);
    assert.match(out, /^\s+ports\s+<\[\]ContainerPort>$/m);
  });

  it('rejects an unknown field on apply', async () => {
    const r = await s.kubectl(['apply', '-f', '-'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndatta:\n  a: b\n' });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /unknown field "datta"/);
  });
});
