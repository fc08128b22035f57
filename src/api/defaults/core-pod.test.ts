// Tests for Pod defaults: the fields `kubectl get pod -o yaml` shows, image pull policies, probes, QoS.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults, imageTag, podQOSClass, prepareForCreate } from './index.ts';

type O = Record<string, unknown>;
const pod = (containers: O[], spec: O = {}): O => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers, ...spec } });
const defaulted = (p: O): O => {
  applyDefaults('', 'v1', 'Pod', p);
  return p;
};

describe('Pod defaults', () => {
  it('fills the pod spec like Kubernetes 1.32', () => {
    const p = defaulted(pod([{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }]));
    assert.deepEqual(p.spec, {
      containers: [{
        name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'IfNotPresent',
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {},
      }],
      dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler', enableServiceLinks: true,
    });
  });
  it('is idempotent and keeps explicit values', () => {
    const p = defaulted(pod([{ name: 'c', image: 'nginx', imagePullPolicy: 'Never' }], { restartPolicy: 'OnFailure', terminationGracePeriodSeconds: 5 }));
    const again = structuredClone(p);
    applyDefaults('', 'v1', 'Pod', again);
    assert.deepEqual(again, p);
    const spec = p.spec as O;
    assert.equal(spec.restartPolicy, 'OnFailure');
    assert.equal(spec.terminationGracePeriodSeconds, 5);
    assert.equal((spec.containers as O[])[0].imagePullPolicy, 'Never');
  });
  it('pulls Always for :latest or untagged images, IfNotPresent otherwise', () => {
    assert.equal(imageTag('nginx'), 'latest');
    assert.equal(imageTag('nginx:latest'), 'latest');
    assert.equal(imageTag('localhost:5000/app'), 'latest');
    assert.equal(imageTag('registry.example.com:5000/team/app:v2'), 'v2');
    assert.equal(imageTag('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), '');
    const policies = ['nginx', 'nginx:1.25', 'nginx:latest', 'nginx@sha256:abc'].map((image) => {
      const p = defaulted(pod([{ name: 'c', image }]));
      return ((p.spec as O).containers as O[])[0].imagePullPolicy;
    });
    assert.deepEqual(policies, ['Always', 'IfNotPresent', 'Always', 'IfNotPresent']);
  });
  it('defaults probes, HTTP handlers and gRPC services', () => {
    const p = defaulted(pod([{ name: 'c', image: 'x:1', livenessProbe: { httpGet: { port: 8080 } }, readinessProbe: { grpc: { port: 9090 } } }]));
    const c = ((p.spec as O).containers as O[])[0];
    assert.deepEqual(c.livenessProbe, { httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    assert.deepEqual(c.readinessProbe, { grpc: { port: 9090, service: '' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  });
  it('copies limits into missing requests and canonicalizes quantities', () => {
    const p = defaulted(pod([{ name: 'c', image: 'x:1', resources: { limits: { cpu: '0.5', memory: '1024Mi' }, requests: { cpu: '0.1' } } }]));
    assert.deepEqual(((p.spec as O).containers as O[])[0].resources, { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '100m', memory: '1Gi' } });
  });
  it('defaults volume sources and modes', () => {
    const p = defaulted(pod([{ name: 'c', image: 'x:1' }], {
      volumes: [{ name: 'scratch' }, { name: 's', secret: { secretName: 's' } }, { name: 'h', hostPath: { path: '/var/log' } },
        { name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }] } }] } }],
    }));
    assert.deepEqual((p.spec as O).volumes, [
      { name: 'scratch', emptyDir: {} },
      { name: 's', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'h', hostPath: { path: '/var/log', type: '' } },
      { name: 't', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }, { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace', apiVersion: 'v1' } }] } }] } },
    ]);
  });
  it('mirrors container ports to host ports on the host network', () => {
    const p = defaulted(pod([{ name: 'c', image: 'x:1', ports: [{ containerPort: 53 }] }], { hostNetwork: true }));
    assert.equal((((p.spec as O).containers as O[])[0].ports as O[])[0].hostPort, 53);
  });
});

describe('Pod create preparation and QoS', () => {
  it('sets Pending with the QoS class', () => {
    const p = defaulted(pod([{ name: 'c', image: 'x:1', resources: { limits: { cpu: '1', memory: '1Gi' } } }]));
    prepareForCreate('', 'Pod', p);
    assert.deepEqual(p.status, { phase: 'Pending', qosClass: 'Guaranteed' });
  });
  it('classifies BestEffort and Burstable pods', () => {
    assert.equal(podQOSClass(defaulted(pod([{ name: 'c', image: 'x:1' }]))), 'BestEffort');
    assert.equal(podQOSClass(defaulted(pod([{ name: 'c', image: 'x:1', resources: { requests: { cpu: '100m' } } }]))), 'Burstable');
    assert.equal(podQOSClass(defaulted(pod([{ name: 'c', image: 'x:1', resources: { limits: { cpu: '1' } } }]))), 'Burstable');
  });
});
