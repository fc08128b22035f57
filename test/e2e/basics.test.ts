// kubectl's daily work against a real skiff server: discovery, apply, get, watch, describe, label, scale, edit.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, type ServerHandle } from './harness.ts';
import { deploymentYaml } from './fixtures.ts';

describe('kubectl basics', () => {
  let s: ServerHandle;
  before(async () => { s = await startServer(); });
  after(async () => { await s?.stop(); });

  it('lists the built-in resources with api-resources', async () => {
    const out = await s.k(['api-resources']);
    for (const line of [/^pods\s+po\s+v1\s+true\s+Pod$/m, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m,
      /^namespaces\s+ns\s+v1\s+false\s+Namespace$/m, /^customresourcedefinitions\s+crd,crds\s+apiextensions.k8s.io\/v1\s+false\s+CustomResourceDefinition$/m,
      /^leases\s+coordination.k8s.io\/v1\s+true\s+Lease$/m]) {
      assert.match(out, line);
    }
  });

  it('has the system namespaces from the start', async () => {
    const out = await s.k(['get', 'namespaces', '-o', 'name']);
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) assert.match(out, new RegExp(`^namespace/${ns}$`, 'm'));
  });

  it('applies, re-applies and diffs a Deployment', async () => {
    assert.match(await s.k(['apply', '-f', '-'], { input: deploymentYaml(2) }), /deployment.apps\/web created/);
    assert.match(await s.k(['apply', '-f', '-'], { input: deploymentYaml(2) }), /deployment.apps\/web unchanged/);
    const diff = await s.kubectl(['diff', '-f', '-'], { input: deploymentYaml(3) });
    assert.equal(diff.code, 1, diff.stderr);
    assert.match(diff.stdout, /-  replicas: 2\n\+  replicas: 3/);
    assert.match(await s.k(['apply', '-f', '-'], { input: deploymentYaml(3) }), /deployment.apps\/web configured/);
    const dep = JSON.parse(await s.k(['get', 'deployment', 'web', '-o', 'json']));
    assert.equal(dep.spec.replicas, 3);
    assert.equal(dep.metadata.generation, 2);
    assert.equal(dep.spec.strategy.type, 'RollingUpdate');
    assert.equal(dep.spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
    assert.ok(dep.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']);
  });

  it('prints the Kubernetes columns', async () => {
    const out = await s.k(['get', 'deployments']);
    assert.match(out.split('\n')[0], /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    assert.match(out, /^web\s+0\/3\s+0\s+0\s+\d+s$/m);
    const wide = await s.k(['get', 'deployments', '-o', 'wide']);
    assert.match(wide.split('\n')[0], /CONTAINERS\s+IMAGES\s+SELECTOR$/);
    assert.match(wide, /nginx\s+nginx:1\.25\s+app=web/);
    const svc = await s.k(['get', 'service', 'kubernetes', '-n', 'default']);
    assert.match(svc, /^kubernetes\s+ClusterIP\s+10\.43\.0\.1\s+<none>\s+443\/TCP\s+\d+s$/m);
  });

  it('describes a Deployment', async () => {
    const out = await s.k(['describe', 'deployment', 'web']);
    assert.match(out, /^Name:\s+web$/m);
    assert.match(out, /^Replicas:\s+3 desired/m);
    assert.match(out, /^StrategyType:\s+RollingUpdate$/m);
  });

  it('labels and annotates', async () => {
    await s.k(['label', 'deployment', 'web', 'tier=frontend']);
    await s.k(['annotate', 'deployment', 'web', 'owner=team-a']);
    assert.match(await s.k(['get', 'deployments', '-l', 'tier=frontend', '-o', 'name']), /deployment.apps\/web/);
    assert.equal(await s.k(['get', 'deployments', '-l', 'tier=backend', '-o', 'name']), '');
    const dep = JSON.parse(await s.k(['get', 'deployment', 'web', '-o', 'json']));
    assert.equal(dep.metadata.annotations.owner, 'team-a');
    await s.k(['label', 'deployment', 'web', 'tier-']);
    const after = JSON.parse(await s.k(['get', 'deployment', 'web', '-o', 'json']));
    assert.equal(after.metadata.labels.tier, undefined);
  });

  it('scales through the scale subresource', async () => {
    assert.match(await s.k(['scale', 'deployment', 'web', '--replicas=5']), /scaled/);
    assert.equal(await s.k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.replicas}']), '5');
    const bad = await s.kubectl(['scale', 'deployment', 'web', '--replicas=2', '--current-replicas=4']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /Expected replicas to be 4, was 5/);
  });

  it('edits with KUBE_EDITOR', async () => {
    const editor = join(s.dataDir, 'editor.sh');
    await writeFile(editor, `#!/bin/sh\nsed -i 's/image: nginx:1.25/image: nginx:1.26/' "$1"\n`, { mode: 0o755 });
    assert.match(await s.k(['edit', 'deployment', 'web'], { env: { KUBE_EDITOR: editor } }), /edited/);
    assert.equal(await s.k(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']), 'nginx:1.26');
  });

  it('rejects a replace with a stale resourceVersion', async () => {
    const dep = JSON.parse(await s.k(['get', 'deployment', 'web', '-o', 'json']));
    await s.k(['annotate', 'deployment', 'web', 'bump=1']);
    dep.spec.replicas = 1;
    const r = await s.kubectl(['replace', '-f', '-'], { input: JSON.stringify(dep) });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again/);
  });

  it('streams changes with get -w', async () => {
    await s.k(['create', 'configmap', 'watched', '--from-literal=a=1']);
    const watch = s.kubectl(['get', 'configmaps', '-w', '--request-timeout=4s'], { timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 1500));
    await s.k(['create', 'configmap', 'later', '--from-literal=b=2']);
    const r = await watch;
    assert.match(r.stdout, /^NAME\s+DATA\s+AGE$/m);
    assert.match(r.stdout, /^watched\s+1\s+\d+s$/m);
    assert.match(r.stdout, /^later\s+1\s+\d+s$/m);
  });

  it('answers auth can-i', async () => {
    assert.equal((await s.k(['auth', 'can-i', 'create', 'pods'])).trim(), 'yes');
  });

  it('pages lists with --chunk-size', async () => {
    for (let i = 0; i < 12; i++) await s.k(['create', 'configmap', `page-${String(i).padStart(2, '0')}`, '--from-literal=k=v']);
    const names = (await s.k(['get', 'configmaps', '--chunk-size=5', '-o', 'name'])).trim().split('\n').filter((n) => n.startsWith('configmap/page-'));
    assert.equal(names.length, 12);
    const verbose = await s.kubectl(['get', 'configmaps', '--chunk-size=5', '-v=6']);
    assert.match(verbose.stderr, /limit=5/);
    assert.match(verbose.stderr, /continue=/);
  });
});
