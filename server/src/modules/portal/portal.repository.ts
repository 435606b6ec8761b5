/**
 * Reads of the public credit lookup. Everything here is what the public may see: list entries
 * while published, public archive records as corrected, the grade (never the risk class).
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern, pageWindow, preparedOnce } from '../../db/query-helpers.js';
import { archiveRecord, commonSearchWords, entity, searchWords, tsQueryOfWords } from '../entities/index.js';
import { creditHonourRound } from '../credit/honours/honour.table.js';
import { creditListEntry } from '../credit/lists/lists.table.js';
import { creditEvaluation } from '../credit/scoring/scoring.table.js';
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
 * Name search as the registry does it (jieba tokens behind the full-text index, exact current and
 * former names), ranked by match quality. Unlike the officers' registry the public one ranks a
 * bounded candidate set: the exact name, then up to 1,000 token matches.
 *
 * When no token matches (a misspelt name, or one jieba segments otherwise than the registered
 * name), the same statement falls back to the keyword's rare part — its words without those in
 * most names (天津, 有限公司; see commonSearchWords) — two ways, each one index probe: names
 * containing it, and names with a stretch word-similar to it (`<%`, 0.6). The probes run only when
 * the token probe found nothing (an InitPlan gate), so a search is always one statement and one
 * round trip. Names that only sound alike are the officers' near matches (entities.repository):
 * a probe of the name pinyin for 天津泰达食品 reads the posting lists of tian-jin that every name
 * has (19 ms at 100,000 entities, against 0.6 ms for the whole search when a token matches).
 *
 * It used to compare the whole keyword in a second statement (`<%` with 天津…有限公司 included):
 * every name sharing those trigrams was a candidate to recheck, 52 ms at 100,000 entities for
 * 天津华诚机械有限公司, and half the load test's names took that path, so the public search's p99
 * was 3.1× the bare server's (docs/BENCHMARKS.md, issue 12 §7). The whole keyword still ranks the
 * candidates. What the rare part alone does not find — a wrong character inside it that leaves no
 * close stretch (天津市食晶集团有限公司 → 天津市食品集团有限公司 once 天津市 and 有限公司 are common
 * words) — the whole keyword's `<%` finds, as a last probe gated on both others finding nothing.
 */
export async function searchByName(db: Executor, name: string, page: number, pageSize: number): Promise<{ rows: PublicSearchRow[]; total: number }> {
  // jieba cuts the name once (it was three times a search: a tenth of the server's busy time).
  const words = searchWords(name);
  const tsq = tsQueryOfWords(words);
  const common = await commonSearchWords(db);
  // The rare words find the candidates; the ranking scores every word (see tsQueryOf).
  const probe = tsQueryOfWords(words, common);
  const fallback = fallbackOf(name, words, common);
  const { offset, limit } = pageWindow(page, pageSize);
  const candidates: SearchCandidates = tsq ? 'tokens' : 'exact';
  const rows = await preparedOnce(db, `portal_search_${candidates}`, () => searchQuery(db, candidates)).execute({ name, tsq, probe, limit, offset, ...fallback });
  if (rows.length === 0 && offset > 0) {
    // Paged past the end: the window count has no row to ride on.
    const literal: CandidateParams = { name: sql`${name}`, probe: sql`${probe}`, core: sql`${fallback.core}`, corePattern: sql`${fallback.corePattern}` };
    const [total] = await db.select({ n: count() }).from(entity).where(sql`${entity.id} in ${candidateIds(candidates, literal)}`);
    return { rows: [], total: total?.n ?? 0 };
  }
  return { rows: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** The rare part of a keyword the fallback looks for: as typed, and as patterns (null when too short to use an index). */
interface Fallback {
  core: string;
  corePattern: string | null;
}

/** Shortest stretch a LIKE probe may look for: trigrams need three characters, or the probe scans every name. */
const LIKE_MIN = 3;

function fallbackOf(name: string, words: readonly string[], common: ReadonlySet<string>): Fallback {
  const rare = words.filter((w) => !common.has(w));
  const core = rare.length > 0 ? rare.join('') : name.trim();
  return { core, corePattern: [...core].length >= LIKE_MIN ? containsPattern(core) : null };
}

/** Exact names only (a keyword without words); exact names, token matches, and the fallback when no token matches. */
type SearchCandidates = 'exact' | 'tokens';

interface CandidateParams {
  name: SQL | Placeholder;
  probe: SQL | Placeholder;
  core: SQL | Placeholder;
  corePattern: SQL | Placeholder;
}

function candidateIds(candidates: SearchCandidates, p: CandidateParams): SQL {
  // Two index probes (the trigram index answers =, the array index @>); an OR of the two, or
  // `= any(former_names)`, scans every row.
  const exact = sql`select e.id from ${entity} e where e.name = ${p.name} union all select e.id from ${entity} e where e.former_names @> array[${p.name}::text]`;
  const max = PUBLIC_SEARCH_CANDIDATES;
  if (candidates === 'exact') return sql`(select distinct id from (${exact}) c)`;
  // `t` is referenced twice, so it is computed once; `not exists (select 1 from t)` is evaluated
  // once per statement and skips the fallback probes whenever a token matched.
  const none = sql`not exists (select 1 from t)`;
  // Last resort, only when neither the tokens nor the rare part found anything: the whole name
  // word-similar to a name (a wrong character in the rare part itself, 食晶 for 食品). It costs
  // what the old second statement cost, but only for the few searches that reach it.
  return sql`(with t as (select e.id from ${entity} e where to_tsvector('simple', e.search_text) @@ to_tsquery('simple', ${p.probe}) limit ${max}),
    r as (
      (select e.id from ${entity} e where ${none} and e.name like ${p.corePattern} limit ${max})
      union all (select e.id from ${entity} e where ${none} and ${p.core} <% e.name limit ${max})
    )
    select distinct id from (
      ${exact}
      union all select id from t
      union all select id from r
      union all (select e.id from ${entity} e where ${none} and not exists (select 1 from r) and ${p.name} <% e.name limit ${max})
    ) c)`;
}

/** One page of ranked candidates, the total riding along as a window count: one statement per search, not a page and a count. */
function searchQuery(db: Executor, candidates: SearchCandidates) {
  const name = sql.placeholder('name');
  const tsq = sql.placeholder('tsq');
  // Exact name first, then how close the name is, how many of the words it has, and (for the
  // fallback's candidates) how close a stretch of it is to the rare part.
  const words = candidates === 'tokens' ? sql` + ts_rank(to_tsvector('simple', ${entity.searchText}), to_tsquery('simple', ${tsq}))` : sql``;
  const rank = sql`(case when ${entity.name} = ${name} then 2 else 0 end) + similarity(${entity.name}, ${name}) + word_similarity(${sql.placeholder('core')}, ${entity.name})${words}`;
  return db
    .select({ uscc: entity.uscc, name: entity.name, districtCode: entity.districtCode, district: district.name, grade: gradeColumn, gradeAwaitingPublication: awaitingPublication(sql`${entity.id}`), total: sql<number>`(count(*) over ())::int` })
    .from(entity)
    .leftJoin(district, eq(district.code, entity.districtCode))
    .where(
      sql`${entity.id} in ${candidateIds(candidates, {
        name,
        probe: sql.placeholder('probe'),
        core: sql.placeholder('core'),
        corePattern: sql.placeholder('corePattern'),
      })}`,
    )
    .orderBy(desc(rank), asc(entity.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    // Unnamed: Drizzle builds the SQL once, but PostgreSQL plans every run with the actual name.
    // Named, it switched to a generic plan after five runs, which cannot see how selective a
    // tsquery or a similarity threshold is: 17 instead of 200 searches/s (bench/public-lookup).
    .prepare('');
}
