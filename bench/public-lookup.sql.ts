import type pg from 'pg';
import { COMMON_WORD_SHARE } from '../server/src/modules/entities/entities.repository.js';
import { tsQueryOf } from '../server/src/modules/entities/index.js';

/**
 * The lookup benchmark's floor: one hand-written statement per question (by USCC; by name with
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
export const BY_NAME_SQL = `select e.uscc, e.name, e.district_code, (select grade from credit_evaluation where entity_id = e.id and kind = 'grade') grade from entity e
    where e.id in (select id from entity where name = $2 union all (select id from entity where to_tsvector('simple', search_text) @@ to_tsquery('simple', $1) limit 1000))
    order by (case when e.name = $2 then 2 else 0 end) + similarity(e.name, $2) + ts_rank(to_tsvector('simple', e.search_text), to_tsquery('simple', $3)) desc, e.id limit 10`;

/** The parameters of BY_NAME_SQL, with the words too common to narrow a search read once from the index statistics. */
export async function byNameParams(db: pg.Client | pg.Pool): Promise<(name: string) => [string | null, string, string | null]> {
  const { rows } = await db.query<{ word: string }>(
    `select w.word from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as w(word, share)
      where s.tablename = 'entity_search_idx' and w.word is not null and w.share > $1`,
    [COMMON_WORD_SHARE],
  );
  const common = new Set(rows.map((r) => r.word));
  return (name) => [tsQueryOf(name, common), name, tsQueryOf(name)];
}
