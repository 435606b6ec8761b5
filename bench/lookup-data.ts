/**
 * Deterministic registry data for the lookup and registry-search benchmarks: bulk INSERT … SELECT
 * FROM unnest in batches, then records, grades and list entries set-based in SQL.
 */
import type pg from 'pg';
import { usccCheckCharacter } from '../contracts/uscc.js';
import { INDUSTRY_WORDS, TRADE_FIRST, TRADE_SECOND } from '../server/src/demo/index.js';
import { namePinyin, searchText } from '../server/src/modules/entities/index.js';
import { TIANJIN_DISTRICTS } from '../server/src/modules/system/seed/tianjin.data.js';
import { Prng } from '../server/src/platform/random/prng.js';
import { bodyOf } from './entities-data.js';

const BATCH = 20_000;

const divisions = Object.keys(INDUSTRY_WORDS).filter((d) => Number(d) <= 90);
const sectionOf = (div: string): string => {
  const n = Number(div);
  const bounds: [number, string][] = [[5, 'A'], [12, 'B'], [43, 'C'], [46, 'D'], [50, 'E'], [52, 'F'], [60, 'G'], [62, 'H'], [65, 'I'], [69, 'J'], [70, 'K'], [72, 'L'], [75, 'M'], [79, 'N'], [82, 'O'], [83, 'P'], [85, 'Q'], [90, 'R']];
  return bounds.find(([b]) => n <= b)![1];
};

/**
 * `n` market entities with valid USCCs, names from the demo city's parts, jieba search text and name pinyin,
 * three archive records each over five years, a grade and a risk class each, a penalty publication
 * for 1 %, and this month's recompute runs recorded. Returns every 997th USCC as a lookup sample.
 */
export async function generateLookupData(client: pg.Client, N: number): Promise<string[]> {
  const rng = new Prng(4_040_404);
  const sample: string[] = [];
  const t0 = performance.now();
  for (let start = 0; start < N; start += BATCH) {
    const cols: string[][] = [[], [], [], [], [], [], [], []];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const d = TIANJIN_DISTRICTS[i % TIANJIN_DISTRICTS.length]!;
      const div = rng.pick(divisions);
      const name = `天津${rng.pick(TRADE_FIRST)}${rng.pick(TRADE_SECOND)}${rng.pick(INDUSTRY_WORDS[div]!)}${i % 7 === 0 ? '股份' : ''}有限公司`;
      const uscc = `91${d.code}MB${bodyOf(i, 7)}`;
      const full = uscc + usccCheckCharacter(uscc);
      if (i % 997 === 0) sample.push(full);
      cols[0]!.push(full);
      cols[1]!.push(name);
      cols[2]!.push(d.code);
      cols[3]!.push(sectionOf(div));
      cols[4]!.push(div);
      cols[5]!.push(searchText([name]));
      cols[6]!.push(`${rng.pick(['王', '李', '张'])}${rng.pick(['伟', '芳', '强'])}`);
      cols[7]!.push(namePinyin([name]));
    }
    await client.query(
      `insert into entity (uscc, name, district_code, industry_section, industry_division, search_text, legal_rep, entity_type, status, scale, address, name_pinyin)
       select u, n, d, s, v, t, l, 'company', 'active', 'small', '天津市' || d, p from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) as x(u, n, d, s, v, t, l, p)`,
      cols,
    );
    if ((start / BATCH) % 10 === 0) console.log(`  entities ${start + BATCH} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  // Three records per entity over five years, a grade each, a penalty publication for 1 %.
  await client.query(`insert into archive_record (entity_id, kind, title, occurred_on, recorded_by, source_module, visibility, payload)
    select id, 'inspection', '双随机检查：未发现问题', current_date - (id % 1800)::int, 'bench', 'bench', 'public', '{"result":"pass","items":null,"inspectionNo":null}'::jsonb from entity`);
  await client.query(`insert into archive_record (entity_id, kind, title, occurred_on, recorded_by, source_module, visibility, payload)
    select id, 'sampling', '监督抽查：合格', current_date - (id % 1500)::int, 'bench', 'bench', 'public', '{"product":"产品","result":"pass","failedItems":[],"level":"city"}'::jsonb from entity`);
  await client.query(`insert into archive_record (entity_id, kind, title, occurred_on, recorded_by, source_module, visibility, payload)
    select id, 'complaint', '投诉处理结果', current_date - (id % 900)::int, 'bench', 'bench', 'internal', '{"verdict":"mediated","subject":"售后"}'::jsonb from entity`);
  await client.query(`insert into credit_evaluation (entity_id, kind, model_version, score, grade)
    select id, k, 1, 60 + (id % 40), case when k = 'risk' then (array['A','B','C','D'])[1 + id % 4] else (array['AAA','AA','A','B','C','D'])[1 + id % 6] end from entity, (values ('grade'), ('risk')) kinds(k)`);
  await client.query(`insert into credit_list_entry (entity_id, list, district_code, grounds, decision_no, decision_date, status, published_on, auto_remove_on, created_by)
    select id, 'penalty-publication', district_code, 'fine', '津市监罚〔2025〕' || id || '号', current_date - 100, 'published', current_date - 90, current_date + 900, 'bench' from entity where id % 100 = 0`);
  // The grades above stand for this month's run: without it the server would start the monthly
  // risk recompute over the whole registry during the measurement.
  await client.query(`insert into credit_recompute_run (kind, model_version, as_of, entities, ms, trigger, started_by) values ('risk', 1, current_date, $1, 0, 'cli', 'bench'), ('grade', 1, current_date, $1, 0, 'cli', 'bench')`, [N]);
  // A registry in service was vacuumed long ago: without this, the measurement is the first read
  // of each freshly loaded row (setting its hint bits dirties the page) and the checkpoint that
  // writes the load out, not the lookup.
  await client.query('vacuum analyze');
  await client.query('checkpoint');
  console.log(`generated ${N.toLocaleString('en')} entities with records in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return sample;
}
