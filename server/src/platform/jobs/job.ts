/**
 * A periodic job as a module declares it. The scheduler (platform/jobs) asks every `everyMs`
 * whether the job is due, and runs each tick exactly once across every server process that shares
 * the database: a tick is identified by `tickKey`, and a tick already claimed is never run again.
 */
import type { Database } from '../../db/client.js';

export interface JobDefinition {
  /** Stable identifier, `<module>.<job>` (e.g. `credit.list-clock`): the CLI and the history use it. */
  name: string;
  /** What an administrator reads on the jobs page. */
  title: { zh: string; en: string };
  /** How often the work is due, in words for the jobs page (每日, 每月 …); the check interval otherwise. */
  cadence?: { zh: string; en: string };
  /** How often the scheduler checks the job (the tick key decides whether it actually runs). */
  everyMs: number;
  /**
   * The tick this moment belongs to: a China date for daily work, a month for monthly work, plus
   * anything whose change must trigger a new run (the working-day calendar's fingerprint).
   * Resolving to null means "not due now".
   */
  tickKey(db: Database, now: Date): Promise<string | null>;
  /** Do the work; the result (a small JSON-able summary) is kept in the run history. */
  run(db: Database, now: Date): Promise<unknown>;
}
