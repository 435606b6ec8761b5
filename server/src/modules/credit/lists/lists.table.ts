/**
 * Credit lists with their statutory clocks: 严重违法失信名单 (SAMR Order 44), 经营异常名录 (Order 101 of
 * 2025), penalty publication periods (Order 45), and the quality-credit red and black lists
 * (红黑榜, published in rounds). Every date a rule fixes is stored when the step that starts the clock
 * happens, so lists, countdowns and the dashboard read columns instead of recomputing calendars.
 */
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { entity } from '../../entities/entities.table.js';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const creditListEntry = pgTable(
  'credit_list_entry',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' })
      .notNull()
      .references(() => entity.id),
    /** serious-violation | abnormal | penalty-publication | red | black (dictionary credit_list). */
    list: varchar('list', { length: 24 }).notNull(),
    /** The entity's district, copied for data scope. */
    districtCode: varchar('district_code', { length: 6 }).notNull(),
    /** Grounds code (Order 44 Art. 5–11 field, abnormal-list reason 1–4, penalty type …). */
    grounds: varchar('grounds', { length: 48 }).notNull(),
    groundsText: text('grounds_text'),
    /**
     * The entry's own decision's 文号: the listing decision (津市监列严〔2026〕4号, Order 44 Art. 13;
     * 津市监异〔2026〕7号, Order 101 Art. 5), or for a penalty publication the penalty decision itself.
     */
    decisionNo: varchar('decision_no', { length: 100 }),
    /** The penalty decision the entry rests on (Order 44 Art. 2: a listing follows a heavier penalty; Order 45 publications). */
    penaltyDecisionNo: varchar('penalty_decision_no', { length: 100 }),
    /** The listing decision (or, for penalty publication, the penalty decision). */
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    /** The archive record this entry rests on (penalty record for Order 44/45 entries). */
    sourceRecordId: bigint('source_record_id', { mode: 'number' }),
    /** Deciding department. */
    deptId: integer('dept_id'),
    /**
     * pending_approval → listed → published → removed | revoked; rejected when the approver refuses.
     * Penalty publications start at `listed`.
     */
    status: varchar('status', { length: 20 }).notNull(),
    approvedBy: varchar('approved_by', { length: 64 }),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvalNo: varchar('approval_no', { length: 100 }),
    approvalComment: varchar('approval_comment', { length: 500 }),
    /** Publication must happen by this date (20 working days, Order 44 Art. 14 / Order 45 Art. 9). */
    publishBy: date('publish_by', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    /** Early removal / early stop may be applied for from this date. */
    earlyRemovalFrom: date('early_removal_from', { mode: 'string' }),
    /** Automatic removal (Order 44 Art. 21) or end of the publication period (Order 45 Art. 13). */
    autoRemoveOn: date('auto_remove_on', { mode: 'string' }),
    /** A legal restriction on business or employment running past the default period. */
    restrictionUntil: date('restriction_until', { mode: 'string' }),
    removedOn: date('removed_on', { mode: 'string' }),
    /** auto | early | cure | revoked | objection */
    removalKind: varchar('removal_kind', { length: 16 }),
    removalReason: varchar('removal_reason', { length: 500 }),
    /** When a removal or revocation was decided, publication must stop by this date (3 working days). */
    stopPublicationBy: date('stop_publication_by', { mode: 'string' }),
    publicationStoppedOn: date('publication_stopped_on', { mode: 'string' }),
    /** Red/black list round this entry belongs to. */
    roundId: integer('round_id'),
    /** Abnormal list: the day the ground arose (reporting period ended, order expired …); listing is due 10 working days later (Order 101 Art. 6–9). */
    triggerDate: date('trigger_date', { mode: 'string' }),
    /** Abnormal list: the day the entity cured the ground; removal is due by `removeBy` (5 working days, Order 101 Art. 11–14). */
    curedOn: date('cured_on', { mode: 'string' }),
    removeBy: date('remove_by', { mode: 'string' }),
    /** Statutory steps taken late or still overdue (listed_late, published_late, removed_late, publish_overdue, removal_overdue). */
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    /** Why the entry stands on weaker ground, e.g. no penalty record matched the decision number. */
    warning: varchar('warning', { length: 500 }),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('credit_list_entry_entity_idx').on(t.entityId, t.list),
    index('credit_list_entry_list_idx').on(t.list, t.status),
    index('credit_list_entry_district_idx').on(t.districtCode),
    /** One standing entry per entity on the serious-violation and abnormal lists (penalty publications are per penalty). */
    uniqueIndex('credit_list_entry_active_uq')
      .on(t.entityId, t.list)
      .where(sql`${t.status} in ('pending_approval', 'listed', 'published') and ${t.list} in ('serious-violation', 'abnormal')`),
    index('credit_list_entry_source_idx').on(t.sourceRecordId),
    index('credit_list_entry_round_idx').on(t.roundId),
  ],
);

/**
 * Credit settings a province fixes for itself, e.g. the 较低数额罚款 threshold of Order 45 Art. 13.
 * A missing key means the coded default (which the settings API reports as such).
 */
export const creditSetting = pgTable('credit_setting', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedBy: varchar('updated_by', { length: 64 }).notNull(),
  updatedAt: updatedAt(),
});
