/** Joint sanctions (联合惩戒): the rules by list and grade, and the register of who looked an entity up. */
import { bigint, index, integer, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Consequences by list and grade (联合惩戒), editable by the credit office. */
export const creditSanctionRule = pgTable(
  'credit_sanction_rule',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** list:serious-violation | list:abnormal | list:black | grade:D … */
    trigger: varchar('trigger', { length: 32 }).notNull(),
    measure: varchar('measure', { length: 48 }).notNull(),
    description: varchar('description', { length: 500 }).notNull(),
    basis: varchar('basis', { length: 300 }).notNull(),
    /** Departments that apply the measure (names, free text). */
    appliedBy: varchar('applied_by', { length: 300 }),
    status: varchar('status', { length: 8 }).notNull().default('active'),
    updatedBy: varchar('updated_by', { length: 64 }).notNull(),
    updatedAt: updatedAt(),
  },
  // The seed is idempotent on (trigger, measure): re-seeding never overwrites the office's edits.
  (t) => [uniqueIndex('credit_sanction_rule_uq').on(t.trigger, t.measure)],
);

/** Every sanctions query (who asked about whom, for what), as the issue requires. */
export const creditSanctionQuery = pgTable(
  'credit_sanction_query',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    entityId: bigint('entity_id', { mode: 'number' }),
    queriedBy: varchar('queried_by', { length: 64 }).notNull(),
    deptName: varchar('dept_name', { length: 200 }),
    purpose: varchar('purpose', { length: 200 }),
    measures: integer('measures').notNull(),
    ip: varchar('ip', { length: 64 }),
    queriedAt: timestamp('queried_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('credit_sanction_query_uscc_idx').on(t.uscc, t.queriedAt)],
);
