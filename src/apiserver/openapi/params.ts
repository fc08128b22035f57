// The query and path parameters of Kubernetes API operations (names and types as Kubernetes 1.32 declares them).

export interface Param {
  readonly name: string;
  readonly in: 'query' | 'path';
  readonly type: 'string' | 'integer' | 'boolean';
  readonly description: string;
  readonly required?: boolean;
}

const q = (name: string, type: Param['type'], description: string): Param => ({ name, in: 'query', type, description });
const p = (name: string, description: string): Param => ({ name, in: 'path', type: 'string', description, required: true });

export const param = {
  name: (kind: string) => p('name', `name of the ${kind}`),
  namespace: p('namespace', 'the namespace of the object'),
  path: p('path', 'path to the resource'),
  pathQuery: q('path', 'string', 'path to the resource'),
  pretty: q('pretty', 'string', 'pretty-print the output when "true"'),

  allowWatchBookmarks: q('allowWatchBookmarks', 'boolean', 'ask for BOOKMARK events on a watch'),
  continue: q('continue', 'string', 'the continue token of the previous page of a list'),
  fieldSelector: q('fieldSelector', 'string', 'only objects whose fields match this selector'),
  labelSelector: q('labelSelector', 'string', 'only objects whose labels match this selector'),
  limit: q('limit', 'integer', 'the most objects to return in one page'),
  resourceVersion: q('resourceVersion', 'string', 'the resource version a read or watch starts from'),
  resourceVersionMatch: q('resourceVersionMatch', 'string', 'how resourceVersion applies to a list: Exact or NotOlderThan'),
  sendInitialEvents: q('sendInitialEvents', 'boolean', 'start a watch with the current objects as ADDED events'),
  timeoutSeconds: q('timeoutSeconds', 'integer', 'end the list or watch after this many seconds'),
  watch: q('watch', 'boolean', 'watch for changes instead of listing'),

  dryRun: q('dryRun', 'string', '"All" to run every stage of the request without persisting it'),
  fieldManager: q('fieldManager', 'string', 'the name of the actor making the change, for managed fields'),
  fieldValidation: q('fieldValidation', 'string', 'how to treat unknown or duplicate fields: Ignore, Warn or Strict'),
  force: q('force', 'boolean', 'take over conflicting fields in a server-side apply'),

  gracePeriodSeconds: q('gracePeriodSeconds', 'integer', 'seconds to wait before the object is deleted'),
  ignoreStoreReadError: q('ignoreStoreReadErrorWithClusterBreakingPotential', 'boolean', 'delete an object that cannot be decoded from storage'),
  orphanDependents: q('orphanDependents', 'boolean', 'deprecated: orphan the dependents (use propagationPolicy)'),
  propagationPolicy: q('propagationPolicy', 'string', 'how dependents are garbage collected: Orphan, Background or Foreground'),

  container: q('container', 'string', 'the container to use'),
  follow: q('follow', 'boolean', 'stream the log as it grows'),
  insecureSkipTLSVerifyBackend: q('insecureSkipTLSVerifyBackend', 'boolean', 'skip verifying the kubelet\'s serving certificate'),
  limitBytes: q('limitBytes', 'integer', 'the most bytes of log to return'),
  previous: q('previous', 'boolean', 'the log of the previous instance of the container'),
  sinceSeconds: q('sinceSeconds', 'integer', 'only log lines newer than this many seconds'),
  stream: q('stream', 'string', 'which stream of the log: All, Stdout or Stderr'),
  tailLines: q('tailLines', 'integer', 'only this many lines from the end of the log'),
  timestamps: q('timestamps', 'boolean', 'prefix each log line with its timestamp'),

  command: q('command', 'string', 'the command to run, one argument per parameter'),
  stdin: q('stdin', 'boolean', 'attach standard input'),
  stdout: q('stdout', 'boolean', 'attach standard output'),
  stderr: q('stderr', 'boolean', 'attach standard error'),
  tty: q('tty', 'boolean', 'allocate a terminal'),
  ports: q('ports', 'integer', 'the ports to forward'),
};

export const listParams: readonly Param[] = [
  param.allowWatchBookmarks, param.continue, param.fieldSelector, param.labelSelector, param.limit,
  param.resourceVersion, param.resourceVersionMatch, param.sendInitialEvents, param.timeoutSeconds, param.watch,
];
export const createParams: readonly Param[] = [param.dryRun, param.fieldManager, param.fieldValidation];
export const patchParams: readonly Param[] = [param.dryRun, param.fieldManager, param.fieldValidation, param.force];
export const deleteParams: readonly Param[] = [
  param.dryRun, param.gracePeriodSeconds, param.ignoreStoreReadError, param.orphanDependents, param.propagationPolicy,
];
export const deleteCollectionParams: readonly Param[] = [
  param.continue, param.dryRun, param.fieldSelector, param.gracePeriodSeconds, param.ignoreStoreReadError, param.labelSelector,
  param.limit, param.orphanDependents, param.propagationPolicy, param.resourceVersion, param.resourceVersionMatch,
  param.sendInitialEvents, param.timeoutSeconds,
];
export const logParams: readonly Param[] = [
  param.container, param.follow, param.insecureSkipTLSVerifyBackend, param.limitBytes, param.previous,
  param.sinceSeconds, param.stream, param.tailLines, param.timestamps,
];
export const execParams: readonly Param[] = [param.command, param.container, param.stderr, param.stdin, param.stdout, param.tty];
export const attachParams: readonly Param[] = [param.container, param.stderr, param.stdin, param.stdout, param.tty];
