// Decodes protobuf bodies captured from the real kubectl and compares them with kubectl's own JSON for the object.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeKubernetesProtobuf, protobufMediaType } from './index.ts';
import { kubectlCases } from './kubectl-cases.ts';
import { kubectlFixtures, kubectlVersion } from './kubectl-fixtures.ts';

for (const f of kubectlFixtures) {
  const c = kubectlCases.find((x) => x.name === f.name);
  test(`kubectl ${kubectlVersion} ${f.args.join(' ')}: body decodes to kubectl's JSON`, () => {
    const body = Buffer.from(f.body, 'base64');
    if (c?.json) {
      // kubectl sends this one as JSON; nothing to decode, but the capture documents it.
      assert.equal(f.contentType, 'application/json');
      assert.deepEqual(JSON.parse(body.toString('utf8')), f.expected);
      return;
    }
    assert.equal(f.contentType, protobufMediaType);
    const decoded = decodeKubernetesProtobuf(body);
    assert.deepEqual(decoded, f.expected);
    // the same key order as Go's encoding/json
    assert.equal(JSON.stringify(decoded), JSON.stringify(f.expected));
  });
}

test('every case has a fixture', () => {
  assert.deepEqual(kubectlFixtures.map((f) => f.name), kubectlCases.map((c) => c.name));
});
