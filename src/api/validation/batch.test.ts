// Tests for Job and CronJob validation: generated selectors, restart policies, schedules, immutability.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../object.ts';
import { createErrors, stored, updateErrors } from './test-helpers.ts';

type Spec = Record<string, unknown>;
const podTemplate = (restartPolicy?: string): Spec => ({ spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'pi', image: 'perl:5.34' }] } });
const job = (spec: Spec = {}, name = 'pi'): KObject => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default', uid: '0f8c1b2e-1111-4222-8333-944445555666' },
  spec: { template: podTemplate('Never'), ...spec },
});
const cron = (spec: Spec = {}, name = 'report'): KObject => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: 'default' },
  spec: { schedule: '0 2 * * *', jobTemplate: { spec: { template: podTemplate('OnFailure') } }, ...spec },
});

describe('Job', () => {
  it('accepts a job and generates its selector and labels', () => {
    const j = job();
    assert.deepEqual(createErrors('batch', 'Job', j), []);
    const spec = j.spec as { selector: unknown; template: { metadata: { labels: Record<string, string> } } };
    assert.deepEqual(spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': '0f8c1b2e-1111-4222-8333-944445555666' } });
    assert.equal(spec.template.metadata.labels['job-name'], 'pi');
    assert.equal(spec.template.metadata.labels['batch.kubernetes.io/job-name'], 'pi');
  });
  it('requires restartPolicy OnFailure or Never', () => {
    assert.deepEqual(createErrors('batch', 'Job', job({ template: podTemplate() })),
      ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  });
  it('rejects negative counts and unknown completion modes', () => {
    assert.deepEqual(createErrors('batch', 'Job', job({ parallelism: -1, completions: 2, backoffLimit: -2, completionMode: 'Sequential' })), [
      'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
      'spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0',
      'spec.completionMode: Unsupported value: "Sequential": supported values: "NonIndexed", "Indexed"',
    ]);
  });
  it('rejects a manual selector that does not match the template', () => {
    const j = job({ manualSelector: true, selector: { matchLabels: { app: 'x' } } });
    assert.deepEqual(createErrors('batch', 'Job', j),
      ['spec.template.metadata.labels: Invalid value: {}: `selector` does not match template `labels`']);
  });
  it('keeps the selector and template immutable', () => {
    const old = stored('batch', 'Job', job());
    const next = structuredClone(old) as KObject & { spec: Spec };
    ((next.spec.template as Spec).spec as { containers: { image: string }[] }).containers[0].image = 'perl:5.36';
    const e = updateErrors('batch', 'Job', next, old);
    assert.equal(e.length, 1);
    assert.match(e[0], /^spec\.template: Invalid value: \{.*\}: field is immutable$/);
  });
});

describe('CronJob', () => {
  it('accepts standard and descriptor schedules', () => {
    assert.deepEqual(createErrors('batch', 'CronJob', cron()), []);
    assert.deepEqual(createErrors('batch', 'CronJob', cron({ schedule: '@hourly', timeZone: 'Europe/Berlin' })), []);
  });
  it('reports schedule syntax errors from the cron parser', () => {
    assert.deepEqual(createErrors('batch', 'CronJob', cron({ schedule: '0 25 * * *' })),
      ['spec.schedule: Invalid value: "0 25 * * *": end of range (25) above maximum (23): 25']);
    assert.deepEqual(createErrors('batch', 'CronJob', cron({ schedule: '* * *' })),
      ['spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]']);
  });
  it('refuses TZ in the schedule and unknown time zones', () => {
    assert.deepEqual(createErrors('batch', 'CronJob', cron({ schedule: 'TZ=UTC 0 2 * * *' })),
      ['spec.schedule: Invalid value: "TZ=UTC 0 2 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']);
    assert.deepEqual(createErrors('batch', 'CronJob', cron({ timeZone: 'Mars/Olympus' })),
      ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']);
  });
  it('limits names to 52 characters and forbids template selectors', () => {
    assert.deepEqual(createErrors('batch', 'CronJob', cron({}, 'a'.repeat(53))),
      [`metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`]);
    const c = cron({ jobTemplate: { spec: { selector: { matchLabels: { a: 'b' } }, template: podTemplate('Never') } } });
    assert.deepEqual(createErrors('batch', 'CronJob', c),
      ['spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated']);
  });
  it('checks the concurrency policy', () => {
    assert.deepEqual(createErrors('batch', 'CronJob', cron({ concurrencyPolicy: 'Queue' })),
      ['spec.concurrencyPolicy: Unsupported value: "Queue": supported values: "Allow", "Forbid", "Replace"']);
  });
});
