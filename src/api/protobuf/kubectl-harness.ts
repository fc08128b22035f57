// Test helper: a tiny HTTPS server that records the protobuf bodies the real kubectl sends, and a kubectl runner.
//
// kubectl's typed commands (create configmap, create deployment, drain, ...) need almost nothing from the server:
// GET /version, a little legacy discovery for commands that map resources (create role, run, drain), and a
// created object in reply. Run this file directly to refresh kubectl-fixtures.ts from the kubectl on PATH:
//   node src/api/protobuf/kubectl-harness.ts --write-fixtures

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../object.ts';
import { createCA, createLeaf } from '../../apiserver/pki/certs.ts';
import { decodeKubernetesProtobuf, protobufMediaType } from './index.ts';
import { kubectlCases, type KubectlCase } from './kubectl-cases.ts';

export interface CapturedRequest {
  method: string;
  path: string;
  contentType: string;
  accept: string;
  body: Buffer;
}

export interface CaptureServer {
  kubeconfig: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

const nodeName = 'node1';

/** The JSON GET answers: version, legacy discovery, and what `kubectl drain node1` reads. */
const getAnswers: Record<string, unknown> = {
  '/version': { major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' },
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': {
    kind: 'APIGroupList', apiVersion: 'v1',
    groups: ['apps', 'batch', 'policy', 'rbac.authorization.k8s.io'].map((g) => ({
      name: g, versions: [{ groupVersion: `${g}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' },
    })),
  },
  '/api/v1': {
    kind: 'APIResourceList', groupVersion: 'v1', resources: [
      { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['po'] },
      { name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] },
      { name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['no'] },
      { name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['cm'] },
    ],
  },
  '/apis/apps/v1': { kind: 'APIResourceList', groupVersion: 'apps/v1', resources: [
    { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: ['create', 'get', 'list'] },
    { name: 'replicasets', singularName: 'replicaset', namespaced: true, kind: 'ReplicaSet', verbs: ['create', 'get', 'list'] },
  ] },
  '/apis/batch/v1': { kind: 'APIResourceList', groupVersion: 'batch/v1', resources: [
    { name: 'jobs', singularName: 'job', namespaced: true, kind: 'Job', verbs: ['create', 'get', 'list'] },
  ] },
  '/apis/policy/v1': { kind: 'APIResourceList', groupVersion: 'policy/v1', resources: [
    { name: 'poddisruptionbudgets', singularName: 'poddisruptionbudget', namespaced: true, kind: 'PodDisruptionBudget', verbs: ['create', 'get', 'list'] },
  ] },
  '/apis/rbac.authorization.k8s.io/v1': { kind: 'APIResourceList', groupVersion: 'rbac.authorization.k8s.io/v1', resources: [
    { name: 'roles', singularName: 'role', namespaced: true, kind: 'Role', verbs: ['create', 'get', 'list'] },
  ] },
  [`/api/v1/nodes/${nodeName}`]: {
    kind: 'Node', apiVersion: 'v1', metadata: { name: nodeName, resourceVersion: '1' }, spec: { unschedulable: true },
  },
  '/api/v1/pods': {
    kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '2' }, items: [{
      kind: 'Pod', apiVersion: 'v1',
      metadata: {
        name: 'web-1', namespace: 'default', uid: 'u-1', resourceVersion: '2',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true }],
      },
      spec: { nodeName, containers: [{ name: 'c', image: 'nginx' }] },
      status: { phase: 'Running' },
    }],
  },
};

function send(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function answer(req: IncomingMessage, res: ServerResponse, captured: CapturedRequest): void {
  const notFound = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' };
  if (req.method === 'GET') {
    const known = getAnswers[captured.path];
    send(res, known ? 200 : 404, known ?? notFound);
    return;
  }
  if (req.method === 'PATCH' && captured.path === `/api/v1/nodes/${nodeName}`) {
    send(res, 200, getAnswers[captured.path]);
    return;
  }
  if (captured.contentType === protobufMediaType) {
    try {
      send(res, 201, decodeKubernetesProtobuf(captured.body));
    } catch {
      send(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    }
    return;
  }
  send(res, 404, notFound);
}

/** Starts the recording server on 127.0.0.1 and writes a kubeconfig for it into a temporary directory. */
export async function startCaptureServer(): Promise<CaptureServer> {
  const ca = await createCA('protobuf-capture-ca');
  const leaf = await createLeaf(ca, { commonName: 'localhost', ips: ['127.0.0.1'], dnsNames: ['localhost'], usage: 'server' });
  const requests: CapturedRequest[] = [];
  const server: Server = createServer({ cert: leaf.certPem, key: leaf.keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const captured: CapturedRequest = {
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0],
        contentType: (req.headers['content-type'] ?? '').split(';')[0].trim(),
        accept: req.headers.accept ?? '',
        body: Buffer.concat(chunks),
      };
      requests.push(captured);
      answer(req, res, captured);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const dir = await mkdtemp(join(tmpdir(), 'skiff-pb-'));
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(kubeconfig, [
    'apiVersion: v1', 'kind: Config', 'clusters:', '- name: capture', '  cluster:',
    `    server: https://127.0.0.1:${port}`, '    insecure-skip-tls-verify: true',
    'users:', '- name: capture', '  user:', '    token: capture-token',
    'contexts:', '- name: capture', '  context: {cluster: capture, user: capture, namespace: default}',
    'current-context: capture', '',
  ].join('\n'));
  return {
    kubeconfig,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface KubectlResult { code: number; stdout: string; stderr: string }

/** Runs kubectl with only this kubeconfig (no cache dir sharing, no plugins). */
export function runKubectl(args: string[], kubeconfig: string, cwd?: string): Promise<KubectlResult> {
  return new Promise((resolve) => {
    execFile('kubectl', [`--kubeconfig=${kubeconfig}`, `--cache-dir=${kubeconfig}.cache`, ...args],
      { cwd, timeout: 30_000, env: { ...process.env, KUBECONFIG: kubeconfig } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

export function kubectlAvailable(): Promise<boolean> {
  return new Promise((resolve) => execFile('kubectl', ['version', '--client'], { timeout: 10_000 }, (err) => resolve(!err)));
}

export interface CaseCapture {
  /** The request carrying the case's body, when kubectl sent it. */
  request: CapturedRequest | undefined;
  result: KubectlResult;
  /** The expected JSON object (for 'dry-run' cases, kubectl's own --dry-run=client -o json output). */
  expected: JsonObject;
}

/** Runs one case against the server: the real request, then (for 'dry-run' cases) kubectl's own JSON. */
export async function captureCase(server: CaptureServer, c: KubectlCase): Promise<CaseCapture> {
  const cwd = await mkdtemp(join(tmpdir(), 'skiff-pb-case-'));
  try {
    for (const [name, b64] of Object.entries(c.files ?? {})) await writeFile(join(cwd, name), Buffer.from(b64, 'base64'));
    const before = server.requests.length;
    const result = await runKubectl(c.args, server.kubeconfig, cwd);
    const request = server.requests.slice(before).find((r) => r.method === c.method && r.path === c.path);
    let expected: JsonObject;
    if (c.expected === 'dry-run') {
      const dash = c.args.indexOf('--');
      const at = dash < 0 ? c.args.length : dash;
      const dryArgs = [...c.args.slice(0, at), '--dry-run=client', '-o', 'json', ...c.args.slice(at)];
      const dry = await runKubectl(dryArgs, server.kubeconfig, cwd);
      if (dry.code !== 0) throw new Error(`kubectl ${c.args.join(' ')} --dry-run=client: ${dry.stderr}`);
      expected = JSON.parse(dry.stdout) as JsonObject;
    } else {
      expected = c.expected;
    }
    return { request, result, expected };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** Writes kubectl-fixtures.ts: every case's captured body (base64) and expected JSON. */
async function writeFixtures(): Promise<void> {
  const server = await startCaptureServer();
  const version = await runKubectl(['version', '--client', '-o', 'json'], server.kubeconfig);
  const fixtures = [];
  try {
    for (const c of kubectlCases) {
      const { request, result, expected } = await captureCase(server, c);
      if (!request) throw new Error(`${c.name}: no ${c.method} ${c.path} (${result.stderr.trim()})`);
      fixtures.push({ name: c.name, args: c.args, contentType: request.contentType, body: request.body.toString('base64'), expected });
      if (request.contentType !== (c.json ? 'application/json' : protobufMediaType)) {
        process.stderr.write(`note: ${c.name}: kubectl sent ${request.contentType}\n`);
      }
    }
  } finally {
    await server.close();
  }
  const kubectlVersion = (JSON.parse(version.stdout) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion;
  const text = `// Protobuf request bodies captured from the real kubectl ${kubectlVersion}, with the JSON each must decode to.\n`
    + '// Generated by `node src/api/protobuf/kubectl-harness.ts --write-fixtures` (see kubectl-cases.ts); do not edit.\n\n'
    + "import type { JsonObject } from '../object.ts';\n\n"
    + 'export interface KubectlFixture { name: string; args: string[]; contentType: string; body: string; expected: JsonObject }\n\n'
    + `export const kubectlVersion = ${JSON.stringify(kubectlVersion)};\n\n`
    + `export const kubectlFixtures: KubectlFixture[] = ${JSON.stringify(fixtures, null, 2)};\n`;
  await writeFile(new URL('./kubectl-fixtures.ts', import.meta.url), text);
  process.stderr.write(`wrote ${fixtures.length} fixtures from kubectl ${kubectlVersion}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write-fixtures')) await writeFixtures();
