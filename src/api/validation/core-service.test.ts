// Tests for Service and Endpoints validation, including the cluster IP update rules.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import { createErrors, stored, updateErrors } from './test-helpers.ts';

function svc(spec: Record<string, unknown>, name = 'web'): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}
const errs = (s: KObject) => createErrors('', 'Service', s);

describe('Service create', () => {
  it('accepts ClusterIP, NodePort, headless and ExternalName services', () => {
    assert.deepEqual(errs(svc({ selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] })), []);
    assert.deepEqual(errs(svc({ type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, nodePort: 30080 }, { name: 'https', port: 443 }] })), []);
    assert.deepEqual(errs(svc({ clusterIP: 'None', selector: { app: 'db' } })), []);
    assert.deepEqual(errs(svc({ type: 'ExternalName', externalName: 'db.example.com.' })), []);
  });
  it('names services as DNS-1035 labels', () => {
    assert.deepEqual(errs(svc({ ports: [{ port: 80 }] }, '1web')), [
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
  it('rejects an invalid port', () => {
    assert.deepEqual(errs(svc({ ports: [{ port: 70000 }] })), [
      'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });
  it('requires ports, names for several ports, and unique port/protocol pairs', () => {
    assert.deepEqual(errs(svc({ selector: { app: 'web' } })), ['spec.ports: Required value']);
    assert.deepEqual(errs(svc({ ports: [{ port: 80 }, { name: 'b', port: 80 }] })), [
      'spec.ports[0].name: Required value',
      'spec.ports[1]: Duplicate value: {"protocol":"TCP","port":80}',
    ]);
  });
  it('checks the type and type-specific fields', () => {
    assert.deepEqual(errs(svc({ type: 'Internal', ports: [{ port: 80 }] })),
      ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']);
    assert.deepEqual(errs(svc({ ports: [{ port: 80, nodePort: 30001 }] })),
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
    assert.deepEqual(errs(svc({ type: 'ExternalName', externalName: 'Bad_Name' })).length, 1);
  });
  it('checks cluster IPs and session affinity', () => {
    assert.deepEqual(errs(svc({ clusterIP: '10.43.0.300', ports: [{ port: 80 }] })),
      ['spec.clusterIPs[0]: Invalid value: "10.43.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
    assert.deepEqual(errs(svc({ sessionAffinity: 'Sticky', ports: [{ port: 80 }] })),
      ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']);
    assert.deepEqual(errs(svc({ externalIPs: ['127.0.0.1'], ports: [{ port: 80 }] })),
      ['spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']);
  });
});

describe('Service update', () => {
  const old = stored('', 'Service', svc({ clusterIP: '10.43.0.10', selector: { app: 'web' }, ports: [{ port: 80 }] }));
  it('allows changing ports and selectors', () => {
    const s = structuredClone(old) as KObject & { spec: Record<string, unknown> };
    s.spec.ports = [{ port: 8080, protocol: 'TCP', targetPort: 8080 }];
    assert.deepEqual(updateErrors('', 'Service', s, old), []);
  });
  it('keeps the cluster IP immutable', () => {
    const s = structuredClone(old) as KObject & { spec: Record<string, unknown> };
    s.spec.clusterIP = '10.43.0.11';
    s.spec.clusterIPs = ['10.43.0.11'];
    assert.deepEqual(updateErrors('', 'Service', s, old), ['spec.clusterIPs[0]: Invalid value: ["10.43.0.11"]: may not change once set']);
  });
});

describe('Endpoints', () => {
  it('requires addresses and valid ports', () => {
    const ep = { metadata: { name: 'web', namespace: 'default' }, subsets: [{ ports: [{ port: 0, protocol: 'TCP' }] }, { addresses: [{ ip: '10.42.0.7' }], ports: [{ port: 80 }] }] };
    assert.deepEqual(createErrors('', 'Endpoints', ep), [
      'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
      'subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
  });
});
