// Decodes protobuf bodies captured from the real kubectl and compares them with kubectl's own JSON for the object.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeKubernetesProtobuf, protobufMediaType } from './index.ts';
import { kubectlFixtures } from './kubectl-fixtures.ts';

for (const f of kubectlFixtures) {
  test(`kubectl ${f.args.join(' ')}: body decodes to kubectl's JSON`, () => {
    assert.equal(f.contentType, protobufMediaType);
    const decoded = decodeKubernetesProtobuf(Buffer.from(f.body, 'base64'));
    assert.deepEqual(decoded, f.expected);
    // same key order as Go's encoding/json
    assert.equal(JSON.stringify(decoded), JSON.stringify(f.expected));
  });
}
