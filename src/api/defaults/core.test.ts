// Tests for core and cluster-level defaults: Services, Secrets, Namespaces, volumes, and the smaller groups.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyDefaults, prepareForCreate, prepareForUpdate } from './index.ts';

type O = Record<string, unknown>;
const spec = (o: O): O => o.spec as O;

describe('core/v1 defaults', () => {
  it('Service: ClusterIP, None affinity, TCP ports, targetPort = port, Cluster policy, single-stack IPv4', () => {
    const svc: O = { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }, { port: 443, targetPort: 'https' }] } };
    applyDefaults('', 'v1', 'Service', svc);
    assert.deepEqual(svc.spec, {
      selector: { app: 'web' }, sessionAffinity: 'None', type: 'ClusterIP',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 443, targetPort: 'https', protocol: 'TCP' }],
      internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
    });
  });
  it('Service: LoadBalancer gets node ports allocation and Cluster external policy; ExternalName no families', () => {
    const lb: O = { spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } };
    applyDefaults('', 'v1', 'Service', lb);
    assert.equal(spec(lb).externalTrafficPolicy, 'Cluster');
    assert.equal(spec(lb).allocateLoadBalancerNodePorts, true);
    const ext: O = { spec: { type: 'ExternalName', externalName: 'db.example.com' } };
    applyDefaults('', 'v1', 'Service', ext);
    assert.deepEqual(ext.spec, { type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
    const sticky: O = { spec: { sessionAffinity: 'ClientIP', ports: [{ port: 80 }] } };
    applyDefaults('', 'v1', 'Service', sticky);
    assert.deepEqual(spec(sticky).sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
  });
  it('Service create pairs clusterIP and clusterIPs', () => {
    const headless: O = { spec: { clusterIP: 'None' } };
    prepareForCreate('', 'Service', headless);
    assert.deepEqual(spec(headless).clusterIPs, ['None']);
  });
  it('Service update keeps allocated cluster IPs and node ports the client left out', () => {
    const old: O = { spec: { type: 'NodePort', clusterIP: '10.43.0.9', clusterIPs: ['10.43.0.9'], ports: [{ name: 'http', port: 80, nodePort: 30080 }] } };
    const next: O = { spec: { type: 'NodePort', ports: [{ name: 'http', port: 8080 }] } };
    prepareForUpdate('', 'Service', next, old);
    assert.deepEqual(next.spec, { type: 'NodePort', clusterIP: '10.43.0.9', clusterIPs: ['10.43.0.9'], ports: [{ name: 'http', port: 8080, nodePort: 30080 }] });
  });
  it('Secret: Opaque, stringData folded into data', () => {
    const s: O = { data: { a: 'YQ==' }, stringData: { b: 'bee' } };
    applyDefaults('', 'v1', 'Secret', s);
    assert.deepEqual(s, { data: { a: 'YQ==', b: 'YmVl' }, type: 'Opaque' });
  });
  it('Namespace: name label, Active phase, kubernetes finalizer on create', () => {
    const ns: O = { metadata: { name: 'team-a' } };
    applyDefaults('', 'v1', 'Namespace', ns);
    prepareForCreate('', 'Namespace', ns);
    assert.deepEqual(ns, { metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'team-a' } }, status: { phase: 'Active' }, spec: { finalizers: ['kubernetes'] } });
  });
  it('PV and PVC: Retain, Filesystem, Pending', () => {
    const pv: O = { spec: { capacity: { storage: '1Gi' }, hostPath: { path: '/data' } } };
    applyDefaults('', 'v1', 'PersistentVolume', pv);
    assert.deepEqual(pv, { status: { phase: 'Pending' }, spec: { capacity: { storage: '1Gi' }, hostPath: { path: '/data', type: '' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' } });
    const pvc: O = { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } } };
    applyDefaults('', 'v1', 'PersistentVolumeClaim', pvc);
    assert.deepEqual(pvc, { status: { phase: 'Pending' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' } });
  });
  it('Node: allocatable defaults to capacity', () => {
    const node: O = { status: { capacity: { cpu: '4', memory: '8Gi' } } };
    applyDefaults('', 'v1', 'Node', node);
    assert.deepEqual((node.status as O).allocatable, { cpu: '4', memory: '8Gi' });
  });
  it('ReplicationController: selector and labels from the template, one replica', () => {
    const rc: O = { metadata: { name: 'rc' }, spec: { template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'x:1' }] } } } };
    applyDefaults('', 'v1', 'ReplicationController', rc);
    assert.deepEqual([spec(rc).selector, (rc.metadata as O).labels, spec(rc).replicas], [{ app: 'x' }, { app: 'x' }, 1]);
  });
  it('LimitRange: container defaults fall back to max, requests to defaults', () => {
    const lr: O = { spec: { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' } }] } };
    applyDefaults('', 'v1', 'LimitRange', lr);
    assert.deepEqual((spec(lr).limits as O[])[0], { type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { cpu: '2' }, defaultRequest: { cpu: '2', memory: '64Mi' } });
  });
});

describe('other groups', () => {
  it('NetworkPolicy: Ingress, plus Egress when egress rules exist; ports TCP', () => {
    const np: O = { spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } };
    applyDefaults('networking.k8s.io', 'v1', 'NetworkPolicy', np);
    assert.deepEqual(spec(np).policyTypes, ['Ingress', 'Egress']);
    assert.deepEqual((spec(np).egress as O[])[0], { ports: [{ port: 53, protocol: 'TCP' }] });
  });
  it('HPA v2: one minimum replica and 80% CPU; behavior filled in', () => {
    const hpa: O = { spec: { maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } };
    applyDefaults('autoscaling', 'v2', 'HorizontalPodAutoscaler', hpa);
    assert.equal(spec(hpa).minReplicas, 1);
    assert.deepEqual(spec(hpa).metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    assert.deepEqual(spec(hpa).behavior, {
      scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }], stabilizationWindowSeconds: 60 },
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
    const v1: O = { spec: { maxReplicas: 3 } };
    applyDefaults('autoscaling', 'v1', 'HorizontalPodAutoscaler', v1);
    assert.deepEqual(v1.spec, { maxReplicas: 3, minReplicas: 1 });
  });
  it('RBAC bindings: roleRef and subject API groups', () => {
    const rb: O = { roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: 'sa' }] };
    applyDefaults('rbac.authorization.k8s.io', 'v1', 'RoleBinding', rb);
    assert.deepEqual(rb, {
      roleRef: { kind: 'Role', name: 'r', apiGroup: 'rbac.authorization.k8s.io' },
      subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 'sa', apiGroup: '' }],
    });
  });
  it('StorageClass, PriorityClass, EndpointSlice, CRD', () => {
    const sc: O = { provisioner: 'example.com/csi' };
    applyDefaults('storage.k8s.io', 'v1', 'StorageClass', sc);
    assert.deepEqual(sc, { provisioner: 'example.com/csi', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
    const pc: O = { value: 10 };
    applyDefaults('scheduling.k8s.io', 'v1', 'PriorityClass', pc);
    assert.equal(pc.preemptionPolicy, 'PreemptLowerPriority');
    const slice: O = { ports: [{ port: 80 }] };
    applyDefaults('discovery.k8s.io', 'v1', 'EndpointSlice', slice);
    assert.deepEqual(slice.ports, [{ port: 80, name: '', protocol: 'TCP' }]);
    const crd: O = { spec: { names: { kind: 'Widget', plural: 'widgets' }, versions: [{ name: 'v1', storage: true }] } };
    applyDefaults('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', crd);
    assert.deepEqual([(spec(crd).names as O).singular, (spec(crd).names as O).listKind, spec(crd).conversion, (crd.status as O).storedVersions],
      ['widget', 'WidgetList', { strategy: 'None' }, ['v1']]);
  });
});
