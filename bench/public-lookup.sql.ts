/** The lookup benchmark's floor: one hand-written statement per question (by USCC; by name with $1 = tsquery, $2 = name). */
export const BY_USCC_SQL = `select e.uscc, e.name, (select grade from credit_evaluation where entity_id = e.id and kind = 'grade') grade,
      (select coalesce(json_agg(json_build_object('type', l.list, 'since', l.published_on, 'until', l.auto_remove_on)), '[]') from credit_list_entry l
        where l.entity_id = e.id and l.status = 'published' and l.removed_on is null and (l.auto_remove_on is null or l.auto_remove_on > current_date)) lists,
      (select coalesce(json_agg(r order by r.occurred_on desc), '[]') from (select a.id, a.kind, a.title, a.occurred_on, a.payload from archive_record a
        where a.entity_id = e.id and a.visibility = 'public' and not a.retracts and a.occurred_on >= current_date - 1826
        and not exists (select 1 from archive_record c where c.corrects_id = a.id) order by a.occurred_on desc limit 200) r) records
    from entity e where e.uscc = $1`;
export const BY_NAME_SQL = `select e.uscc, e.name, e.district_code, (select grade from credit_evaluation where entity_id = e.id and kind = 'grade') grade from entity e
    where e.id in (select id from entity where name = $2 union all (select id from entity where to_tsvector('simple', search_text) @@ to_tsquery('simple', $1) limit 1000))
    order by (case when e.name = $2 then 2 else 0 end) + similarity(e.name, $2) + ts_rank(to_tsvector('simple', e.search_text), to_tsquery('simple', $1)) desc, e.id limit 10`;
