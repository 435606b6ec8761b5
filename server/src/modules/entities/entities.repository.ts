/** Entities, products, licences and archive records: the only Drizzle-aware code of the entities module. */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, like, lte, sql, type SQL } from 'drizzle-orm';
import type { EntityListQuery, RecordListQuery } from '../../../../contracts/entities.js';
import { parseIndustryCode } from '../../../../contracts/industries.js';
import type { Executor } from '../../db/client.js';
import { containsPattern, pageWindow } from '../../db/query-helpers.js';
import type { DomainQueries } from '../../platform/context.js';
import { scopePredicate, type DataScope, type ScopeColumns } from '../../platform/data-scope/data-scope.js';
import { district } from '../system/system.table.js';
import { archiveRecord, entity, entityLicence, entityProduct } from './entities.table.js';
import { pinyinKeyword, pinyinOf } from './entities.pinyin.js';
import { searchWords, tsQueryOf } from './entities.search.js';

export type EntityRow = typeof entity.$inferSelect;
export type NewEntityRow = typeof entity.$inferInsert;
export type ProductRow = typeof entityProduct.$inferSelect;
export type LicenceRow = typeof entityLicence.$inferSelect;
export type RecordRow = typeof archiveRecord.$inferSelect;
export type NewRecordRow = typeof archiveRecord.$inferInsert;

/** Entities are regulated subjects: seen through the territory of the scope (辖区), or as one's own enterprise. */
export const ENTITY_SCOPE: ScopeColumns = { jurisdictionCode: entity.districtCode, enterpriseUscc: entity.uscc };

const USCC_LIKE = /^[0-9A-Z]{18}$/;

// ─── Entities ───────────────────────────────────────────────────────────────────────────────────

export async function findEntityById(db: Executor, id: number): Promise<EntityRow | null> {
  const [row] = await db.select().from(entity).where(eq(entity.id, id));
  return row ?? null;
}

export async function findEntityByUscc(db: Executor, uscc: string): Promise<EntityRow | null> {
  const [row] = await db.select().from(entity).where(eq(entity.uscc, uscc));
  return row ?? null;
}

export async function insertEntity(db: Executor, values: NewEntityRow): Promise<EntityRow> {
  const [row] = await db.insert(entity).values(values).returning();
  return row!;
}

/** Update when `version` still matches; null when someone else saved first. */
export async function updateEntityRow(db: Executor, id: number, version: number, values: Partial<NewEntityRow>): Promise<EntityRow | null> {
  const [row] = await db
    .update(entity)
    .set({ ...values, version: sql`${entity.version} + 1`, updatedAt: new Date() })
    .where(and(eq(entity.id, id), eq(entity.version, version)))
    .returning();
  return row ?? null;
}

export async function setLicensedProducts(db: Executor, entityId: number): Promise<void> {
  await db
    .update(entity)
    .set({ licensedProducts: sql`exists (select 1 from ${entityProduct} p where p.entity_id = ${entity.id} and (p.licence_required or p.ccc_required))` })
    .where(eq(entity.id, entityId));
}

export interface EntityListRow {
  entity: EntityRow;
  districtName: string | null;
  grade: string | null;
  riskClass: string | null;
}

/** The credit module's grade lookup (`DomainQueries.gradeOf`): the registry lists and filters by grade without reading credit's tables. */
export type GradeLookup = DomainQueries['gradeOf'];

/** A word in more than this share of names narrows no search (天津, 有限公司 in a Tianjin registry). */
export const COMMON_WORD_SHARE = 0.1;
const COMMON_WORDS_TTL_MS = 10 * 60_000;
const commonWordsByDb = new WeakMap<object, { at: number; words: Promise<ReadonlySet<string>> }>();

/**
 * The words in more than COMMON_WORD_SHARE of names, from PostgreSQL's own statistics of the
 * search index (ANALYZE keeps each frequent word's share of rows); read at most every ten minutes
 * per database. Empty before the first ANALYZE: searches then use every word, as before.
 */
export function commonSearchWords(db: Executor): Promise<ReadonlySet<string>> {
  const cached = commonWordsByDb.get(db);
  if (cached && Date.now() - cached.at < COMMON_WORDS_TTL_MS) return cached.words;
  const words = readCommonSearchWords(db);
  commonWordsByDb.set(db, { at: Date.now(), words });
  // A failed read is not cached: the next search asks again.
  words.catch(() => commonWordsByDb.delete(db));
  return words;
}

/** commonSearchWords without the cache. */
export async function readCommonSearchWords(db: Executor): Promise<ReadonlySet<string>> {
  const res = await db.execute(
    sql`select w.word from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as w(word, share)
        where s.schemaname = current_schema() and s.tablename = 'entity_search_idx' and w.word is not null and w.share > ${COMMON_WORD_SHARE}`,
  );
  return new Set((res as unknown as { rows: { word: string }[] }).rows.map((r) => r.word));
}

/**
 * A keyword search lists at most this many matches (ranked by match quality); a search matching
 * more says so and asks for a narrower one. Each match rule stops after this many rows, so a
 * keyword like 天津, which matches the whole registry, costs what 10,000 matches cost instead of
 * 18.8 s at 1,000,000 entities (bench/registry-search). The export passes its own, larger limit.
 */
export const KEYWORD_MATCHES_MAX = 10_000;

export interface EntityListPage {
  rows: EntityListRow[];
  /** Matches; with `capped`, a lower bound: at least this many (= the match limit) matched. */
  total: number;
  capped: boolean;
  /** The keyword matched nothing as typed: these are names that sound or look like it. */
  near: boolean;
}

/**
 * Near matches (近似匹配) when a keyword finds nothing: word similarity of the keyword's pinyin to
 * the names' pinyin, and of its characters to the names. Low enough that one wrong character in
 * a five-character name still matches (得泽调味品 ~ 德译调味品: 0.53 by pinyin), high enough that
 * names sharing only 天津…有限公司 do not (the common words are left out of the keyword first).
 */
export const NEAR_SIMILARITY = 0.5;
/** Near matches listed at most: a page of likely candidates, not a ranking of the registry. */
export const NEAR_MATCHES_MAX = 50;

/** The registry's filters and the caller's data scope, as one predicate. */
function entityFilter(scope: DataScope, q: Omit<EntityListQuery, 'page' | 'pageSize'>, gradeOf: GradeLookup): SQL | undefined {
  const filters: (SQL | undefined)[] = [scopePredicate(scope, ENTITY_SCOPE)];
  if (q.districtCode) filters.push(like(entity.districtCode, `${q.districtCode.replace(/0+$/, '') || q.districtCode}%`));
  if (q.industry) {
    const code = parseIndustryCode(q.industry);
    if (code) filters.push(code.division ? eq(entity.industryDivision, code.division) : eq(entity.industrySection, code.section));
  }
  if (q.status) filters.push(eq(entity.status, q.status));
  if (q.entityType) filters.push(eq(entity.entityType, q.entityType));
  if (q.grade) filters.push(sql`${gradeOf('grade', entity.id)} = ${q.grade}`);
  if (q.riskClass) filters.push(sql`${gradeOf('risk', entity.id)} = ${q.riskClass}`);
  if (q.missingOfficer === 'true') filters.push(missingOfficerPredicate());
  return and(...filters);
}

/** A keyword that is a whole USCC: matched exactly, listed in registry order. */
function usccKeyword(kw: string | undefined): string | null {
  const upper = kw?.toUpperCase();
  return upper && USCC_LIKE.test(upper) ? upper : null;
}

/**
 * A name search: which entities match (`where`, at most `max` + 1 per rule) and how well (`rank`).
 * Each match rule is its own query, planned on its own (an index probe, or for a keyword too
 * short for trigrams a plain scan of names) and stopped after `max` + 1 rows; then the ids are
 * joined. As one OR with an unindexable rule (a LIKE over unnested former names), every search
 * computed a tsvector per row: 3 s at 200,000 entities. Former names are in search_text, so
 * their words match through the tokens; the former-name rule is the exact one. The filters go
 * inside each rule, so the limit counts only matches the officer can get.
 */
async function keywordMatch(db: Executor, kw: string, filter: SQL | undefined, max: number): Promise<{ where: SQL; rank: SQL }> {
  const tsq = tsQueryOf(kw);
  // Rare words find the matches; the ranking scores every word typed.
  const probe = tsQueryOf(kw, await commonSearchWords(db));
  const ts = probe ? sql`to_tsvector('simple', ${entity.searchText}) @@ to_tsquery('simple', ${probe})` : undefined;
  // Trigram word similarity catches what segmentation misses (a misspelt name); whole-name
  // similarity (`%`, 0.3) would match every name sharing 天津…有限公司 (see portal.repository).
  // The exact name is a rule of its own, so a capped search still lists it (first, by rank).
  // Pinyin or initials (tjdz, tianjin deze): a substring of the stored pinyin tokens, through their trigram index.
  const py = pinyinKeyword(kw);
  const pinyinRule = py ? sql`${entity.namePinyin} like ${containsPattern(py)}` : undefined;
  const rules = [sql`${entity.name} = ${kw}`, ts, sql`${kw} <% ${entity.name}`, sql`${entity.name} like ${containsPattern(kw)}`, sql`${entity.formerNames} @> array[${kw}::text]`, pinyinRule];
  // Inside each subquery "entity" names the subquery's own table.
  const matches = rules
    .filter((r): r is SQL => r !== undefined)
    .map((r) => sql`(select ${entity.id} from ${entity} where ${and(r, filter)} limit ${max + 1})`);
  const where = sql`${entity.id} in (${sql.join(matches, sql` union all `)})`;
  const rank = sql`(case when ${entity.name} = ${kw} then 2 else 0 end) + similarity(${entity.name}, ${kw})${tsq ? sql` + ts_rank(to_tsvector('simple', ${entity.searchText}), to_tsquery('simple', ${tsq}))` : sql``}${py ? sql` + word_similarity(${py}, ${entity.namePinyin})` : sql``}`;
  return { where, rank };
}

/** The registry page: filters, data scope, and name search ranked by match quality. */
export async function listEntities(db: Executor, scope: DataScope, q: EntityListQuery, opts: { gradeOf: GradeLookup; matchesMax?: number }): Promise<EntityListPage> {
  const { gradeOf } = opts;
  const filter = entityFilter(scope, q, gradeOf);
  const { offset, limit } = pageWindow(q.page, q.pageSize);
  const page = (where: SQL | undefined, orderBy: SQL[]) =>
    db
      .select({ entity, districtName: district.name, grade: gradeOf('grade', entity.id), riskClass: gradeOf('risk', entity.id), total: sql<number>`(count(*) over ())::int` })
      .from(entity)
      .leftJoin(district, eq(district.code, entity.districtCode))
      .where(where)
      .orderBy(...orderBy)
      .limit(limit)
      .offset(offset);
  const counted = async (where: SQL | undefined, rows: (EntityListRow & { total: number })[]) => {
    if (rows.length > 0 || offset === 0) return { rows: rows.map(({ total: _t, ...r }) => r), n: rows[0]?.total ?? 0 };
    // A page past the end carries no window count.
    const [c] = await db.select({ n: count() }).from(entity).where(where);
    return { rows: [], n: c?.n ?? 0 };
  };

  const kw = q.keyword?.trim();
  const uscc = usccKeyword(kw);
  if (!kw || uscc) {
    const where = and(filter, uscc ? eq(entity.uscc, uscc) : undefined);
    const { rows, n } = await counted(where, await page(where, [asc(entity.id)]));
    return { rows, total: n, capped: false, near: false };
  }

  const max = opts.matchesMax ?? KEYWORD_MATCHES_MAX;
  const { where, rank } = await keywordMatch(db, kw, filter, max);
  // At most `max` matches are listed: a page past them is empty.
  if (offset >= max) {
    const { n } = await counted(where, []);
    return { rows: [], total: Math.min(n, max), capped: n > max, near: false };
  }
  const { rows, n } = await counted(where, await page(where, [desc(rank), asc(entity.id)]));
  if (n > 0 || offset > 0) return { rows: rows.slice(0, Math.max(0, max - offset)), total: Math.min(n, max), capped: n > max, near: false };
  return nearMatches(db, kw, filter, q, gradeOf);
}

/**
 * The names that sound or look like a keyword that matched nothing (see NEAR_SIMILARITY). The
 * words in most names (天津, 有限公司) are left out of the keyword first, so 天津得泽调味品 is
 * compared as 得泽调味品 / dezetiaoweipin. Two probes through the trigram indexes (pinyin tokens,
 * names), with the threshold set for this transaction only; best first, at most NEAR_MATCHES_MAX.
 */
async function nearMatches(db: Executor, kw: string, filter: SQL | undefined, q: EntityListQuery, gradeOf: GradeLookup): Promise<EntityListPage> {
  const common = await commonSearchWords(db);
  const rare = searchWords(kw).filter((w) => !common.has(w));
  const core = rare.length > 0 ? rare.join('') : kw;
  const corePinyin = pinyinKeyword(core) ?? pinyinOf(core);
  const none: EntityListPage = { rows: [], total: 0, capped: false, near: false };
  if (corePinyin.length < 4 && core.length < 2) return none;
  const { offset, limit } = pageWindow(q.page, q.pageSize);
  if (offset >= NEAR_MATCHES_MAX) return none;
  const score = sql`greatest(word_similarity(${corePinyin}, coalesce(${entity.namePinyin}, '')), word_similarity(${core}, ${entity.name}))`;
  const probes = [
    corePinyin.length >= 4 ? sql`(select ${entity.id} from ${entity} where ${and(sql`${corePinyin} <% ${entity.namePinyin}`, filter)} limit ${NEAR_MATCHES_MAX * 4})` : undefined,
    sql`(select ${entity.id} from ${entity} where ${and(sql`${core} <% ${entity.name}`, filter)} limit ${NEAR_MATCHES_MAX * 4})`,
  ].filter((p): p is SQL => p !== undefined);
  const rows = await db.transaction(async (tx) => {
    // `<%` reads its threshold from this setting; local to the transaction, so other searches keep 0.6.
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(NEAR_SIMILARITY)}, true)`);
    return tx
      .select({ entity, districtName: district.name, grade: gradeOf('grade', entity.id), riskClass: gradeOf('risk', entity.id) })
      .from(entity)
      .leftJoin(district, eq(district.code, entity.districtCode))
      .where(sql`${entity.id} in (${sql.join(probes, sql` union all `)})`)
      .orderBy(desc(score), asc(entity.id))
      .limit(NEAR_MATCHES_MAX);
  });
  return { rows: rows.slice(offset, offset + limit), total: rows.length, capped: false, near: rows.length > 0 };
}

/** The columns an exported registry row shows (not the address, contacts or search text). */
const EXPORT_FIELDS = {
  id: entity.id,
  uscc: entity.uscc,
  name: entity.name,
  entityType: entity.entityType,
  districtCode: entity.districtCode,
  industrySection: entity.industrySection,
  industryDivision: entity.industryDivision,
  status: entity.status,
  scale: entity.scale,
  legalRep: entity.legalRep,
  licensedProducts: entity.licensedProducts,
  qualityOfficer: entity.qualityOfficer,
};
export type EntityExportFields = { [K in keyof typeof EXPORT_FIELDS]: EntityRow[K] };
export interface EntityExportRow {
  entity: EntityExportFields;
  districtName: string | null;
  grade: string | null;
  riskClass: string | null;
}

/**
 * The registry list for the export, `size` rows per query: in registry order by keyset on the id
 * (no window count, only the columns shown), or for a name search the ranked ids first (ids only,
 * at most `max` + 1), then their rows a batch at a time. At most `max` + 1 rows: one more than
 * `max` says there were more.
 */
export async function* entityExportRows(
  db: Executor,
  scope: DataScope,
  q: Omit<EntityListQuery, 'page' | 'pageSize'>,
  max: number,
  size: number,
  gradeOf: GradeLookup,
): AsyncGenerator<EntityExportRow[]> {
  const filter = entityFilter(scope, q, gradeOf);
  const select = (where: SQL | undefined) =>
    db
      .select({ entity: EXPORT_FIELDS, districtName: district.name, grade: gradeOf('grade', entity.id), riskClass: gradeOf('risk', entity.id) })
      .from(entity)
      .leftJoin(district, eq(district.code, entity.districtCode))
      .where(where);
  const kw = q.keyword?.trim();
  const uscc = usccKeyword(kw);
  if (!kw || uscc) {
    let after = 0;
    let left = max + 1;
    while (left > 0) {
      const rows = await select(and(filter, uscc ? eq(entity.uscc, uscc) : undefined, sql`${entity.id} > ${after}`))
        .orderBy(asc(entity.id))
        .limit(Math.min(size, left));
      if (rows.length > 0) yield rows;
      if (rows.length < Math.min(size, left)) return;
      left -= rows.length;
      after = rows[rows.length - 1]!.entity.id;
    }
    return;
  }
  const { where, rank } = await keywordMatch(db, kw, filter, max);
  const ranked = await db
    .select({ id: entity.id })
    .from(entity)
    .where(where)
    .orderBy(desc(rank), asc(entity.id))
    .limit(max + 1);
  for (let i = 0; i < ranked.length; i += size) {
    const ids = ranked.slice(i, i + size).map((r) => r.id);
    const rows = await select(inArray(entity.id, ids));
    const byId = new Map(rows.map((r) => [r.entity.id, r]));
    yield ids.flatMap((id) => byId.get(id) ?? []);
  }
}

/** Large or medium producers of licensed or CCC products without a 质量安全总监 (SAMR Order 75 Art. 5). */
function missingOfficerPredicate(): SQL {
  return sql`(${entity.licensedProducts} and ${entity.scale} in ('large', 'medium') and ${entity.qualityOfficer} is null)`;
}

export async function districtName(db: Executor, code: string): Promise<string | null> {
  const [row] = await db.select({ name: district.name }).from(district).where(eq(district.code, code));
  return row?.name ?? null;
}

/**
 * The district the registry places an enterprise in, or null when the code is not registered: an
 * enterprise account's placement reads it (the system module, through `DomainQueries`).
 */
export async function enterpriseDistrict(db: Executor, uscc: string): Promise<string | null> {
  const [row] = await db.select({ districtCode: entity.districtCode }).from(entity).where(eq(entity.uscc, uscc));
  return row?.districtCode ?? null;
}

export async function knownDistrictCodes(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ code: district.code }).from(district);
  return new Set(rows.map((r) => r.code));
}

export async function currentEvaluations(db: Executor, entityId: number, gradeOf: GradeLookup): Promise<{ grade: string | null; risk: string | null }> {
  const [row] = await db.select({ grade: gradeOf('grade', entity.id), risk: gradeOf('risk', entity.id) }).from(entity).where(eq(entity.id, entityId));
  return { grade: row?.grade ?? null, risk: row?.risk ?? null };
}

// ─── Products and licences ──────────────────────────────────────────────────────────────────────

export async function productsOf(db: Executor, entityId: number): Promise<ProductRow[]> {
  return db.select().from(entityProduct).where(eq(entityProduct.entityId, entityId)).orderBy(asc(entityProduct.id));
}

export async function insertProduct(db: Executor, values: typeof entityProduct.$inferInsert): Promise<ProductRow> {
  const [row] = await db.insert(entityProduct).values(values).returning();
  return row!;
}

export async function deleteProduct(db: Executor, entityId: number, productId: number): Promise<ProductRow | null> {
  const [row] = await db
    .delete(entityProduct)
    .where(and(eq(entityProduct.id, productId), eq(entityProduct.entityId, entityId)))
    .returning();
  return row ?? null;
}

export async function licencesOf(db: Executor, entityId: number): Promise<LicenceRow[]> {
  return db.select().from(entityLicence).where(eq(entityLicence.entityId, entityId)).orderBy(asc(entityLicence.id));
}

export async function insertLicence(db: Executor, values: typeof entityLicence.$inferInsert): Promise<LicenceRow | null> {
  const [row] = await db.insert(entityLicence).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function revokeLicenceRow(db: Executor, entityId: number, licenceId: number, on: string): Promise<LicenceRow | null> {
  const [row] = await db
    .update(entityLicence)
    .set({ revokedOn: on })
    .where(and(eq(entityLicence.id, licenceId), eq(entityLicence.entityId, entityId), isNull(entityLicence.revokedOn)))
    .returning();
  return row ?? null;
}

// ─── Archive records ────────────────────────────────────────────────────────────────────────────

/** Insert a record; a repeat of the same (source module, source id, kind) returns null. */
export async function insertRecord(db: Executor, values: NewRecordRow): Promise<RecordRow | null> {
  const [row] = await db.insert(archiveRecord).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findRecordBySource(db: Executor, sourceModule: string, sourceId: string, kind: string): Promise<RecordRow | null> {
  const [row] = await db
    .select()
    .from(archiveRecord)
    .where(and(eq(archiveRecord.sourceModule, sourceModule), eq(archiveRecord.sourceId, sourceId), eq(archiveRecord.kind, kind)));
  return row ?? null;
}

export async function findRecord(db: Executor, id: number): Promise<RecordRow | null> {
  const [row] = await db.select().from(archiveRecord).where(eq(archiveRecord.id, id));
  return row ?? null;
}

/** The id of the record that corrects `id`, if any. */
export async function correctionOf(db: Executor, id: number): Promise<number | null> {
  const [row] = await db.select({ id: archiveRecord.id }).from(archiveRecord).where(eq(archiveRecord.correctsId, id)).limit(1);
  return row?.id ?? null;
}

// Written with the qualified outer name: Drizzle leaves columns unqualified in single-table selects,
// which inside the subquery would bind to the alias `c`.
const correctedBy = sql<number | null>`(select c.id from archive_record c where c.corrects_id = archive_record.id order by c.id limit 1)`.mapWith((v) =>
  v === null ? null : Number(v),
);

export async function listRecords(
  db: Executor,
  entityId: number,
  q: RecordListQuery & { publicOnly?: boolean },
): Promise<{ rows: (RecordRow & { correctedById: number | null })[]; total: number }> {
  const where = and(
    eq(archiveRecord.entityId, entityId),
    q.kind ? eq(archiveRecord.kind, q.kind) : undefined,
    q.visibility ? eq(archiveRecord.visibility, q.visibility) : undefined,
    q.publicOnly ? eq(archiveRecord.visibility, 'public') : undefined,
    q.from ? gte(archiveRecord.occurredOn, q.from) : undefined,
    q.to ? lte(archiveRecord.occurredOn, q.to) : undefined,
  );
  const { offset, limit } = pageWindow(q.page, q.pageSize);
  const rows = await db
    .select({ r: archiveRecord, correctedById: correctedBy })
    .from(archiveRecord)
    .where(where)
    .orderBy(desc(archiveRecord.occurredOn), desc(archiveRecord.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(archiveRecord).where(where);
  return { rows: rows.map((x) => ({ ...x.r, correctedById: x.correctedById })), total: total?.n ?? 0 };
}

/**
 * The records that count: not corrected by a later record and not themselves retractions, as the
 * archive stood at `recordedUpTo` (an evaluation explains itself from what it saw).
 */
export async function effectiveRecords(db: Executor, entityId: number, opts: { kinds?: readonly string[]; recordedUpTo?: Date; since?: string } = {}): Promise<RecordRow[]> {
  const later = opts.recordedUpTo ? sql` and c.recorded_at <= ${opts.recordedUpTo.toISOString()}` : sql``;
  return db
    .select()
    .from(archiveRecord)
    .where(
      and(
        eq(archiveRecord.entityId, entityId),
        eq(archiveRecord.retracts, false),
        opts.kinds ? inArray(archiveRecord.kind, [...opts.kinds]) : undefined,
        opts.recordedUpTo ? lte(archiveRecord.recordedAt, opts.recordedUpTo) : undefined,
        opts.since ? gte(archiveRecord.occurredOn, opts.since) : undefined,
        sql`not exists (select 1 from archive_record c where c.corrects_id = archive_record.id${later})`,
      ),
    )
    .orderBy(asc(archiveRecord.occurredOn), asc(archiveRecord.id));
}

// ─── Name pinyin backfill ───────────────────────────────────────────────────────────────────────

/** Up to `limit` entities still without their pinyin (registered before migration 0010), in id order after `afterId`. */
export async function entitiesWithoutPinyin(db: Executor, afterId: number, limit: number): Promise<{ id: number; name: string; formerNames: string[] }[]> {
  return db
    .select({ id: entity.id, name: entity.name, formerNames: entity.formerNames })
    .from(entity)
    .where(and(isNull(entity.namePinyin), gt(entity.id, afterId)))
    .orderBy(asc(entity.id))
    .limit(limit);
}

/** Store computed pinyin, one statement per batch; the registry's version and times are left alone (a derived search key, like search_text). */
export async function setNamePinyin(db: Executor, rows: readonly { id: number; namePinyin: string }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const ids = `{${rows.map((r) => r.id).join(',')}}`;
  const values = `{${rows.map((r) => `"${r.namePinyin.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  const res = await db.execute(
    sql`update ${entity} set name_pinyin = u.p from unnest(${ids}::bigint[], ${values}::text[]) as u(id, p) where ${entity.id} = u.id and ${entity.namePinyin} is null`,
  );
  return Number((res as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (res as unknown as { affectedRows?: number }).affectedRows ?? rows.length);
}
