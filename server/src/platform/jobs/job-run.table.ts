import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

/**
 * 定时任务执行记录: one row per run of a periodic job. The two partial unique indexes are the whole
 * cross-process protocol (docs/ARCHITECTURE.md, "Jobs"): a tick is claimed by inserting its row, and
 * an insert that meets either index is simply not done (`ON CONFLICT DO NOTHING`).
 */
export const jobRun = pgTable(
  'job_run',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: varchar('job', { length: 100 }).notNull(),
    /** Scheduled runs: the tick (`JobDefinition.tickKey`); manual and CLI runs: null (never conflicts). */
    tickKey: varchar('tick_key', { length: 200 }),
    trigger: varchar('trigger', { length: 20 }).notNull(),
    actor: varchar('actor', { length: 64 }),
    status: varchar('status', { length: 20 }).notNull(),
    owner: varchar('owner', { length: 100 }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Refreshed while the run is alive; a run whose heartbeat stops is abandoned by the next check. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    durationMs: integer('duration_ms'),
    summary: jsonb('summary'),
    error: varchar('error', { length: 2000 }),
  },
  (t) => [
    // A tick runs once: a second claim of the same tick is refused while the first is running or
    // after it succeeded; a failed or abandoned tick may be claimed again at the next check.
    uniqueIndex('job_run_tick_uq').on(t.job, t.tickKey).where(sql`status in ('running', 'ok')`),
    // One run of a job at a time, whoever started it: "run now" during a scheduled run is a 409.
    uniqueIndex('job_run_running_uq').on(t.job).where(sql`status = 'running'`),
    index('job_run_job_started_idx').on(t.job, t.startedAt),
  ],
);
