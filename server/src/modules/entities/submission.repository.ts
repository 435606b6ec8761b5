/** Enterprise submissions: the only Drizzle-aware code of the review use cases. */
import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { SubmissionQuery } from '../../../../contracts/submissions.js';
import type { Executor } from '../../db/client.js';
import { pageWindow } from '../../db/query-helpers.js';
import { scopePredicate, type DataScope } from '../../platform/data-scope/data-scope.js';
import { ENTITY_SCOPE } from './entities.repository.js';
import { entity } from './entities.table.js';
import { archiveSubmission } from './submission.table.js';

export type SubmissionRow = typeof archiveSubmission.$inferSelect;
export type SubmissionWithEntity = SubmissionRow & { uscc: string; entityName: string };

const withEntity = { s: archiveSubmission, uscc: entity.uscc, entityName: entity.name };
const flatten = (x: { s: SubmissionRow; uscc: string; entityName: string }): SubmissionWithEntity => ({ ...x.s, uscc: x.uscc, entityName: x.entityName });

export async function insertSubmission(db: Executor, values: typeof archiveSubmission.$inferInsert): Promise<SubmissionRow> {
  const [row] = await db.insert(archiveSubmission).values(values).returning();
  return row!;
}

export async function findSubmission(db: Executor, id: number): Promise<SubmissionWithEntity | null> {
  const [row] = await db.select(withEntity).from(archiveSubmission).innerJoin(entity, eq(entity.id, archiveSubmission.entityId)).where(eq(archiveSubmission.id, id));
  return row ? flatten(row) : null;
}

/** Lock a submission for its review, inside the reviewer's transaction. */
export async function lockSubmission(db: Executor, id: number): Promise<SubmissionWithEntity | null> {
  const [row] = await db
    .select(withEntity)
    .from(archiveSubmission)
    .innerJoin(entity, eq(entity.id, archiveSubmission.entityId))
    .where(eq(archiveSubmission.id, id))
    .for('update', { of: archiveSubmission });
  return row ? flatten(row) : null;
}

/** Update with the version check; null when someone else reviewed it meanwhile. */
export async function updateSubmission(db: Executor, id: number, version: number, values: Partial<typeof archiveSubmission.$inferInsert>): Promise<SubmissionRow | null> {
  const [row] = await db
    .update(archiveSubmission)
    .set({ ...values, version: version + 1 })
    .where(and(eq(archiveSubmission.id, id), eq(archiveSubmission.version, version)))
    .returning();
  return row ?? null;
}

/**
 * The reviewers' list: the entity in the reader's scope (the registry's own scope columns, so the
 * queue covers exactly the entities the officer may see), filters, pending ones oldest first
 * (first come, first reviewed), decided ones newest first.
 */
export async function listSubmissions(db: Executor, scope: DataScope, q: SubmissionQuery): Promise<{ rows: SubmissionWithEntity[]; total: number }> {
  const kw = q.keyword?.trim();
  const where = and(
    scopePredicate(scope, ENTITY_SCOPE),
    q.status ? eq(archiveSubmission.status, q.status) : undefined,
    q.kind ? eq(archiveSubmission.kind, q.kind) : undefined,
    kw ? (or(eq(entity.uscc, kw.toUpperCase()), ilike(entity.name, `%${kw.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)) as SQL) : undefined,
  );
  const { offset, limit } = pageWindow(q.page, q.pageSize);
  const order = q.status === 'pending' ? [asc(archiveSubmission.submittedAt), asc(archiveSubmission.id)] : [desc(archiveSubmission.submittedAt), desc(archiveSubmission.id)];
  const rows = await db
    .select(withEntity)
    .from(archiveSubmission)
    .innerJoin(entity, eq(entity.id, archiveSubmission.entityId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(archiveSubmission).innerJoin(entity, eq(entity.id, archiveSubmission.entityId)).where(where);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

/** One entity's submissions, newest first (the enterprise's own view and the entity page). */
export async function submissionsOfEntity(db: Executor, entityId: number): Promise<SubmissionWithEntity[]> {
  const rows = await db
    .select(withEntity)
    .from(archiveSubmission)
    .innerJoin(entity, eq(entity.id, archiveSubmission.entityId))
    .where(eq(archiveSubmission.entityId, entityId))
    .orderBy(desc(archiveSubmission.submittedAt), desc(archiveSubmission.id))
    .limit(200);
  return rows.map(flatten);
}
