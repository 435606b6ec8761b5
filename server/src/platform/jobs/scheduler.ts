/**
 * The one scheduler for periodic work. Every process (each server, the CLI) may run one; they agree
 * through the `job_run` table alone (docs/ARCHITECTURE.md, "Jobs"):
 *
 * - a scheduled check asks the job for its tick key and claims `(job, tick)` with one
 *   `INSERT … ON CONFLICT DO NOTHING RETURNING`: whoever gets the row runs the tick, the others skip it;
 * - at most one run of a job is `running` at a time (a partial unique index), so "run now" during a
 *   run is a 409 and a scheduled tick waits for the next check;
 * - a running process refreshes its row's heartbeat; a row whose heartbeat stopped (the process died)
 *   is marked abandoned by the next check anywhere, which frees the job and lets the tick run again.
 */
import { hostname } from 'node:os';
import type { Job, JobRun, JobRunsQuery, JobTrigger } from '../../../../contracts/jobs.js';
import type { Page } from '../../../../contracts/common.js';
import type { Database, DbKind } from '../../db/client.js';
import { appendAudit, type AuditSource } from '../audit/audit.repository.js';
import { AppError } from '../http/errors.js';
import { abandonStaleRuns, claimRun, finishRun, latestRuns, listRuns, touchRun, type JobRunRow } from './job-run.repository.js';
import type { JobDefinition } from './job.js';

/** The part of a pino logger the scheduler uses. */
export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  db: Database;
  dbKind: DbKind;
  jobs: readonly JobDefinition[];
  log?: JobLog;
  /** Check every job this often instead of its own `everyMs` (tests; ZHILIANG_JOBS_EVERY_MS). */
  everyMs?: number;
  /** How often a running run refreshes its heartbeat. */
  heartbeatMs?: number;
  /** A running row whose heartbeat is older than this is abandoned (its process is gone). */
  staleAfterMs?: number;
  /** Written on each run this process makes (default host:pid). */
  owner?: string;
}

export interface RunHandle {
  /** The claimed row, as it is when the work starts. */
  run: JobRun;
  /** Settles with the closed row when the work ends (never rejects: a failure is recorded in the row). */
  done: Promise<JobRun>;
}

export interface Scheduler {
  readonly jobs: readonly JobDefinition[];
  /** Check every job now and then every `everyMs`, until `stop()`. */
  start(): void;
  /** Stop checking and wait for this process's runs in flight. */
  stop(): Promise<void>;
  /** One scheduled check of one job: runs it when its tick is due and unclaimed (the timer calls this). */
  check(name: string): Promise<JobRun | null>;
  /** Run a job now (an administrator or the CLI), whatever its tick; 404 unknown, 409 while it runs. */
  runNow(name: string, who: AuditSource, trigger: Exclude<JobTrigger, 'schedule'>): Promise<RunHandle>;
  /** Every job with its newest run and this process's next check. */
  list(): Promise<Job[]>;
  history(name: string, q: JobRunsQuery): Promise<Page<JobRun>>;
}

const DEFAULT_HEARTBEAT_MS = 15_000;
const DEFAULT_STALE_AFTER_MS = 120_000;
const ERROR_MAX = 2000;

/** A job's result as the history shows it: its object as is, anything else (a count, a list) under `value`. */
function asSummary(v: unknown): JobRun['summary'] {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  return { value: v };
}

export function toJobRun(r: JobRunRow): JobRun {
  return {
    id: r.id,
    job: r.job,
    tickKey: r.tickKey,
    trigger: r.trigger as JobTrigger,
    actor: r.actor,
    status: r.status as JobRun['status'],
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.durationMs,
    summary: asSummary(r.summary),
    error: r.error,
    owner: r.owner,
  };
}

/** 503 while the process shuts down: another server (or this one, restarted) takes the run. */
function shuttingDown(): AppError {
  return new AppError('SERVER_BUSY', { message: { zh: '服务器正在停止，请稍后在其他服务器或重启后执行', en: 'The server is shutting down; run the job on another server or after the restart' } });
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const { db } = opts;
  const byName = new Map(opts.jobs.map((j) => [j.name, j]));
  const owner = (opts.owner ?? `${hostname()}:${process.pid}`).slice(0, 100);
  const heartbeatMs = opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const staleAfterMs = opts.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const log: JobLog = opts.log ?? { info: () => undefined, error: () => undefined };
  const inFlight = new Map<string, Promise<JobRun>>();
  /** Timer-started checks not yet settled: `stop()` waits for them too, so none claims after it. */
  const checking = new Set<Promise<unknown>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const nextCheck = new Map<string, Date>();
  let started = false;
  /** Set by `stop()`: no run is claimed after it, so the database can close under no run. */
  let stopping = false;

  const jobOf = (name: string): JobDefinition => {
    const job = byName.get(name);
    if (!job) throw new AppError('JOB_NOT_FOUND');
    return job;
  };
  const everyOf = (job: JobDefinition) => opts.everyMs ?? job.everyMs;

  /** Close runs of `name` whose process stopped beating, so that the job can be claimed again. */
  const recoverStale = async (name: string, now: Date) => {
    const n = await abandonStaleRuns(db, name, new Date(now.getTime() - staleAfterMs), now, `进程无心跳超过 ${staleAfterMs / 1000} 秒，已放弃 / no heartbeat for ${staleAfterMs / 1000} s: abandoned`);
    if (n > 0) log.error({ job: name, abandoned: n }, 'job runs abandoned (their process stopped)');
  };

  /** Do the work of a claimed run, beating its heart, and close the row with the outcome. */
  /** `now`: the moment the run is for — the one its tick key was taken at (a run's date is its tick's). */
  const execute = (job: JobDefinition, row: JobRunRow, now: Date): Promise<JobRun> => {
    const t0 = performance.now();
    const heartbeat = setInterval(() => {
      touchRun(db, row.id, new Date()).catch((e: unknown) => log.error({ err: e, job: job.name }, 'job heartbeat failed'));
    }, heartbeatMs);
    heartbeat.unref();
    const work = (async () => {
      let outcome: { status: 'ok' | 'failed'; summary: unknown; error: string | null };
      try {
        const summary = await job.run(db, now);
        outcome = { status: 'ok', summary: summary ?? null, error: null };
      } catch (e) {
        log.error({ err: e, job: job.name, run: row.id }, 'job failed');
        outcome = { status: 'failed', summary: null, error: (e instanceof Error ? e.message : String(e)).slice(0, ERROR_MAX) };
      } finally {
        clearInterval(heartbeat);
      }
      const durationMs = Math.round(performance.now() - t0);
      try {
        const closed = await finishRun(db, row.id, { ...outcome, finishedAt: new Date(), durationMs });
        // null: the run was declared abandoned meanwhile (heartbeats lost); that verdict stands.
        return toJobRun(closed ?? row);
      } catch (e) {
        log.error({ err: e, job: job.name, run: row.id }, 'job outcome not recorded');
        return toJobRun(row);
      }
    })();
    inFlight.set(job.name, work);
    void work.finally(() => {
      if (inFlight.get(job.name) === work) inFlight.delete(job.name);
    });
    return work;
  };

  const check = async (name: string): Promise<JobRun | null> => {
    const job = jobOf(name);
    // This process is running it: its own claim would be refused anyway; spare the round trips.
    if (inFlight.has(name)) return null;
    const now = new Date();
    await recoverStale(name, now);
    const tickKey = await job.tickKey(db, now);
    if (tickKey === null || stopping) return null;
    // Started when claimed, not when the check began: the history's times follow the runs' order.
    const row = await claimRun(db, { job: name, tickKey, trigger: 'schedule', actor: null, owner, now: new Date() });
    if (!row) return null;
    return execute(job, row, now);
  };

  const schedule = (job: JobDefinition, delayMs: number) => {
    nextCheck.set(job.name, new Date(Date.now() + delayMs));
    const timer = setTimeout(() => {
      if (!started) return;
      const p = check(job.name)
        .catch((e: unknown) => log.error({ err: e, job: job.name }, 'job check failed'))
        .finally(() => {
          checking.delete(p);
          if (started) schedule(job, everyOf(job));
        });
      checking.add(p);
    }, delayMs);
    timer.unref();
    timers.set(job.name, timer);
  };

  return {
    jobs: opts.jobs,
    start() {
      if (started) return;
      started = true;
      for (const job of opts.jobs) schedule(job, 0);
    },
    async stop() {
      started = false;
      stopping = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      nextCheck.clear();
      // Until nothing is left: a "run now" claimed while the first ones finished is waited for too.
      while (checking.size > 0 || inFlight.size > 0) await Promise.allSettled([...checking, ...inFlight.values()]);
    },
    check,
    async runNow(name, who, trigger) {
      const job = jobOf(name);
      if (stopping) throw shuttingDown();
      const claim = (async () => {
        await recoverStale(name, new Date());
        // The claim and its audit row commit together: no audited run that did not start, no run unaudited.
        const row = await db.transaction(async (tx) => {
          if (stopping) throw shuttingDown();
          const claimed = await claimRun(tx, { job: name, tickKey: null, trigger, actor: who.actor.username.slice(0, 64), owner, now: new Date() });
          if (!claimed) throw new AppError('JOB_RUNNING');
          await appendAudit(tx, who, { action: 'system.job.run', targetType: 'job_run', targetId: claimed.id, after: { job: name, trigger } });
          return claimed;
        });
        log.info({ job: name, run: row.id, trigger, actor: who.actor.username }, 'job run requested');
        // Started here, before the claim settles: `stop()` then finds it in flight.
        return { run: toJobRun(row), done: execute(job, row, row.startedAt) };
      })();
      // A claim in progress when `stop()` is called is waited for, and so is the run it starts.
      checking.add(claim);
      return claim.finally(() => checking.delete(claim));
    },
    async list() {
      const latest = await latestRuns(db, opts.jobs.map((j) => j.name));
      return opts.jobs.map((j) => {
        const last = latest.get(j.name);
        return {
          name: j.name,
          title: j.title,
          cadence: j.cadence ?? null,
          everyMs: everyOf(j),
          nextCheckAt: nextCheck.get(j.name)?.toISOString() ?? null,
          lastRun: last ? toJobRun(last) : null,
        };
      });
    },
    async history(name, q) {
      jobOf(name);
      const { rows, total } = await listRuns(db, name, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
      return { items: rows.map(toJobRun), total, page: q.page, pageSize: q.pageSize };
    },
  };
}
