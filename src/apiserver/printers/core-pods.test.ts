// Tests for the pod table: READY, STATUS (init containers, waiting and terminated reasons, terminating, node lost), RESTARTS, wide cells.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../api/object.ts';
import { podPrinter, podRowConditions } from './core-pods.ts';
import { NOW, ago, columnNames, rowOf } from './test-support.ts';

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web-0', namespace: 'default', creationTimestamp: ago(3600), ...meta },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
    status: { phase: 'Running', ...status },
  };
}

const running = (name: string, ready = true, restartCount = 0): Record<string, unknown> => ({
  name, ready, restartCount, started: true, state: { running: { startedAt: ago(600) } },
});

describe('pod columns', () => {
  it('match Kubernetes 1.32', () => {
    const { all, wide } = columnNames(podPrinter);
    assert.deepEqual(all, ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    assert.deepEqual(wide, ['IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    assert.equal(podPrinter.columns[0].format, 'name');
    assert.equal(podPrinter.columns[3].type, 'string');
  });
});

describe('pod rows', () => {
  it('prints a running pod with wide cells', () => {
    const r = rowOf(podPrinter, pod(
      { nodeName: 'node-1', readinessGates: [{ conditionType: 'example.com/lb' }] },
      {
        podIP: '10.42.0.5', podIPs: [{ ip: '10.42.0.5' }, { ip: 'fd00::5' }],
        conditions: [{ type: 'Ready', status: 'True' }, { type: 'example.com/lb', status: 'True' }],
        containerStatuses: [running('app')],
      },
    ));
    assert.deepEqual(r, {
      Name: 'web-0', Ready: '1/1', Status: 'Running', Restarts: '0', Age: '60m',
      IP: '10.42.0.5', Node: 'node-1', 'Nominated Node': '<none>', 'Readiness Gates': '1/1',
    });
  });

  it('shows CrashLoopBackOff with restarts and the last restart age', () => {
    const r = rowOf(podPrinter, pod({ containers: [{ name: 'app' }, { name: 'sidecar' }] }, {
      containerStatuses: [
        {
          name: 'app', ready: false, restartCount: 5,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(300) } },
        },
        running('sidecar'),
      ],
    }));
    assert.equal(r.Ready, '1/2');
    assert.equal(r.Status, 'CrashLoopBackOff');
    assert.equal(r.Restarts, '5 (5m ago)');
    assert.equal(r.IP, '<none>');
    assert.equal(r.Node, '<none>');
    assert.equal(r['Readiness Gates'], '<none>');
  });

  it('reports the first container with a reason (ContainerCreating)', () => {
    const r = rowOf(podPrinter, pod({ containers: [{ name: 'a' }, { name: 'b' }] }, {
      phase: 'Pending',
      containerStatuses: [
        { name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
        { name: 'b', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } },
      ],
    }));
    assert.equal(r.Status, 'ContainerCreating');
    assert.equal(r.Ready, '0/2');
  });

  it('shows Init:0/1 while the init container runs', () => {
    const r = rowOf(podPrinter, pod({ initContainers: [{ name: 'init' }] }, {
      phase: 'Pending',
      conditions: [{ type: 'Initialized', status: 'False' }],
      initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { running: { startedAt: ago(5) } } }],
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
    }));
    assert.equal(r.Status, 'Init:0/1');
    assert.equal(r.Ready, '0/1');
  });

  it('shows init waiting and terminated reasons, and exit codes or signals without one', () => {
    const base = { initContainers: [{ name: 'a' }, { name: 'b' }] };
    const done = { name: 'a', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    const status = (b: Record<string, unknown>): Record<string, unknown> => ({ phase: 'Pending', initContainerStatuses: [done, { name: 'b', restartCount: 2, ...b }] });
    assert.equal(rowOf(podPrinter, pod(base, status({ state: { waiting: { reason: 'CrashLoopBackOff' } } }))).Status, 'Init:CrashLoopBackOff');
    assert.equal(rowOf(podPrinter, pod(base, status({ state: { waiting: { reason: 'PodInitializing' } } }))).Status, 'Init:1/2');
    assert.equal(rowOf(podPrinter, pod(base, status({ state: { terminated: { exitCode: 3, reason: 'Error' } } }))).Status, 'Init:Error');
    assert.equal(rowOf(podPrinter, pod(base, status({ state: { terminated: { exitCode: 3 } } }))).Status, 'Init:ExitCode:3');
    assert.equal(rowOf(podPrinter, pod(base, status({ state: { terminated: { exitCode: 137, signal: 9 } } }))).Status, 'Init:Signal:9');
    // Restarts of init containers count while the pod is initializing.
    assert.equal(rowOf(podPrinter, pod(base, status({ state: { waiting: { reason: 'CrashLoopBackOff' } } }))).Restarts, '2');
  });

  it('PodInitializing once init containers are done', () => {
    const r = rowOf(podPrinter, pod({ initContainers: [{ name: 'init' }] }, {
      phase: 'Pending',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'init', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
    }));
    assert.equal(r.Status, 'PodInitializing');
  });

  it('counts started sidecars (restartable init containers) in READY and their restarts', () => {
    const r = rowOf(podPrinter, pod({ initContainers: [{ name: 'proxy', restartPolicy: 'Always' }, { name: 'setup' }] }, {
      conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
      initContainerStatuses: [
        { name: 'proxy', ready: true, started: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(130) } } },
        { name: 'setup', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      ],
      containerStatuses: [running('app', true, 2)],
    }));
    assert.equal(r.Ready, '2/2');
    assert.equal(r.Status, 'Running');
    assert.equal(r.Restarts, '3 (2m10s ago)');
  });

  it('Completed pods, and Running/NotReady when one container completed but another still runs', () => {
    const completed = { name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    assert.equal(rowOf(podPrinter, pod({ containers: [{ name: 'a' }] }, { phase: 'Succeeded', containerStatuses: [completed] })).Status, 'Completed');
    const two = { containers: [{ name: 'a' }, { name: 'b' }] };
    assert.equal(rowOf(podPrinter, pod(two, { conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [completed, running('b')] })).Status, 'Running');
    assert.equal(rowOf(podPrinter, pod(two, { conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [completed, running('b')] })).Status, 'NotReady');
  });

  it('terminated containers without a reason print ExitCode or Signal', () => {
    const st = (t: Record<string, unknown>): KObject => pod({}, { phase: 'Failed', containerStatuses: [{ name: 'app', restartCount: 0, state: { terminated: t } }] });
    assert.equal(rowOf(podPrinter, st({ exitCode: 2 })).Status, 'ExitCode:2');
    assert.equal(rowOf(podPrinter, st({ exitCode: 143, signal: 15 })).Status, 'Signal:15');
    assert.equal(rowOf(podPrinter, st({ exitCode: 1, reason: 'OOMKilled' })).Status, 'OOMKilled');
  });

  it('Terminating when deleted and not finished; Unknown when its node was lost', () => {
    const deleting = { deletionTimestamp: ago(10) };
    assert.equal(rowOf(podPrinter, pod({}, { containerStatuses: [running('app')] }, deleting)).Status, 'Terminating');
    assert.equal(rowOf(podPrinter, pod({}, { phase: 'Succeeded' }, deleting)).Status, 'Succeeded');
    assert.equal(rowOf(podPrinter, pod({}, { reason: 'NodeLost', containerStatuses: [running('app')] }, deleting)).Status, 'Unknown');
    assert.equal(rowOf(podPrinter, pod({}, { phase: 'Running', reason: 'NodeLost' })).Status, 'NodeLost');
  });

  it('status.reason, SchedulingGated, nominated node and age', () => {
    assert.equal(rowOf(podPrinter, pod({}, { phase: 'Failed', reason: 'Evicted' })).Status, 'Evicted');
    const gated = pod({ schedulingGates: [{ name: 'g' }] }, {
      phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
    });
    assert.equal(rowOf(podPrinter, gated).Status, 'SchedulingGated');
    const nominated = rowOf(podPrinter, pod({}, { phase: 'Pending', nominatedNodeName: 'node-2' }, { creationTimestamp: undefined }));
    assert.equal(nominated['Nominated Node'], 'node-2');
    assert.equal(nominated.Age, '<unknown>');
    assert.equal(nominated.Status, 'Pending');
  });

  it('restarts without a recorded finish time print just the count', () => {
    const r = rowOf(podPrinter, pod({}, { containerStatuses: [{ ...running('app'), restartCount: 4 }] }), NOW);
    assert.equal(r.Restarts, '4');
  });
});

describe('pod row conditions', () => {
  it('mark finished pods Completed', () => {
    assert.deepEqual(podRowConditions(pod({}, { phase: 'Succeeded' })), [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    assert.equal(podRowConditions(pod({}, { phase: 'Failed' }))?.[0].reason, 'Failed');
    assert.equal(podRowConditions(pod({}, {})), undefined);
  });
});
