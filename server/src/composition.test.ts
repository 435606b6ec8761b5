/**
 * The composition root: every entry point gets the same modules, listeners and jobs, and two
 * compositions share no state (the listeners used to live in module-level sets filled by route plugins).
 */
import { describe, expect, it } from 'vitest';
import { composeModules } from './composition.js';
import type { Database } from './db/client.js';

describe('composeModules', () => {
  it('creates every module once, in route order, with credit listening to the archive', () => {
    const c = composeModules();
    expect(c.modules.map((m) => m.name)).toEqual(['system', 'plans', 'assessment', 'credit', 'portal', 'entities']);
    // Scoring re-grades, then the lists open a penalty publication: both react to an appended record.
    expect(c.credit.listeners.filter((l) => l.recordAppended)).toHaveLength(2);
    expect(c.credit.listeners.some((l) => l.entityChanged)).toBe(true);
    expect(c.credit.listeners.some((l) => l.entitiesImported)).toBe(true);
  });

  it('gathers the jobs the scheduler runs', () => {
    expect(composeModules().jobs.map((j) => j.name)).toEqual(['credit.list-clock', 'credit.deadline-recount', 'credit.honour-rounds', 'credit.risk-recompute']);
  });

  it('builds contexts that carry their own composition: two compositions share nothing', () => {
    const a = composeModules();
    const b = composeModules();
    const db = {} as Database;
    expect(a.systemCtx(db).domain).toBe(a.domain);
    expect(a.domain).not.toBe(b.domain);
    expect(a.domain.events).not.toBe(b.domain.events);
    expect(a.calendar).not.toBe(b.calendar);
  });

  it('keys the daily list clock by the China date', async () => {
    const [clock] = composeModules().jobs;
    const db = {} as Database;
    // 2026-03-31 20:00 UTC is 1 April in China.
    expect(await clock!.tickKey(db, new Date('2026-03-31T20:00:00Z'))).toBe('2026-04-01');
  });
});
