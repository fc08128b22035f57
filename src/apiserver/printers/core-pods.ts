// Pod table (core/v1): READY, STATUS with Kubernetes' full pod status logic, RESTARTS with the last restart age, and the wide columns.

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, nameColumn, nameOf, wide } from './columns.ts';
import { humanDuration, parseTime } from './duration.ts';
import type { TablePrinter } from './types.ts';
import { at, has, int, list, optStr, str } from './values.ts';

/** The pod status reason set when its node stopped responding (node.NodeUnreachablePodReason). */
const NODE_UNREACHABLE_REASON = 'NodeLost';

/** Latest of two times in ms (0 means none yet), as metav1.Time.Before picks it. */
function later(cur: number, finishedAt: unknown): number {
  const t = parseTime(finishedAt);
  return t !== undefined && cur < t ? t : cur;
}

function conditionStatus(pod: unknown, type: string): string | undefined {
  for (const c of list(pod, 'status', 'conditions')) if (str(c, 'type') === type) return str(c, 'status');
  return undefined;
}

function hasPodReadyCondition(pod: unknown): boolean {
  return list(pod, 'status', 'conditions').some((c) => str(c, 'type') === 'Ready' && str(c, 'status') === 'True');
}

/** Whether each init container (by name, last spec entry wins) is a sidecar: restartPolicy Always. */
function restartableInitContainers(initSpecs: unknown[]): Map<string, boolean> {
  const byName = new Map<string, boolean>();
  for (const c of initSpecs) byName.set(str(c, 'name'), str(c, 'restartPolicy') === 'Always');
  return byName;
}

interface PodSummary { ready: string; reason: string; restarts: string }

/** printPod's READY, STATUS and RESTARTS cells. */
export function summarizePod(pod: KObject, now: number): PodSummary {
  const initSpecs = list(pod, 'spec', 'initContainers');
  const sidecars = restartableInitContainers(initSpecs);
  let restarts = 0;
  let sidecarRestarts = 0;
  // Every sidecar entry in the spec counts as a container of the running pod.
  const totalContainers = list(pod, 'spec', 'containers').length
    + initSpecs.filter((c) => str(c, 'restartPolicy') === 'Always').length;
  let readyContainers = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;

  const phase = str(pod, 'status', 'phase') || 'Pending';
  let reason = str(pod, 'status', 'reason') || phase;
  for (const c of list(pod, 'status', 'conditions')) {
    if (str(c, 'type') === 'PodScheduled' && str(c, 'reason') === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let initializing = false;
  const initStatuses = list(pod, 'status', 'initContainerStatuses');
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const isSidecar = sidecars.get(str(cs, 'name')) === true;
    const count = int(cs, 'restartCount');
    restarts += count;
    const lastFinished = at(cs, 'lastState', 'terminated', 'finishedAt');
    if (has(cs, 'lastState', 'terminated')) lastRestart = later(lastRestart, lastFinished);
    if (isSidecar) {
      sidecarRestarts += count;
      if (has(cs, 'lastState', 'terminated')) lastSidecarRestart = later(lastSidecarRestart, lastFinished);
    }
    const terminated = has(cs, 'state', 'terminated');
    const waitingReason = str(cs, 'state', 'waiting', 'reason');
    if (terminated && int(cs, 'state', 'terminated', 'exitCode') === 0) continue;
    if (isSidecar && at(cs, 'started') === true) {
      if (at(cs, 'ready') === true) readyContainers++;
      continue;
    }
    if (terminated) {
      const tReason = str(cs, 'state', 'terminated', 'reason');
      const signal = int(cs, 'state', 'terminated', 'signal');
      if (tReason === '') {
        reason = signal !== 0 ? `Init:Signal:${signal}` : `Init:ExitCode:${int(cs, 'state', 'terminated', 'exitCode')}`;
      } else {
        reason = `Init:${tReason}`;
      }
    } else if (has(cs, 'state', 'waiting') && waitingReason !== '' && waitingReason !== 'PodInitializing') {
      reason = `Init:${waitingReason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionStatus(pod, 'Initialized') === 'True') {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = list(pod, 'status', 'containerStatuses');
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += int(cs, 'restartCount');
      if (has(cs, 'lastState', 'terminated')) lastRestart = later(lastRestart, at(cs, 'lastState', 'terminated', 'finishedAt'));
      const waitingReason = str(cs, 'state', 'waiting', 'reason');
      const terminated = has(cs, 'state', 'terminated');
      const tReason = str(cs, 'state', 'terminated', 'reason');
      if (waitingReason !== '') {
        reason = waitingReason;
      } else if (terminated && tReason !== '') {
        reason = tReason;
      } else if (terminated) {
        const signal = int(cs, 'state', 'terminated', 'signal');
        reason = signal !== 0 ? `Signal:${signal}` : `ExitCode:${int(cs, 'state', 'terminated', 'exitCode')}`;
      } else if (at(cs, 'ready') === true && has(cs, 'state', 'running')) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose last container completed while another still runs is Running (or NotReady), not Completed.
    if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(pod) ? 'Running' : 'NotReady';
  }

  const deleting = has(pod, 'metadata', 'deletionTimestamp');
  if (deleting && str(pod, 'status', 'reason') === NODE_UNREACHABLE_REASON) {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== 0) restartsCell = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, reason, restarts: restartsCell };
}

function podIP(pod: unknown): string {
  const ips = list(pod, 'status', 'podIPs');
  const ip = ips.length > 0 ? str(ips[0], 'ip') : str(pod, 'status', 'podIP');
  return ip || '<none>';
}

function readinessGates(pod: unknown): string {
  const gates = list(pod, 'spec', 'readinessGates');
  if (gates.length === 0) return '<none>';
  let trueConditions = 0;
  for (const g of gates) if (conditionStatus(pod, str(g, 'conditionType')) === 'True') trueConditions++;
  return `${trueConditions}/${gates.length}`;
}

export const podPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Ready', 'string', 'Ready containers out of all containers (sidecars included).'),
    col('Status', 'string', 'Summary of the pod and container states.'),
    col('Restarts', 'string', 'Container restarts, and how long ago the last one was.'),
    ageColumn,
    wide('IP', 'string', 'Primary IP address of the pod.'),
    wide('Node', 'string', 'Node the pod is bound to.'),
    wide('Nominated Node', 'string', 'Node the scheduler nominated for preemption.'),
    wide('Readiness Gates', 'string', 'Readiness gates that are true out of all gates.'),
  ],
  row(pod, now) {
    const s = summarizePod(pod, now);
    return [
      nameOf(pod), s.ready, s.reason, s.restarts, ageOf(pod, now),
      podIP(pod),
      str(pod, 'spec', 'nodeName') || '<none>',
      optStr(pod, 'status', 'nominatedNodeName') || '<none>',
      readinessGates(pod),
    ];
  },
};

/** The row conditions Kubernetes attaches to finished pods' Table rows (TableRow.conditions), or undefined. */
export function podRowConditions(pod: KObject): { type: string; status: string; reason: string; message: string }[] | undefined {
  switch (str(pod, 'status', 'phase')) {
    case 'Succeeded': return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    case 'Failed': return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    default: return undefined;
  }
}
