/**
 * Enterprise submissions (企业报送) waiting for, or past, an officer's review: self-declarations and
 * commitments reach the archive (and so the grade and the portal) only when approved. Carries the
 * entity's district for data scope, like every table hanging off an entity carries `entity_id`.
 */
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { entity } from './entities.table.js';

export const archiveSubmission = pgTable(
  'archive_submission',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' })
      .notNull()
      .references(() => entity.id),
    /** The entity's district when submitted, for the reviewers' data scope. */
    districtCode: varchar('district_code', { length: 6 }).notNull(),
    /** self_declaration | commitment (ENTERPRISE_ARCHIVE_KINDS). */
    kind: varchar('kind', { length: 24 }).notNull(),
    title: varchar('title', { length: 300 }),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** pending → approved (the archive record is written) | rejected (with the reason). */
    status: varchar('status', { length: 12 }).notNull(),
    submittedBy: varchar('submitted_by', { length: 64 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    reviewedBy: varchar('reviewed_by', { length: 64 }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    rejectReason: varchar('reject_reason', { length: 500 }),
    /** The archive record written on approval. */
    recordId: bigint('record_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('archive_submission_entity_idx').on(t.entityId, t.submittedAt),
    // The reviewers' queue: pending ones in their districts, oldest first.
    index('archive_submission_pending_idx').on(t.districtCode, t.submittedAt).where(sql`${t.status} = 'pending'`),
  ],
);
