/** Repair and objection applications (credit_application): the only Drizzle-aware code of the repair use cases. */
import { and, asc, count, desc, eq, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { ApplicationListQuery } from '../../../../../contracts/credit-repair.js';
import type { Executor } from '../../../db/client.js';
import { pageWindow } from '../../../db/query-helpers.js';
import { scopePredicate, type DataScope } from '../../../platform/data-scope/data-scope.js';
import { entity } from '../../entities/index.js';
import { creditListEntry } from '../lists/lists.table.js';
import { creditApplication } from './repair.table.js';
import { ACTIVE_ENTRY_STATUSES } from './repair.rules.js';

export type ApplicationRow = typeof creditApplication.$inferSelect;
export type NewApplicationRow = typeof creditApplication.$inferInsert;
export type EntryRow = typeof creditListEntry.$inferSelect;

export interface ApplicationJoined {
  app: ApplicationRow;
  uscc: string;
  entityName: string;
  list: string;
  publicationStoppedOn: string | null;
}

/** Applications are about regulated subjects: seen through the scope's territory, or as one's own enterprise. */
const SCOPE_COLS = { jurisdictionCode: creditApplication.districtCode, enterpriseUscc: entity.uscc };

export async function findListEntry(db: Executor, id: number): Promise<EntryRow | null> {
  const [row] = await db.select().from(creditListEntry).where(eq(creditListEntry.id, id));
  return row ?? null;
}

/** The entity's entries in force (listed or published). */
export async function activeEntriesOf(db: Executor, entityId: number): Promise<EntryRow[]> {
  return db
    .select()
    .from(creditListEntry)
    .where(and(eq(creditListEntry.entityId, entityId), inArray(creditListEntry.status, [...ACTIVE_ENTRY_STATUSES])))
    .orderBy(creditListEntry.id);
}

/** An application of `kind` on the entry that is still being handled. */
export async function openApplicationOn(db: Executor, entryId: number, kind: string): Promise<ApplicationRow | null> {
  const [row] = await db
    .select()
    .from(creditApplication)
    .where(and(eq(creditApplication.entryId, entryId), eq(creditApplication.kind, kind), inArray(creditApplication.status, ['submitted', 'accepted'])))
    .limit(1);
  return row ?? null;
}

/** Insert an application; null when one of the same kind is already open on the entry (a concurrent submit). */
export async function insertApplication(db: Executor, values: NewApplicationRow): Promise<ApplicationRow | null> {
  const [row] = await db.insert(creditApplication).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Update when `version` still matches; null when someone else saved first. */
export async function updateApplication(db: Executor, id: number, version: number, values: Partial<NewApplicationRow>): Promise<ApplicationRow | null> {
  const [row] = await db
    .update(creditApplication)
    .set({ ...values, version: sql`${creditApplication.version} + 1`, updatedAt: new Date() })
    .where(and(eq(creditApplication.id, id), eq(creditApplication.version, version)))
    .returning();
  return row ?? null;
}

const joinedColumns = {
  app: creditApplication,
  uscc: entity.uscc,
  entityName: entity.name,
  list: creditListEntry.list,
  publicationStoppedOn: creditListEntry.publicationStoppedOn,
};

/** Applications with a step still to take (submitted or accepted), for the daily clock. */
export async function openApplications(db: Executor): Promise<ApplicationRow[]> {
  return db.select().from(creditApplication).where(inArray(creditApplication.status, ['submitted', 'accepted'])).orderBy(asc(creditApplication.id));
}

/** Re-derived step deadlines (the daily clock, after a calendar change). */
export async function setApplicationDeadlines(db: Executor, id: number, changes: { acceptBy?: string | null; decideBy?: string | null }): Promise<void> {
  const { acceptBy, decideBy } = changes;
  // accept_by is required: a derived acceptance deadline is never null.
  await db
    .update(creditApplication)
    .set({ ...(acceptBy ? { acceptBy } : {}), ...(decideBy !== undefined ? { decideBy } : {}) })
    .where(eq(creditApplication.id, id));
}

export async function findApplication(db: Executor, id: number): Promise<ApplicationJoined | null> {
  const [row] = await db
    .select(joinedColumns)
    .from(creditApplication)
    .innerJoin(entity, eq(entity.id, creditApplication.entityId))
    .innerJoin(creditListEntry, eq(creditListEntry.id, creditApplication.entryId))
    .where(eq(creditApplication.id, id));
  return row ?? null;
}

/** Overdue predicates, one per step, relative to `today`. */
function overdueSteps(today: string) {
  return {
    accept: and(eq(creditApplication.status, 'submitted'), lt(creditApplication.acceptBy, today)),
    decide: and(inArray(creditApplication.status, ['submitted', 'accepted']), lt(creditApplication.decideBy, today)),
    stop: and(eq(creditApplication.status, 'approved'), lt(creditApplication.stopBy, today), isNull(creditListEntry.publicationStoppedOn)),
  };
}

export async function listApplications(db: Executor, scope: DataScope, q: ApplicationListQuery, today: string): Promise<{ rows: ApplicationJoined[]; total: number }> {
  const steps = overdueSteps(today);
  const where: (SQL | undefined)[] = [
    scopePredicate(scope, SCOPE_COLS),
    q.kind ? eq(creditApplication.kind, q.kind) : undefined,
    q.status ? eq(creditApplication.status, q.status) : undefined,
    q.uscc ? eq(entity.uscc, q.uscc.toUpperCase()) : undefined,
  ];
  if (q.overdue === 'true') where.push(sql`(${steps.accept} or ${steps.decide} or ${steps.stop})`);
  const cond = and(...where);
  const { offset, limit } = pageWindow(q.page, q.pageSize);
  const base = () =>
    db
      .select(joinedColumns)
      .from(creditApplication)
      .innerJoin(entity, eq(entity.id, creditApplication.entityId))
      .innerJoin(creditListEntry, eq(creditListEntry.id, creditApplication.entryId));
  const rows = await base().where(cond).orderBy(desc(creditApplication.id)).limit(limit).offset(offset);
  const [total] = await db
    .select({ n: count() })
    .from(creditApplication)
    .innerJoin(entity, eq(entity.id, creditApplication.entityId))
    .innerJoin(creditListEntry, eq(creditListEntry.id, creditApplication.entryId))
    .where(cond);
  return { rows, total: total?.n ?? 0 };
}

/** Overdue steps in scope, and steps falling due by `soonBy`, for the dashboard. */
export async function countAlerts(db: Executor, scope: DataScope, today: string, soonBy: string): Promise<{ accept: number; decide: number; stop: number; soon: number }> {
  const steps = overdueSteps(today);
  const scopeWhere = scopePredicate(scope, SCOPE_COLS);
  const n = (p: SQL | undefined) => sql<number>`count(*) filter (where ${p})`.mapWith(Number);
  const soon = sql`(${creditApplication.status} = 'submitted' and ${creditApplication.acceptBy} between ${today} and ${soonBy})
    or (${creditApplication.status} in ('submitted', 'accepted') and ${creditApplication.decideBy} between ${today} and ${soonBy})
    or (${creditApplication.status} = 'approved' and ${creditListEntry.publicationStoppedOn} is null and ${creditApplication.stopBy} between ${today} and ${soonBy})`;
  const [row] = await db
    .select({ accept: n(steps.accept), decide: n(steps.decide), stop: n(steps.stop), soon: n(soon) })
    .from(creditApplication)
    .innerJoin(entity, eq(entity.id, creditApplication.entityId))
    .innerJoin(creditListEntry, eq(creditListEntry.id, creditApplication.entryId))
    .where(and(scopeWhere, ne(creditApplication.status, 'withdrawn')));
  return { accept: row?.accept ?? 0, decide: row?.decide ?? 0, stop: row?.stop ?? 0, soon: row?.soon ?? 0 };
}
