// Conformance: [sig-cli] Kubectl client entries that need no running pods, with the real kubectl.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { at, sleep } from './client.ts';
import { serverContext } from './suite.ts';

const httpdImage = 'registry.k8s.io/e2e-test-images/httpd:2.4.38-4';
const busyboxImage = 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1';

const httpdDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: httpd-deployment
spec:
  replicas: 2
  selector:
    matchLabels:
      app: httpd
  template:
    metadata:
      labels:
        app: httpd
    spec:
      containers:
      - name: httpd
        image: ${httpdImage}
        ports:
        - containerPort: 80
`;

/** GET over plain HTTP (TCP port or unix socket); resolves with the body. */
function httpGet(opts: { port?: number; socketPath?: string; path: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port: opts.port, socketPath: opts.socketPath, path: opts.path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    r.on('error', reject);
    r.end();
  });
}

describe('conformance: kubectl', () => {
  const ctx = serverContext();

  /** Starts `kubectl proxy` with the given flags; resolves once it prints where it serves. */
  function startProxy(args: string[]): Promise<{ line: string; stop(): void }> {
    return new Promise((resolve, reject) => {
      const child = spawn('kubectl', ['proxy', ...args], { env: { ...process.env, KUBECONFIG: ctx.s.kubeconfig }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`kubectl proxy did not start: ${out} ${err}`)); }, 10_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Starting to serve on (\S+)/.exec(out);
        if (m) { clearTimeout(timer); resolve({ line: m[1], stop: () => child.kill('SIGTERM') }); }
      });
      child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`kubectl proxy exited ${code}: ${err}`)); });
    });
  }

  it('[sig-cli] Kubectl client Kubectl api-versions should check if v1 is in available api versions [Conformance]', async () => {
    const out = await ctx.s.k(['api-versions']);
    assert.ok(out.split('\n').includes('v1'), `v1 in kubectl api-versions: ${out}`);
  });

  it('[sig-cli] Kubectl client Kubectl cluster-info should check if Kubernetes control plane services is included in cluster-info [Conformance]', async () => {
    const out = await ctx.s.k(['cluster-info']);
    assert.ok(out.includes('Kubernetes control plane'), out);
    assert.ok(out.includes('is running at'), out);
  });

  it('[sig-cli] Kubectl client Kubectl version should check is all data is printed [Conformance]', async () => {
    const out = await ctx.s.k(['version']);
    for (const item of ['Client Version: ', 'Server Version: ']) assert.ok(out.includes(item), `${item} in kubectl version: ${out}`);
    assert.match(out, /Server Version: v\d+\.\d+\.\d+/);
  });

  it('[sig-cli] Kubectl client Kubectl diff should check if kubectl diff finds a difference for Deployments [Conformance]', async () => {
    const { s, api } = ctx;
    const ns = await api.namespace('kubectl');
    await s.k(['create', '-f', '-', `--namespace=${ns}`], { input: httpdDeployment });
    const changed = httpdDeployment.replace(httpdImage, busyboxImage);
    const r = await s.kubectl(['diff', '-f', '-', `--namespace=${ns}`], { input: changed });
    assert.equal(r.code, 1, `kubectl diff exits 1 when it finds a difference: ${r.stderr}`);
    for (const img of [httpdImage, busyboxImage]) assert.ok(r.stdout.includes(img), `${img} in the diff:\n${r.stdout}`);
    await s.k(['delete', '-f', '-', `--namespace=${ns}`], { input: changed });
  });

  it('[sig-cli] Kubectl client Kubectl server-side dry-run should check if kubectl can dry-run update Pods [Conformance]', async () => {
    const { s, api } = ctx;
    const ns = await api.namespace('kubectl');
    const pod = 'e2e-test-httpd-pod';
    await s.k(['run', pod, `--image=${httpdImage}`, '--pod-running-timeout=2m0s', `--labels=run=${pod}`, `--namespace=${ns}`]);
    await s.k(['patch', 'pod', pod, '-p', `{"spec":{"containers":[{"name": "${pod}","image": "${busyboxImage}"}]}}`, '--dry-run=server', `--namespace=${ns}`]);
    const got = await api.get(`/api/v1/namespaces/${ns}/pods/${pod}`);
    assert.equal(at(got, 'spec.containers.0.image'), httpdImage, 'a dry-run patch leaves the image alone');
    await s.k(['delete', 'pods', pod, `--namespace=${ns}`]);
    assert.equal((await api.req('GET', `/api/v1/namespaces/${ns}/pods/${pod}`)).status, 404);
  });

  it('[sig-cli] Kubectl client Proxy server should support proxy with --port 0 [Conformance]', async () => {
    const p = await startProxy(['-p', '0', '--disable-filter']);
    try {
      const port = Number(p.line.split(':').pop());
      assert.ok(port > 0, `proxy port from "${p.line}"`);
      const r = await httpGet({ port, path: '/api/' });
      assert.equal(r.status, 200, r.body);
      const versions = (JSON.parse(r.body) as { versions?: string[] }).versions ?? [];
      assert.ok(versions.length >= 1, `at least one API version: ${r.body}`);
    } finally {
      p.stop();
    }
  });

  it('[sig-cli] Kubectl client Proxy server should support --unix-socket=/path [Conformance]', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubectl-proxy-unix-'));
    const path = join(dir, 'test');
    const p = await startProxy([`--unix-socket=${path}`]);
    try {
      await sleep(50);
      const r = await httpGet({ socketPath: path, path: '/api' });
      assert.equal(r.status, 200, r.body);
      assert.ok(((JSON.parse(r.body) as { versions?: string[] }).versions ?? []).length >= 1, r.body);
    } finally {
      p.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
