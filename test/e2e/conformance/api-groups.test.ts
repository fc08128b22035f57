// Conformance: API-operations entries of admissionregistration, flowcontrol and scheduling groups (discovery + CRUD, no webhooks run).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, expectStatus, type KList, type KObj } from './client.ts';
import { apiOperations, checkDiscovery } from './api-operations.ts';
import { serverContext } from './suite.ts';

/** metav1.Condition-style conditions (the admissionregistration status carries those; lastTransitionTime is required). */
const condition = (type: string) => ({ type, status: 'True', reason: 'E2E', message: 'Set from an e2e test', lastTransitionTime: '2024-01-01T00:00:00Z' });
const hasCondition = (type: string) => (o: KObj) => assert.ok(((at(o, 'status.conditions') ?? []) as { type: string }[]).some((c) => c.type === type), `condition ${type} in status`);

describe('conformance: API groups without controllers', () => {
  const ctx = serverContext();

  it('[sig-api-machinery] AdmissionWebhook [Privileged:ClusterAdmin] should include webhook resources in discovery documents [Conformance]', async () => {
    const base = { group: 'admissionregistration.k8s.io', version: 'v1', namespaced: false, make: (): KObj => ({ metadata: { name: '' } }) };
    await checkDiscovery(ctx.api, { ...base, resource: 'mutatingwebhookconfigurations' });
    await checkDiscovery(ctx.api, { ...base, resource: 'validatingwebhookconfigurations' });
  });

  // The flowcontrol status conditions are sent as the e2e test sends them (no lastTransitionTime); its status
  // strategy resets metadata, so no annotation goes with the status patch.
  const fcStatus = {
    keepsMetadata: false,
    patch: { status: { conditions: [{ type: 'PatchStatusFailed', status: 'False', reason: 'e2e' }] } },
    check: hasCondition('PatchStatusFailed'),
    update: (o: KObj) => { o.status = { conditions: [...((at(o, 'status.conditions') ?? []) as unknown[]), { type: 'StatusUpdateFailed', status: 'False', reason: 'E2E', message: 'Set from an e2e test' }] }; },
    checkUpdate: hasCondition('StatusUpdateFailed'),
  };

  it('[sig-api-machinery] API priority and fairness should support FlowSchema API operations [Conformance]', async () => {
    await apiOperations(ctx.api, {
      group: 'flowcontrol.apiserver.k8s.io', version: 'v1', resource: 'flowschemas', namespaced: false,
      make: (name, labels) => ({
        apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'FlowSchema', metadata: { name, labels },
        spec: {
          matchingPrecedence: 10000, priorityLevelConfiguration: { name: 'global-default' }, distinguisherMethod: { type: 'ByUser' },
          rules: [{ subjects: [{ kind: 'User', user: { name: 'example-e2e-non-existent-user' } }], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }] }],
        },
      }),
      specPatch: { patch: { spec: { matchingPrecedence: 9999 } }, check: (o) => assert.equal(at(o, 'spec.matchingPrecedence'), 9999) },
      specUpdate: { apply: (o) => { (o.spec as Record<string, unknown>).matchingPrecedence = 9000; }, check: (o) => assert.equal(at(o, 'spec.matchingPrecedence'), 9000) },
      status: fcStatus,
    });
  });

  it('[sig-api-machinery] API priority and fairness should support PriorityLevelConfiguration API operations [Conformance]', async () => {
    await apiOperations(ctx.api, {
      group: 'flowcontrol.apiserver.k8s.io', version: 'v1', resource: 'prioritylevelconfigurations', namespaced: false,
      make: (name, labels) => ({
        apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'PriorityLevelConfiguration', metadata: { name, labels },
        spec: { type: 'Limited', limited: { nominalConcurrencyShares: 2, limitResponse: { type: 'Reject' } } },
      }),
      specPatch: { patch: { spec: { limited: { nominalConcurrencyShares: 4 } } }, check: (o) => assert.equal(at(o, 'spec.limited.nominalConcurrencyShares'), 4) },
      specUpdate: { apply: (o) => { (at(o, 'spec.limited') as Record<string, unknown>).nominalConcurrencyShares = 6; }, check: (o) => assert.equal(at(o, 'spec.limited.nominalConcurrencyShares'), 6) },
      status: fcStatus,
    });
  });

  it('[sig-api-machinery] ValidatingAdmissionPolicy [Privileged:ClusterAdmin] should support ValidatingAdmissionPolicy API operations [Conformance]', async () => {
    await apiOperations(ctx.api, {
      group: 'admissionregistration.k8s.io', version: 'v1', resource: 'validatingadmissionpolicies', namespaced: false,
      make: (name, labels) => ({
        apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name, labels },
        spec: {
          failurePolicy: 'Fail',
          matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['deployments'] }] },
          validations: [{ expression: 'object.spec.replicas <= 100' }],
        },
      }),
      status: {
        keepsMetadata: false,
        patch: { status: { conditions: [condition('StatusPatched')] } },
        check: hasCondition('StatusPatched'),
        update: (o) => { o.status = { conditions: [condition('StatusUpdated')] }; },
        checkUpdate: hasCondition('StatusUpdated'),
      },
    });
  });

  it('[sig-api-machinery] ValidatingAdmissionPolicy [Privileged:ClusterAdmin] should support ValidatingAdmissionPolicyBinding API operations [Conformance]', async () => {
    await apiOperations(ctx.api, {
      group: 'admissionregistration.k8s.io', version: 'v1', resource: 'validatingadmissionpolicybindings', namespaced: false,
      make: (name, labels) => ({
        apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding', metadata: { name, labels },
        spec: { policyName: 'replicalimit-policy.example.com', validationActions: ['Deny'] },
      }),
    });
  });

  it('[sig-scheduling] SchedulerPreemption [Serial] PriorityClass endpoints verify PriorityClass endpoints can be operated with different HTTP methods [Conformance]', async () => {
    const { api } = ctx;
    const base = '/apis/scheduling.k8s.io/v1/priorityclasses';
    const pcs: KObj[] = [];
    for (let i = 1; i <= 4; i++) pcs.push(await api.create(base, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: `p${i}` }, value: i }));
    // Immutable field: value.
    await expectStatus(api.req('PATCH', `${base}/p1`, { body: JSON.stringify({ value: 10 }), contentType: 'application/strategic-merge-patch+json' }), 422, 'patching value');
    await expectStatus(api.req('PUT', `${base}/p2`, { body: { ...pcs[1], value: 20 } }), 422, 'updating value');
    // Mutable field: description.
    await api.patch(`${base}/p1`, { description: 'updated description' }, 'strategic');
    await api.put(`${base}/p2`, { ...pcs[1], description: 'updated description' });
    const list = await api.get<KList>(base);
    assert.ok(['p1', 'p2', 'p3', 'p4'].every((n) => list.items.some((i) => i.metadata.name === n)));
    for (const pc of pcs.slice(0, 2)) {
      const got = await api.get(`${base}/${pc.metadata.name}`);
      assert.equal(got.value, pc.value, 'value unchanged');
      assert.equal(got.description, 'updated description');
    }
    for (const pc of pcs) await api.del(`${base}/${pc.metadata.name}`);
  });
});
