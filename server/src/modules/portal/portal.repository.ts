/**
 * Reads of the public credit lookup. Everything here is what the public may see: list entries
 * while published, public archive records as corrected, the grade (never the risk class).
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pageWindow } from '../../db/query-helpers.js';
import { archiveRecord, entity, tsQueryOf } from '../entities/index.js';
import { creditHonourRound, creditListEntry } from '../credit/lists.table.js';
import { creditEvaluation } from '../credit/scoring.table.js';
import { district } from '../system/system.table.js';

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

export interface PublicRecordRow {
  id: number;
  kind: string;
  title: string;
  occurredOn: string;
  correctsId: number | null;
  payload: Record<string, unknown>;
}

export type PublicEntityRow = Pick<
  typeof entity.$inferSelect,
  'id' | 'uscc' | 'name' | 'formerNames' | 'entityType' | 'legalRep' | 'address' | 'districtCode' | 'industrySection' | 'industryDivision' | 'status' | 'establishedOn'
> & {
  district: string | null;
  grade: string | null;
  /** ISO 8601 (UTC) of the grade's computation. */
  gradeComputedAt: string | null;
  /** Lists the entity is published on today, newest decision first. */
  entries: PublicListRow[];
  /** Penalty records that ever had a publication entry, of any status (their publication decides their visibility). */
  penaltyRecordsWithEntries: number[];
  /** Public records since the cutoff as corrected: corrected originals and retractions left out, newest first. */
  records: PublicRecordRow[];
};

/**
 * Everything the public view of one entity needs, in ONE statement (a lookup is a single round
 * trip: at 500 requests/s the round trips, not the index probes, were the cost). Registry columns
 * the public may see (no contacts, no quality officer); the grade, never the risk class.
 * The outer table is named in the correlated subqueries because they are spliced as raw SQL.
 */
export async function findPublicEntity(db: Executor, uscc: string, opts: { today: string; recordsSince: string; recordLimit: number }): Promise<PublicEntityRow | null> {
  const outerId = sql`${entity}."id"`;
  const [row] = await db
    .select({
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
      grade: sql<string | null>`(select ce.grade from ${creditEvaluation} ce where ce.entity_id = ${outerId} and ce.kind = 'grade')`,
      gradeComputedAt: sql<string | null>`(select to_char(ce.computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from ${creditEvaluation} ce where ce.entity_id = ${outerId} and ce.kind = 'grade')`,
      entries: sql<PublicListRow[]>`(
        select coalesce(json_agg(json_build_object(
          'list', ${creditListEntry.list}, 'grounds', ${creditListEntry.grounds}, 'groundsText', ${creditListEntry.groundsText},
          'decisionNo', ${creditListEntry.decisionNo}, 'decisionDate', ${creditListEntry.decisionDate}, 'publishedOn', ${creditListEntry.publishedOn},
          'autoRemoveOn', ${creditListEntry.autoRemoveOn}, 'restrictionUntil', ${creditListEntry.restrictionUntil},
          'roundValidUntil', ${creditHonourRound.validUntil}, 'sourceRecordId', ${creditListEntry.sourceRecordId}
        ) order by ${creditListEntry.decisionDate} desc, ${creditListEntry.id}), '[]'::json)
        from ${creditListEntry} left join ${creditHonourRound} on ${creditHonourRound.id} = ${creditListEntry.roundId}
        where ${creditListEntry.entityId} = ${outerId} and ${publishedNow(opts.today)})`,
      // json, not an int8 array: drivers hand int8 arrays back as strings.
      penaltyRecordsWithEntries: sql<number[]>`(
        select coalesce(json_agg(p.source_record_id), '[]'::json) from ${creditListEntry} p
        where p.entity_id = ${outerId} and p.list = 'penalty-publication' and p.source_record_id is not null)`,
      records: sql<PublicRecordRow[]>`(
        select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'title', r.title, 'occurredOn', r.occurred_on, 'correctsId', r.corrects_id, 'payload', r.payload)
          order by r.occurred_on desc, r.id desc), '[]'::json)
        from (
          select a.id, a.kind, a.title, a.occurred_on, a.corrects_id, a.payload from ${archiveRecord} a
          where a.entity_id = ${outerId} and a.visibility = 'public' and not a.retracts and a.occurred_on >= ${opts.recordsSince}
            and not exists (select 1 from ${archiveRecord} c where c.corrects_id = a.id)
          order by a.occurred_on desc, a.id desc limit ${opts.recordLimit}
        ) r)`,
    })
    .from(entity)
    .leftJoin(district, eq(district.code, entity.districtCode))
    .where(eq(entity.uscc, uscc));
  return row ?? null;
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
  // Two index probes (the trigram index answers =, the array index @>); an OR of the two, or
  // `= any(former_names)`, scans every row.
  const exact = sql`(select e.id from ${entity} e where e.name = ${name} union all select e.id from ${entity} e where e.former_names @> array[${name}::text])`;
  const tokens = tsq ? sql`(select e.id from ${entity} e where to_tsvector('simple', e.search_text) @@ to_tsquery('simple', ${tsq}) limit ${PUBLIC_SEARCH_CANDIDATES})` : undefined;
  const similar = sql`(select e.id from ${entity} e where e.name % ${name} order by similarity(e.name, ${name}) desc limit ${PUBLIC_SEARCH_CANDIDATES})`;
  const run = async (candidates: SQL) => {
    const ids = sql`(select distinct id from (${candidates}) c)`;
    const rank = sql`(case when ${entity.name} = ${name} then 2 else 0 end) + similarity(${entity.name}, ${name})${tsq ? sql` + ts_rank(to_tsvector('simple', ${entity.searchText}), to_tsquery('simple', ${tsq}))` : sql``}`;
    const { offset, limit } = pageWindow(page, pageSize);
    // The total rides along as a window count: one statement per search, not a page and a count.
    const rows = await db
      .select({ uscc: entity.uscc, name: entity.name, districtCode: entity.districtCode, district: district.name, grade: gradeColumn, total: sql<number>`(count(*) over ())::int` })
      .from(entity)
      .leftJoin(district, eq(district.code, entity.districtCode))
      .where(sql`${entity.id} in ${ids}`)
      .orderBy(desc(rank), asc(entity.id))
      .limit(limit)
      .offset(offset);
    if (rows.length === 0 && offset > 0) {
      // Paged past the end: the window count has no row to ride on.
      const [total] = await db.select({ n: count() }).from(entity).where(sql`${entity.id} in ${ids}`);
      return { rows: [], total: total?.n ?? 0 };
    }
    return { rows: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
  };
  const first = await run(tokens ? sql`${exact} union all ${tokens}` : exact);
  if (first.total > 0) return first;
  return run(sql`${exact} union all ${similar}`);
}
