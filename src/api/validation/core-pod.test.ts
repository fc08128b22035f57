// Tests for Pod validation: containers, ports, env, resources, volumes, mounts and the update rules.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import { createErrors, labelMsg, stored, updateErrors } from './test-helpers.ts';

type Ctr = Record<string, unknown>;
function pod(containers: Ctr[], spec: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers, ...spec } };
}
const nginx = (extra: Ctr = {}): Ctr => ({ name: 'nginx', image: 'nginx:1.25', ...extra });
const errs = (p: KObject) => createErrors('', 'Pod', p);

describe('Pod create', () => {
  it('accepts a realistic pod', () => {
    assert.deepEqual(errs(pod([nginx({
      ports: [{ name: 'http', containerPort: 80 }],
      env: [{ name: 'MODE', value: 'prod' }, { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
      resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
      readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
      volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }],
    })], { volumes: [{ name: 'conf', configMap: { name: 'nginx-conf' } }] })), []);
  });
  it('requires containers', () => {
    assert.deepEqual(errs(pod([])), ['spec.containers: Required value']);
  });
  it('rejects duplicate container names', () => {
    assert.deepEqual(errs(pod([nginx(), nginx({ image: 'nginx:1.26' })])), ['spec.containers[1].name: Duplicate value: "nginx"']);
  });
  it('requires DNS-label container names and an image', () => {
    assert.deepEqual(errs(pod([{ name: 'Web', image: '' }])), [
      `spec.containers[0].name: Invalid value: "Web": ${labelMsg}`,
      'spec.containers[0].image: Required value',
    ]);
  });
  it('rejects leading or trailing whitespace in images of pods', () => {
    assert.deepEqual(errs(pod([nginx({ image: ' nginx' })])),
      ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']);
  });
  it('checks container ports', () => {
    assert.deepEqual(errs(pod([nginx({ ports: [{ containerPort: 70000 }, { containerPort: 81, protocol: 'HTTP' }, { name: 'HTTP', containerPort: 82 }] })])), [
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[0].ports[2].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[2].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ]);
  });
  it('reports host port conflicts across containers', () => {
    assert.deepEqual(errs(pod([nginx({ ports: [{ containerPort: 80, hostPort: 8080 }] }), { name: 'b', image: 'b', ports: [{ containerPort: 81, hostPort: 8080 }] }])),
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"']);
  });
  it('checks env names and value sources', () => {
    assert.deepEqual(errs(pod([nginx({ env: [{ name: 'A=B' }, { name: '' }, { name: 'X', value: 'v', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, { name: 'Y', valueFrom: {} }] })])), [
      "spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
      'spec.containers[0].env[1].name: Required value',
      'spec.containers[0].env[2].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      'spec.containers[0].env[3].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
    ]);
  });
  it('rejects requests above limits', () => {
    assert.deepEqual(errs(pod([nginx({ resources: { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '1', memory: '512Mi' } } })])), [
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      'spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
    ]);
  });
  it('checks resource names and quantities', () => {
    assert.deepEqual(errs(pod([nginx({ resources: { limits: { gpu: '1', 'example.com/dongle': '0.5' } } })])), [
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      'spec.containers[0].resources.limits[example.com/dongle]: Invalid value: "500m": must be an integer',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      'spec.containers[0].resources.requests[example.com/dongle]: Invalid value: "500m": must be an integer',
    ]);
  });
  it('supports only the three restart policies', () => {
    assert.deepEqual(errs(pod([nginx()], { restartPolicy: 'Sometimes' })),
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']);
  });
  it('requires unique volume names and exactly one source', () => {
    assert.deepEqual(errs(pod([nginx()], { volumes: [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {}, secret: { secretName: 's' } }] })), [
      'spec.volumes[1].name: Duplicate value: "a"',
      'spec.volumes[2].secret: Forbidden: may not specify more than 1 volume type',
    ]);
  });
  it('checks volume sources', () => {
    assert.deepEqual(errs(pod([nginx()], { volumes: [{ name: 'c', configMap: { name: 'x', items: [{ key: 'k', path: '../etc' }], defaultMode: 1000 } }] })), [
      'spec.volumes[0].configMap.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
      "spec.volumes[0].configMap.items[0].path: Invalid value: \"../etc\": must not contain '..'",
    ]);
  });
  it('requires volume mounts to name existing volumes', () => {
    assert.deepEqual(errs(pod([nginx({ volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'data', mountPath: '/data' }] })])), [
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
      'spec.containers[0].volumeMounts[1].name: Not found: "data"',
      'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
    ]);
  });
  it('checks probes', () => {
    assert.deepEqual(errs(pod([nginx({ livenessProbe: { successThreshold: 2, exec: { command: [] }, tcpSocket: { port: 80 } } })])), [
      'spec.containers[0].livenessProbe.exec.command: Required value',
      'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ]);
  });
  it('checks tolerations and scheduling fields', () => {
    assert.deepEqual(errs(pod([nginx()], { tolerations: [{ operator: 'Equal', value: 'x' }], activeDeadlineSeconds: 0, nodeName: 'Node_1' })), [
      "spec.nodeName: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ]);
  });
  it('forbids ephemeral containers on create', () => {
    assert.deepEqual(errs(pod([nginx()], { ephemeralContainers: [{ name: 'debug', image: 'busybox' }] })),
      ['spec.ephemeralContainers: Forbidden: cannot be set on create']);
  });
});

describe('Pod update', () => {
  const old = stored('', 'Pod', pod([nginx()], { tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }] }));
  const change = (f: (p: KObject & { spec: Record<string, unknown> }) => void): string[] => {
    const p = structuredClone(old) as KObject & { spec: Record<string, unknown> };
    f(p);
    return updateErrors('', 'Pod', p, old);
  };
  it('allows image changes, toleration additions and a shorter activeDeadlineSeconds', () => {
    assert.deepEqual(change((p) => {
      (p.spec.containers as Ctr[])[0].image = 'nginx:1.27';
      (p.spec.tolerations as Ctr[]).push({ key: 'b', operator: 'Exists' });
      (p.spec.tolerations as Ctr[])[0].tolerationSeconds = 60;
      p.spec.activeDeadlineSeconds = 100;
    }), []);
  });
  it('forbids other spec changes with the Kubernetes message', () => {
    const e = change((p) => { p.spec.restartPolicy = 'Never'; });
    assert.equal(e.length, 1);
    assert.ok(e[0].startsWith('spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n'));
    assert.match(e[0], /- \tRestartPolicy: "Always",\n\+ \tRestartPolicy: "Never",/);
  });
  it('forbids adding containers and changing tolerations', () => {
    assert.deepEqual(change((p) => { (p.spec.containers as Ctr[]).push({ name: 'b', image: 'b' }); }),
      ['spec.containers: Forbidden: pod updates may not add or remove containers']);
    assert.deepEqual(change((p) => { (p.spec.tolerations as Ctr[])[0].key = 'z'; }),
      ['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
  });
  it('checks activeDeadlineSeconds transitions', () => {
    const withDeadline = stored('', 'Pod', pod([nginx()], { activeDeadlineSeconds: 50 }));
    const p = structuredClone(withDeadline) as KObject & { spec: Record<string, unknown> };
    p.spec.activeDeadlineSeconds = 60;
    assert.deepEqual(updateErrors('', 'Pod', p, withDeadline), ['spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value']);
  });
});
