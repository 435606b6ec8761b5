/** Credit repair and objections (信用修复管理办法; Order 44 Art. 22 objections): the applications against list entries. */
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { entity } from '../../entities/entities.table.js';
import { creditListEntry } from '../lists/lists.table.js';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * An application against a list entry: credit repair (early removal, early stop of publication,
 * removal from the abnormal list) or an objection to a listing. Each step stores its deadline.
 */
export const creditApplication = pgTable(
  'credit_application',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' })
      .notNull()
      .references(() => entity.id),
    entryId: integer('entry_id')
      .notNull()
      .references(() => creditListEntry.id),
    /** repair | objection */
    kind: varchar('kind', { length: 12 }).notNull(),
    districtCode: varchar('district_code', { length: 6 }).notNull(),
    /** submitted → accepted → approved | denied; not_accepted when refused at acceptance; withdrawn. */
    status: varchar('status', { length: 16 }).notNull(),
    /** repair: early_removal | stop_publication | abnormal_cure (REPAIR_TARGETS); null for objections. */
    target: varchar('target', { length: 20 }),
    reason: text('reason').notNull(),
    commitment: text('commitment'),
    /** The applicant's statement on how the harm was removed (消除不良影响). */
    harmRemoved: text('harm_removed'),
    /** Abnormal list: which listing ground was cured (ABNORMAL_CURES). */
    cure: varchar('cure', { length: 16 }),
    fileIds: integer('file_ids').array().notNull().default([]),
    /** The conditions as checked against the archive: [{ code, met, detail }]. */
    conditions: jsonb('conditions').$type<{ code: string; met: boolean; detail: string }[]>().notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    acceptBy: date('accept_by', { mode: 'string' }).notNull(),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    decideBy: date('decide_by', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionComment: varchar('decision_comment', { length: 1000 }),
    /** After a removal decision: publication stops by this date. */
    stopBy: date('stop_by', { mode: 'string' }),
    submittedBy: varchar('submitted_by', { length: 64 }).notNull(),
    handledBy: varchar('handled_by', { length: 64 }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('credit_application_entity_idx').on(t.entityId),
    index('credit_application_status_idx').on(t.status, t.kind),
    // One application of a kind in progress per entry (修复 or 异议): the database backs the 409.
    uniqueIndex('credit_application_open_uq').on(t.entryId, t.kind).where(sql`status in ('submitted', 'accepted')`),
  ],
);
