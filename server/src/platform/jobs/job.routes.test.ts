import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import type { JobListResponse, JobRun, JobRunNowResponse } from '../../../../contracts/jobs.js';
import type { AuditEntry } from '../../../../contracts/logs.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config/config.js';
import type { DbHandle } from '../../db/client.js';
import { Agent, buildTestApp, errorCode, json, type TestApp } from '../../test/test-app.js';
import { createTestDb } from '../../test/test-db.js';
import type { ZApp } from '../http/types.js';
import type { JobDefinition } from './job.js';
import { createScheduler } from './scheduler.js';

describe('the product jobs (the app without a scheduler of its own)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('requires login, and the system:job permissions (administrators)', async () => {
    expect(errorCode(await t.anon().get('/api/system/jobs'))).toBe('UNAUTHENTICATED');
    expect((await t.anon().get('/api/system/jobs')).statusCode).toBe(401);
    const office = await t.as('quality-office');
    expect((await office.get('/api/system/jobs')).statusCode).toBe(403);
    expect((await office.get('/api/system/jobs/credit.list-clock/runs')).statusCode).toBe(403);
    expect((await office.post('/api/system/jobs/credit.list-clock/run')).statusCode).toBe(403);
  });

  it('lists the credit jobs; 404 for an unknown job; 400 for a malformed name', async () => {
    const admin = await t.as('admin');
    const list = json<JobListResponse>(await admin.get('/api/system/jobs'));
    expect(list.items.map((j) => j.name)).toEqual(['credit.list-clock', 'credit.deadline-recount', 'credit.honour-rounds', 'credit.risk-recompute']);
    expect(list.items[0]!.title.zh).toContain('名单');
    const unknown = await admin.get('/api/system/jobs/credit.nope/runs');
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe('JOB_NOT_FOUND');
    expect(errorCode(await admin.post('/api/system/jobs/credit.nope/run'))).toBe('JOB_NOT_FOUND');
    expect((await admin.get('/api/system/jobs/Bad%20Name/runs')).statusCode).toBe(400);
    expect((await admin.get('/api/system/jobs/credit.list-clock/runs?pageSize=0')).statusCode).toBe(400);
  });

  it('runs the list clock now: 202, then its outcome in the history', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/system/jobs/credit.list-clock/run');
    expect(res.statusCode).toBe(202);
    const { run } = json<JobRunNowResponse>(res);
    expect(run).toMatchObject({ job: 'credit.list-clock', status: 'running', trigger: 'manual', actor: 'admin' });
    let last: JobRun | undefined;
    for (let i = 0; i < 100; i++) {
      last = json<Page<JobRun>>(await admin.get('/api/system/jobs/credit.list-clock/runs')).items[0];
      if (last?.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(last).toMatchObject({ id: run.id, status: 'ok', summary: { autoRemoved: expect.any(Number) } });
  });
});

describe('run now against a run in progress', () => {
  let h: DbHandle;
  let app: ZApp;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const job: JobDefinition = {
    name: 'test.slow',
    title: { zh: '慢任务', en: 'Slow job' },
    everyMs: 60_000,
    tickKey: async () => 'T1',
    run: async () => {
      await gate;
      return { done: true };
    },
  };
  beforeAll(async () => {
    h = await createTestDb();
    const scheduler = createScheduler({ db: h.db, dbKind: h.kind, jobs: [job] });
    app = await buildApp({ db: h.db, dbKind: h.kind, config: loadConfig({}), serveWeb: false, scheduler });
    await app.ready();
  });
  afterAll(async () => {
    release();
    await app.close();
    await h.close();
  });

  it('answers 409 JOB_RUNNING while it runs, and audits the run it started', async () => {
    const admin = new Agent(app);
    expect((await admin.login('admin')).statusCode).toBe(200);
    const first = await admin.post('/api/system/jobs/test.slow/run');
    expect(first.statusCode).toBe(202);
    const second = await admin.post('/api/system/jobs/test.slow/run');
    expect(second.statusCode).toBe(409);
    expect(errorCode(second)).toBe('JOB_RUNNING');
    const audit = json<Page<AuditEntry>>(await admin.get('/api/monitor/audit?action=system.job.run'));
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'system.job.run', targetType: 'job_run', targetId: String(json<JobRunNowResponse>(first).run.id) });
    release();
  });
});
