import { z } from 'zod';
import { pageOf, pageQuery } from './common.js';

/** How a run was started: by the scheduler's clock, by an administrator ("run now"), or from the CLI. */
export const JOB_TRIGGERS = ['schedule', 'manual', 'cli'] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];

/**
 * A run's state. `abandoned`: the process running it stopped sending heartbeats (it died or lost
 * the database), so another process closed the run and the job can be claimed again.
 */
export const JOB_RUN_STATUSES = ['running', 'ok', 'failed', 'abandoned'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

export const jobRunSchema = z.object({
  id: z.number().int(),
  job: z.string(),
  /** The tick a scheduled run belongs to (a China date, a month, …); null for manual and CLI runs. */
  tickKey: z.string().nullable(),
  trigger: z.enum(JOB_TRIGGERS),
  /** Who asked for a manual or CLI run (username); null for scheduled runs. */
  actor: z.string().nullable(),
  status: z.enum(JOB_RUN_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  /** What the job reported (its own JSON object), e.g. how many entries the list clock removed. */
  summary: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  /** The process that ran it (host:pid), for an operator reading the history of several servers. */
  owner: z.string(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

export const jobSchema = z.object({
  name: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  /** How often the work is due, in words (每日, 每月 …); null when the job does not say. */
  cadence: z.object({ zh: z.string(), en: z.string() }).nullable(),
  everyMs: z.number().int(),
  /** When this server's scheduler looks at the job next; null when the scheduler is not running here. */
  nextCheckAt: z.string().nullable(),
  lastRun: jobRunSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListResponse = z.object({ items: z.array(jobSchema) });
export type JobListResponse = z.infer<typeof jobListResponse>;

/** Job names are `<module>.<job>`: letters, digits, dots and dashes. */
export const jobNameParam = z.strictObject({ name: z.string().max(100).regex(/^[a-z0-9.-]+$/) });

export const jobRunsQuery = z.strictObject({ ...pageQuery });
export type JobRunsQuery = z.infer<typeof jobRunsQuery>;
export const jobRunsResponse = pageOf(jobRunSchema);
export type JobRunsResponse = z.infer<typeof jobRunsResponse>;

/** "Run now" answers at once with the claimed run; the work continues and the history shows its outcome. */
export const jobRunNowResponse = z.object({ run: jobRunSchema });
export type JobRunNowResponse = z.infer<typeof jobRunNowResponse>;
