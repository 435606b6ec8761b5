import type pg from 'pg';
import { COMMON_WORD_SHARE } from '../server/src/modules/entities/entities.repository.js';
import { searchWords, tsQueryOf } from '../server/src/modules/entities/index.js';

/**
 * The lookup benchmark's floor: hand-written statements per question (by USCC; by name with
 * $1 = the tsquery of the name's rarer words, which finds the candidates, $2 = name, $3 = the
 * tsquery of all its words, which ranks them).
 */
export const BY_USCC_SQL = `select e.uscc, e.name, (select grade from credit_evaluation where entity_id = e.id and kind = 'grade') grade,
      (select coalesce(json_agg(json_build_object('type', l.list, 'since', l.published_on, 'until', l.auto_remove_on)), '[]') from credit_list_entry l
        where l.entity_id = e.id and l.status = 'published' and l.removed_on is null and (l.auto_remove_on is null or l.auto_remove_on > current_date)) lists,
      (select coalesce(json_agg(r order by r.occurred_on desc), '[]') from (select a.id, a.kind, a.title, a.occurred_on, a.payload from archive_record a
        where a.entity_id = e.id and a.visibility = 'public' and not a.retracts and a.occurred_on >= current_date - 1826
        and not exists (select 1 from archive_record c where c.corrects_id = a.id) order by a.occurred_on desc limit 200) r) records
    from entity e where e.uscc = $1`;

/** By name, tokens only: the statement the 2026-12-03 floor ran (no fallback when no token matches). */
export const BY_NAME_SQL = `select e.uscc, e.name, e.district_code, (select grade from credit_evaluation where entity_id = e.id and kind = 'grade') grade from entity e
    where e.id in (select id from entity where name = $2 union all (select id from entity where to_tsvector('simple', search_text) @@ to_tsquery('simple', $1) limit 1000))
    order by (case when e.name = $2 then 2 else 0 end) + similarity(e.name, $2) + ts_rank(to_tsvector('simple', e.search_text), to_tsquery('simple', $3)) desc, e.id limit 10`;

/**
 * By name, the product's own statement written by hand (portal.repository `searchQuery`): exact
 * and former names, token matches, and — only when no token matched — the rare part of the name
 * by substring ($4) and word similarity ($5); the total as a window count. $1–$3 as above.
 */
export const BY_NAME_PRODUCT_SQL = `select e.uscc, e.name, e.district_code, d.name district, (select grade from credit_evaluation where entity_id = e.id and kind = 'grade') grade, (count(*) over ())::int total
    from entity e left join district d on d.code = e.district_code
    where e.id in (with t as (select id from entity where to_tsvector('simple', search_text) @@ to_tsquery('simple', $1) limit 1000),
      r as (
        (select id from entity where not exists (select 1 from t) and name like $4 limit 1000)
        union all (select id from entity where not exists (select 1 from t) and $5 <% name limit 1000)
      )
      select distinct id from (
        select id from entity where name = $2 union all select id from entity where former_names @> array[$2::text]
        union all select id from t
        union all select id from r
        union all (select id from entity where not exists (select 1 from t) and not exists (select 1 from r) and $2 <% name limit 1000)
      ) c)
    order by (case when e.name = $2 then 2 else 0 end) + similarity(e.name, $2) + word_similarity($5, e.name) + ts_rank(to_tsvector('simple', e.search_text), to_tsquery('simple', $3)) desc, e.id limit 10 offset 0`;

/** The parameters of BY_NAME_SQL and BY_NAME_PRODUCT_SQL, with the words too common to narrow a search read once from the index statistics. */
export async function byNameParams(db: pg.Client | pg.Pool): Promise<{ tokens(name: string): [string | null, string, string | null]; product(name: string): [string | null, string, string | null, string | null, string] }> {
  const { rows } = await db.query<{ word: string }>(
    `select w.word from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as w(word, share)
      where s.tablename = 'entity_search_idx' and w.word is not null and w.share > $1`,
    [COMMON_WORD_SHARE],
  );
  const common = new Set(rows.map((r) => r.word));
  const tokens = (name: string): [string | null, string, string | null] => [tsQueryOf(name, common), name, tsQueryOf(name)];
  const product = (name: string): [string | null, string, string | null, string | null, string] => {
    const rare = searchWords(name).filter((w) => !common.has(w));
    const core = rare.length > 0 ? rare.join('') : name.trim();
    const pattern = [...core].length >= 3 ? `%${core.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    return [...tokens(name), pattern, core];
  };
  return { tokens, product };
}
