import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { createTestDb } from '../../test/test-db.js';
import { systemSource } from '../context.js';
import { AppError } from '../http/errors.js';
import { claimRun, listRuns } from './job-run.repository.js';
import type { JobDefinition } from './job.js';
import { createScheduler } from './scheduler.js';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h.close();
});

/** A job whose tick is whatever `tick.key` says, counting its runs; `fail` makes the next runs throw. */
function countingJob(name: string) {
  const state = { key: 'T1' as string | null, runs: 0, fail: false as boolean, gate: null as Promise<void> | null };
  const job: JobDefinition = {
    name,
    title: { zh: '测试任务', en: 'Test job' },
    everyMs: 60_000,
    tickKey: async () => state.key,
    run: async () => {
      state.runs++;
      if (state.gate) await state.gate;
      if (state.fail) throw new Error('boom');
      return { runs: state.runs };
    },
  };
  return { job, state };
}

const runsOf = async (job: string) => (await listRuns(h.db, job, { offset: 0, limit: 100 })).rows;

describe('scheduled ticks', () => {
  it('runs a tick once across schedulers sharing the database, and a new tick again', async () => {
    const { job, state } = countingJob('test.claims');
    const a = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job], owner: 'a:1' });
    const b = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job], owner: 'b:2' });
    const first = await Promise.all([a.check(job.name), b.check(job.name), a.check(job.name), b.check(job.name)]);
    expect(first.filter((r) => r !== null)).toHaveLength(1);
    expect(await b.check(job.name)).toBeNull();
    expect(state.runs).toBe(1);
    state.key = 'T2';
    const second = await b.check(job.name);
    expect(second).toMatchObject({ status: 'ok', tickKey: 'T2', trigger: 'schedule', owner: 'b:2', summary: { runs: 2 } });
    expect(second!.durationMs).toBeGreaterThanOrEqual(0);
    state.key = null;
    expect(await a.check(job.name)).toBeNull();
    expect((await runsOf(job.name)).map((r) => [r.tickKey, r.status])).toEqual([
      ['T2', 'ok'],
      ['T1', 'ok'],
    ]);
  });

  it('records a failure with its message, and claims the failed tick again at the next check', async () => {
    const { job, state } = countingJob('test.failure');
    const s = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job] });
    state.fail = true;
    const failed = await s.check(job.name);
    expect(failed).toMatchObject({ status: 'failed', error: 'boom', summary: null, tickKey: 'T1' });
    expect(failed!.finishedAt).not.toBeNull();
    state.fail = false;
    expect(await s.check(job.name)).toMatchObject({ status: 'ok', tickKey: 'T1' });
    expect(await s.check(job.name)).toBeNull();
    expect(state.runs).toBe(2);
  });

  it('abandons a run whose process stopped beating, so the job runs again', async () => {
    const { job, state } = countingJob('test.stale');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    const dead = await claimRun(h.db, { job: job.name, tickKey: 'T1', trigger: 'schedule', actor: null, owner: 'dead:9', now: longAgo });
    expect(dead).not.toBeNull();
    const s = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job], staleAfterMs: 60_000 });
    expect(await s.check(job.name)).toMatchObject({ status: 'ok', tickKey: 'T1' });
    expect(state.runs).toBe(1);
    const [, old] = await runsOf(job.name);
    expect(old).toMatchObject({ id: dead!.id, status: 'abandoned' });
    expect(old!.error).toContain('abandoned');
  });

  it('keeps a long run alive by its heartbeat: another process does not abandon it', async () => {
    const { job, state } = countingJob('test.heartbeat');
    let release!: () => void;
    state.gate = new Promise((r) => (release = r));
    const a = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job], heartbeatMs: 20, owner: 'a:1' });
    const b = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job], staleAfterMs: 150, owner: 'b:2' });
    const running = a.check(job.name);
    await new Promise((r) => setTimeout(r, 400));
    expect(await b.check(job.name)).toBeNull();
    release();
    expect(await running).toMatchObject({ status: 'ok' });
    expect(state.runs).toBe(1);
  });
});

describe('run now', () => {
  it('runs whatever the tick, audited; 409 while the job runs (and the scheduled check waits); 404 for an unknown job', async () => {
    const { job, state } = countingJob('test.run-now');
    let release!: () => void;
    state.gate = new Promise((r) => (release = r));
    const s = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job] });
    const other = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job], owner: 'other:1' });
    const ctx = systemSource({ username: 'cli:tester' });
    const { run, done } = await s.runNow(job.name, ctx, 'cli');
    expect(run).toMatchObject({ status: 'running', trigger: 'cli', actor: 'cli:tester', tickKey: null });
    await expect(other.runNow(job.name, ctx, 'manual')).rejects.toMatchObject({ code: 'JOB_RUNNING' });
    expect(await other.check(job.name)).toBeNull();
    release();
    expect(await done).toMatchObject({ id: run.id, status: 'ok' });
    // The scheduled tick was only postponed, not lost.
    expect(await other.check(job.name)).toMatchObject({ status: 'ok', tickKey: 'T1' });
    const err = await s.runNow('test.nope', ctx, 'manual').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('JOB_NOT_FOUND');
  });

  it('lists every job with its newest run and pages the history', async () => {
    const { job } = countingJob('test.list');
    const s = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job], everyMs: 1000 });
    expect(await s.list()).toEqual([{ name: job.name, title: job.title, cadence: null, everyMs: 1000, nextCheckAt: null, lastRun: null }]);
    for (let i = 0; i < 3; i++) await (await s.runNow(job.name, systemSource(), 'cli')).done;
    const [listed] = await s.list();
    const page = await s.history(job.name, { page: 1, pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(listed!.lastRun).toEqual(page.items[0]);
    s.start();
    expect((await s.list())[0]!.nextCheckAt).not.toBeNull();
    await s.stop();
  });
});

describe('stopping (a server shutting down)', () => {
  it('waits for the runs in flight, refuses new ones with 503, and claims no tick afterwards', async () => {
    const { job, state } = countingJob('test.stop');
    let release!: () => void;
    state.gate = new Promise((r) => (release = r));
    const s = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job] });
    const { done } = await s.runNow(job.name, systemSource(), 'manual');
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    // A request arriving after SIGTERM: refused, not started under a database about to close.
    await expect(s.runNow(job.name, systemSource(), 'manual')).rejects.toMatchObject({ code: 'SERVER_BUSY' });
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await done).toMatchObject({ status: 'ok' });
    expect(await s.check(job.name)).toBeNull();
    expect((await runsOf(job.name)).map((r) => r.status)).toEqual(['ok']);
  });
});
