import { index, integer, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { appUser } from './system.table.js';

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so a leaked
 * database does not hand out live sessions.
 */
export const userSession = pgTable(
  'user_session',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('user_session_user_idx').on(t.userId)],
);
