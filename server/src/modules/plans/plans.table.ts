/**
 * Action plans (行动计划), their items, the tasks published from them, progress reports and
 * formal reminders (督办). A plan is a draft (a JSON document edited as a whole during review)
 * until it is published; publishing materialises items, tasks and indicators as rows.
 */
import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar, date } from 'drizzle-orm/pg-core';
import type { PlanDraft } from '../../../../contracts/plans.js';
import { department } from '../system/system.table.js';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const plan = pgTable(
  'plan',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: varchar('title', { length: 200 }).notNull(),
    docNumber: varchar('doc_number', { length: 100 }),
    issuer: varchar('issuer', { length: 200 }),
    issuedDate: date('issued_date', { mode: 'string' }),
    status: varchar('status', { length: 16 }).notNull().default('draft'),
    sourceName: varchar('source_name', { length: 200 }),
    /** SHA-256 of the normalised text: importing the same document again finds this plan. */
    sourceHash: varchar('source_hash', { length: 64 }).notNull(),
    body: text('body').notNull(),
    spans: jsonb('spans').$type<Record<string, { start: number; end: number }>>().notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    draft: jsonb('draft').$type<PlanDraft>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Optimistic concurrency: a save or publish names the version it read. */
    version: integer('version').notNull().default(1),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: varchar('published_by', { length: 64 }),
  },
  (t) => [uniqueIndex('plan_source_hash_uq').on(t.sourceHash), index('plan_status_idx').on(t.status)],
);

export const planItem = pgTable(
  'plan_item',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id'),
    path: varchar('path', { length: 100 }).notNull(),
    level: integer('level').notNull(),
    number: varchar('number', { length: 20 }).notNull(),
    heading: varchar('heading', { length: 200 }),
    text: text('text').notNull(),
    sort: integer('sort').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
  },
  (t) => [uniqueIndex('plan_item_path_uq').on(t.planId, t.path)],
);

export const planTask = pgTable(
  'plan_task',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => planItem.id, { onDelete: 'cascade' }),
    deptId: integer('dept_id')
      .notNull()
      .references(() => department.id),
    /** The department's district, copied so data scope by district is one indexed comparison. */
    districtCode: varchar('district_code', { length: 12 }),
    role: varchar('role', { length: 16 }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    percent: integer('percent').notNull().default(0),
    lastReportAt: timestamp('last_report_at', { withTimezone: true, mode: 'date' }),
    /** When a report at 100 % was accepted: on-time completion compares this with the due date. */
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('plan_task_item_dept_uq').on(t.itemId, t.deptId),
    index('plan_task_plan_idx').on(t.planId),
    index('plan_task_dept_idx').on(t.deptId),
    index('plan_task_due_idx').on(t.dueDate, t.status),
  ],
);

export const taskReport = pgTable(
  'task_report',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => planTask.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    percent: integer('percent').notNull(),
    status: varchar('status', { length: 16 }).notNull().default('submitted'),
    /** Indicator values the unit says it reached; recorded on the indicators when the report is accepted. */
    indicatorValues: jsonb('indicator_values').$type<{ indicatorId: number; value: number }[]>().notNull().default([]),
    submittedBy: varchar('submitted_by', { length: 64 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    reviewComment: text('review_comment'),
    reviewedBy: varchar('reviewed_by', { length: 64 }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('task_report_task_idx').on(t.taskId), index('task_report_status_idx').on(t.status).where(sql`${t.status} = 'submitted'`)],
);

/** 督办: a formal reminder to a unit about a task, with the date it must answer by. */
export const taskReminder = pgTable(
  'task_reminder',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => planTask.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    respondBy: date('respond_by', { mode: 'string' }).notNull(),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: createdAt(),
    response: text('response'),
    respondedBy: varchar('responded_by', { length: 64 }),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('task_reminder_task_idx').on(t.taskId)],
);

/** A quantitative target of a published plan, tracked as an indicator. */
export const planIndicator = pgTable(
  'plan_indicator',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    itemId: integer('item_id').references(() => planItem.id, { onDelete: 'set null' }),
    name: varchar('name', { length: 200 }).notNull(),
    comparator: varchar('comparator', { length: 4 }).notNull(),
    targetValue: doublePrecision('target_value').notNull(),
    unit: varchar('unit', { length: 20 }),
    targetYear: integer('target_year'),
    baseline: doublePrecision('baseline'),
    sentence: text('sentence').notNull(),
  },
  (t) => [index('plan_indicator_plan_idx').on(t.planId)],
);

/**
 * A value an indicator reached, with where it came from: `manual` entry by the quality office, a
 * progress report, or another module feeding a computed figure (e.g. `sampling` → 抽查合格率).
 */
export const indicatorValue = pgTable(
  'indicator_value',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => planIndicator.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    /** The date the value describes (end of the period measured). */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    source: varchar('source', { length: 40 }).notNull(),
    note: text('note'),
    recordedBy: varchar('recorded_by', { length: 64 }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('indicator_value_indicator_idx').on(t.indicatorId, t.asOf)],
);

/**
 * A reporting round (报送节点): a date by which every responsible unit of a plan sends a report,
 * e.g. the half-year report or the year-end summary the document asks for.
 */
export const planRound = pgTable(
  'plan_round',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** To whom the report goes (报市质量工作领导小组办公室), when the document says. */
    recipient: varchar('recipient', { length: 100 }),
    /** The sentence of the document that set it, when it came from one. */
    sentence: text('sentence'),
  },
  (t) => [index('plan_round_plan_idx').on(t.planId)],
);

export const roundSubmission = pgTable(
  'round_submission',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => planRound.id, { onDelete: 'cascade' }),
    deptId: integer('dept_id')
      .notNull()
      .references(() => department.id),
    text: text('text').notNull(),
    submittedBy: varchar('submitted_by', { length: 64 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('round_submission_uq').on(t.roundId, t.deptId)],
);
