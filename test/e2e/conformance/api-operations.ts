// The shared "should support <X> API operations" flow: discovery, create, get, list, watch, patch, update, status, delete, deletecollection.

import assert from 'node:assert/strict';
import { at, names, qs, rand, type Api, type KList, type KObj } from './client.ts';

export interface ApiOperationsSpec {
  group: string;
  version: string;
  /** Plural resource name. */
  resource: string;
  namespaced: boolean;
  /** A valid object of this kind with the given name and labels. */
  make(name: string, labels: Record<string, string>, ns: string): KObj;
  /**
   * Checks the status subresource: a merge patch to send to /status and how to check it afterwards.
   * keepsMetadata: the kind's status strategy keeps metadata changes (most built-in kinds; the e2e tests then
   * also check an annotation sent with the status patch); newer kinds reset all metadata on status writes.
   */
  status?: { patch: Record<string, unknown>; check(o: KObj): void; update(o: KObj): void; checkUpdate(o: KObj): void; keepsMetadata?: boolean };
  /** A spec change sent with the metadata patch, and a spec change made by the update, with their checks. */
  specPatch?: { patch: Record<string, unknown>; check(o: KObj): void };
  specUpdate?: { apply(o: KObj): void; check(o: KObj): void };
  /** Namespace to use (namespaced resources). */
  ns?: string;
}

const groupPath = (s: ApiOperationsSpec) => (s.group ? `/apis/${s.group}/${s.version}` : `/api/${s.version}`);

export function collectionPath(s: ApiOperationsSpec, ns?: string): string {
  return `${groupPath(s)}${s.namespaced && ns ? `/namespaces/${ns}` : ''}/${s.resource}`;
}

/** Discovery: the group in /apis, the version in /apis/<group>, the resource (and status) in /apis/<group>/<version>. */
export async function checkDiscovery(api: Api, s: ApiOperationsSpec): Promise<void> {
  if (s.group) {
    const groups = await api.get<{ groups: { name: string; versions: { version: string }[] }[] }>('/apis');
    const g = groups.groups.find((x) => x.name === s.group);
    assert.ok(g, `the ${s.group} API group is in the /apis discovery document`);
    assert.ok(g.versions.some((v) => v.version === s.version), `${s.group}/${s.version} is in /apis`);
    const group = await api.get<{ name: string; versions: { version: string }[] }>(`/apis/${s.group}`);
    assert.ok(group.versions.some((v) => v.version === s.version), `${s.group}/${s.version} is in /apis/${s.group}`);
  }
  const list = await api.get<{ resources: { name: string; verbs: string[] }[] }>(groupPath(s));
  const r = list.resources.find((x) => x.name === s.resource);
  assert.ok(r, `${s.resource} is in ${groupPath(s)}`);
  if (s.status) assert.ok(list.resources.some((x) => x.name === `${s.resource}/status`), `${s.resource}/status is in ${groupPath(s)}`);
}

/** Runs the whole API-operations flow for one resource. */
export async function apiOperations(api: Api, s: ApiOperationsSpec): Promise<void> {
  await checkDiscovery(api, s);
  const ns = s.namespaced ? (s.ns ?? await api.namespace('apiops')) : undefined;
  const coll = collectionPath(s, ns);
  const label = `e2e-${rand(8)}`;
  const labels = { 'special-label': label };
  const sel = qs({ labelSelector: `special-label=${label}` });

  const created: KObj[] = [];
  for (const n of ['1', '2', '3']) created.push(await api.create(coll, s.make(`${s.resource.slice(0, 20)}-${label}-${n}`, labels, ns ?? '')));
  const [first] = created;

  const got = await api.get(`${coll}/${first.metadata.name}`);
  assert.equal(got.metadata.uid, first.metadata.uid, 'get returns the created object');

  const listed = await api.get<KList>(coll + sel);
  assert.deepEqual(names(listed).sort(), created.map((c) => c.metadata.name).sort(), 'list with a label selector finds the three objects');
  if (s.namespaced) {
    const all = await api.get<KList>(`${groupPath(s)}/${s.resource}${sel}`);
    assert.equal(all.items.length, 3, 'list across all namespaces finds the three objects');
  }

  const w = await api.watch(`${coll}${sel}&watch=true&resourceVersion=${listed.metadata.resourceVersion}`);
  try {
    const patched = await api.patch(`${coll}/${first.metadata.name}`, { metadata: { annotations: { patched: 'true' } }, ...s.specPatch?.patch });
    assert.equal(patched.metadata.annotations?.patched, 'true', 'patch adds the annotation');
    s.specPatch?.check(patched);
    assert.ok(BigInt(String(patched.metadata.resourceVersion)) > BigInt(String(first.metadata.resourceVersion)), 'the patched object has a larger resourceVersion');
    await w.waitFor((e) => e.type === 'MODIFIED' && e.object.metadata.annotations?.patched === 'true', 5000, 'MODIFIED event with the patched annotation');

    const cur = await api.get(`${coll}/${first.metadata.name}`);
    cur.metadata.annotations = { ...cur.metadata.annotations, updated: 'true' };
    s.specUpdate?.apply(cur);
    const updated = await api.put(`${coll}/${first.metadata.name}`, cur);
    assert.equal(updated.metadata.annotations?.updated, 'true', 'update adds the annotation');
    s.specUpdate?.check(updated);

    if (s.status) {
      const st = await api.get(`${coll}/${first.metadata.name}/status`);
      assert.equal(st.metadata.name, first.metadata.name, 'get /status');
      const keeps = s.status.keepsMetadata ?? true;
      const sp = await api.patch(`${coll}/${first.metadata.name}/status`, keeps ? { metadata: { annotations: { patchedstatus: 'true' } }, ...s.status.patch } : s.status.patch);
      if (keeps) assert.equal(sp.metadata.annotations?.patchedstatus, 'true', 'the annotation sent with the status patch is kept');
      s.status.check(sp);
      const again = await api.get(`${coll}/${first.metadata.name}/status`);
      s.status.update(again);
      const su = await api.put(`${coll}/${first.metadata.name}/status`, again);
      s.status.checkUpdate(su);
    }

    const del = await api.del(`${coll}/${created[2].metadata.name}`);
    assert.ok(del.status === 200 || del.status === 202, `delete answers 200: ${del.status} ${del.body.slice(0, 300)}`);
    await w.waitFor((e) => e.type === 'DELETED' && e.object.metadata.name === created[2].metadata.name, 5000, 'DELETED event');
    assert.equal((await api.req('GET', `${coll}/${created[2].metadata.name}`)).status, 404, 'deleted object is gone');

    const dc = await api.del(coll + sel);
    assert.equal(dc.status, 200, `deletecollection: ${dc.body.slice(0, 300)}`);
    const left = await api.get<KList>(coll + sel);
    assert.equal(left.items.length, 0, 'deletecollection removed the labelled objects');
  } finally {
    w.close();
  }
}

/** For status checks that compare one field. */
export const expectField = (path: string, value: unknown) => (o: KObj) => assert.deepEqual(at(o, path), value, `${path} after the status write`);
