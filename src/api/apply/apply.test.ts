// Tests for server-side apply: managedFields written exactly, pruning, sharing, conflicts, force, lists and sets.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatusError } from '../errors.ts';
import type { KObject, ManagedFieldsEntry } from '../object.ts';
import { apply } from './apply.ts';
import { recordUpdate } from './update.ts';
import { deployment } from './test-types.ts';

const T0 = '2024-05-01T10:00:00Z';
const T1 = '2024-05-01T10:01:00Z';
const T2 = '2024-05-01T10:02:00Z';

type Spec = Record<string, unknown>;

function deploy(spec: Spec, meta: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', ...meta }, spec };
}

function containers(...list: Record<string, unknown>[]): Spec {
  return { template: { spec: { containers: list } } };
}

/** What the API server adds on create. */
function stored(obj: KObject): KObject {
  const copy = structuredClone(obj);
  copy.metadata = { ...copy.metadata, uid: 'uid-1', resourceVersion: '1' };
  return copy;
}

function applyAs(current: KObject | undefined, manager: string, config: KObject, opts: { force?: boolean; now?: string; subresource?: string } = {}): KObject {
  const out = apply({
    current, applied: config, manager, force: opts.force ?? false, typeInfo: deployment,
    apiVersion: 'apps/v1', kind: 'Deployment', now: opts.now ?? T0, subresource: opts.subresource,
  });
  return current ? out : stored(out);
}

function updateAs(old: KObject | undefined, manager: string, updated: KObject, now = T0): KObject {
  const out = recordUpdate({ old, updated, manager, typeInfo: deployment, apiVersion: 'apps/v1', now });
  return old ? out : stored(out);
}

function entries(obj: KObject): ManagedFieldsEntry[] {
  return obj.metadata?.managedFields ?? [];
}

function fieldsOf(obj: KObject, manager: string, operation?: 'Apply' | 'Update'): unknown {
  return entries(obj).find((e) => e.manager === manager && (!operation || e.operation === operation))?.fieldsV1;
}

function spec(obj: KObject): Spec {
  return obj.spec as Spec;
}

function podContainers(obj: KObject): { name: string; image?: string }[] {
  return ((spec(obj).template as Spec).spec as Spec).containers as { name: string; image?: string }[];
}

function rejects(fn: () => unknown, code: number, message: string): StatusError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof StatusError, `expected a StatusError, got ${String(caught)}`);
  assert.equal(caught.message, message);
  assert.equal(caught.code, code);
  return caught;
}

const web = deploy({
  replicas: 2,
  selector: { matchLabels: { app: 'web' } },
  template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
}, { labels: { app: 'web' } });

describe('apply: first apply and re-apply', () => {
  it('creates the object with one Apply entry holding the exact FieldsV1', () => {
    const obj = applyAs(undefined, 'kubectl', web);
    const { managedFields, ...meta } = obj.metadata ?? {};
    assert.deepEqual(meta, { name: 'web', namespace: 'default', labels: { app: 'web' }, uid: 'uid-1', resourceVersion: '1' });
    assert.deepEqual(obj.spec, web.spec);
    assert.equal(JSON.stringify(managedFields), JSON.stringify([{
      manager: 'kubectl',
      operation: 'Apply',
      apiVersion: 'apps/v1',
      time: T0,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': {
          'f:replicas': {},
          'f:selector': {},
          'f:template': {
            'f:metadata': { 'f:labels': { 'f:app': {} } },
            'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
          },
        },
      },
    }]));
  });

  it('removes fields the manager applied before and omits now', () => {
    const first = applyAs(undefined, 'kubectl', web);
    const config = structuredClone(web);
    delete config.metadata?.labels;
    delete (config.spec as Spec).replicas;
    const next = applyAs(first, 'kubectl', config, { now: T1 });
    assert.equal(next.metadata?.labels, undefined);
    assert.equal(spec(next).replicas, undefined);
    const f = fieldsOf(next, 'kubectl') as Record<string, unknown>;
    assert.equal(f['f:metadata'], undefined);
    assert.equal((f['f:spec'] as Record<string, unknown>)['f:replicas'], undefined);
    assert.equal(entries(next)[0]?.time, T1);
  });

  it('keeps the time of a no-op apply', () => {
    const first = applyAs(undefined, 'kubectl', web);
    const again = applyAs(first, 'kubectl', web, { now: T2 });
    assert.equal(entries(again)[0]?.time, T0);
    assert.deepEqual(again, first);
  });

  it('drops nulls the configuration sets', () => {
    const obj = applyAs(undefined, 'kubectl', deploy({ replicas: 1, paused: null }, { creationTimestamp: null }));
    assert.equal('paused' in spec(obj), false);
    assert.equal('creationTimestamp' in (obj.metadata ?? {}), false);
  });

  it('records the subresource in the entry and keeps a separate identity', () => {
    const obj = applyAs(undefined, 'kubectl', web);
    const status = applyAs(obj, 'kubectl', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, status: { replicas: 2 } } as KObject, { subresource: 'status', now: T1 });
    const e = entries(status);
    assert.equal(e.length, 2);
    assert.deepEqual(e.map((x) => [x.manager, x.subresource]), [['kubectl', undefined], ['kubectl', 'status']]);
    assert.deepEqual(Object.keys(e[1] as object), ['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource']);
  });

  it('leaves out fields the strategy resets', () => {
    const obj = apply({
      current: undefined, applied: deploy({ replicas: 1 }), manager: 'kubectl', force: false, typeInfo: deployment,
      apiVersion: 'apps/v1', now: T0, resetFields: [['status']],
    });
    const withStatus = apply({
      current: stored(obj), applied: { ...deploy({ replicas: 1 }), status: { replicas: 9 } }, manager: 'kubectl', force: false,
      typeInfo: deployment, apiVersion: 'apps/v1', now: T1, resetFields: [['status']],
    });
    assert.deepEqual(fieldsOf(withStatus, 'kubectl'), { 'f:spec': { 'f:replicas': {} } });
  });
});

describe('apply: several managers', () => {
  it('shares fields set to the same value, and keeps a field one sharer drops', () => {
    const a = applyAs(undefined, 'alpha', deploy({ replicas: 3, paused: false }));
    const b = applyAs(a, 'beta', deploy({ replicas: 3 }), { now: T1 });
    assert.deepEqual(fieldsOf(b, 'alpha'), { 'f:spec': { 'f:paused': {}, 'f:replicas': {} } });
    assert.deepEqual(fieldsOf(b, 'beta'), { 'f:spec': { 'f:replicas': {} } });
    const c = applyAs(b, 'alpha', deploy({ paused: false }), { now: T2 });
    assert.equal(spec(c).replicas, 3);
    assert.deepEqual(fieldsOf(c, 'alpha'), { 'f:spec': { 'f:paused': {} } });
  });

  it('conflicts with an Update manager that owns .spec.replicas', () => {
    const obj = applyAs(undefined, 'kubectl', web);
    const scaled = updateAs(obj, 'kube-controller-manager', { ...obj, spec: { ...spec(obj), replicas: 5 } }, T1);
    assert.deepEqual(fieldsOf(scaled, 'kube-controller-manager'), { 'f:spec': { 'f:replicas': {} } });
    assert.equal(((fieldsOf(scaled, 'kubectl') as Record<string, Record<string, unknown>>)['f:spec'] ?? {})['f:replicas'], undefined);

    const config = structuredClone(web);
    (config.spec as Spec).replicas = 3;
    const err = rejects(() => applyAs(scaled, 'kubectl', config, { now: T2 }), 409,
      'Apply failed with 1 conflict: conflict with "kube-controller-manager" using apps/v1: .spec.replicas');
    assert.equal(err.reason, 'Conflict');
    assert.deepEqual(err.details, { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kube-controller-manager" using apps/v1', field: '.spec.replicas' }] });
    assert.deepEqual(err.toStatus(), {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 409, reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "kube-controller-manager" using apps/v1: .spec.replicas',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kube-controller-manager" using apps/v1', field: '.spec.replicas' }] },
    });
  });

  it('conflicts with kubectl-client-side-apply by name and version', () => {
    const created = updateAs(undefined, 'kubectl-client-side-apply', deploy({ replicas: 1 }));
    rejects(() => applyAs(created, 'my-controller', deploy({ replicas: 2 })), 409,
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
  });

  it('conflicts with another applier by name only', () => {
    const a = applyAs(undefined, 'helm', deploy({ replicas: 1 }));
    rejects(() => applyAs(a, 'kubectl', deploy({ replicas: 2 })), 409, 'Apply failed with 1 conflict: conflict with "helm": .spec.replicas');
  });

  it('lists several conflicts grouped by manager', () => {
    const a = applyAs(undefined, 'alpha', deploy({ replicas: 1, paused: true }));
    const b = applyAs(a, 'beta', deploy({ replicas: 1, paused: true, template: { spec: { restartPolicy: 'Always' } } }));
    const err = rejects(() => applyAs(b, 'gamma', deploy({ replicas: 2, paused: false, template: { spec: { restartPolicy: 'Never' } } })), 409,
      'Apply failed with 5 conflicts: conflicts with "alpha":\n- .spec.paused\n- .spec.replicas\nconflicts with "beta":\n- .spec.paused\n- .spec.replicas\n- .spec.template.spec.restartPolicy');
    assert.equal(err.details?.causes?.length, 5);
    assert.deepEqual(err.details?.causes?.[4], { reason: 'FieldManagerConflict', message: 'conflict with "beta"', field: '.spec.template.spec.restartPolicy' });
  });

  it('takes fields with force and drops managers left with nothing', () => {
    const obj = applyAs(undefined, 'kubectl', web);
    const scaled = updateAs(obj, 'kube-controller-manager', { ...obj, spec: { ...spec(obj), replicas: 5 } }, T1);
    const config = structuredClone(web);
    (config.spec as Spec).replicas = 3;
    const forced = applyAs(scaled, 'kubectl', config, { force: true, now: T2 });
    assert.equal(spec(forced).replicas, 3);
    assert.deepEqual(entries(forced).map((e) => e.manager), ['kubectl']);
    assert.ok(JSON.stringify(fieldsOf(forced, 'kubectl')).includes('"f:replicas"'));
  });

  it('leaves a field to the updater that took it when the applier drops it (handing replicas to an autoscaler)', () => {
    const obj = applyAs(undefined, 'kubectl', web);
    const scaled = updateAs(obj, 'kube-controller-manager', { ...obj, spec: { ...spec(obj), replicas: 5 } }, T1);
    const config = structuredClone(web);
    delete (config.spec as Spec).replicas;
    const next = applyAs(scaled, 'kubectl', config, { now: T2 });
    assert.equal(spec(next).replicas, 5);
    assert.deepEqual(entries(next).map((e) => e.manager), ['kubectl', 'kube-controller-manager']);
  });

  it('conflicts with before-first-apply on objects created without managedFields', () => {
    const untracked: KObject = { ...deploy({ replicas: 1 }), metadata: { name: 'web', namespace: 'default', uid: 'u' } };
    rejects(() => applyAs(untracked, 'kubectl', deploy({ replicas: 4 })), 409,
      'Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas');
    const same = applyAs(untracked, 'kubectl', deploy({ replicas: 1 }));
    assert.deepEqual(entries(same).map((e) => [e.manager, e.operation]), [['kubectl', 'Apply'], ['before-first-apply', 'Update']]);
  });
});

describe('apply: lists and sets', () => {
  it('merges containers by name across managers; a re-apply without the other manager\'s container keeps it', () => {
    const a1 = applyAs(undefined, 'a', deploy(containers({ name: 'a', image: 'a:1' })));
    const b1 = applyAs(a1, 'b', deploy(containers({ name: 'b', image: 'b:1' })), { now: T1 });
    assert.deepEqual(podContainers(b1).map((c) => c.name), ['a', 'b']);
    assert.deepEqual(fieldsOf(b1, 'b'), { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"b"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } });

    const a2 = applyAs(b1, 'a', deploy(containers({ name: 'a', image: 'a:2' })), { now: T2 });
    assert.deepEqual(podContainers(a2), [{ name: 'a', image: 'a:2' }, { name: 'b', image: 'b:1' }]);
  });

  it('removes a container only its applier owned, keeps one another applier shares', () => {
    const a1 = applyAs(undefined, 'a', deploy(containers({ name: 'x', image: 'x' }, { name: 'shared', image: 's' })));
    const b1 = applyAs(a1, 'b', deploy(containers({ name: 'shared', image: 's' })));
    const a2 = applyAs(b1, 'a', deploy(containers({ name: 'y', image: 'y' })), { now: T1 });
    assert.deepEqual(podContainers(a2).map((c) => c.name), ['shared', 'y']);
    const a3 = applyAs(undefined, 'a', deploy(containers({ name: 'x', image: 'x' }, { name: 'z', image: 'z' })));
    const a4 = applyAs(a3, 'a', deploy(containers({ name: 'x', image: 'x' })));
    assert.deepEqual(podContainers(a4).map((c) => c.name), ['x']);
  });

  it('merges set items by value and removes only the applier\'s own', () => {
    const a = applyAs(undefined, 'a', deploy({}, { finalizers: ['example.com/a'] }));
    const b = applyAs(a, 'b', deploy({}, { finalizers: ['example.com/b'] }));
    assert.deepEqual(b.metadata?.finalizers, ['example.com/a', 'example.com/b']);
    // `spec: {}` is applied too: an empty struct is a field of its own.
    assert.deepEqual(fieldsOf(b, 'b'), { 'f:metadata': { 'f:finalizers': { 'v:"example.com/b"': {} } }, 'f:spec': {} });
    const a2 = applyAs(b, 'a', deploy({}));
    assert.deepEqual(a2.metadata?.finalizers, ['example.com/b']);
  });

  it('replaces atomic lists and conflicts on them as a whole', () => {
    const a = applyAs(undefined, 'a', deploy(containers({ name: 'c', args: ['--one'] })));
    const b = applyAs(a, 'a', deploy(containers({ name: 'c', args: ['--two'] })));
    assert.deepEqual((podContainers(b)[0] as Record<string, unknown>).args, ['--two']);
    rejects(() => applyAs(b, 'other', deploy(containers({ name: 'c', args: ['--three'] }))), 409,
      'Apply failed with 1 conflict: conflict with "a": .spec.template.spec.containers[name="c"].args');
  });
});

describe('apply: kubectl client-side to server-side', () => {
  const lastApplied = (obj: KObject): string => obj.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] ?? '';

  function clientSideApplied(replicas: number): KObject {
    const config = deploy({ replicas });
    const annotated = structuredClone(config);
    annotated.metadata = { ...annotated.metadata, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(config)}\n` } };
    return updateAs(undefined, 'kubectl-client-side-apply', annotated);
  }

  it('takes fields the last-applied annotation shows kubectl set, and rewrites the annotation', () => {
    const obj = clientSideApplied(2);
    const next = applyAs(obj, 'kubectl', deploy({ replicas: 3 }), { now: T1 });
    assert.equal(spec(next).replicas, 3);
    assert.equal(lastApplied(next), '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},"spec":{"replicas":3}}\n');
    assert.deepEqual(fieldsOf(next, 'kubectl', 'Apply'), { 'f:spec': { 'f:replicas': {} } });
  });

  it('still conflicts when someone else changed the field since', () => {
    const obj = clientSideApplied(2);
    const scaled = updateAs(obj, 'kubectl-client-side-apply', { ...obj, spec: { replicas: 7 } }, T1);
    rejects(() => applyAs(scaled, 'kubectl', deploy({ replicas: 3 })), 409,
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
  });

  it('does not help other managers', () => {
    const obj = clientSideApplied(2);
    rejects(() => applyAs(obj, 'helm', deploy({ replicas: 3 })), 409,
      'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
  });
});

describe('apply: rejected requests', () => {
  it('rejects managedFields in the configuration', () => {
    const config = deploy({}, { managedFields: [] });
    rejects(() => applyAs(undefined, 'kubectl', config), 400, 'metadata.managedFields must be nil');
  });

  it('rejects another version or kind', () => {
    rejects(() => applyAs(undefined, 'kubectl', { ...deploy({}), apiVersion: 'apps/v1beta1' }), 400, 'invalid object type: apps/v1beta1, Kind=Deployment');
    rejects(() => applyAs(undefined, 'kubectl', { ...deploy({}), kind: 'StatefulSet' }), 400, 'invalid object type: apps/v1, Kind=StatefulSet');
    rejects(() => applyAs(undefined, 'kubectl', { metadata: { name: 'web' } }), 400, 'invalid object type: /, Kind=');
  });

  it('rejects duplicate list keys like Kubernetes\' typed conversion', () => {
    rejects(() => applyAs(undefined, 'kubectl', deploy(containers({ name: 'a' }, { name: 'a' }))), 500,
      'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: duplicate entries for key [name="a"]');
  });

  it('reports unreadable stored managedFields', () => {
    const obj = applyAs(undefined, 'kubectl', web);
    const first = entries(obj)[0] as ManagedFieldsEntry;
    first.operation = 'Bogus' as 'Apply';
    rejects(() => applyAs(obj, 'kubectl', web), 500, 'failed to decode managed fields: operation must be `Apply` or `Update`');
  });
});

describe('apply: objects without a schema', () => {
  const widget = (spec: Spec): KObject => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });
  const applyWidget = (current: KObject | undefined, config: KObject): KObject =>
    apply({ current, applied: config, manager: 'kubectl', force: false, typeInfo: undefined, apiVersion: 'example.com/v1', now: T0 });

  it('owns every map as a field of its own, and lists as a whole', () => {
    const obj = applyWidget(undefined, widget({ size: 1, tags: ['a'], nested: { x: true } }));
    assert.deepEqual(entries(obj)[0]?.fieldsV1, { 'f:spec': { '.': {}, 'f:nested': { '.': {}, 'f:x': {} }, 'f:size': {}, 'f:tags': {} } });
  });

  it('prunes what the applier dropped', () => {
    const first = applyWidget(undefined, widget({ size: 1, nested: { x: true, y: false } }));
    const next = applyWidget(first, widget({ nested: { x: true } }));
    assert.deepEqual(next.spec, { nested: { x: true } });
  });
});
