// Tests for the event tables (core/v1 and events.k8s.io/v1).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventPrinter, eventsV1Printer } from './core-events.ts';
import { ago, columnNames, rowOf } from './test-support.ts';

describe('event tables', () => {
  it('have the Kubernetes columns, with NAME only in wide output', () => {
    const { all, wide } = columnNames(eventPrinter);
    assert.deepEqual(all, ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name']);
    assert.deepEqual(wide, ['Subobject', 'Source', 'First Seen', 'Count', 'Name']);
    assert.equal(eventPrinter.columns[9].format, 'name');
    assert.deepEqual(eventsV1Printer.columns, eventPrinter.columns);
  });

  it('prints a core/v1 event', () => {
    assert.deepEqual(rowOf(eventPrinter, {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name: 'web-0.17f1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web-0', fieldPath: 'spec.containers{app}' },
      reason: 'BackOff', type: 'Warning', message: 'Back-off restarting failed container\n',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: ago(3600), lastTimestamp: ago(90), count: 12,
    }), {
      'Last Seen': '90s', Type: 'Warning', Reason: 'BackOff', Object: 'pod/web-0', Subobject: 'spec.containers{app}',
      Source: 'kubelet, node-1', Message: 'Back-off restarting failed container', 'First Seen': '60m', Count: 12, Name: 'web-0.17f1',
    });
  });

  it('falls back to eventTime, reporting controller and count 1 for new-style events', () => {
    const r = rowOf(eventPrinter, {
      metadata: { name: 'e' }, involvedObject: { kind: 'Node' }, reason: 'Starting', type: 'Normal',
      eventTime: '2025-03-01T11:59:30.123456Z', reportingComponent: 'kube-proxy', reportingInstance: 'kube-proxy-node-1',
    });
    assert.equal(r['Last Seen'], '29s');
    assert.equal(r['First Seen'], '29s');
    assert.equal(r.Object, 'node');
    assert.equal(r.Source, 'kube-proxy, kube-proxy-node-1');
    assert.equal(r.Count, 1);
  });

  it('uses the series for repeated events, and <unknown> without times', () => {
    const r = rowOf(eventPrinter, {
      metadata: { name: 'e' }, involvedObject: { kind: 'Pod', name: 'p' }, eventTime: ago(600),
      series: { count: 7, lastObservedTime: ago(20) }, reportingComponent: 'scheduler',
    });
    assert.equal(r['Last Seen'], '20s');
    assert.equal(r.Count, 7);
    assert.equal(r.Source, 'scheduler');
    assert.equal(rowOf(eventPrinter, { metadata: { name: 'e' } })['Last Seen'], '<unknown>');
  });

  it('prints an events.k8s.io/v1 event through the same conversion', () => {
    const ev = {
      apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'd.1' },
      regarding: { kind: 'Deployment', name: 'web' }, note: 'Scaled up replica set web-5d to 3', reason: 'ScalingReplicaSet', type: 'Normal',
      eventTime: null, deprecatedSource: { component: 'deployment-controller' },
      deprecatedFirstTimestamp: ago(300), deprecatedLastTimestamp: ago(300), deprecatedCount: 1,
    };
    const r = rowOf(eventsV1Printer, ev);
    assert.equal(r.Object, 'deployment/web');
    assert.equal(r.Message, 'Scaled up replica set web-5d to 3');
    assert.equal(r.Source, 'deployment-controller');
    assert.equal(r['Last Seen'], '5m');
    assert.deepEqual(rowOf(eventPrinter, ev), r);
  });
});
