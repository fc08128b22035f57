// Conformance: [sig-instrumentation] Events (core/v1, core_events.go) and Events API (events.k8s.io/v1, events.go).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, qs, type KList } from './client.ts';
import { serverContext } from './suite.ts';

const sel = (s: string) => qs({ labelSelector: s });
/** A MicroTime as Go's metav1.MicroTime marshals it: RFC 3339 with microseconds. */
const micro = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

describe('conformance: events', () => {
  const ctx = serverContext();

  it('[sig-instrumentation] Events should manage the lifecycle of an event [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('events');
    const base = `/api/v1/namespaces/${ns}/events`;
    const name = 'event-test';
    await api.create(base, {
      apiVersion: 'v1', kind: 'Event', metadata: { name, labels: { 'testevent-constant': 'true' } },
      message: 'This is a test event', reason: 'Test', type: 'Normal', count: 1, involvedObject: { namespace: ns },
    });
    const all = await api.get<KList>(`/api/v1/events${sel('testevent-constant=true')}`);
    assert.equal(all.items.filter((e) => e.metadata.namespace === ns).length, 1, 'one event found across all namespaces');
    await api.patch(`${base}/${name}`, { message: 'This is a test event - patched' }, 'strategic');
    const got = await api.get(`${base}/${name}`);
    assert.equal(got.message, 'This is a test event - patched');
    const last = micro(new Date(Math.floor(Date.now() / 1000) * 1000 + 123_456 / 1000));
    got.series = { count: 100, lastObservedTime: last };
    const updated = await api.put(`${base}/${name}`, got);
    assert.equal(at(updated, 'series.count'), 100);
    assert.equal(at(updated, 'series.lastObservedTime'), last, 'lastObservedTime keeps its microseconds');
    const read = await api.get(`${base}/${name}`);
    assert.equal(at(read, 'series.count'), 100);
    assert.equal((await api.del(`${base}/${name}`)).status, 200);
    assert.equal((await api.get<KList>(`/api/v1/events${sel('testevent-constant=true')}`)).items.filter((e) => e.metadata.namespace === ns).length, 0);
  });

  it('[sig-instrumentation] Events should delete a collection of events [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('events');
    const base = `/api/v1/namespaces/${ns}/events`;
    for (const n of ['event-test-1', 'event-test-2', 'event-test-3']) {
      await api.create(base, { apiVersion: 'v1', kind: 'Event', metadata: { name: n, labels: { 'testevent-set': 'true' } }, message: 'This is a test event', reason: 'Test', type: 'Normal', count: 1, involvedObject: { namespace: ns } });
    }
    assert.equal((await api.get<KList>(base + sel('testevent-set=true'))).items.length, 3);
    assert.equal((await api.del(base + sel('testevent-set=true'))).status, 200);
    assert.equal((await api.get<KList>(base + sel('testevent-set=true'))).items.length, 0);
  });

  const newEvent = (ns: string, name: string, label: string) => ({
    apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name, labels: { [label]: 'true' } },
    regarding: { namespace: ns }, eventTime: micro(new Date()), note: `This is ${name}`, action: 'Do', reason: 'Test', type: 'Normal',
    reportingController: 'test-controller', reportingInstance: 'test-node',
  });

  it('[sig-instrumentation] Events API should ensure that an event can be fetched, patched, deleted, and listed [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('events');
    const base = `/apis/events.k8s.io/v1/namespaces/${ns}/events`;
    await api.create(base, newEvent(ns, 'event-test', 'testevent-constant'));
    const all = await api.get<KList>(`/apis/events.k8s.io/v1/events${sel('testevent-constant=true')}`);
    assert.ok(all.items.some((e) => e.metadata.name === 'event-test' && e.metadata.namespace === ns), 'listed across all namespaces');
    const got = await api.get(`${base}/event-test`);
    assert.equal(got.note, 'This is event-test');
    await api.patch(`${base}/event-test`, { note: 'This is test-event-patched' }, 'strategic');
    const patched = await api.get(`${base}/event-test`);
    assert.equal(patched.note, 'This is test-event-patched');
    patched.series = { count: 100, lastObservedTime: '2017-09-19T13:49:16.000000Z' };
    await api.put(`${base}/event-test`, patched);
    const updated = await api.get(`${base}/event-test`);
    assert.deepEqual(updated.series, { count: 100, lastObservedTime: '2017-09-19T13:49:16.000000Z' });
    assert.equal((await api.del(`${base}/event-test`)).status, 200);
    assert.ok(!(await api.get<KList>(`/apis/events.k8s.io/v1/events${sel('testevent-constant=true')}`)).items.some((e) => e.metadata.namespace === ns));
  });

  it('[sig-instrumentation] Events API should delete a collection of events [Conformance]', async () => {
    const { api } = ctx;
    const ns = await api.namespace('events');
    const base = `/apis/events.k8s.io/v1/namespaces/${ns}/events`;
    for (const n of ['event-test-1', 'event-test-2', 'event-test-3']) await api.create(base, newEvent(ns, n, 'testevent-set'));
    assert.equal((await api.get<KList>(base + sel('testevent-set=true'))).items.length, 3);
    assert.equal((await api.del(base + sel('testevent-set=true'))).status, 200);
    assert.equal((await api.get<KList>(base + sel('testevent-set=true'))).items.length, 0);
  });
});
