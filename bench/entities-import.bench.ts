/**
 * Importing 1,000,000 market entities from CSV on PostgreSQL (issue 4 §1): throughput at least half
 * of a raw `COPY entity FROM` of the same content into the same table with its indexes, and peak
 * RSS of the importing process ≤ 500 MB. The importer runs in a child process (the product's
 * `importEntities`: one streamed pass in one transaction, COPY of new entities, stage + upsert of
 * registered ones, audit) so its max RSS is its own.
 * Uses DATABASE_URL when set, else starts a throwaway PostgreSQL cluster.
 * Run: npx tsx bench/entities-import.bench.ts [--rows 1000000] [--runs 3]
 * Exploring only (the figures are then incomplete and no target is checked): --no-copy skips the
 * raw-COPY floor, --no-reimport the re-import; --data-dir DIR keeps the generated files there and
 * reuses them on the next run; --trace-mem makes the child sample process.memoryUsage() and print
 * the samples and peaks (pass NODE_OPTIONS to the bench to try V8 flags in the child).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/client.js';
import { importEntities } from '../server/src/modules/entities/import/entity-import.service.js';
import { CITY, TIANJIN_DISTRICTS } from '../server/src/modules/system/seed/tianjin.data.js';
import { composeModules } from '../server/src/composition.js';
import { RAW_COLUMNS, writeEntityFiles } from './entities-data.js';
import { benchPostgres, machine, median, report } from './lib.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    child: { type: 'string' },
    'no-copy': { type: 'boolean', default: false },
    'no-reimport': { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    'trace-mem': { type: 'boolean', default: false },
  },
});

const RATIO_TARGET = 0.5;
const RSS_TARGET_MB = 500;

if (values.child) {
  // Child: import the file into DATABASE_URL and report time, result and this process's peak RSS.
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
  const peaks = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const mb = (n: number) => Math.round(n / 2 ** 20);
  const t0 = performance.now();
  const sampler = values['trace-mem']
    ? setInterval(() => {
        const m = process.memoryUsage();
        for (const k of Object.keys(peaks) as (keyof typeof peaks)[]) peaks[k] = Math.max(peaks[k], m[k]);
        const s = ((performance.now() - t0) / 1000).toFixed(0);
        process.stderr.write(`mem t=${s}s rss=${mb(m.rss)} heapTotal=${mb(m.heapTotal)} heapUsed=${mb(m.heapUsed)} external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)} MB\n`);
      }, 2000)
    : undefined;
  try {
    const r = await importEntities(composeModules().systemCtx(handle.db, { username: 'bench' }), values.child, { skipInvalid: false });
    const ms = performance.now() - t0;
    const mem = sampler ? Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, mb(v)])) : undefined;
    process.stdout.write(`${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, errorCount: r.errorCount, mem })}\n`);
  } finally {
    clearInterval(sampler);
    await handle.close();
  }
  process.exit(0);
}

const rows = Number(values.rows);
const runs = Number(values.runs);
const withCopy = !values['no-copy'];
const withReimport = !values['no-reimport'];
const keepDir = values['data-dir'];
if (keepDir) mkdirSync(keepDir, { recursive: true });
const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'zl-bench-entities-'));
chmodSync(dir, 0o755); // the server (user postgres) reads the raw file for COPY
const importFile = join(dir, `entities-${rows}.csv`);
const rawFile = join(dir, `entities-raw-${rows}.csv`);
let t = performance.now();
// A kept directory is reused only when it has every file this run needs.
if (!keepDir || !existsSync(importFile) || (withCopy && !existsSync(rawFile))) {
  await writeEntityFiles(rows, importFile, withCopy ? rawFile : undefined);
  console.log(`generated ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: import CSV ${(statSync(importFile).size / 2 ** 20).toFixed(0)} MiB`);
}
if (withCopy) chmodSync(rawFile, 0o644);

const postgres = benchPostgres();
const handle = await openDatabase({ databaseUrl: postgres.url, poolSize: 2 });
let failed = false;
try {
  await handle.migrate();
  const districts = [CITY, ...TIANJIN_DISTRICTS.map((d) => ({ ...d, level: 3 }))];
  await handle.db.execute(sql`insert into district (code, name, parent_code, level) values ${sql.join(
    districts.map((d) => sql`(${d.code}, ${d.name}, ${d.code === CITY.code ? null : CITY.code}, ${d.level})`),
    sql`, `,
  )} on conflict do nothing`);
  // Empty the registry between runs. archive_record (empty here) refuses TRUNCATE by trigger;
  // replica mode skips user triggers for this one transaction (the bench connects as superuser).
  const empty = () =>
    handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`truncate entity restart identity cascade`);
    });

  const child = () => {
    const args = ['tsx', import.meta.filename, '--child', importFile, ...(values['trace-mem'] ? ['--trace-mem'] : [])];
    const r = spawnSync('npx', args, { env: { ...process.env, DATABASE_URL: postgres.url }, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`importer failed: ${r.stderr}`);
    if (values['trace-mem']) process.stdout.write(r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; maxRssKb: number; inserted: number; updated: number; unchanged: number; errorCount: number; mem?: Record<string, number> };
    if (out.mem) console.log(`child peaks (MB): ${JSON.stringify(out.mem)}`);
    return out;
  };

  const copyMs: number[] = [];
  const importMs: number[] = [];
  const rssMb: number[] = [];
  let reimport: ReturnType<typeof child> | null = null;
  for (let run = 0; run < runs; run++) {
    if (withCopy) {
      await empty();
      t = performance.now();
      await handle.db.execute(sql.raw(`copy entity (${RAW_COLUMNS.join(', ')}) from '${rawFile}' with (format csv, header true)`));
      copyMs.push(performance.now() - t);
    }

    await empty();
    const r = child();
    if (r.inserted !== rows || r.errorCount !== 0) throw new Error(`expected ${rows} inserted, got ${JSON.stringify(r)}`);
    importMs.push(r.ms);
    rssMb.push(r.maxRssKb / 1024);
    const copyText = withCopy ? `COPY ${(copyMs.at(-1)! / 1000).toFixed(1)} s, ` : '';
    console.log(`run ${run + 1}: ${copyText}import ${(r.ms / 1000).toFixed(1)} s, peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB`);
    if (run === runs - 1 && withReimport) reimport = child();
  }
  if (withReimport && (!reimport || reimport.unchanged !== rows)) throw new Error(`re-import should leave all ${rows} rows unchanged: ${JSON.stringify(reimport)}`);

  const copy = withCopy ? median(copyMs) : NaN;
  const imp = median(importMs);
  const ratio = copy / imp;
  const peak = Math.max(...rssMb, reimport ? reimport.maxRssKb / 1024 : 0);
  report(`Entity import: ${rows.toLocaleString('en')} rows from CSV (${runs} runs)`, {
    machine: machine(),
    'raw COPY entity FROM file (median)': withCopy ? `${(copy / 1000).toFixed(1)} s = ${Math.round(rows / (copy / 1000)).toLocaleString('en')} rows/s` : 'skipped (--no-copy)',
    'importEntities (median)': `${(imp / 1000).toFixed(1)} s = ${Math.round(rows / (imp / 1000)).toLocaleString('en')} rows/s`,
    'throughput ratio importer / COPY': withCopy ? `${ratio.toFixed(2)}× (target ≥ ${RATIO_TARGET}×)` : 'not measured',
    'peak RSS of the importing process (import and re-import)': `${peak.toFixed(0)} MB (target ≤ ${RSS_TARGET_MB} MB)`,
    're-import of the same file (all unchanged)': reimport ? `${(reimport.ms / 1000).toFixed(1)} s, peak RSS ${(reimport.maxRssKb / 1024).toFixed(0)} MB` : 'skipped (--no-reimport)',
  });
  // An exploratory run (a part skipped) checks no target.
  if (!withCopy || !withReimport) console.log('exploratory run: targets not checked');
  else if (ratio < RATIO_TARGET || peak > RSS_TARGET_MB) failed = true;
} finally {
  await handle.close();
  postgres.stop();
  if (!keepDir) rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
