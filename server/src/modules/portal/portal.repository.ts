/**
 * Reads of the public credit lookup. Everything here is what the public may see: list entries
 * while published, public archive records as corrected, the grade (never the risk class).
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pageWindow, preparedOnce } from '../../db/query-helpers.js';
import { archiveRecord, commonSearchWords, entity, tsQueryOf } from '../entities/index.js';
import { creditHonourRound, creditListEntry } from '../credit/lists.table.js';
import { creditEvaluation } from '../credit/scoring.table.js';
import { district } from '../system/system.table.js';
import { LISTS_PUBLIC_ON_PUBLICATION } from './portal.rules.js';

export interface PublicListRow {
  id: number;
  list: string;
  grounds: string;
  groundsText: string | null;
  decisionNo: string | null;
  penaltyDecisionNo: string | null;
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
export function publishedNow(today: string | Placeholder): SQL {
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
  /** The entity stands on a list the grade counts but the public cannot see yet (portal.rules.ts). */
  gradeAwaitingPublication: boolean;
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
  const [row] = await preparedOnce(db, 'portal_public_entity', () => publicEntityQuery(db)).execute({ uscc, ...opts });
  return row ?? null;
}

/** The statement behind findPublicEntity, with placeholders: built and prepared once per database. */
function publicEntityQuery(db: Executor) {
  const outerId = sql`${entity}."id"`;
  const today = sql.placeholder('today');
  return db
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
      gradeAwaitingPublication: awaitingPublication(outerId),
      gradeComputedAt: sql<string | null>`(select to_char(ce.computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from ${creditEvaluation} ce where ce.entity_id = ${outerId} and ce.kind = 'grade')`,
      entries: sql<PublicListRow[]>`(
        select coalesce(json_agg(json_build_object(
          'id', ${creditListEntry.id}, 'list', ${creditListEntry.list}, 'grounds', ${creditListEntry.grounds}, 'groundsText', ${creditListEntry.groundsText},
          'decisionNo', ${creditListEntry.decisionNo}, 'penaltyDecisionNo', ${creditListEntry.penaltyDecisionNo}, 'decisionDate', ${creditListEntry.decisionDate}, 'publishedOn', ${creditListEntry.publishedOn},
          'autoRemoveOn', ${creditListEntry.autoRemoveOn}, 'restrictionUntil', ${creditListEntry.restrictionUntil},
          'roundValidUntil', ${creditHonourRound.validUntil}, 'sourceRecordId', ${creditListEntry.sourceRecordId}
        ) order by ${creditListEntry.decisionDate} desc, ${creditListEntry.id}), '[]'::json)
        from ${creditListEntry} left join ${creditHonourRound} on ${creditHonourRound.id} = ${creditListEntry.roundId}
        where ${creditListEntry.entityId} = ${outerId} and ${publishedNow(today)})`,
      // json, not an int8 array: drivers hand int8 arrays back as strings.
      penaltyRecordsWithEntries: sql<number[]>`(
        select coalesce(json_agg(p.source_record_id), '[]'::json) from ${creditListEntry} p
        where p.entity_id = ${outerId} and p.list = 'penalty-publication' and p.source_record_id is not null)`,
      records: sql<PublicRecordRow[]>`(
        select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'title', r.title, 'occurredOn', r.occurred_on, 'correctsId', r.corrects_id, 'payload', r.payload)
          order by r.occurred_on desc, r.id desc), '[]'::json)
        from (
          select a.id, a.kind, a.title, a.occurred_on, a.corrects_id, a.payload from ${archiveRecord} a
          where a.entity_id = ${outerId} and a.visibility = 'public' and not a.retracts and a.occurred_on >= ${sql.placeholder('recordsSince')}
            and not exists (select 1 from ${archiveRecord} c where c.corrects_id = a.id)
          order by a.occurred_on desc, a.id desc limit ${sql.placeholder('recordLimit')}
        ) r)`,
    })
    .from(entity)
    .leftJoin(district, eq(district.code, entity.districtCode))
    .where(eq(entity.uscc, sql.placeholder('uscc')))
    .prepare('portal_public_entity');
}

/**
 * Whether the entity stands on a list that the grade counts from approval but the public sees only
 * from publication (an approved serious-violation listing not yet published): one index probe on
 * (entity_id, list). The rule that follows from it is publicGrade in portal.rules.ts.
 */
function awaitingPublication(entityId: SQL): SQL<boolean> {
  const lists = sql.join(LISTS_PUBLIC_ON_PUBLICATION.map((l) => sql`${l}`), sql`, `);
  return sql<boolean>`exists (select 1 from ${creditListEntry} w where w.entity_id = ${entityId} and w.list in (${lists}) and w.status = 'listed')`;
}

export interface PublicSearchRow {
  uscc: string;
  name: string;
  districtCode: string;
  district: string | null;
  grade: string | null;
  gradeAwaitingPublication: boolean;
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
 * The fallback asks for word similarity (`<%`, pg_trgm's default threshold 0.6: some stretch of
 * the name is close to what was typed), not whole-name similarity (`%`, 0.3): at 0.3 two names
 * sharing only 天津 and 机械有限公司 match (天津华诚机械有限公司 ~ 天津恒信机械有限公司 = 0.47), so a
 * misspelt name matched a few percent of the registry and its ranking took 100 ms per 20,000
 * entities, while 天津市食晶集团有限公司 still finds 天津市食品集团有限公司 (0.6).
 */
export async function searchByName(db: Executor, name: string, page: number, pageSize: number): Promise<{ rows: PublicSearchRow[]; total: number }> {
  const tsq = tsQueryOf(name);
  // The rare words find the candidates; the ranking scores every word (see tsQueryOf).
  const probe = tsQueryOf(name, await commonSearchWords(db));
  const { offset, limit } = pageWindow(page, pageSize);
  const run = async (candidates: SearchCandidates) => {
    const rows = await preparedOnce(db, `portal_search_${candidates}`, () => searchQuery(db, candidates)).execute({ name, tsq, probe, limit, offset });
    if (rows.length === 0 && offset > 0) {
      // Paged past the end: the window count has no row to ride on.
      const [total] = await db.select({ n: count() }).from(entity).where(sql`${entity.id} in ${candidateIds(candidates, sql`${name}`, sql`${probe}`)}`);
      return { rows: [], total: total?.n ?? 0 };
    }
    return { rows: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
  };
  const first = await run(tsq ? 'tokens' : 'exact');
  if (first.total > 0) return first;
  return run('similar');
}

/** Exact names only; exact names and token matches; exact names and names with a stretch trigram-similar to the query. */
type SearchCandidates = 'exact' | 'tokens' | 'similar';

function candidateIds(candidates: SearchCandidates, name: SQL | Placeholder, probe: SQL | Placeholder): SQL {
  // Two index probes (the trigram index answers =, the array index @>); an OR of the two, or
  // `= any(former_names)`, scans every row.
  const exact = sql`(select e.id from ${entity} e where e.name = ${name} union all select e.id from ${entity} e where e.former_names @> array[${name}::text])`;
  const more =
    candidates === 'tokens'
      ? sql` union all (select e.id from ${entity} e where to_tsvector('simple', e.search_text) @@ to_tsquery('simple', ${probe}) limit ${PUBLIC_SEARCH_CANDIDATES})`
      : candidates === 'similar'
        ? sql` union all (select e.id from ${entity} e where ${name} <% e.name order by word_similarity(${name}, e.name) desc limit ${PUBLIC_SEARCH_CANDIDATES})`
        : sql``;
  return sql`(select distinct id from (${exact}${more}) c)`;
}

/** One page of ranked candidates, the total riding along as a window count: one statement per search, not a page and a count. */
function searchQuery(db: Executor, candidates: SearchCandidates) {
  const name = sql.placeholder('name');
  const tsq = sql.placeholder('tsq');
  const closeness = candidates === 'similar' ? sql`word_similarity(${name}, ${entity.name})` : sql`similarity(${entity.name}, ${name})`;
  const words = candidates === 'tokens' ? sql` + ts_rank(to_tsvector('simple', ${entity.searchText}), to_tsquery('simple', ${tsq}))` : sql``;
  const rank = sql`(case when ${entity.name} = ${name} then 2 else 0 end) + ${closeness}${words}`;
  return db
    .select({ uscc: entity.uscc, name: entity.name, districtCode: entity.districtCode, district: district.name, grade: gradeColumn, gradeAwaitingPublication: awaitingPublication(sql`${entity.id}`), total: sql<number>`(count(*) over ())::int` })
    .from(entity)
    .leftJoin(district, eq(district.code, entity.districtCode))
    .where(sql`${entity.id} in ${candidateIds(candidates, name, sql.placeholder('probe'))}`)
    .orderBy(desc(rank), asc(entity.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    // Unnamed: Drizzle builds the SQL once, but PostgreSQL plans every run with the actual name.
    // Named, it switched to a generic plan after five runs, which cannot see how selective a
    // tsquery or a similarity threshold is: 17 instead of 200 searches/s (bench/public-lookup).
    .prepare('');
}
