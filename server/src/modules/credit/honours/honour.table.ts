/** The quality-credit red and black lists (红黑榜), published in rounds. */
import { date, integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** A red or black list round (红黑榜): compiled from criteria, approved, then published. */
export const creditHonourRound = pgTable('credit_honour_round', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  /** red | black */
  list: varchar('list', { length: 8 }).notNull(),
  title: varchar('title', { length: 200 }).notNull(),
  /** e.g. 2026-H2 */
  period: varchar('period', { length: 16 }).notNull(),
  criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull(),
  /** draft → pending_approval → published; rejected goes back to draft. */
  status: varchar('status', { length: 20 }).notNull(),
  scheduledOn: date('scheduled_on', { mode: 'string' }),
  publishedOn: date('published_on', { mode: 'string' }),
  validUntil: date('valid_until', { mode: 'string' }),
  createdBy: varchar('created_by', { length: 64 }).notNull(),
  approvedBy: varchar('approved_by', { length: 64 }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
