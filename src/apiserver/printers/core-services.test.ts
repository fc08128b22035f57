// Tests for the Service and Endpoints tables: service types, external IPs, port strings and endpoint lists.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../api/object.ts';
import { endpointsPrinter, servicePrinter } from './core-services.ts';
import { ago, columnNames, rowOf } from './test-support.ts';

function svc(spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', creationTimestamp: ago(86400 * 3) }, spec, status };
}

describe('service table', () => {
  it('has the Kubernetes columns', () => {
    assert.deepEqual(columnNames(servicePrinter), {
      all: ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector'], wide: ['Selector'],
    });
  });

  it('prints a ClusterIP service', () => {
    assert.deepEqual(rowOf(servicePrinter, svc({
      type: 'ClusterIP', clusterIP: '10.43.0.10', clusterIPs: ['10.43.0.10'], selector: { app: 'web', tier: 'fe' },
      ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }],
    })), {
      Name: 'web', Type: 'ClusterIP', 'Cluster-IP': '10.43.0.10', 'External-IP': '<none>', 'Port(s)': '53/UDP,53/TCP',
      Age: '3d', Selector: 'app=web,tier=fe',
    });
  });

  it('prints a pending and a provisioned LoadBalancer with node ports', () => {
    const spec = { type: 'LoadBalancer', clusterIPs: ['10.43.12.7'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 443, nodePort: 30443, protocol: 'TCP' }] };
    const pending = rowOf(servicePrinter, svc(spec));
    assert.equal(pending['External-IP'], '<pending>');
    assert.equal(pending['Port(s)'], '80:30080/TCP,443:30443/TCP');
    assert.equal(pending.Selector, '<none>');
    const ready = rowOf(servicePrinter, svc(spec, { loadBalancer: { ingress: [{ ip: '192.168.1.240' }, { hostname: 'lb.example.com' }, { ip: '192.168.1.240' }] } }));
    assert.equal(ready['External-IP'], '192.168.1.240,lb.example.com');
    const withExternal = rowOf(servicePrinter, svc({ ...spec, externalIPs: ['1.2.3.4'] }, { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } }));
    assert.equal(withExternal['External-IP'], '5.6.7.8,1.2.3.4');
  });

  it('prints NodePort, headless, ExternalName and unknown types', () => {
    assert.equal(rowOf(servicePrinter, svc({ type: 'NodePort', clusterIPs: ['10.43.0.5'], externalIPs: ['1.1.1.1', '2.2.2.2'] }))['External-IP'], '1.1.1.1,2.2.2.2');
    const headless = rowOf(servicePrinter, svc({ type: 'ClusterIP', clusterIP: 'None' }));
    assert.equal(headless['Cluster-IP'], 'None');
    assert.equal(headless['Port(s)'], '<none>');
    const ext = rowOf(servicePrinter, svc({ type: 'ExternalName', externalName: 'db.example.com' }));
    assert.equal(ext['Cluster-IP'], '<none>');
    assert.equal(ext['External-IP'], 'db.example.com');
    assert.equal(rowOf(servicePrinter, svc({ type: 'Weird' }))['External-IP'], '<unknown>');
  });
});

describe('endpoints table', () => {
  const ep = (subsets: unknown[] | undefined): KObject => ({ kind: 'Endpoints', metadata: { name: 'web', creationTimestamp: ago(30) }, subsets });
  it('lists up to three addresses with ports, then a count', () => {
    assert.deepEqual(rowOf(endpointsPrinter, ep([{ addresses: [{ ip: '10.42.0.5' }, { ip: '10.42.0.6' }], ports: [{ port: 8080 }] }])), {
      Name: 'web', Endpoints: '10.42.0.5:8080,10.42.0.6:8080', Age: '30s',
    });
    const many = ep([{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: 'fd00::3' }], ports: [{ port: 80 }, { port: 443 }] }]);
    assert.equal(rowOf(endpointsPrinter, many).Endpoints, '10.0.0.1:80,10.0.0.2:80,[fd00::3]:80 + 3 more...');
  });
  it('prints bare IPs for port-less subsets, <none> without subsets, "" with only not-ready addresses', () => {
    assert.equal(rowOf(endpointsPrinter, ep([{ addresses: [{ ip: '10.0.0.9' }] }])).Endpoints, '10.0.0.9');
    assert.equal(rowOf(endpointsPrinter, ep(undefined)).Endpoints, '<none>');
    assert.equal(rowOf(endpointsPrinter, ep([{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }])).Endpoints, '');
  });
});
