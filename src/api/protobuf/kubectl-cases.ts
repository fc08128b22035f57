// The kubectl commands whose protobuf request bodies the tests capture, and how each expected JSON is obtained.

import type { JsonObject } from '../object.ts';

export interface KubectlCase {
  name: string;
  args: string[];
  /** Files the command reads (relative to its working directory), as base64. */
  files?: Record<string, string>;
  /** The request that carries the body. */
  method: string;
  path: string;
  /**
   * The JSON the body must decode to: 'dry-run' means what `kubectl <args> --dry-run=client -o json` prints
   * (the same Go object, encoded by Go's encoding/json); otherwise the object itself.
   */
  expected: 'dry-run' | JsonObject;
  /** kubectl 1.32 sends this body as JSON, not protobuf (kept to notice if that changes). */
  json?: true;
}

const ns = '/api/v1/namespaces/default';

export const kubectlCases: KubectlCase[] = [
  { name: 'configmap from literals', args: ['create', 'configmap', 'x', '--from-literal=a=b', '--from-literal=empty='], method: 'POST', path: `${ns}/configmaps`, expected: 'dry-run' },
  { name: 'configmap with binaryData', args: ['create', 'configmap', 'bin', '--from-file=bin.dat', '--from-file=text.txt'], files: { 'bin.dat': 'AAH//g==', 'text.txt': 'aGVsbG8K' }, method: 'POST', path: `${ns}/configmaps`, expected: 'dry-run' },
  { name: 'secret generic', args: ['create', 'secret', 'generic', 's', '--from-literal=k=v', '--type=Opaque'], method: 'POST', path: `${ns}/secrets`, expected: 'dry-run' },
  { name: 'secret docker-registry', args: ['create', 'secret', 'docker-registry', 'reg', '--docker-server=r.io', '--docker-username=u', '--docker-password=p'], method: 'POST', path: `${ns}/secrets`, expected: 'dry-run' },
  { name: 'namespace', args: ['create', 'namespace', 'n'], method: 'POST', path: '/api/v1/namespaces', expected: 'dry-run' },
  { name: 'serviceaccount', args: ['create', 'serviceaccount', 'sa'], method: 'POST', path: `${ns}/serviceaccounts`, expected: 'dry-run' },
  { name: 'deployment', args: ['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=80'], method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', expected: 'dry-run' },
  { name: 'deployment with zero replicas', args: ['create', 'deployment', 'zero', '--image=nginx', '--replicas=0'], method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', expected: 'dry-run' },
  { name: 'job', args: ['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi'], method: 'POST', path: '/apis/batch/v1/namespaces/default/jobs', expected: 'dry-run' },
  { name: 'cronjob', args: ['create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/1 * * * *', '--', 'date'], method: 'POST', path: '/apis/batch/v1/namespaces/default/cronjobs', expected: 'dry-run' },
  { name: 'service clusterip (int targetPort)', args: ['create', 'service', 'clusterip', 'svc', '--tcp=80:8080'], method: 'POST', path: `${ns}/services`, expected: 'dry-run' },
  { name: 'service nodeport (string targetPort)', args: ['create', 'service', 'nodeport', 'np', '--tcp=80:http', '--node-port=30080'], method: 'POST', path: `${ns}/services`, expected: 'dry-run' },
  { name: 'role', args: ['create', 'role', 'r', '--verb=get,list', '--resource=pods'], method: 'POST', path: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', expected: 'dry-run' },
  { name: 'rolebinding', args: ['create', 'rolebinding', 'rb', '--role=r', '--user=u', '--serviceaccount=default:sa'], method: 'POST', path: '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', expected: 'dry-run' },
  { name: 'quota (Quantity map)', args: ['create', 'quota', 'q', '--hard=cpu=1,memory=1Gi,pods=10'], method: 'POST', path: `${ns}/resourcequotas`, expected: 'dry-run' },
  { name: 'priorityclass', args: ['create', 'priorityclass', 'pc', '--value=1000', '--description=d'], method: 'POST', path: '/apis/scheduling.k8s.io/v1/priorityclasses', expected: 'dry-run' },
  { name: 'poddisruptionbudget (IntOrString pointer)', args: ['create', 'pdb', 'pdb', '--selector=app=x', '--min-available=50%'], method: 'POST', path: '/apis/policy/v1/namespaces/default/poddisruptionbudgets', expected: 'dry-run' },
  { name: 'ingress', args: ['create', 'ingress', 'ing', '--rule=foo.com/bar=svc1:8080'], method: 'POST', path: '/apis/networking.k8s.io/v1/namespaces/default/ingresses', expected: 'dry-run' },
  { name: 'run', args: ['run', 'pod', '--image=nginx', '--labels=a=b', '--env=X=1', '--port=80'], method: 'POST', path: `${ns}/pods`, expected: 'dry-run', json: true },
  {
    name: 'drain eviction', args: ['drain', 'node1', '--timeout=5s'], method: 'POST', path: `${ns}/pods/web-1/eviction`,
    expected: {
      kind: 'Eviction', apiVersion: 'policy/v1',
      metadata: { name: 'web-1', namespace: 'default', creationTimestamp: null },
      deleteOptions: {},
    },
    json: true,
  },
  {
    name: 'token (int64 pointer, Time without omitempty)',
    args: ['create', 'token', 'sa', '--duration=1h', '--bound-object-kind=Pod', '--bound-object-name=p', '--bound-object-uid=123', '--audience=a1', '--audience=a2'],
    method: 'POST', path: `${ns}/serviceaccounts/sa/token`,
    // What Go's encoding/json prints for this TokenRequest (types.go json tags: token and expirationTimestamp
    // have no omitempty; expirationSeconds is a pointer).
    expected: {
      kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { audiences: ['a1', 'a2'], expirationSeconds: 3600, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p', uid: '123' } },
      status: { token: '', expirationTimestamp: null },
    },
  },
  { name: 'clusterrole', args: ['create', 'clusterrole', 'cr', '--verb=get', '--resource=pods', '--non-resource-url=/healthz', '--verb=get'], method: 'POST', path: '/apis/rbac.authorization.k8s.io/v1/clusterroles', expected: 'dry-run' },
  { name: 'clusterrolebinding', args: ['create', 'clusterrolebinding', 'crb', '--clusterrole=cr', '--group=g'], method: 'POST', path: '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', expected: 'dry-run' },
  { name: 'deployment with two images', args: ['create', 'deployment', 'multi', '--image=nginx', '--image=busybox:1.36'], method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', expected: 'dry-run' },
];
