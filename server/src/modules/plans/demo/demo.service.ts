/**
 * The demo city's action plan and its tasks (§ quality work in the demo): our own fixture of a
 * three-year plan is imported through the real import path by the quality office, reviewed (each
 * item's deadline set) and published by its chief; then every responsible unit's people report,
 * the office reviews, reminds (督办) and the units answer — all through the use cases, so statuses,
 * audit rows and figures are what real use gives. Finally the rows are dated on the days the
 * stories say (demo.rules.ts), relative to today and never after it, with one audit row saying so.
 * Running it again changes nothing: it stops when the demo plan exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../../db/client.js';
import { PROJECT_ROOT } from '../../../config/paths.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import type { Ctx, Domain } from '../../../platform/context.js';
import { ctxOfUser, DEMO_AUTHORS, demoReporterOf } from '../../system/index.js';
import { recordIndicatorValue } from '../indicator.service.js';
import { importPlan, publishPlan, savePlanDraft } from '../plan.service.js';
import { listIndicators } from '../plans.repository.js';
import { unmappedNames } from '../../../../../contracts/plan-draft.js';
import { listRounds, submitRoundReport } from '../round.service.js';
import { remindTask, respondToReminder, reviewTaskReport, submitTaskReport } from '../task.service.js';
import { backdate, findPlanBySourceName, roundSubmissionIds, tasksOfPlan, type Backdating } from './demo.repository.js';
import { DEMO_PLAN_SOURCE, demoFate, demoIndicatorValues, demoItemDueDates, demoPlanDates, demoPlanText, demoPlanYears, roundSubmission, taskStory, type DemoEvent } from './demo.rules.js';

export interface PlansDemoReport {
  skipped: boolean;
  planId: number;
  /** The plan's first year: the year the demo assesses. */
  firstYear: number;
  tasks: number;
  reports: number;
  reminders: number;
}

const FIXTURE = join(PROJECT_ROOT, 'server', 'src', 'modules', 'plans', 'fixtures', 'demo-city-plan.txt');

/** The moment of an event: its day at a time typical for it, never after `now`. */
function stamp(date: string, time: string, now: Date): Date {
  const at = new Date(`${date}T${time}:00+08:00`);
  return at.getTime() > now.getTime() ? now : at;
}
const TIME: Record<DemoEvent['kind'], string> = { report: '09:30', review: '15:00', remind: '10:30', respond: '16:30' };

export async function seedPlansDemo(db: Database, domain: Domain, opts: { today?: string } = {}): Promise<PlansDemoReport> {
  const existing = await findPlanBySourceName(db, DEMO_PLAN_SOURCE);
  if (existing) {
    return { skipped: true, planId: existing.id, firstYear: Number((existing.issuedDate ?? todayInChina(existing.createdAt)).slice(0, 4)), tasks: 0, reports: 0, reminders: 0 };
  }
  const today = opts.today ?? todayInChina();
  const now = new Date(Math.min(Date.now(), Date.parse(`${today}T23:59:00+08:00`)));
  const years = demoPlanYears(today);
  const dates = demoPlanDates(years);
  const calendar = await domain.calendar.get(db);
  const calendarOf = (ctx: Ctx) => ctx.domain.calendar.get(ctx.db);
  const [office, chief] = await Promise.all([ctxOfUser(db, domain, DEMO_AUTHORS.qualityOffice), ctxOfUser(db, domain, DEMO_AUTHORS.approver)]);

  // Import through the real path: the document's text parsed into a draft.
  const { plan: imported } = await importPlan(office, { text: demoPlanText(readFileSync(FIXTURE, 'utf8'), years), sourceName: DEMO_PLAN_SOURCE });
  // Review: every printed unit must have matched the directory (it is our own fixture), and the
  // office sets when each item falls due and when the plan ends.
  if (unmappedNames(imported.draft).length > 0) throw new Error(`demo plan: unmapped units ${unmappedNames(imported.draft).join('、')}`);
  const due = demoItemDueDates(years, today, calendar.addWorkingDays(today, 3));
  const setDue = (items: typeof imported.draft.items): typeof imported.draft.items => items.map((i) => ({ ...i, dueDate: due[i.path] ?? null, children: setDue(i.children) }));
  const reviewed = await savePlanDraft(office, imported.id, { version: imported.version, draft: { ...imported.draft, dueDate: `${years.y2}-12-31`, items: setDue(imported.draft.items) } });
  // Tasks in every state include overdue ones: the deadlines already passed are kept on purpose.
  const published = await publishPlan(chief, imported.id, { version: reviewed.version, pastDue: 'keep' });

  // Each task's story, played by the unit's person and the quality office.
  const tasks = await tasksOfPlan(db, imported.id);
  const districtCodes = [...new Set(tasks.filter((t) => /人民政府$/.test(t.deptName) && t.districtCode).map((t) => t.districtCode!))].sort();
  const printedNameOf = new Map<number, string>();
  for (const m of reviewed.draft.unitMappings) if (m.deptIds.length === 1) printedNameOf.set(m.deptIds[0]!, m.name);
  const people = new Map<string, Ctx>();
  const person = async (username: string) => {
    let ctx = people.get(username);
    if (!ctx) people.set(username, (ctx = await ctxOfUser(db, domain, username)));
    return ctx;
  };
  const back: Backdating = {
    plan: { id: imported.id, createdAt: stamp(dates.imported, '09:00', now), publishedAt: stamp(dates.published, '11:00', now) },
    reports: [],
    reminders: [],
    tasks: [],
    roundSubmissions: [],
  };
  let n = 0;
  for (const task of tasks) {
    const reporter = demoReporterOf({ name: task.deptName });
    const districtIndex = /人民政府$/.test(task.deptName) && task.districtCode ? districtCodes.indexOf(task.districtCode) : null;
    const fate = demoFate(task.itemPath, { districtIndex, printedName: printedNameOf.get(task.deptId) ?? null }, reporter !== null);
    const story = taskStory(fate, { itemPath: task.itemPath, due: task.dueDate, published: dates.published, today, n: n++ });
    let lastReport: { id: number; at: Date; percent: number } | null = null;
    let lastReminder: { id: number; at: Date; on: string } | null = null;
    let completedAt: Date | null = null;
    let updatedAt = back.plan.publishedAt;
    for (const e of story) {
      const at = stamp(e.on, TIME[e.kind], now);
      updatedAt = at;
      if (e.kind === 'report') {
        const r = await submitTaskReport(await person(reporter!), task.id, { text: e.text, percent: e.percent });
        lastReport = { id: r.id, at, percent: e.percent };
        back.reports.push({ id: r.id, submittedAt: at, reviewedAt: null });
      } else if (e.kind === 'review') {
        await reviewTaskReport(office, lastReport!.id, { decision: e.decision, comment: e.comment });
        back.reports.find((r) => r.id === lastReport!.id)!.reviewedAt = at;
        // An accepted report at 100 % completes the task (plans.rules statusAfterReview).
        if (e.decision === 'accept' && lastReport!.percent >= 100) completedAt = at;
      } else if (e.kind === 'remind') {
        const r = await remindTask(office, calendarOf, task.id, { message: e.message, respondWithinDays: e.respondWithinDays });
        lastReminder = { id: r.id, at, on: e.on };
        back.reminders.push({ id: r.id, createdAt: at, respondBy: calendar.addWorkingDays(e.on, e.respondWithinDays), respondedAt: null });
      } else {
        await respondToReminder(await person(reporter!), lastReminder!.id, { response: e.text });
        back.reminders.find((r) => r.id === lastReminder!.id)!.respondedAt = at;
      }
    }
    back.tasks.push({ id: task.id, lastReportAt: lastReport?.at ?? null, completedAt, updatedAt });
  }

  // Round reports (报送节点) from the units that sent theirs.
  const rounds = await listRounds(office, imported.id);
  const sent: { roundId: number; deptId: number; at: Date }[] = [];
  let k = 0;
  for (const round of rounds) {
    for (const unit of round.units) {
      const reporter = demoReporterOf({ name: unit.deptName });
      const s = roundSubmission(round.dueDate, { today, published: dates.published, n: k++ });
      if (!reporter || !s) continue;
      await submitRoundReport(await person(reporter), round.id, { text: s.text, deptId: unit.deptId });
      sent.push({ roundId: round.id, deptId: unit.deptId, at: stamp(s.on, '14:00', now) });
    }
  }
  for (const row of await roundSubmissionIds(db, rounds.map((r) => r.id))) {
    const s = sent.find((x) => x.roundId === row.roundId && x.deptId === row.deptId);
    if (s) back.roundSubmissions.push({ id: row.id, submittedAt: s.at });
  }

  // The figures the office recorded for the plan's indicators.
  const indicators = (await listIndicators(db, { planId: imported.id }, { offset: 0, limit: 200 })).rows.map((r) => r.indicator);
  for (const v of demoIndicatorValues(years, today)) {
    const indicator = indicators.find((i) => i.name === v.indicator);
    if (indicator) await recordIndicatorValue(office, indicator.id, { value: v.value, asOf: v.asOf, note: '市质量办根据部门统计数据录入' });
  }

  await db.transaction(async (tx) => {
    await backdate(tx, back);
    await appendAudit(tx, office, {
      action: 'plans.seed.demo',
      targetType: 'plan',
      targetId: imported.id,
      after: { today, published: dates.published, tasks: tasks.length, reports: back.reports.length, reminders: back.reminders.length, roundReports: back.roundSubmissions.length },
    });
  });
  return { skipped: false, planId: published.plan.id, firstYear: years.y0, tasks: tasks.length, reports: back.reports.length, reminders: back.reminders.length };
}

