// Tests for the Job and CronJob tables.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../api/object.ts';
import { cronJobPrinter, jobPrinter } from './batch.ts';
import { NOW, ago, columnNames, rowOf } from './test-support.ts';

const template = { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }], restartPolicy: 'Never' } };

function job(spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject {
  return { kind: 'Job', metadata: { name: 'pi', creationTimestamp: ago(300), ...meta }, spec: { template, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } }, ...spec }, status };
}

describe('job table', () => {
  it('has the kubectl 1.32 columns', () => {
    assert.deepEqual(columnNames(jobPrinter), {
      all: ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector'],
      wide: ['Containers', 'Images', 'Selector'],
    });
  });
  it('prints a completed job', () => {
    assert.deepEqual(rowOf(jobPrinter, job({ completions: 1, parallelism: 1 }, {
      startTime: ago(290), completionTime: ago(250), succeeded: 1, conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }],
    })), {
      Name: 'pi', Status: 'Complete', Completions: '1/1', Duration: '40s', Age: '5m', Containers: 'pi', Images: 'perl:5.34',
      Selector: 'batch.kubernetes.io/controller-uid=abc',
    });
  });
  it('prints running, failed, suspended, terminating and work-queue jobs', () => {
    const running = rowOf(jobPrinter, job({ completions: 5 }, { startTime: ago(200), succeeded: 2 }));
    assert.equal(running.Status, 'Running');
    assert.equal(running.Completions, '2/5');
    assert.equal(running.Duration, '3m20s');
    assert.equal(rowOf(jobPrinter, job({}, { conditions: [{ type: 'Failed', status: 'True' }] })).Status, 'Failed');
    assert.equal(rowOf(jobPrinter, job({}, { conditions: [{ type: 'Suspended', status: 'True' }] })).Status, 'Suspended');
    assert.equal(rowOf(jobPrinter, job({}, { conditions: [{ type: 'FailureTarget', status: 'True' }] })).Status, 'FailureTarget');
    assert.equal(rowOf(jobPrinter, job({}, { conditions: [{ type: 'Suspended', status: 'True' }] }, { deletionTimestamp: ago(1) })).Status, 'Terminating');
    assert.equal(rowOf(jobPrinter, job({}, { conditions: [{ type: 'Complete', status: 'False' }] })).Status, 'Running');
    assert.equal(rowOf(jobPrinter, job({ parallelism: 3 }, { succeeded: 1 })).Completions, '1/1 of 3');
    assert.equal(rowOf(jobPrinter, job({ parallelism: 1 }, {})).Completions, '0/1');
    assert.equal(rowOf(jobPrinter, job({}, {})).Duration, '');
  });
});

describe('cronjob table', () => {
  it('has the Kubernetes columns', () => {
    assert.deepEqual(columnNames(cronJobPrinter).all,
      ['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', 'Containers', 'Images', 'Selector']);
    assert.equal(cronJobPrinter.columns[3].type, 'boolean');
  });
  it('prints a scheduled cronjob', () => {
    const cj: KObject = {
      metadata: { name: 'backup', creationTimestamp: ago(86400 * 3 + 3600 * 4) },
      spec: { schedule: '*/5 * * * *', timeZone: 'Etc/UTC', suspend: false, jobTemplate: { spec: { template } } },
      status: { active: [{ name: 'backup-1' }], lastScheduleTime: ago(75) },
    };
    assert.deepEqual(rowOf(cronJobPrinter, cj, NOW), {
      Name: 'backup', Schedule: '*/5 * * * *', Timezone: 'Etc/UTC', Suspend: 'False', Active: 1, 'Last Schedule': '75s', Age: '3d4h',
      Containers: 'pi', Images: 'perl:5.34', Selector: '<none>',
    });
    const never = rowOf(cronJobPrinter, { metadata: { name: 'n' }, spec: { schedule: '@daily', suspend: true } });
    assert.equal(never.Timezone, '<none>');
    assert.equal(never['Last Schedule'], '<none>');
    assert.equal(never.Suspend, 'True');
    assert.equal(never.Active, 0);
    assert.equal(rowOf(cronJobPrinter, { metadata: { name: 'n' }, spec: {} }).Suspend, '<unset>');
  });
});
