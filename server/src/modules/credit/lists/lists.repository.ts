/** Credit lists, red/black rounds and credit settings: the only Drizzle-aware code of the list services. */
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, lte, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { HonourRoundQuery, ListEntryQuery } from '../../../../../contracts/credit-lists.js';
import type { Executor } from '../../../db/client.js';
import { pageWindow } from '../../../db/query-helpers.js';
import { scopePredicate, type DataScope } from '../../../platform/data-scope/data-scope.js';
import { archiveRecord, entity } from '../../entities/index.js';
import { creditHonourRound } from '../honours/honour.table.js';
import { creditListEntry, creditSetting } from './lists.table.js';
import { creditEvaluation } from '../scoring/scoring.table.js';

export type EntryRow = typeof creditListEntry.$inferSelect;
export type NewEntryRow = typeof creditListEntry.$inferInsert;
export type RoundRow = typeof creditHonourRound.$inferSelect;
export type EntryWithEntity = EntryRow & { uscc: string; entityName: string };

/** Statuses in which an entry is on the list (or about to be). */
export const ACTIVE_STATUSES = ['pending_approval', 'listed', 'published'] as const;

const withEntity = { e: creditListEntry, uscc: entity.uscc, entityName: entity.name };
const flatten = (x: { e: EntryRow; uscc: string; entityName: string }): EntryWithEntity => ({ ...x.e, uscc: x.uscc, entityName: x.entityName });

/** Entries joined to their entity's USCC and name (add the where, order and paging). */
function entriesWithEntity(db: Executor) {
  return db.select(withEntity).from(creditListEntry).innerJoin(entity, eq(entity.id, creditListEntry.entityId));
}

export async function insertEntry(db: Executor, values: NewEntryRow): Promise<EntryRow> {
  const [row] = await db.insert(creditListEntry).values(values).returning();
  return row!;
}

/** Rows per INSERT: below PostgreSQL's 65,535 bind parameters (a city-wide round has thousands of members). */
const ENTRY_CHUNK = 1_000;

/** Insert entries as given (a round's members, a seeding layer's load); returns their ids in that order. */
export async function insertEntries(db: Executor, values: readonly NewEntryRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += ENTRY_CHUNK) {
    const rows = await db.insert(creditListEntry).values(values.slice(i, i + ENTRY_CHUNK)).returning({ id: creditListEntry.id });
    for (const r of rows) ids.push(r.id);
  }
  return ids;
}

export async function findEntry(db: Executor, id: number): Promise<EntryWithEntity | null> {
  const [row] = await entriesWithEntity(db).where(eq(creditListEntry.id, id));
  return row ? flatten(row) : null;
}

/** Lock the entry for a state change inside a transaction. */
export async function lockEntry(db: Executor, id: number): Promise<EntryWithEntity | null> {
  const [row] = await entriesWithEntity(db)
    .where(eq(creditListEntry.id, id))
    .for('update', { of: creditListEntry });
  return row ? flatten(row) : null;
}

/** Update with the version check; null when someone else changed the entry meanwhile. */
export async function updateEntry(db: Executor, id: number, version: number, values: Partial<NewEntryRow>): Promise<EntryRow | null> {
  const [row] = await db
    .update(creditListEntry)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(creditListEntry.id, id), eq(creditListEntry.version, version)))
    .returning();
  return row ?? null;
}

export async function findActiveEntry(db: Executor, entityId: number, list: string): Promise<EntryRow | null> {
  const [row] = await db
    .select()
    .from(creditListEntry)
    .where(and(eq(creditListEntry.entityId, entityId), eq(creditListEntry.list, list), inArray(creditListEntry.status, [...ACTIVE_STATUSES])))
    .limit(1);
  return row ?? null;
}

export async function findEntryBySourceRecord(db: Executor, list: string, sourceRecordId: number): Promise<EntryRow | null> {
  const [row] = await db
    .select()
    .from(creditListEntry)
    .where(and(eq(creditListEntry.list, list), eq(creditListEntry.sourceRecordId, sourceRecordId)))
    .limit(1);
  return row ?? null;
}

/** Open steps (approve, publish, remove) whose deadline has passed on `today`. */
export function overdueWhere(today: string): SQL {
  return or(
    and(inArray(creditListEntry.status, ['pending_approval', 'listed']), isNotNull(creditListEntry.publishBy), lt(creditListEntry.publishBy, today)),
    and(
      inArray(creditListEntry.status, ['listed', 'published']),
      eq(creditListEntry.list, 'abnormal'),
      isNotNull(creditListEntry.removeBy),
      lt(creditListEntry.removeBy, today),
    ),
  )!;
}

/** A USCC, part of a name, or part of either decision's 文号 (officers look listings up by number). */
function keywordWhere(kw: string): SQL {
  const like = `%${kw.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(eq(entity.uscc, kw.toUpperCase()), ilike(entity.name, like), ilike(creditListEntry.decisionNo, like), ilike(creditListEntry.penaltyDecisionNo, like))!;
}

/** List entries are about regulated subjects: seen through the scope's territory, or as one's own enterprise. */
const ENTRY_SCOPE = { jurisdictionCode: creditListEntry.districtCode, enterpriseUscc: entity.uscc };

export async function listEntries(db: Executor, scope: DataScope, q: ListEntryQuery, today: string): Promise<{ rows: EntryWithEntity[]; total: number }> {
  const kw = q.keyword?.trim();
  const where = and(
    scopePredicate(scope, ENTRY_SCOPE),
    q.list ? eq(creditListEntry.list, q.list) : undefined,
    q.status ? eq(creditListEntry.status, q.status) : undefined,
    q.districtCode ? sql`${creditListEntry.districtCode} like ${`${q.districtCode}%`}` : undefined,
    q.roundId ? eq(creditListEntry.roundId, q.roundId) : undefined,
    kw ? keywordWhere(kw) : undefined,
    q.overdue === true ? overdueWhere(today) : q.overdue === false ? sql`not (${overdueWhere(today)})` : undefined,
  );
  const { offset, limit } = pageWindow(q.page, q.pageSize);
  const rows = await entriesWithEntity(db)
    .where(where)
    .orderBy(desc(creditListEntry.decisionDate), desc(creditListEntry.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(creditListEntry).innerJoin(entity, eq(entity.id, creditListEntry.entityId)).where(where);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

export async function entriesOfEntity(db: Executor, entityId: number): Promise<EntryWithEntity[]> {
  const rows = await entriesWithEntity(db)
    .where(eq(creditListEntry.entityId, entityId))
    .orderBy(desc(creditListEntry.decisionDate), desc(creditListEntry.id));
  return rows.map(flatten);
}

/** Entries whose automatic end (removal, end of publication, expiry) has come. */
export async function entriesDueForAutoEnd(db: Executor, today: string): Promise<EntryWithEntity[]> {
  const rows = await entriesWithEntity(db)
    .where(
      and(
        inArray(creditListEntry.list, ['serious-violation', 'penalty-publication', 'red', 'black']),
        inArray(creditListEntry.status, ['listed', 'published']),
        isNotNull(creditListEntry.autoRemoveOn),
        lte(creditListEntry.autoRemoveOn, today),
      ),
    )
    .orderBy(asc(creditListEntry.id));
  return rows.map(flatten);
}

/** Active entries, for recomputing overdue flags. */
export async function activeEntries(db: Executor): Promise<EntryRow[]> {
  return db.select().from(creditListEntry).where(inArray(creditListEntry.status, [...ACTIVE_STATUSES])).orderBy(asc(creditListEntry.id));
}

export async function setFlags(db: Executor, id: number, flags: string[]): Promise<void> {
  await db.update(creditListEntry).set({ flags }).where(eq(creditListEntry.id, id));
}

/** Re-derived working-day deadlines (the daily clock, after a calendar change). */
export async function setDeadlines(db: Executor, id: number, changes: { publishBy?: string | null; removeBy?: string | null }): Promise<void> {
  await db.update(creditListEntry).set(changes).where(eq(creditListEntry.id, id));
}

/** Entries with an open step (for the dashboard), in scope. */
export async function openStepEntries(db: Executor, scope: DataScope): Promise<EntryWithEntity[]> {
  const rows = await entriesWithEntity(db)
    .where(
      and(
        scopePredicate(scope, ENTRY_SCOPE),
        or(
          inArray(creditListEntry.status, ['pending_approval', 'listed']),
          and(eq(creditListEntry.list, 'abnormal'), eq(creditListEntry.status, 'published'), isNotNull(creditListEntry.curedOn)),
        ),
        ne(creditListEntry.list, 'red'),
        ne(creditListEntry.list, 'black'),
      ),
    )
    .orderBy(asc(creditListEntry.publishBy), asc(creditListEntry.id))
    .limit(2000);
  return rows.map(flatten);
}

/** Entries in scope that carry a flag for a step taken late. */
export async function countLateFlags(db: Executor, scope: DataScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(creditListEntry)
    .innerJoin(entity, eq(entity.id, creditListEntry.entityId))
    .where(
      and(
        scopePredicate(scope, ENTRY_SCOPE),
        sql`${creditListEntry.flags} ?| array['listed_late','published_late','removed_late']`,
      ),
    );
  return row?.n ?? 0;
}

// ── Settings ──────────────────────────────────────────────────────────────────

export async function getSetting(db: Executor, key: string): Promise<unknown> {
  const [row] = await db.select().from(creditSetting).where(eq(creditSetting.key, key));
  return row ? row.value : undefined;
}

export async function putSetting(db: Executor, key: string, value: unknown, by: string): Promise<void> {
  await db
    .insert(creditSetting)
    .values({ key, value, updatedBy: by })
    .onConflictDoUpdate({ target: creditSetting.key, set: { value, updatedBy: by, updatedAt: new Date() } });
}

export async function deleteSetting(db: Executor, key: string): Promise<void> {
  await db.delete(creditSetting).where(eq(creditSetting.key, key));
}

// ── Red and black rounds ──────────────────────────────────────────────────────

export async function insertRound(db: Executor, values: typeof creditHonourRound.$inferInsert): Promise<RoundRow> {
  const [row] = await db.insert(creditHonourRound).values(values).returning();
  return row!;
}

export async function findRound(db: Executor, id: number, lock = false): Promise<RoundRow | null> {
  const q = db.select().from(creditHonourRound).where(eq(creditHonourRound.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateRound(db: Executor, id: number, version: number, values: Partial<typeof creditHonourRound.$inferInsert>): Promise<RoundRow | null> {
  const [row] = await db
    .update(creditHonourRound)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(creditHonourRound.id, id), eq(creditHonourRound.version, version)))
    .returning();
  return row ?? null;
}

export async function listRounds(db: Executor, q: HonourRoundQuery): Promise<{ rows: (RoundRow & { members: number })[]; total: number }> {
  const where = and(q.list ? eq(creditHonourRound.list, q.list) : undefined, q.status ? eq(creditHonourRound.status, q.status) : undefined);
  const { offset, limit } = pageWindow(q.page, q.pageSize);
  const members = sql<number>`(select count(*) from ${creditListEntry} m where m.round_id = "credit_honour_round"."id")`.mapWith(Number);
  const rows = await db.select({ r: creditHonourRound, members }).from(creditHonourRound).where(where).orderBy(desc(creditHonourRound.id)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(creditHonourRound).where(where);
  return { rows: rows.map((x) => ({ ...x.r, members: x.members })), total: total?.n ?? 0 };
}

export async function roundMembers(db: Executor, roundId: number): Promise<EntryWithEntity[]> {
  const rows = await entriesWithEntity(db)
    .where(eq(creditListEntry.roundId, roundId))
    .orderBy(asc(entity.uscc));
  return rows.map(flatten);
}

export async function deleteRoundMembers(db: Executor, roundId: number): Promise<void> {
  await db.delete(creditListEntry).where(and(eq(creditListEntry.roundId, roundId), eq(creditListEntry.status, 'pending_approval')));
}

export async function setRoundMembersStatus(db: Executor, roundId: number, values: Partial<NewEntryRow>): Promise<void> {
  await db.update(creditListEntry).set({ ...values, updatedAt: new Date() }).where(eq(creditListEntry.roundId, roundId));
}

export async function approvedRoundsDue(db: Executor, today: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(creditHonourRound)
    .where(and(eq(creditHonourRound.status, 'approved'), isNotNull(creditHonourRound.scheduledOn), lte(creditHonourRound.scheduledOn, today)));
}

export interface HonourCandidateRow {
  entityId: number;
  districtCode: string;
  grade: string | null;
  lastPenaltyOn: string | null;
  activeLists: string[];
}

/**
 * Every registered entity with its grade, last effective penalty and the lists it is actively on.
 * Drizzle renders a column inside a sql`` subquery unqualified ("id"), which the subquery would bind
 * to its own table, so the outer columns are written out qualified.
 */
export async function honourCandidates(db: Executor): Promise<HonourCandidateRow[]> {
  const lastPenalty = sql<string | null>`(select max(r.occurred_on)::text from ${archiveRecord} r
      where r.entity_id = "entity"."id" and r.kind = 'penalty' and not r.retracts
        and not exists (select 1 from ${archiveRecord} c where c.corrects_id = r.id))`;
  const lists = sql<string[]>`coalesce((select array_agg(distinct l.list) from ${creditListEntry} l
      where l.entity_id = "entity"."id" and l.status in ('listed', 'published') and l.list in ('serious-violation', 'abnormal', 'penalty-publication')), '{}')`;
  const rows = await db
    .select({ entityId: entity.id, districtCode: entity.districtCode, grade: creditEvaluation.grade, lastPenaltyOn: lastPenalty, activeLists: lists })
    .from(entity)
    .leftJoin(creditEvaluation, and(eq(creditEvaluation.entityId, entity.id), eq(creditEvaluation.kind, 'grade')))
    .orderBy(asc(entity.id));
  return rows.map((r) => ({ ...r, entityId: Number(r.entityId), activeLists: r.activeLists ?? [] }));
}

