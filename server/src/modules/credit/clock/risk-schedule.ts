/**
 * The old in-process scheduler of the monthly credit-risk recompute (kept until the jobs scheduler of
 * platform/jobs runs `credit.risk-recompute` from `creditJobs` instead).
 */
import type { Database } from '../../../db/client.js';
import type { Domain } from '../../../platform/context.js';
import { runMonthlyRiskRecompute } from '../scoring/scoring.service.js';

/** Check on start and then hourly; returns the stop function. Errors are reported, never thrown. */
export function scheduleMonthlyRiskRecompute(db: Database, domain: Domain, report: (e: unknown) => void, everyMs = 3_600_000): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runMonthlyRiskRecompute(db, domain)
      .catch(report)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
