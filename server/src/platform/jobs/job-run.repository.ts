/**
 * The only code that reads or writes `job_run`. Claims are single `INSERT … ON CONFLICT DO NOTHING
 * RETURNING` statements: PostgreSQL's unique indexes decide, atomically, which process runs a tick.
 */
import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { jobRun } from './job-run.table.js';

export type JobRunRow = typeof jobRun.$inferSelect;

export interface ClaimInput {
  job: string;
  tickKey: string | null;
  trigger: 'schedule' | 'manual' | 'cli';
  actor: string | null;
  owner: string;
  now: Date;
}

/** Insert a running row; null when the tick is already claimed or done, or the job is running. */
export async function claimRun(db: Executor, c: ClaimInput): Promise<JobRunRow | null> {
  const [row] = await db
    .insert(jobRun)
    .values({ job: c.job, tickKey: c.tickKey, trigger: c.trigger, actor: c.actor, owner: c.owner, status: 'running', startedAt: c.now, heartbeatAt: c.now })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Close a run (only if it is still running: an abandoned run stays abandoned). */
export async function finishRun(db: Executor, id: number, f: { status: 'ok' | 'failed'; finishedAt: Date; durationMs: number; summary: unknown; error: string | null }): Promise<JobRunRow | null> {
  const [row] = await db
    .update(jobRun)
    .set({ status: f.status, finishedAt: f.finishedAt, durationMs: f.durationMs, summary: f.summary ?? null, error: f.error })
    .where(and(eq(jobRun.id, id), eq(jobRun.status, 'running')))
    .returning();
  return row ?? null;
}

export async function touchRun(db: Executor, id: number, now: Date): Promise<void> {
  await db.update(jobRun).set({ heartbeatAt: now }).where(and(eq(jobRun.id, id), eq(jobRun.status, 'running')));
}

/** Mark running rows of `job` whose heartbeat is older than `staleBefore` as abandoned; returns how many. */
export async function abandonStaleRuns(db: Executor, job: string, staleBefore: Date, now: Date, error: string): Promise<number> {
  const rows = await db
    .update(jobRun)
    .set({
      status: 'abandoned',
      finishedAt: now,
      durationMs: sql`greatest(0, (extract(epoch from ${now.toISOString()}::timestamptz - ${jobRun.startedAt}) * 1000))::int`,
      error,
    })
    .where(and(eq(jobRun.job, job), eq(jobRun.status, 'running'), lt(jobRun.heartbeatAt, staleBefore)))
    .returning({ id: jobRun.id });
  return rows.length;
}

/** The newest run of each of `jobs`. */
export async function latestRuns(db: Executor, jobs: string[]): Promise<Map<string, JobRunRow>> {
  if (jobs.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([jobRun.job])
    .from(jobRun)
    .where(inArray(jobRun.job, jobs))
    .orderBy(jobRun.job, desc(jobRun.startedAt), desc(jobRun.id));
  return new Map(rows.map((r) => [r.job, r]));
}

export async function listRuns(db: Executor, job: string, page: { offset: number; limit: number }): Promise<{ rows: JobRunRow[]; total: number }> {
  const rows = await db.select().from(jobRun).where(eq(jobRun.job, job)).orderBy(desc(jobRun.startedAt), desc(jobRun.id)).offset(page.offset).limit(page.limit);
  const [t] = await db.select({ n: count() }).from(jobRun).where(eq(jobRun.job, job));
  return { rows, total: t?.n ?? 0 };
}
