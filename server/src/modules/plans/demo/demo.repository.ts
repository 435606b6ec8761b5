/**
 * Reads and writes of the demo's quality work that the use cases do not offer: finding the demo
 * plan, listing its tasks with what the stories need, and dating what the stories did on the days
 * they say (the use cases stamp their rows with the moment the demo is loaded).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { department } from '../../system/system.table.js';
import { plan, planItem, planTask, roundSubmission, taskReminder, taskReport } from '../plans.table.js';

export async function findPlanBySourceName(db: Executor, sourceName: string): Promise<{ id: number; issuedDate: string | null; createdAt: Date } | null> {
  const [row] = await db.select({ id: plan.id, issuedDate: plan.issuedDate, createdAt: plan.createdAt }).from(plan).where(eq(plan.sourceName, sourceName)).orderBy(asc(plan.id)).limit(1);
  return row ?? null;
}

export interface DemoTaskRow {
  id: number;
  itemPath: string;
  dueDate: string;
  deptId: number;
  deptName: string;
  districtCode: string | null;
}

/** A plan's tasks in document order, with their departments. */
export async function tasksOfPlan(db: Executor, planId: number): Promise<DemoTaskRow[]> {
  return db
    .select({ id: planTask.id, itemPath: planItem.path, dueDate: planTask.dueDate, deptId: planTask.deptId, deptName: department.name, districtCode: planTask.districtCode })
    .from(planTask)
    .innerJoin(planItem, eq(planItem.id, planTask.itemId))
    .innerJoin(department, eq(department.id, planTask.deptId))
    .where(eq(planTask.planId, planId))
    .orderBy(asc(planItem.sort), asc(planTask.districtCode), asc(planTask.id));
}

export interface Backdating {
  plan: { id: number; createdAt: Date; publishedAt: Date };
  reports: { id: number; submittedAt: Date; reviewedAt: Date | null }[];
  reminders: { id: number; createdAt: Date; respondBy: string; respondedAt: Date | null }[];
  tasks: { id: number; lastReportAt: Date | null; completedAt: Date | null; updatedAt: Date }[];
  roundSubmissions: { id: number; submittedAt: Date }[];
}

/** Date the demo's rows on the days their stories say. */
export async function backdate(db: Executor, b: Backdating): Promise<void> {
  await db.update(plan).set({ createdAt: b.plan.createdAt, updatedAt: b.plan.publishedAt, publishedAt: b.plan.publishedAt }).where(eq(plan.id, b.plan.id));
  await db.update(planTask).set({ createdAt: b.plan.publishedAt, updatedAt: b.plan.publishedAt }).where(eq(planTask.planId, b.plan.id));
  for (const r of b.reports) await db.update(taskReport).set({ submittedAt: r.submittedAt, reviewedAt: r.reviewedAt }).where(eq(taskReport.id, r.id));
  for (const r of b.reminders) await db.update(taskReminder).set({ createdAt: r.createdAt, respondBy: r.respondBy, respondedAt: r.respondedAt }).where(eq(taskReminder.id, r.id));
  for (const t of b.tasks) await db.update(planTask).set({ lastReportAt: t.lastReportAt, completedAt: t.completedAt, updatedAt: t.updatedAt }).where(eq(planTask.id, t.id));
  for (const s of b.roundSubmissions) await db.update(roundSubmission).set({ submittedAt: s.submittedAt }).where(eq(roundSubmission.id, s.id));
}

/** The round submissions of a plan's rounds by department (their ids, to date them). */
export async function roundSubmissionIds(db: Executor, roundIds: readonly number[]): Promise<{ id: number; roundId: number; deptId: number }[]> {
  if (roundIds.length === 0) return [];
  return db.select({ id: roundSubmission.id, roundId: roundSubmission.roundId, deptId: roundSubmission.deptId }).from(roundSubmission).where(and(inArray(roundSubmission.roundId, [...roundIds])));
}
