import { bigint, index, integer, jsonb, pgTable, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * The audit trail: one row per write, hash-chained. `hash` = SHA-256(prev_hash ‖ canonical JSON of
 * the row); `seq` is assigned under a row lock on `audit_head`, so it has no gaps and a removed row
 * shows as a break in the chain.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: integer('actor_id'),
    actorUsername: varchar('actor_username', { length: 64 }),
    actorRoles: text('actor_roles').array().notNull(),
    actorDeptId: integer('actor_dept_id'),
    actorDeptName: varchar('actor_dept_name', { length: 100 }),
    action: varchar('action', { length: 100 }).notNull(),
    targetType: varchar('target_type', { length: 100 }).notNull(),
    targetId: varchar('target_id', { length: 100 }),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: varchar('request_id', { length: 64 }),
    ip: varchar('ip', { length: 64 }),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_time_idx').on(t.occurredAt),
    index('audit_log_actor_idx').on(t.actorUsername),
  ],
);

/** The chain head (single row, id = 1): its row lock serialises appends; it also anchors the tail. */
export const auditHead = pgTable('audit_head', {
  id: smallint('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: varchar('hash', { length: 64 }).notNull(),
});
