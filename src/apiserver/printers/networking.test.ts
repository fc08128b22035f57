// Tests for the Ingress, IngressClass, NetworkPolicy and EndpointSlice tables.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpointSlicePrinter } from './discovery.ts';
import { ingressClassPrinter, ingressPrinter, networkPolicyPrinter } from './networking.ts';
import { ago, columnNames, rowOf } from './test-support.ts';

const meta = { name: 'web', creationTimestamp: ago(42) };

describe('ingress tables', () => {
  it('prints an ingress', () => {
    assert.deepEqual(columnNames(ingressPrinter).all, ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
    assert.deepEqual(rowOf(ingressPrinter, {
      metadata: meta,
      spec: { ingressClassName: 'traefik', tls: [{ hosts: ['a.example.com'] }], rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }] },
      status: { loadBalancer: { ingress: [{ ip: '192.168.1.20' }, { ip: '192.168.1.10' }] } },
    }), { Name: 'web', Class: 'traefik', Hosts: 'a.example.com,b.example.com', Address: '192.168.1.10,192.168.1.20', Ports: '80, 443', Age: '42s' });
  });
  it('hosts: "*" without hosts, "+ N more..." past three', () => {
    const r = rowOf(ingressPrinter, { metadata: meta, spec: { rules: [{ http: {} }] } });
    assert.equal(r.Hosts, '*');
    assert.equal(r.Class, '<none>');
    assert.equal(r.Address, '');
    assert.equal(r.Ports, '80');
    const many = rowOf(ingressPrinter, { metadata: meta, spec: { rules: ['a', 'b', '', 'c', 'd'].map((host) => ({ host })) } });
    assert.equal(many.Hosts, 'a,b,c + 2 more...');
  });
  it('ingressclass parameters', () => {
    assert.deepEqual(rowOf(ingressClassPrinter, {
      metadata: meta, spec: { controller: 'traefik.io/ingress-controller', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' } },
    }), { Name: 'web', Controller: 'traefik.io/ingress-controller', Parameters: 'IngressParameters.k8s.example.com/p', Age: '42s' });
    assert.equal(rowOf(ingressClassPrinter, { metadata: meta, spec: { controller: 'c', parameters: { kind: 'ConfigMap', name: 'cm' } } }).Parameters, 'ConfigMap/cm');
    assert.equal(rowOf(ingressClassPrinter, { metadata: meta, spec: { controller: 'c' } }).Parameters, '<none>');
  });
});

describe('networkpolicy and endpointslice tables', () => {
  it('networkpolicy pod selector', () => {
    assert.deepEqual(rowOf(networkPolicyPrinter, { metadata: meta, spec: { podSelector: { matchLabels: { role: 'db' } } } }), { Name: 'web', 'Pod-Selector': 'role=db', Age: '42s' });
    assert.equal(rowOf(networkPolicyPrinter, { metadata: meta, spec: { podSelector: {} } })['Pod-Selector'], '<none>');
  });
  it('endpointslice ports and addresses', () => {
    assert.deepEqual(columnNames(endpointSlicePrinter).all, ['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']);
    assert.deepEqual(rowOf(endpointSlicePrinter, {
      metadata: { name: 'web-abc12', creationTimestamp: ago(42) }, addressType: 'IPv4',
      ports: [{ name: 'http', port: 80 }, { name: 'named' }, {}, { port: 9090 }],
      endpoints: [{ addresses: ['10.42.0.5'] }, { addresses: ['10.42.0.6', '10.42.0.7'] }, { addresses: ['10.42.0.8'] }],
    }), { Name: 'web-abc12', AddressType: 'IPv4', Ports: '80,named,* + 1 more...', Endpoints: '10.42.0.5,10.42.0.6,10.42.0.7 + 1 more...', Age: '42s' });
    const empty = rowOf(endpointSlicePrinter, { metadata: meta, addressType: 'IPv6' });
    assert.equal(empty.Ports, '<unset>');
    assert.equal(empty.Endpoints, '<unset>');
  });
});
