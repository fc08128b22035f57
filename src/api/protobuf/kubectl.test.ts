// Live check with the real kubectl on PATH: capture each case's request body over HTTPS and decode it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeKubernetesProtobuf, protobufMediaType } from './index.ts';
import { kubectlCases } from './kubectl-cases.ts';
import { captureCase, kubectlAvailable, startCaptureServer, type CaptureServer } from './kubectl-harness.ts';

const haveKubectl = await kubectlAvailable();
let server: CaptureServer;

before(async () => {
  if (haveKubectl) server = await startCaptureServer();
});
after(async () => {
  await server?.close();
});

for (const c of kubectlCases) {
  test(`live kubectl ${c.args.join(' ')}`, { skip: !haveKubectl && 'kubectl is not on PATH' }, async () => {
    const { request, result, expected } = await captureCase(server, c);
    assert.ok(request, `kubectl sent no ${c.method} ${c.path}: ${result.stderr}`);
    if (c.json) {
      assert.equal(request.contentType, 'application/json');
      assert.deepEqual(JSON.parse(request.body.toString('utf8')), expected);
      return;
    }
    assert.equal(request.contentType, protobufMediaType);
    assert.match(request.accept, /^application\/vnd\.kubernetes\.protobuf,\s*application\/json$/);
    const decoded = decodeKubernetesProtobuf(request.body);
    assert.deepEqual(decoded, expected);
    assert.equal(JSON.stringify(decoded), JSON.stringify(expected));
  });
}
