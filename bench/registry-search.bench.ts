/**
 * The officers' registry search (GET /api/entities?keyword=…, `listEntities`) at city scale: on a
 * throwaway PostgreSQL with `--entities` (default 1,000,000) market entities, time one page and its
 * total for typical keywords — full names that exist or not, trade names, a two-character word, a
 * misspelt name, and 天津, which matches the whole registry (listed up to KEYWORD_MATCHES_MAX, shown
 * as "10,000+"). Compared in the same run with
 *   - the floor: one hand-written statement counting the jieba-token matches through the
 *     full-text index (what a keyword search cannot do with less), with the same words left out
 *     as the product leaves out (those in more than a tenth of names: 天津, 有限公司);
 *   - the earlier shape: the four match rules as one OR (tokens, `name % kw`, a name LIKE, a LIKE
 *     over unnested former names), which no index can answer.
 * Issue 12 §3.6 adds pinyin and initials keywords and misspelt names (near matches). With
 * `--baseline DIR` the same keywords are also timed, on the same data, with `listEntities` of
 * another checkout (e.g. `git archive 9292dac | tar -x -C DIR` with node_modules linked): the
 * code before the change, on today's schema (it leaves the new column alone).
 * No target is set by the issue; the figures are in docs/BENCHMARKS.md.
 * Run: flock /tmp/zl-heavy.lock npx tsx bench/registry-search.bench.ts [--entities 1000000] [--runs 5] [--skip-old] [--baseline DIR]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../server/src/db/client.js';
import { gradeOf } from '../server/src/modules/credit/index.js';
import { listEntityRows as listEntities, readCommonSearchWords, tsQueryOf } from '../server/src/modules/entities/index.js';
import { seedBuiltins } from '../server/src/modules/system/index.js';
import { FULL_SCOPE } from '../server/src/platform/data-scope/data-scope.js';
import { benchDatabase, machine, median, report } from './lib.js';
import { generateLookupData } from './lookup-data.js';

const { values } = parseArgs({
  options: { entities: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' }, 'skip-old': { type: 'boolean', default: false }, baseline: { type: 'string' } },
});
const N = Number(values.entities);
const RUNS = Number(values.runs);
const KEYWORDS = [
  '天津泰达食品',
  '天津华诚机械有限公司',
  '宏远电子',
  '瑞丰物流',
  '天津鑫盛商贸',
  '华诚',
  '机械',
  '天津市食晶集团有限公司',
  '天津',
  // Issue 12 §3.6: pinyin, initials, and names misspelt by one character (a homophone, another character).
  'huacheng jixie',
  'tjhcjx',
  'hongyuan',
  '天津华成机械有限公司',
  '天津宏远电孑',
];

const FLOOR = `select count(*) from entity where to_tsvector('simple', search_text) @@ to_tsquery('simple', $1)`;
const OLD_SHAPE = `select count(*) from entity where to_tsvector('simple', search_text) @@ to_tsquery('simple', $1) or name % $2 or name like '%' || $2 || '%'
  or exists (select 1 from unnest(former_names) fn where fn like '%' || $2 || '%')`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const database = await benchDatabase('zl_search');
const dbUrl = database.url;
try {
  const handle = await openDatabase({ databaseUrl: dbUrl, poolSize: 2 });
  await handle.migrate();
  await seedBuiltins(handle.db, { adminPassword: 'Bench-Admin-Pass-2026' });
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await generateLookupData(client, N);
  const common = await readCommonSearchWords(handle.db);
  type ListEntities = typeof listEntities;
  const baseline = values.baseline
    ? ((await import(join(values.baseline, 'server/src/modules/entities/entities.repository.ts'))) as { listEntities: ListEntities }).listEntities
    : null;
  const rows: Record<string, string> = { machine: machine(), data: `${N.toLocaleString('en')} entities, PostgreSQL; median of ${RUNS} runs each` };
  for (const kw of KEYWORDS) {
    let total = '';
    const query = { keyword: kw, page: 1, pageSize: 20 } as Parameters<typeof listEntities>[2];
    const product = await timed(async () => {
      const page = await listEntities(handle.db, FULL_SCOPE, query, { gradeOf });
      total = `${page.total.toLocaleString('en')}${page.capped ? '+' : ''}${page.near ? ' near' : ''}`;
    });
    let before = '';
    if (baseline) {
      let n = '';
      const ms = await timed(async () => {
        const page = await baseline(handle.db, FULL_SCOPE, query, { gradeOf });
        n = `${page.total.toLocaleString('en')}${page.capped ? '+' : ''}`;
      });
      before = `; before ${ms.toFixed(1)} ms (${n} matches)`;
    }
    const tsq = tsQueryOf(kw, common);
    const floor = tsq ? await timed(() => client.query(FLOOR, [tsq])) : NaN;
    const old = values['skip-old'] ? NaN : await timed(() => client.query(OLD_SHAPE, [tsq ?? '', kw]));
    rows[`「${kw}」`] =
      `${product.toFixed(1)} ms (${total} matches)${before}; floor (token count) ${floor.toFixed(1)} ms → ${(product / floor).toFixed(1)}×` +
      (values['skip-old'] ? '' : `; earlier one-OR shape ${old.toFixed(0)} ms`);
  }
  await client.end();
  await handle.close();
  report(`Registry search (${N.toLocaleString('en')} entities, PostgreSQL)`, rows);
} finally {
  await database.drop();
}
