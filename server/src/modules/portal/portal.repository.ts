/**
 * Reads of the public credit lookup. Everything here is what the public may see: list entries
 * while published, public archive records as corrected, the grade (never the risk class).
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pageWindow } from '../../db/query-helpers.js';
import { archiveRecord, entity, tsQueryOf } from '../entities/index.js';
import { creditHonourRound, creditListEntry } from '../credit/lists.table.js';
import { creditEvaluation } from '../credit/scoring.table.js';
import { district } from '../system/system.table.js';

export type PublicEntityRow = Pick<
  typeof entity.$inferSelect,
  'id' | 'uscc' | 'name' | 'formerNames' | 'entityType' | 'legalRep' | 'address' | 'districtCode' | 'industrySection' | 'industryDivision' | 'status' | 'establishedOn'
> & { district: string | null };

const PUBLIC_ENTITY_COLUMNS = {
  id: entity.id,
  uscc: entity.uscc,
  name: entity.name,
  formerNames: entity.formerNames,
  entityType: entity.entityType,
  legalRep: entity.legalRep,
  address: entity.address,
  districtCode: entity.districtCode,
  industrySection: entity.industrySection,
  industryDivision: entity.industryDivision,
  status: entity.status,
  establishedOn: entity.establishedOn,
  district: district.name,
};

/** Registry columns the public may see (no contacts, no quality officer). */
export async function findPublicEntity(db: Executor, uscc: string): Promise<PublicEntityRow | null> {
  const [row] = await db.select(PUBLIC_ENTITY_COLUMNS).from(entity).leftJoin(district, eq(district.code, entity.districtCode)).where(eq(entity.uscc, uscc));
  return row ?? null;
}

export async function gradeOf(db: Executor, entityId: number): Promise<{ grade: string; computedAt: Date } | null> {
  const [row] = await db
    .select({ grade: creditEvaluation.grade, computedAt: creditEvaluation.computedAt })
    .from(creditEvaluation)
    .where(and(eq(creditEvaluation.entityId, entityId), eq(creditEvaluation.kind, 'grade')));
  return row ?? null;
}

export interface PublicListRow {
  list: string;
  grounds: string;
  groundsText: string | null;
  decisionNo: string | null;
  decisionDate: string;
  publishedOn: string | null;
  autoRemoveOn: string | null;
  restrictionUntil: string | null;
  roundValidUntil: string | null;
  sourceRecordId: number | null;
}

/**
 * Entries published today: serious-violation entries once published (Order 44 Art. 14) until
 * removed; the abnormal list while listed (it is public from listing, Order 101 of 2025);
 * penalty publications within their period and not stopped (Order 45 Art. 13–14); red and black
 * lists of a published round still valid.
 */
export function publishedNow(today: string): SQL {
  const notRemoved = and(isNull(creditListEntry.removedOn), isNull(creditListEntry.publicationStoppedOn));
  return or(
    and(eq(creditListEntry.list, 'serious-violation'), eq(creditListEntry.status, 'published'), notRemoved),
    and(eq(creditListEntry.list, 'abnormal'), inArray(creditListEntry.status, ['listed', 'published']), notRemoved),
    and(
      eq(creditListEntry.list, 'penalty-publication'),
      inArray(creditListEntry.status, ['listed', 'published']),
      notRemoved,
      or(isNull(creditListEntry.autoRemoveOn), gt(creditListEntry.autoRemoveOn, today)),
    ),
    and(
      inArray(creditListEntry.list, ['red', 'black']),
      eq(creditListEntry.status, 'published'),
      notRemoved,
      sql`exists (select 1 from ${creditHonourRound} r where r.id = ${creditListEntry.roundId} and r.status = 'published' and (r.valid_until is null or r.valid_until >= ${today}))`,
    ),
  )!;
}

export async function publishedListEntries(db: Executor, entityId: number, today: string): Promise<PublicListRow[]> {
  return db
    .select({
      list: creditListEntry.list,
      grounds: creditListEntry.grounds,
      groundsText: creditListEntry.groundsText,
      decisionNo: creditListEntry.decisionNo,
      decisionDate: creditListEntry.decisionDate,
      publishedOn: creditListEntry.publishedOn,
      autoRemoveOn: creditListEntry.autoRemoveOn,
      restrictionUntil: creditListEntry.restrictionUntil,
      roundValidUntil: creditHonourRound.validUntil,
      sourceRecordId: creditListEntry.sourceRecordId,
    })
    .from(creditListEntry)
    .leftJoin(creditHonourRound, eq(creditHonourRound.id, creditListEntry.roundId))
    .where(and(eq(creditListEntry.entityId, entityId), publishedNow(today)))
    .orderBy(desc(creditListEntry.decisionDate), asc(creditListEntry.id));
}

/** Ids of penalty records whose publication period has not ended (entries of any status ever made). */
export async function penaltyRecordsWithEntries(db: Executor, entityId: number): Promise<Set<number>> {
  const rows = await db
    .select({ id: creditListEntry.sourceRecordId })
    .from(creditListEntry)
    .where(and(eq(creditListEntry.entityId, entityId), eq(creditListEntry.list, 'penalty-publication')));
  return new Set(rows.map((r) => r.id).filter((v): v is number => v !== null));
}

export type PublicRecordRow = Pick<typeof archiveRecord.$inferSelect, 'id' | 'kind' | 'title' | 'occurredOn' | 'correctsId' | 'payload'>;

/**
 * Public records since a date, as corrected: records a later record corrects are left out (the
 * correction stands in their place), and retractions withdraw the record they name.
 */
export async function publicRecords(db: Executor, entityId: number, since: string, limit: number): Promise<PublicRecordRow[]> {
  return db
    .select({ id: archiveRecord.id, kind: archiveRecord.kind, title: archiveRecord.title, occurredOn: archiveRecord.occurredOn, correctsId: archiveRecord.correctsId, payload: archiveRecord.payload })
    .from(archiveRecord)
    .where(
      and(
        eq(archiveRecord.entityId, entityId),
        eq(archiveRecord.visibility, 'public'),
        eq(archiveRecord.retracts, false),
        gte(archiveRecord.occurredOn, since),
        sql`not exists (select 1 from ${archiveRecord} c where c.corrects_id = ${archiveRecord.id})`,
      ),
    )
    .orderBy(desc(archiveRecord.occurredOn), desc(archiveRecord.id))
    .limit(limit);
}

export interface PublicSearchRow {
  uscc: string;
  name: string;
  districtCode: string;
  district: string | null;
  grade: string | null;
}

const gradeColumn = sql<string | null>`(select ce.grade from ${creditEvaluation} ce where ce.entity_id = ${entity.id} and ce.kind = 'grade')`;

/** Matches ranked at most: paging stops at 50 pages of 20, and ranking a million matches of "天津" helps nobody. */
export const PUBLIC_SEARCH_CANDIDATES = 1_000;

/**
 * Name search as the registry does it (jieba tokens behind the full-text index, pg_trgm for what
 * segmentation misses, exact current and former names), ranked by match quality. Unlike the
 * officers' registry the public one ranks a bounded candidate set: the exact name, then up to
 * 1,000 token matches; trigram similarity is the fallback when no token matches, because on a
 * registry where most names share 天津…有限公司 a similarity scan touches most rows.
 */
export async function searchByName(db: Executor, name: string, page: number, pageSize: number): Promise<{ rows: PublicSearchRow[]; total: number }> {
  const tsq = tsQueryOf(name);
  const exact = sql`(select e.id from ${entity} e where e.name = ${name} or ${name} = any(e.former_names))`;
  const tokens = tsq ? sql`(select e.id from ${entity} e where to_tsvector('simple', e.search_text) @@ to_tsquery('simple', ${tsq}) limit ${PUBLIC_SEARCH_CANDIDATES})` : undefined;
  const similar = sql`(select e.id from ${entity} e where e.name % ${name} order by similarity(e.name, ${name}) desc limit ${PUBLIC_SEARCH_CANDIDATES})`;
  const run = async (candidates: SQL) => {
    const ids = sql`(select distinct id from (${candidates}) c)`;
    const rank = sql`(case when ${entity.name} = ${name} then 2 else 0 end) + similarity(${entity.name}, ${name})${tsq ? sql` + ts_rank(to_tsvector('simple', ${entity.searchText}), to_tsquery('simple', ${tsq}))` : sql``}`;
    const { offset, limit } = pageWindow(page, pageSize);
    const rows = await db
      .select({ uscc: entity.uscc, name: entity.name, districtCode: entity.districtCode, district: district.name, grade: gradeColumn })
      .from(entity)
      .leftJoin(district, eq(district.code, entity.districtCode))
      .where(sql`${entity.id} in ${ids}`)
      .orderBy(desc(rank), asc(entity.id))
      .limit(limit)
      .offset(offset);
    const [total] = await db.select({ n: count() }).from(entity).where(sql`${entity.id} in ${ids}`);
    return { rows, total: total?.n ?? 0 };
  };
  const first = await run(tokens ? sql`${exact} union all ${tokens}` : exact);
  if (first.total > 0) return first;
  return run(sql`${exact} union all ${similar}`);
}
