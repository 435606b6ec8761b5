/**
 * Year-end assessment (质量工作考核): schemes (configuration as one JSON document), the figures
 * entered per unit, the scored results and the units' rectification reports.
 */
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import type { IndicatorScore, PointEntry, VetoEntry } from '../../../../contracts/assessment.js';
import { department } from '../system/system.table.js';
import type { NamedPoints, NamedVeto, SchemeConfig } from './assessment.rules.js';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const assessmentScheme = pgTable(
  'assessment_scheme',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: varchar('name', { length: 200 }).notNull(),
    year: integer('year').notNull(),
    targetKind: varchar('target_kind', { length: 16 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('draft'),
    /** The assessed departments, in the order results list them when totals tie. */
    deptIds: integer('dept_ids').array().notNull(),
    config: jsonb('config').$type<SchemeConfig>().notNull(),
    /** 发文机关 of the 通报: the configured issuer when created, as printed once published. */
    issuer: varchar('issuer', { length: 200 }).notNull(),
    recipients: varchar('recipients', { length: 500 }).notNull(),
    /** 发文字号 of the 通报, given when the results are published (津质强办〔2026〕3号). */
    docNumber: varchar('doc_number', { length: 40 }),
    /** The 通报's 版头, 署名 and 印发机关 as published: later edits of the setting do not change an issued notice. */
    noticeIssuer: jsonb('notice_issuer').$type<{ name: string; mark: string; printer: string }>(),
    /** Optimistic concurrency for edits of the configuration. */
    version: integer('version').notNull().default(1),
    /** Bumped by every change to the configuration or the inputs: results scored at an older revision are stale. */
    revision: integer('revision').notNull().default(1),
    scoredRevision: integer('scored_revision'),
    scoredAt: timestamp('scored_at', { withTimezone: true, mode: 'date' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: varchar('published_by', { length: 64 }),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('assessment_scheme_year_idx').on(t.year, t.status)],
);

/** What was entered for one unit of a scheme (scores by indicator key, bonus/deduction/veto entries). */
export const assessmentInput = pgTable(
  'assessment_input',
  {
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => assessmentScheme.id, { onDelete: 'cascade' }),
    deptId: integer('dept_id')
      .notNull()
      .references(() => department.id),
    scores: jsonb('scores').$type<Record<string, number | null>>().notNull(),
    bonuses: jsonb('bonuses').$type<PointEntry[]>().notNull(),
    deductions: jsonb('deductions').$type<PointEntry[]>().notNull(),
    vetoes: jsonb('vetoes').$type<VetoEntry[]>().notNull(),
    updatedBy: varchar('updated_by', { length: 64 }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.deptId] })],
);

export interface ResultBreakdown {
  indicators: IndicatorScore[];
  bonuses: NamedPoints[];
  deductions: NamedPoints[];
  vetoes: NamedVeto[];
}

/** One unit's scored result. Re-scoring updates the row in place (its id stays). */
export const assessmentResult = pgTable(
  'assessment_result',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    schemeId: integer('scheme_id')
      .notNull()
      .references(() => assessmentScheme.id, { onDelete: 'cascade' }),
    deptId: integer('dept_id')
      .notNull()
      .references(() => department.id),
    /** The unit's name when scored: the published 通报 does not change if the department is renamed. */
    deptName: varchar('dept_name', { length: 100 }).notNull(),
    /** Copied from the department so data scope by district is one comparison. */
    districtCode: varchar('district_code', { length: 12 }),
    rank: integer('rank').notNull(),
    total: doublePrecision('total').notNull(),
    weightedSum: doublePrecision('weighted_sum').notNull(),
    bonus: doublePrecision('bonus').notNull(),
    deduction: doublePrecision('deduction').notNull(),
    grade: varchar('grade', { length: 10 }).notNull(),
    vetoed: boolean('vetoed').notNull(),
    needsRectification: boolean('needs_rectification').notNull(),
    breakdown: jsonb('breakdown').$type<ResultBreakdown>().notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('assessment_result_scheme_dept_uq').on(t.schemeId, t.deptId), index('assessment_result_dept_idx').on(t.deptId)],
);

/** 整改: a unit's report on how it remedies the shortfalls of its result, and the office's decision. */
export const assessmentRectification = pgTable(
  'assessment_rectification',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    resultId: integer('result_id')
      .notNull()
      .references(() => assessmentResult.id, { onDelete: 'cascade' }),
    report: text('report').notNull(),
    measures: text('measures').notNull(),
    completionDate: date('completion_date', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('submitted'),
    submittedBy: varchar('submitted_by', { length: 64 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    reviewComment: text('review_comment'),
    reviewedBy: varchar('reviewed_by', { length: 64 }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('assessment_rectification_result_idx').on(t.resultId)],
);
