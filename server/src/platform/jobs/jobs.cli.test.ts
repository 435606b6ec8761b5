/**
 * `zhiliang jobs list|run` in-process, on its own database: a CLI run is a manual run under the same
 * claims as the servers (recorded with trigger `cli` and the operator), and bad names exit 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../../contracts/jobs.js';
import { cliDatabase } from '../../test/cli-db.js';
import { cli } from '../../test/run-cli.js';

const db = cliDatabase('cli-jobs');

beforeAll(async () => {
  await db.setup();
}, 60_000);
afterAll(async () => {
  await db.teardown();
});

describe('zhiliang jobs', () => {
  it('runs a job now, waits for it, and lists it with that run', async () => {
    const run = await cli('jobs', 'run', 'credit.list-clock');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/credit\.list-clock #\d+: ok \(\d+ ms\)/);
    expect(run.out).toContain('"autoRemoved"');
    const list = await cli('jobs', 'list', '--json');
    expect(list.code).toBe(0);
    const jobs = JSON.parse(list.out) as Job[];
    expect(jobs.map((j) => j.name)).toEqual(['credit.list-clock', 'credit.deadline-recount', 'credit.honour-rounds', 'credit.risk-recompute']);
    expect(jobs[0]!.lastRun).toMatchObject({ status: 'ok', trigger: 'cli', tickKey: null });
    expect(jobs[0]!.lastRun!.actor).toMatch(/^cli:/);
    expect(jobs[1]!.lastRun).toBeNull();
    const human = await cli('jobs', 'list');
    expect(human.out).toContain('从未执行 / never run');
  }, 300_000);

  it('exits 1 naming the error for an unknown job, 2 without a name', async () => {
    const unknown = await cli('jobs', 'run', 'credit.nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('JOB_NOT_FOUND');
    expect((await cli('jobs', 'run')).code).toBe(2);
  }, 120_000);
});
