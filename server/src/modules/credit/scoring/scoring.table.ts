/**
 * Scoring (信用评价): versioned scoring models (data, not code) and each entity's current
 * evaluation per model kind with its explanation. `kind` is `grade` (quality-credit grade
 * AAA…D, published) or `risk` (credit-risk class A–D, internal only).
 */
import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

export const creditModel = pgTable(
  'credit_model',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: varchar('kind', { length: 8 }).notNull(),
    version: integer('version').notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    /** The model: indicators, weights, windows, decay, vetoes, grade bands (see scoring.rules.ts). */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    /** draft | active | retired; one active model per kind. */
    status: varchar('status', { length: 8 }).notNull(),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('credit_model_kind_version_uq').on(t.kind, t.version)],
);

export const creditEvaluation = pgTable(
  'credit_evaluation',
  {
    /**
     * An entity's id, with no foreign key: this table is derived (rebuilt from the archive by every
     * recompute, which reads the ids from `entity` itself), and entities are never deleted. The key
     * cost a full recompute 24 of its 117 s at 1,000,000 entities: one `FOR KEY SHARE` lookup per
     * inserted row (docs/BENCHMARKS.md, issue 4).
     */
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    kind: varchar('kind', { length: 8 }).notNull(),
    modelVersion: integer('model_version').notNull(),
    score: doublePrecision('score').notNull(),
    grade: varchar('grade', { length: 4 }).notNull(),
    vetoed: boolean('vetoed').notNull().default(false),
    /** Per indicator: points and the records that contributed (ids, points); vetoes that applied. */
    explanation: jsonb('explanation').$type<Record<string, unknown>>(),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.kind] }), index('credit_evaluation_grade_idx').on(t.kind, t.grade)],
);

/**
 * Bulk recomputes (on demand, and the monthly risk-class run): when each ran, on what date, how
 * long it took. The scheduler reads the last run of a kind to decide whether this month's is due.
 */
export const creditRecomputeRun = pgTable(
  'credit_recompute_run',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: varchar('kind', { length: 8 }).notNull(),
    modelVersion: integer('model_version').notNull(),
    /** The evaluation date windows and decay were measured from (China date). */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    entities: integer('entities').notNull(),
    ms: integer('ms').notNull(),
    /** manual | schedule | cli */
    trigger: varchar('trigger', { length: 16 }).notNull(),
    startedBy: varchar('started_by', { length: 64 }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('credit_recompute_run_kind_idx').on(t.kind, t.finishedAt)],
);
