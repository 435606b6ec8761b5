/** Plans, items, tasks, reports and reminders: the only Drizzle-aware code of the plans module. */
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PlanDraft, TaskStatus, UnitRole } from '../../../../contracts/plans.js';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/query-helpers.js';
import { scopePredicate, type DataScope, type ScopeColumns } from '../../platform/data-scope/data-scope.js';
import { department, district } from '../system/system.table.js';
import { indicatorValue, plan, planIndicator, planItem, planRound, planTask, roundSubmission, taskReminder, taskReport } from './plans.table.js';

export type PlanRow = typeof plan.$inferSelect;
export type NewPlanRow = typeof plan.$inferInsert;
export type TaskRow = typeof planTask.$inferSelect;
export type ReportRow = typeof taskReport.$inferSelect;
export type ReminderRow = typeof taskReminder.$inferSelect;

export const TASK_SCOPE: ScopeColumns = { deptId: planTask.deptId, districtCode: planTask.districtCode };

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for every table here. */
const CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

// ─── Plans ──────────────────────────────────────────────────────────────────────────────────────

export async function insertPlan(db: Executor, values: NewPlanRow): Promise<PlanRow> {
  const [row] = await db.insert(plan).values(values).returning();
  return row!;
}

export async function findPlan(db: Executor, id: number): Promise<PlanRow | null> {
  const [row] = await db.select().from(plan).where(eq(plan.id, id));
  return row ?? null;
}

export async function findPlanBySourceHash(db: Executor, hash: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(plan).where(eq(plan.sourceHash, hash));
  return row ?? null;
}

export interface PlanStats {
  itemCount: number;
  taskCount: number;
  completedTasks: number;
}

export async function planStats(db: Executor, ids: readonly number[]): Promise<Map<number, PlanStats>> {
  if (ids.length === 0) return new Map();
  const [items, tasks] = await Promise.all([
    db.select({ planId: planItem.planId, n: count() }).from(planItem).where(inArray(planItem.planId, [...ids])).groupBy(planItem.planId),
    db
      .select({ planId: planTask.planId, n: count(), done: sql<number>`count(*) filter (where ${planTask.status} = 'completed')`.mapWith(Number) })
      .from(planTask)
      .where(inArray(planTask.planId, [...ids]))
      .groupBy(planTask.planId),
  ]);
  const itemsOf = new Map(items.map((r) => [r.planId, r.n]));
  const tasksOf = new Map(tasks.map((r) => [r.planId, r]));
  return new Map(ids.map((id) => [id, { itemCount: itemsOf.get(id) ?? 0, taskCount: tasksOf.get(id)?.n ?? 0, completedTasks: tasksOf.get(id)?.done ?? 0 }]));
}

export async function listPlans(
  db: Executor,
  f: { keyword?: string | undefined; status?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ rows: PlanRow[]; total: number }> {
  const parts: (SQL | undefined)[] = [];
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    parts.push(or(ilike(plan.title, k), ilike(plan.docNumber, k), ilike(plan.issuer, k)));
  }
  if (f.status) parts.push(eq(plan.status, f.status));
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db.select().from(plan).where(where).orderBy(desc(plan.updatedAt), desc(plan.id)).offset(page.offset).limit(page.limit),
    db.select({ n: count() }).from(plan).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Save a draft if it is still a draft at `version`; null when it is not (stale or published). */
export async function updateDraft(db: Executor, id: number, version: number, draft: PlanDraft): Promise<PlanRow | null> {
  const [row] = await db
    .update(plan)
    .set({
      draft,
      title: draft.title,
      docNumber: draft.docNumber,
      issuer: draft.issuer,
      issuedDate: draft.issuedDate,
      dueDate: draft.dueDate,
      version: sql`${plan.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(plan.id, id), eq(plan.version, version), eq(plan.status, 'draft')))
    .returning();
  return row ?? null;
}

/**
 * Mark a draft published if it is still a draft at `version` (one of two concurrent publishes
 * wins), with the draft as published when it changed on the way (past deadlines moved).
 */
export async function markPublished(db: Executor, id: number, version: number, by: string, draft: PlanDraft | null): Promise<PlanRow | null> {
  const now = new Date();
  const [row] = await db
    .update(plan)
    .set({ status: 'published', version: sql`${plan.version} + 1`, publishedAt: now, publishedBy: by, updatedAt: now, ...(draft ? { draft, dueDate: draft.dueDate } : {}) })
    .where(and(eq(plan.id, id), eq(plan.version, version), eq(plan.status, 'draft')))
    .returning();
  return row ?? null;
}

export async function deleteDraftPlan(db: Executor, id: number): Promise<boolean> {
  const rows = await db
    .delete(plan)
    .where(and(eq(plan.id, id), eq(plan.status, 'draft')))
    .returning({ id: plan.id });
  return rows.length > 0;
}

// ─── Publishing ─────────────────────────────────────────────────────────────────────────────────

export interface NewItem {
  path: string;
  parentPath: string | null;
  level: number;
  number: string;
  heading: string | null;
  text: string;
  sort: number;
  dueDate: string | null;
}

/** Insert a plan's items (parents before children) and return their ids by path. */
export async function insertItems(db: Executor, planId: number, items: readonly NewItem[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  // Parents first, level by level, so each child knows its parent's id.
  for (const level of [1, 2, 3, 4]) {
    const rows = items.filter((i) => i.level === level);
    await insertChunked(rows, async (chunk) => {
      const inserted = await db
        .insert(planItem)
        .values(
          chunk.map((i) => ({
            planId,
            parentId: i.parentPath ? (ids.get(i.parentPath) ?? null) : null,
            path: i.path,
            level: i.level,
            number: i.number,
            heading: i.heading,
            text: i.text,
            sort: i.sort,
            dueDate: i.dueDate,
          })),
        )
        .returning({ id: planItem.id, path: planItem.path });
      for (const r of inserted) ids.set(r.path, r.id);
    });
  }
  return ids;
}

export async function insertTasks(db: Executor, rows: readonly (typeof planTask.$inferInsert)[]): Promise<void> {
  await insertChunked(rows, (chunk) => db.insert(planTask).values(chunk));
}

export async function insertIndicators(db: Executor, rows: readonly (typeof planIndicator.$inferInsert)[]): Promise<void> {
  await insertChunked(rows, (chunk) => db.insert(planIndicator).values(chunk));
}

// ─── Tasks ──────────────────────────────────────────────────────────────────────────────────────

const taskColumns = {
  task: planTask,
  planTitle: plan.title,
  itemPath: planItem.path,
  itemHeading: planItem.heading,
  itemText: planItem.text,
  deptName: department.name,
  deptAncestors: department.ancestors,
  openReminders: sql<number>`(select count(*) from ${taskReminder} where ${taskReminder.taskId} = ${planTask.id} and ${taskReminder.respondedAt} is null)`.mapWith(
    Number,
  ),
};

export type TaskJoined = { task: TaskRow; planTitle: string; itemPath: string; itemHeading: string | null; itemText: string; deptName: string; deptAncestors: string; openReminders: number };

export interface TaskFilter {
  keyword?: string | undefined;
  planId?: number | undefined;
  deptId?: number | undefined;
  role?: UnitRole | undefined;
  status?: TaskStatus | undefined;
  /** Open tasks due from `from` to `to` inclusive (ISO dates). */
  dueBetween?: { from: string; to: string } | undefined;
  /** Open tasks due before this date. */
  dueBefore?: string | undefined;
  withOpenReminders?: boolean | undefined;
}

function taskWhere(scope: DataScope, f: TaskFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [scopePredicate(scope, TASK_SCOPE)];
  // The keyword searches what the task is about; the unit has its own filter (deptId), so that
  // 市商务局 finds that unit's tasks and not every item whose text names it.
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    parts.push(or(ilike(planItem.text, k), ilike(planItem.heading, k), ilike(planItem.path, k), ilike(plan.title, k)));
  }
  if (f.planId) parts.push(eq(planTask.planId, f.planId));
  if (f.deptId) parts.push(eq(planTask.deptId, f.deptId));
  if (f.role) parts.push(eq(planTask.role, f.role));
  if (f.status) parts.push(eq(planTask.status, f.status));
  if (f.dueBetween) parts.push(ne(planTask.status, 'completed'), gte(planTask.dueDate, f.dueBetween.from), lte(planTask.dueDate, f.dueBetween.to));
  if (f.dueBefore) parts.push(ne(planTask.status, 'completed'), lt(planTask.dueDate, f.dueBefore));
  if (f.withOpenReminders) {
    parts.push(sql`exists (select 1 from ${taskReminder} where ${taskReminder.taskId} = ${planTask.id} and ${taskReminder.respondedAt} is null)`);
  }
  return and(...parts);
}

function joinedTasks(db: Executor) {
  return db
    .select(taskColumns)
    .from(planTask)
    .innerJoin(plan, eq(plan.id, planTask.planId))
    .innerJoin(planItem, eq(planItem.id, planTask.itemId))
    .innerJoin(department, eq(department.id, planTask.deptId));
}

export async function listTasks(db: Executor, scope: DataScope, f: TaskFilter, page: { offset: number; limit: number }): Promise<{ rows: TaskJoined[]; total: number }> {
  const where = taskWhere(scope, f);
  const [rows, [total]] = await Promise.all([
    joinedTasks(db).where(where).orderBy(asc(planTask.dueDate), asc(planTask.planId), asc(planItem.sort), asc(planTask.id)).offset(page.offset).limit(page.limit),
    db
      .select({ n: count() })
      .from(planTask)
      .innerJoin(plan, eq(plan.id, planTask.planId))
      .innerJoin(planItem, eq(planItem.id, planTask.itemId))
      .innerJoin(department, eq(department.id, planTask.deptId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Of `ids`, the tasks in `scope` (others — unknown or out of scope — are simply absent). */
export async function findTasks(db: Executor, ids: readonly number[], scope: DataScope): Promise<TaskJoined[]> {
  if (ids.length === 0) return [];
  return joinedTasks(db).where(and(inArray(planTask.id, [...ids]), scopePredicate(scope, TASK_SCOPE)));
}

/** The departments holding tasks in `scope` (of one plan, or of all), with their number of tasks, by name. */
export async function taskUnits(db: Executor, scope: DataScope, planId: number | undefined): Promise<{ deptId: number; deptName: string; districtCode: string | null; tasks: number }[]> {
  return db
    .select({ deptId: planTask.deptId, deptName: department.name, districtCode: department.districtCode, tasks: count() })
    .from(planTask)
    .innerJoin(department, eq(department.id, planTask.deptId))
    .where(and(scopePredicate(scope, TASK_SCOPE), planId ? eq(planTask.planId, planId) : undefined))
    .groupBy(planTask.deptId, department.name, department.districtCode, department.sort)
    .orderBy(asc(department.sort), asc(department.name));
}

export async function findTask(db: Executor, id: number, scope: DataScope): Promise<TaskJoined | null> {
  const [row] = await joinedTasks(db).where(and(eq(planTask.id, id), scopePredicate(scope, TASK_SCOPE)));
  return row ?? null;
}

export async function setTaskProgress(db: Executor, id: number, values: { status: TaskStatus; percent?: number; lastReportAt?: Date; completedAt?: Date }): Promise<void> {
  await db
    .update(planTask)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(planTask.id, id));
}

// ─── Reports and reminders ──────────────────────────────────────────────────────────────────────

export async function insertReport(db: Executor, values: typeof taskReport.$inferInsert): Promise<ReportRow> {
  const [row] = await db.insert(taskReport).values(values).returning();
  return row!;
}

export async function findReport(db: Executor, id: number): Promise<ReportRow | null> {
  const [row] = await db.select().from(taskReport).where(eq(taskReport.id, id));
  return row ?? null;
}

/** Decide on a report still awaiting review; null when someone decided first. */
export async function decideReport(db: Executor, id: number, values: { status: 'accepted' | 'returned'; reviewComment: string | null; reviewedBy: string }): Promise<ReportRow | null> {
  const [row] = await db
    .update(taskReport)
    .set({ ...values, reviewedAt: new Date() })
    .where(and(eq(taskReport.id, id), eq(taskReport.status, 'submitted')))
    .returning();
  return row ?? null;
}

/** Earlier reports of a task still awaiting review: a new report supersedes them. */
export async function withdrawPendingReports(db: Executor, taskId: number, by: string): Promise<void> {
  await db
    .update(taskReport)
    .set({ status: 'returned', reviewComment: '已被新的报告取代 Superseded by a newer report', reviewedBy: by, reviewedAt: new Date() })
    .where(and(eq(taskReport.taskId, taskId), eq(taskReport.status, 'submitted')));
}

export async function reportsOfTask(db: Executor, taskId: number): Promise<ReportRow[]> {
  return db.select().from(taskReport).where(eq(taskReport.taskId, taskId)).orderBy(desc(taskReport.submittedAt), desc(taskReport.id));
}

export async function countReportsToReview(db: Executor, scope: DataScope, planId?: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(taskReport)
    .innerJoin(planTask, eq(planTask.id, taskReport.taskId))
    .where(and(eq(taskReport.status, 'submitted'), scopePredicate(scope, TASK_SCOPE), planId ? eq(planTask.planId, planId) : undefined));
  return row?.n ?? 0;
}

export async function insertReminder(db: Executor, values: typeof taskReminder.$inferInsert): Promise<ReminderRow> {
  const [row] = await db.insert(taskReminder).values(values).returning();
  return row!;
}

/** Several reminders at once, returned in the order given. */
export async function insertReminders(db: Executor, values: readonly (typeof taskReminder.$inferInsert)[]): Promise<ReminderRow[]> {
  const out: ReminderRow[] = [];
  await insertChunked(values, async (chunk) => {
    out.push(...(await db.insert(taskReminder).values(chunk).returning()));
  });
  return out;
}

export async function findReminder(db: Executor, id: number): Promise<ReminderRow | null> {
  const [row] = await db.select().from(taskReminder).where(eq(taskReminder.id, id));
  return row ?? null;
}

export async function answerReminder(db: Executor, id: number, values: { response: string; respondedBy: string }): Promise<ReminderRow | null> {
  const [row] = await db
    .update(taskReminder)
    .set({ ...values, respondedAt: new Date() })
    .where(and(eq(taskReminder.id, id), isNull(taskReminder.respondedAt)))
    .returning();
  return row ?? null;
}

export async function remindersOfTask(db: Executor, taskId: number): Promise<ReminderRow[]> {
  return db.select().from(taskReminder).where(eq(taskReminder.taskId, taskId)).orderBy(desc(taskReminder.createdAt), desc(taskReminder.id));
}

// ─── Indicators ─────────────────────────────────────────────────────────────────────────────────

export type IndicatorRow = typeof planIndicator.$inferSelect;
export type IndicatorValueRow = typeof indicatorValue.$inferSelect;
export type IndicatorJoined = { indicator: IndicatorRow; planTitle: string; itemPath: string | null; latest: IndicatorValueRow | null };

/** The latest value of each indicator (by date described, then by entry), as one JSON object. */
const latestValue = sql<unknown>`(
    select json_build_object('id', v.id, 'indicatorId', v.indicator_id, 'value', v.value, 'asOf', v.as_of, 'source', v.source, 'note', v.note, 'recordedBy', v.recorded_by, 'recordedAt', v.recorded_at)
    from ${indicatorValue} v where v.indicator_id = ${planIndicator.id} order by v.as_of desc, v.id desc limit 1)`;

function indicatorRows(db: Executor) {
  return db
    .select({ indicator: planIndicator, planTitle: plan.title, itemPath: planItem.path, latest: latestValue })
    .from(planIndicator)
    .innerJoin(plan, eq(plan.id, planIndicator.planId))
    .leftJoin(planItem, eq(planItem.id, planIndicator.itemId));
}

/** json_build_object returns dates as text: turn the latest value back into a row. */
function reviveLatest(r: { indicator: IndicatorRow; planTitle: string; itemPath: string | null; latest: unknown }): IndicatorJoined {
  const l = r.latest as (Omit<IndicatorValueRow, 'recordedAt'> & { recordedAt: string }) | null;
  return { ...r, latest: l ? { ...l, recordedAt: new Date(l.recordedAt) } : null };
}

/**
 * Indicators, newest plans first. With a `scope`, only those of plans in which the scope holds
 * tasks (a unit sees the targets of the plans it works on, not every plan's).
 */
export async function listIndicators(
  db: Executor,
  f: { keyword?: string | undefined; planId?: number | undefined; scope?: DataScope | undefined },
  page: { offset: number; limit: number },
): Promise<{ rows: IndicatorJoined[]; total: number }> {
  const scoped = f.scope && !f.scope.all ? sql`exists (select 1 from ${planTask} where ${planTask.planId} = ${planIndicator.planId} and ${scopePredicate(f.scope, TASK_SCOPE)})` : undefined;
  const where = and(f.planId ? eq(planIndicator.planId, f.planId) : undefined, f.keyword ? ilike(planIndicator.name, containsPattern(f.keyword)) : undefined, scoped);
  const [rows, [total]] = await Promise.all([
    indicatorRows(db).where(where).orderBy(desc(planIndicator.planId), asc(planIndicator.id)).offset(page.offset).limit(page.limit),
    db.select({ n: count() }).from(planIndicator).where(where),
  ]);
  return { rows: rows.map(reviveLatest), total: total?.n ?? 0 };
}

export async function findIndicator(db: Executor, id: number): Promise<IndicatorJoined | null> {
  const [row] = await indicatorRows(db).where(eq(planIndicator.id, id));
  return row ? reviveLatest(row) : null;
}

export async function valuesOfIndicator(db: Executor, id: number): Promise<IndicatorValueRow[]> {
  return db.select().from(indicatorValue).where(eq(indicatorValue.indicatorId, id)).orderBy(desc(indicatorValue.asOf), desc(indicatorValue.id));
}

export async function insertIndicatorValue(db: Executor, values: typeof indicatorValue.$inferInsert): Promise<IndicatorValueRow> {
  const [row] = await db.insert(indicatorValue).values(values).returning();
  return row!;
}

export async function setIndicatorBaseline(db: Executor, id: number, baseline: number | null): Promise<void> {
  await db.update(planIndicator).set({ baseline }).where(eq(planIndicator.id, id));
}

// ─── Dashboard and assessment figures ───────────────────────────────────────────────────────────

export interface CompletionCounts {
  tasks: number;
  completed: number;
  overdue: number;
}

const completionColumns = (today: string) => ({
  tasks: count(),
  completed: sql<number>`count(*) filter (where ${planTask.status} = 'completed')`.mapWith(Number),
  overdue: sql<number>`count(*) filter (where ${planTask.status} <> 'completed' and ${planTask.dueDate} < ${today})`.mapWith(Number),
});

function dashboardWhere(scope: DataScope, planId: number | undefined): SQL | undefined {
  return and(scopePredicate(scope, TASK_SCOPE), planId ? eq(planTask.planId, planId) : undefined);
}

export async function taskCountsByStatus(db: Executor, scope: DataScope, planId: number | undefined): Promise<{ status: string; count: number }[]> {
  return db.select({ status: planTask.status, count: count() }).from(planTask).where(dashboardWhere(scope, planId)).groupBy(planTask.status);
}

export async function completionByUnit(db: Executor, scope: DataScope, planId: number | undefined, today: string): Promise<(CompletionCounts & { deptId: number; deptName: string })[]> {
  return db
    .select({ deptId: planTask.deptId, deptName: department.name, ...completionColumns(today) })
    .from(planTask)
    .innerJoin(department, eq(department.id, planTask.deptId))
    .where(dashboardWhere(scope, planId))
    .groupBy(planTask.deptId, department.name)
    .orderBy(desc(count()), asc(department.name));
}

export async function completionByDistrict(db: Executor, scope: DataScope, planId: number | undefined, today: string): Promise<(CompletionCounts & { districtCode: string })[]> {
  const rows = await db
    .select({ districtCode: planTask.districtCode, ...completionColumns(today) })
    .from(planTask)
    .where(and(dashboardWhere(scope, planId), sql`${planTask.districtCode} is not null`))
    .groupBy(planTask.districtCode)
    .orderBy(asc(planTask.districtCode));
  return rows.map((r) => ({ ...r, districtCode: r.districtCode! }));
}

export async function countPlansWithTasks(db: Executor, scope: DataScope, planId: number | undefined): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${planTask.planId})`.mapWith(Number) })
    .from(planTask)
    .where(dashboardWhere(scope, planId));
  return row?.n ?? 0;
}

/**
 * Per department, the tasks due in a year and how many were completed, and completed on time
 * (accepted at 100 % no later than the due date, China time). The assessment module scores these.
 */
export async function unitTaskStats(db: Executor, year: number): Promise<{ deptId: number; districtCode: string | null; tasks: number; completed: number; onTime: number }[]> {
  return db
    .select({
      deptId: planTask.deptId,
      districtCode: planTask.districtCode,
      tasks: count(),
      completed: sql<number>`count(*) filter (where ${planTask.status} = 'completed')`.mapWith(Number),
      onTime: sql<number>`count(*) filter (where ${planTask.status} = 'completed' and (${planTask.completedAt} at time zone 'Asia/Shanghai')::date <= ${planTask.dueDate})`.mapWith(Number),
    })
    .from(planTask)
    .where(and(gte(planTask.dueDate, `${year}-01-01`), lte(planTask.dueDate, `${year}-12-31`)))
    .groupBy(planTask.deptId, planTask.districtCode);
}

export async function districtNames(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: district.code, name: district.name }).from(district).where(inArray(district.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

// ─── Reporting rounds ───────────────────────────────────────────────────────────────────────────

export type RoundRow = typeof planRound.$inferSelect;
export type RoundSubmissionRow = typeof roundSubmission.$inferSelect;

export async function insertRounds(db: Executor, rows: readonly (typeof planRound.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(planRound).values([...rows]);
}

export async function roundsOfPlan(db: Executor, planId: number): Promise<RoundRow[]> {
  return db.select().from(planRound).where(eq(planRound.planId, planId)).orderBy(asc(planRound.dueDate), asc(planRound.id));
}

export async function findRound(db: Executor, id: number): Promise<RoundRow | null> {
  const [row] = await db.select().from(planRound).where(eq(planRound.id, id));
  return row ?? null;
}

export async function submissionsOfRounds(db: Executor, roundIds: readonly number[]): Promise<RoundSubmissionRow[]> {
  if (roundIds.length === 0) return [];
  return db.select().from(roundSubmission).where(inArray(roundSubmission.roundId, [...roundIds]));
}

/** The departments responsible for a plan's tasks, in the caller's scope, with what reporting rights need. */
export async function planUnits(db: Executor, planId: number, scope: DataScope): Promise<{ deptId: number; deptName: string; districtCode: string | null; deptAncestors: string }[]> {
  return db
    .selectDistinct({ deptId: planTask.deptId, deptName: department.name, districtCode: planTask.districtCode, deptAncestors: department.ancestors })
    .from(planTask)
    .innerJoin(department, eq(department.id, planTask.deptId))
    .where(and(eq(planTask.planId, planId), scopePredicate(scope, TASK_SCOPE)))
    .orderBy(department.name);
}

export interface PendingRoundRow {
  roundId: number;
  planId: number;
  planTitle: string;
  name: string;
  dueDate: string;
  deptId: number;
  deptName: string;
  districtCode: string | null;
  deptAncestors: string;
}

/**
 * Round reports not sent yet by units responsible for tasks in scope, for rounds due on or before
 * `until` (overdue ones included), earliest first: the units' 待报送 list.
 */
export async function pendingRoundReports(db: Executor, scope: DataScope, until: string, limit: number): Promise<PendingRoundRow[]> {
  const units = db
    .selectDistinct({ planId: planTask.planId, deptId: planTask.deptId, districtCode: planTask.districtCode })
    .from(planTask)
    .where(scopePredicate(scope, TASK_SCOPE))
    .as('u');
  return db
    .select({
      roundId: planRound.id,
      planId: planRound.planId,
      planTitle: plan.title,
      name: planRound.name,
      dueDate: planRound.dueDate,
      deptId: units.deptId,
      deptName: department.name,
      districtCode: units.districtCode,
      deptAncestors: department.ancestors,
    })
    .from(planRound)
    .innerJoin(plan, eq(plan.id, planRound.planId))
    .innerJoin(units, eq(units.planId, planRound.planId))
    .innerJoin(department, eq(department.id, units.deptId))
    .where(
      and(
        eq(plan.status, 'published'),
        lte(planRound.dueDate, until),
        sql`not exists (select 1 from ${roundSubmission} s where s.round_id = ${planRound.id} and s.dept_id = ${units.deptId})`,
      ),
    )
    .orderBy(asc(planRound.dueDate), asc(planRound.id), asc(department.name))
    .limit(limit);
}

/** Record a unit's report for a round; null when the unit has already reported. */
export async function insertRoundSubmission(db: Executor, values: typeof roundSubmission.$inferInsert): Promise<RoundSubmissionRow | null> {
  const [row] = await db.insert(roundSubmission).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function indicatorIdsOfPlan(db: Executor, planId: number): Promise<Set<number>> {
  const rows = await db.select({ id: planIndicator.id }).from(planIndicator).where(eq(planIndicator.planId, planId));
  return new Set(rows.map((r) => r.id));
}
