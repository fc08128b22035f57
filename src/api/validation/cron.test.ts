// Tests for the cron schedule parser's accepted forms and error texts.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cronScheduleError, isKnownTimeZone } from './cron.ts';

describe('cron schedules', () => {
  it('accepts standard specs, names, steps and descriptors', () => {
    for (const ok of ['*/5 * * * *', '0 0 * * 0', '0 9-17 * * MON-FRI', '15,45 */2 1 jan,jul ?', '@hourly', '@daily',
      '@every 1h30m', 'TZ=UTC 0 0 * * *', 'CRON_TZ=America/New_York 0 0 * * *', '0 0 1-31/2 * *']) {
      assert.equal(cronScheduleError(ok), undefined, ok);
    }
  });
  it('reports errors as robfig/cron does', () => {
    assert.equal(cronScheduleError('* * * *'), 'expected exactly 5 fields, found 4: [* * * *]');
    assert.equal(cronScheduleError('60 * * * *'), 'end of range (60) above maximum (59): 60');
    assert.equal(cronScheduleError('* * 0 * *'), 'beginning of range (0) below minimum (1): 0');
    assert.equal(cronScheduleError('5-1 * * * *'), 'beginning of range (5) beyond end of range (1): 5-1');
    assert.equal(cronScheduleError('x * * * *'), 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    assert.equal(cronScheduleError('*/0 * * * *'), 'step of range should be a positive number: */0');
    assert.equal(cronScheduleError('1-2-3 * * * *'), 'too many hyphens: 1-2-3');
    assert.equal(cronScheduleError('@sometimes'), 'unrecognized descriptor: @sometimes');
    assert.equal(cronScheduleError('@every 5x'), 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"');
    assert.equal(cronScheduleError('* * * * 7'), 'end of range (7) above maximum (6): 7');
    assert.equal(cronScheduleError('TZ=Mars/Base 0 0 * * *'), 'provided bad location Mars/Base: unknown time zone Mars/Base');
  });
  it('knows IANA zones', () => {
    assert.equal(isKnownTimeZone('Europe/Berlin'), true);
    assert.equal(isKnownTimeZone('Not/AZone'), false);
  });
});
