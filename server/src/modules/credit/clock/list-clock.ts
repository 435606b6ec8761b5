/**
 * The lists' clocks: automatic removals and ends of publication, open deadlines re-derived from the
 * calendar, overdue flags. The scheduler of platform/jobs runs them as `creditJobs`; `runListClock`
 * runs them in order for the CLI's `credit clock` and the tests.
 */
import type { ClockReport } from '../../../../../contracts/credit-lists.js';
import type { Transaction } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import type { Ctx } from '../../../platform/context.js';
import { publishScheduledRounds } from '../honours/honour.service.js';
import { OVERDUE_FLAGS, overdueFlag, changedDates, statutoryDeadlines, withFlag } from '../lists/lists.rules.js';
import { activeEntries, entriesDueForAutoEnd, lockEntry, setFlags, setDeadlines } from '../lists/lists.repository.js';
import { openApplications, setApplicationDeadlines } from '../repair/repair.repository.js';
import { applicationDeadlines } from '../repair/repair.rules.js';
import { removeEntry } from '../lists/list.service.js';

// ── The clock ─────────────────────────────────────────────────────────────────

/**
 * The daily clock, all of it in order: scheduled red/black rounds, automatic removals and ends of
 * publication, open deadlines re-derived from the calendar as loaded now (a year's notice may have
 * arrived since), and the overdue flags. The scheduler runs the parts as separate jobs
 * (`creditJobs`); the route, the CLI and the tests run them together. Running it twice on the same
 * day changes nothing.
 */
export async function runListClock(ctx: Ctx, today: string = todayInChina()): Promise<ClockReport> {
  const report: ClockReport = { today, autoRemoved: 0, publicationsEnded: 0, honoursExpired: 0, deadlinesRecomputed: 0, flagged: 0 };
  await publishScheduledRounds(ctx, today);
  Object.assign(report, await endDuePeriods(ctx, today));
  report.deadlinesRecomputed = await recountOpenDeadlines(ctx);
  report.flagged = await refreshOverdueFlags(ctx, today);
  return report;
}

/** Automatic removals (Order 44 Art. 21), ends of penalty publication (Order 45 Art. 13) and expiry of red/black members due by `today`. */
export async function endDuePeriods(ctx: Ctx, today: string): Promise<Pick<ClockReport, 'autoRemoved' | 'publicationsEnded' | 'honoursExpired'>> {
  const report = { autoRemoved: 0, publicationsEnded: 0, honoursExpired: 0 };
  for (const r of await entriesDueForAutoEnd(ctx.db, today)) {
    await ctx.db.transaction(async (tx) => {
      const fresh = await lockEntry(tx, r.id);
      if (!fresh || !['listed', 'published'].includes(fresh.status) || !fresh.autoRemoveOn || fresh.autoRemoveOn > today) return;
      const reason =
        r.list === 'serious-violation'
          ? '列入满三年（或限制期届满）自动移出（《市场监督管理严重违法失信名单管理办法》第二十一条）'
          : r.list === 'penalty-publication'
            ? '公示期满，停止公示（《市场监督管理行政处罚信息公示规定》第十三条）'
            : '红黑榜有效期届满';
      await removeEntry(tx, ctx, r.id, { kind: 'auto', reason, decidedOn: fresh.autoRemoveOn });
    });
    if (r.list === 'serious-violation') report.autoRemoved++;
    else if (r.list === 'penalty-publication') report.publicationsEnded++;
    else report.honoursExpired++;
  }
  return report;
}

/** Open deadlines of list entries and repair applications re-derived from the calendar as loaded now; returns how many moved. */
export async function recountOpenDeadlines(ctx: Ctx): Promise<number> {
  const cal = await ctx.domain.calendar.get(ctx.db);
  let moved = 0;
  for (const r of await activeEntries(ctx.db)) {
    if (await recountDeadlines(ctx, cal, 'credit_list_entry', r.id, { publishBy: r.publishBy, removeBy: r.removeBy }, statutoryDeadlines(cal, r), (tx, c) => setDeadlines(tx, r.id, c))) moved++;
  }
  for (const a of await openApplications(ctx.db)) {
    if (await recountDeadlines(ctx, cal, 'credit_repair', a.id, { acceptBy: a.acceptBy, decideBy: a.decideBy }, applicationDeadlines(cal, a), (tx, c) => setApplicationDeadlines(tx, a.id, c))) moved++;
  }
  return moved;
}

/** The overdue flags of open entries as of `today`; returns how many entries were newly flagged. */
export async function refreshOverdueFlags(ctx: Ctx, today: string): Promise<number> {
  let flagged = 0;
  for (const r of await activeEntries(ctx.db)) {
    let flags = [...r.flags];
    for (const f of OVERDUE_FLAGS) flags = withFlag(flags, f, false);
    const f = overdueFlag(r, today);
    if (f) flags = withFlag(flags, f, true);
    if (flags.join(',') !== r.flags.join(',')) {
      await setFlags(ctx.db, r.id, flags);
      if (f) flagged++;
    }
  }
  return flagged;
}

/**
 * Store the deadlines the calendar now puts elsewhere than `stored`, with an audit row saying what
 * moved and which notices the count rests on. Returns the changes, or null when nothing moved.
 */
async function recountDeadlines<K extends string>(
  ctx: Ctx,
  cal: WorkingCalendar,
  targetType: 'credit_list_entry' | 'credit_repair',
  id: number,
  stored: Record<K, string | null>,
  derived: Partial<Record<K, string | null>>,
  write: (tx: Transaction, changes: Partial<Record<K, string | null>>) => Promise<void>,
): Promise<Partial<Record<K, string | null>> | null> {
  const changes = changedDates(stored, derived);
  if (Object.keys(changes).length === 0) return null;
  await ctx.db.transaction(async (tx) => {
    await write(tx, changes);
    await appendAudit(tx, ctx, { action: 'credit.deadlines.recount', targetType, targetId: id, before: stored, after: { ...changes, calendarYears: cal.years } });
  });
  return changes;
}
