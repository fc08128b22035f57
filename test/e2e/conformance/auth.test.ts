// Conformance: [sig-auth] API-only entries: ServiceAccount lifecycle and update, SubjectReview, CertificateSigningRequest API.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { arr, at, qs, rand, type KList, type KObj } from './client.ts';
import { checkDiscovery } from './api-operations.ts';
import { serverContext } from './suite.ts';

const csrPem = `-----BEGIN CERTIFICATE REQUEST-----
MIIBAjCBqQIBADAaMRgwFgYDVQQDDA9lMmUuZXhhbXBsZS5jb20wWTATBgcqhkjO
PQIBBggqhkjOPQMBBwNCAAQIRt+PQP4QuAw+7HqqdTEcbhNGeODcESt3d+cFfppb
r/yQXl5CElsfE/XUOSlxpE1a1oG8rfCpNP5aNpbyFJegoC0wKwYJKoZIhvcNAQkO
MR4wHDAaBgNVHREEEzARgg9lMmUuZXhhbXBsZS5jb20wCgYIKoZIzj0EAwIDSAAw
RQIgeCt8QBe2/aDO87dbUM/dItpfP94oz+9vgB9yENvYYc4CIQDKaITQjhtJ8qdS
cMX7TRKDmoPp/7n5uPogWW7ae9XQUQ==
-----END CERTIFICATE REQUEST-----
`;

const certPem = `-----BEGIN CERTIFICATE-----
MIIBpTCCAUugAwIBAgIUPxcTcTHIoO4oQqiafE6yRiOud4EwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPZTJlLmV4YW1wbGUuY29tMB4XDTI2MTEyMzIxMzMxN1oXDTM2
MTEyMDIxMzMxN1owGjEYMBYGA1UEAwwPZTJlLmV4YW1wbGUuY29tMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAECEbfj0D+ELgMPux6qnUxHG4TRnjg3BErd3fnBX6a
W6/8kF5eQhJbHxP11DkpcaRNWtaBvK3wqTT+WjaW8hSXoKNvMG0wHQYDVR0OBBYE
FJQPqERORRonvs5BUrSUOiBA4aRHMB8GA1UdIwQYMBaAFJQPqERORRonvs5BUrSU
OiBA4aRHMA8GA1UdEwEB/wQFMAMBAf8wGgYDVR0RBBMwEYIPZTJlLmV4YW1wbGUu
Y29tMAoGCCqGSM49BAMCA0gAMEUCIQDOvzvGCptjzBWbrFqNXk4O+RSIup8CqeIp
QYgwoHzmkQIgALEAEO79LfEc1WoiAiaH24TFIlEPBN5JfzWzoCkzHN8=
-----END CERTIFICATE-----
`;

describe('conformance: auth APIs', () => {
  const ctx = serverContext();

  it('[sig-auth] ServiceAccounts should run through the lifecycle of a ServiceAccount [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('svcaccounts');
    const base = `/api/v1/namespaces/${ns}/serviceaccounts`;
    const name = 'testserviceaccount';
    const labelSel = qs({ labelSelector: 'test-serviceaccount-static=true' });
    await api.create(base, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, labels: { 'test-serviceaccount-static': 'true' } } });
    // The watch starts after the create without a resourceVersion: the existing object arrives as ADDED.
    const w = await api.watch(`${base}${labelSel}&watch=true&timeoutSeconds=180`);
    try {
      await w.waitFor((e) => e.type === 'ADDED' && e.object.metadata.name === name, 5000, 'ADDED');
      // json.Marshal(v1.ServiceAccount{AutomountServiceAccountToken: &false}), as the e2e test sends it.
      await api.patch(`${base}/${name}`, '{"metadata":{"creationTimestamp":null},"automountServiceAccountToken":false}', 'strategic');
      const all = await api.get<KList>(`/api/v1/serviceaccounts${labelSel}`);
      const found = all.items.find((sa) => sa.metadata.name === name && sa.metadata.namespace === ns);
      assert.ok(found, 'found across all namespaces');
      assert.equal(found.automountServiceAccountToken, false, 'the patch was applied');
      assert.ok(found.metadata.creationTimestamp, 'creationTimestamp survives a patch that nulls it');
      assert.equal((await api.del(base)).status, 200, 'deletecollection');
      await w.waitFor((e) => e.type === 'DELETED' && e.object.metadata.name === name, 5000, 'DELETED');
    } finally {
      w.close();
    }
  });

  it('[sig-auth] ServiceAccounts should update a ServiceAccount [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('svcaccounts');
    const base = `/api/v1/namespaces/${ns}/serviceaccounts`;
    const name = `e2e-sa-${rand()}`;
    const created = await api.create(base, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name }, automountServiceAccountToken: false });
    assert.equal(created.automountServiceAccountToken, false);
    const cur = await api.get(`${base}/${name}`);
    cur.automountServiceAccountToken = true;
    const updated = await api.put(`${base}/${name}`, cur);
    assert.equal(updated.automountServiceAccountToken, true);
    assert.equal((await api.get(`${base}/${name}`)).automountServiceAccountToken, true);
  });

  it('[sig-auth] SubjectReview should support SubjectReview API operations [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('subjectreview');
    const sa = await api.create(`/api/v1/namespaces/${ns}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'e2e' } });
    const user = `system:serviceaccount:${ns}:e2e`;
    const groups = ['system:authenticated', 'system:serviceaccounts', `system:serviceaccounts:${ns}`];
    const uid = String(sa.metadata.uid);
    const attrs = { verb: 'list', resource: 'configmaps', namespace: ns, version: 'v1' };
    const sar = await api.create('/apis/authorization.k8s.io/v1/subjectaccessreviews', { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec: { resourceAttributes: attrs, user, groups, uid } });
    const expected = at(sar, 'status.allowed') === true;
    // The same request made as the service account, through impersonation.
    const r = await api.req('GET', `/api/v1/namespaces/${ns}/configmaps`, { headers: { 'Impersonate-User': user, 'Impersonate-Uid': uid, 'Impersonate-Group': groups } });
    assert.ok(r.status === 200 || r.status === 403, `impersonated list answered ${r.status}: ${r.body.slice(0, 300)}`);
    const actual = r.status === 200;
    assert.equal(actual, expected, 'SubjectAccessReview agrees with what the impersonated request got');
    const lsar = await api.create(`/apis/authorization.k8s.io/v1/namespaces/${ns}/localsubjectaccessreviews`, {
      apiVersion: 'authorization.k8s.io/v1', kind: 'LocalSubjectAccessReview', metadata: { namespace: ns },
      spec: { resourceAttributes: attrs, user: 'e2e', groups, uid },
    });
    assert.equal(at(lsar, 'status.allowed') === true, actual, 'LocalSubjectAccessReview agrees with what the impersonated request got');
  });

  it('[sig-auth] Certificates API [Privileged:ClusterAdmin] should support CSR API operations [Conformance]', async () => {
    const { api } = ctx;
    const spec = { group: 'certificates.k8s.io', version: 'v1', resource: 'certificatesigningrequests', namespaced: false, make: (): KObj => ({ metadata: { name: '' } }) };
    await checkDiscovery(api, spec);
    const rl = await api.get<{ resources: { name: string }[] }>('/apis/certificates.k8s.io/v1');
    for (const sub of ['certificatesigningrequests/approval', 'certificatesigningrequests/status']) assert.ok(rl.resources.some((x) => x.name === sub), `${sub} in discovery`);
    const base = '/apis/certificates.k8s.io/v1/certificatesigningrequests';
    const signerName = `example.com/e2e-${rand(8)}`;
    const bySigner = qs({ fieldSelector: `spec.signerName=${signerName}` });
    const template = {
      apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', metadata: { generateName: 'e2e-example-csr-' },
      spec: { request: Buffer.from(csrPem).toString('base64'), signerName, expirationSeconds: 3600, usages: ['digital signature', 'key encipherment', 'server auth'] },
    };
    await api.create(base, template);
    await api.create(base, template);
    const created = await api.create(base, template);
    const name = created.metadata.name;
    const got = await api.get(`${base}/${name}`);
    assert.equal(got.metadata.uid, created.metadata.uid);
    assert.equal(at(got, 'spec.expirationSeconds'), 3600);
    const listed = await api.get<KList>(base + bySigner);
    assert.equal(listed.items.length, 3, 'list filtered by spec.signerName');
    const w = await api.watch(`${base}${qs({ watch: 'true', resourceVersion: listed.metadata.resourceVersion, fieldSelector: `metadata.name=${name}` })}`);
    try {
      const patched = await api.patch(`${base}/${name}`, { metadata: { annotations: { patched: 'true' } } });
      assert.equal(patched.metadata.annotations?.patched, 'true');
      patched.metadata.annotations = { ...patched.metadata.annotations, updated: 'true' };
      assert.equal((await api.put(`${base}/${name}`, patched)).metadata.annotations?.updated, 'true');
      const ev = await w.waitFor((e) => e.object.metadata.annotations?.patched === 'true', 5000, 'MODIFIED with the patched annotation');
      assert.equal(ev.type, 'MODIFIED');

      const ga = await api.get(`${base}/${name}/approval`);
      assert.equal(ga.kind, 'CertificateSigningRequest');
      assert.equal(ga.apiVersion, 'certificates.k8s.io/v1');
      assert.equal(ga.metadata.uid, created.metadata.uid);
      const pa = await api.patch(`${base}/${name}/approval`, '{"metadata":{"annotations":{"patchedapproval":"true"}},"status":{"conditions":[{"type":"ApprovalPatch","status":"True","reason":"e2e"}]}}');
      assert.equal(arr(at(pa, 'status.conditions')).length, 1, 'patched object has the applied condition');
      assert.equal(at(pa, 'status.conditions.0.type'), 'ApprovalPatch');
      assert.equal(pa.metadata.annotations?.patchedapproval, 'true', 'the annotation sent with the approval patch is kept');
      (pa.status as { conditions: unknown[] }).conditions.push({ type: 'Approved', status: 'True', reason: 'E2E', message: 'Set from an e2e test' });
      const ua = await api.put(`${base}/${name}/approval`, pa);
      assert.equal(arr(at(ua, 'status.conditions')).length, 2);
      assert.equal(at(ua, 'status.conditions.1.type'), 'Approved');

      const gs = await api.get(`${base}/${name}/status`);
      assert.equal(gs.kind, 'CertificateSigningRequest');
      assert.equal(gs.metadata.uid, created.metadata.uid);
      const certB64 = Buffer.from(certPem).toString('base64');
      const ps = await api.patch(`${base}/${name}/status`, `{"metadata":{"annotations":{"patchedstatus":"true"}},"status":{"certificate":"${certB64}"}}`);
      assert.equal(at(ps, 'status.certificate'), certB64, 'patched object has the certificate');
      assert.equal(ps.metadata.annotations?.patchedstatus, 'true', 'the annotation sent with the status patch is kept');
      const conds = arr(at(ps, 'status.conditions'));
      (ps.status as { conditions: unknown[] }).conditions = [...conds, { type: 'StatusUpdate', status: 'True', reason: 'E2E', message: 'Set from an e2e test' }];
      const us = await api.put(`${base}/${name}/status`, ps);
      assert.equal(arr(at(us, 'status.conditions')).length, conds.length + 1);
      assert.equal(at(us, `status.conditions.${conds.length}.type`), 'StatusUpdate');

      assert.equal((await api.del(`${base}/${name}`)).status, 200);
      assert.equal((await api.req('GET', `${base}/${name}`)).status, 404);
      assert.equal((await api.get<KList>(base + bySigner)).items.length, 2);
      assert.equal((await api.del(base + bySigner)).status, 200);
      assert.equal((await api.get<KList>(base + bySigner)).items.length, 0);
    } finally {
      w.close();
    }
  });
});
