// batch/v1 tables: Job (status, completions, duration) and CronJob (schedule, time zone, suspend, last schedule).

import type { KObject } from '../../api/object.ts';
import { ageColumn, ageOf, col, containersColumn, imagesColumn, nameColumn, nameOf, wide } from './columns.ts';
import { humanDuration, parseTime, since } from './duration.ts';
import { boolPtr, containerCells, formatLabelSelector, templateContainers } from './format.ts';
import type { TablePrinter } from './types.ts';
import { at, has, int, list, optInt, optStr, str } from './values.ts';

/** hasJobCondition: whether the first condition of this type is True. */
function jobCondition(job: KObject, type: string): boolean {
  for (const c of list(job, 'status', 'conditions')) if (str(c, 'type') === type) return str(c, 'status') === 'True';
  return false;
}

/** The Job STATUS cell. */
export function jobStatus(job: KObject): string {
  if (jobCondition(job, 'Complete')) return 'Complete';
  if (jobCondition(job, 'Failed')) return 'Failed';
  if (has(job, 'metadata', 'deletionTimestamp')) return 'Terminating';
  if (jobCondition(job, 'Suspended')) return 'Suspended';
  if (jobCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** The COMPLETIONS cell: "succeeded/completions", or "n/1" (" of parallelism") for work-queue jobs. */
export function jobCompletions(job: KObject): string {
  const succeeded = int(job, 'status', 'succeeded');
  const completions = optInt(job, 'spec', 'completions');
  if (completions !== undefined) return `${succeeded}/${completions}`;
  const parallelism = optInt(job, 'spec', 'parallelism') ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** The DURATION cell: start to completion, or start to now while running; "" before the job starts. */
export function jobDuration(job: KObject, now: number): string {
  const start = parseTime(at(job, 'status', 'startTime'));
  if (start === undefined) return '';
  const done = parseTime(at(job, 'status', 'completionTime'));
  return humanDuration((done ?? now) - start);
}

export const jobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Status', 'string', 'Overall state of the job: Running, Complete, Failed, Suspended, Terminating.'),
    col('Completions', 'string', 'Succeeded pods out of the completions asked for.'),
    col('Duration', 'string', 'Time the job took, or has taken so far.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    wide('Selector', 'string', 'Label selector of the job\'s pods.'),
  ],
  row(job, now) {
    const [names, images] = containerCells(templateContainers(job, 'spec', 'template'));
    return [
      nameOf(job), jobStatus(job), jobCompletions(job), jobDuration(job, now), ageOf(job, now),
      names, images, formatLabelSelector(at(job, 'spec', 'selector')),
    ];
  },
};

export const cronJobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    col('Schedule', 'string', 'Cron schedule the jobs are started on.'),
    col('Timezone', 'string', 'Time zone the schedule is read in.'),
    col('Suspend', 'boolean', 'Whether new runs are held back.'),
    col('Active', 'integer', 'Number of jobs running now.'),
    col('Last Schedule', 'string', 'Time since a job was last scheduled.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    wide('Selector', 'string', 'Label selector of the jobs\' pods.'),
  ],
  row(cj, now) {
    const jobTemplate = at(cj, 'spec', 'jobTemplate');
    const [names, images] = containerCells(templateContainers(jobTemplate, 'spec', 'template'));
    return [
      nameOf(cj),
      str(cj, 'spec', 'schedule'),
      optStr(cj, 'spec', 'timeZone') ?? '<none>',
      boolPtr(at(cj, 'spec', 'suspend')),
      list(cj, 'status', 'active').length,
      has(cj, 'status', 'lastScheduleTime') ? since(at(cj, 'status', 'lastScheduleTime'), now) : '<none>',
      ageOf(cj, now),
      names,
      images,
      formatLabelSelector(at(jobTemplate, 'spec', 'selector')),
    ];
  },
};
