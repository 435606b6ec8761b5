/**
 * Importing 1,000,000 market entities from CSV on PostgreSQL (issue 4 §1): throughput at least half
 * of a raw `COPY entity FROM` of the same content into the same table with its indexes, and peak
 * RSS of the importing process ≤ 500 MB. The importer runs in a child process (the product's
 * `importEntities`: two streamed passes, staging, upsert, audit) so its max RSS is its own.
 * Uses DATABASE_URL when set, else starts a throwaway PostgreSQL cluster.
 * Run: npx tsx bench/entities-import.bench.ts [--rows 1000000] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/client.js';
import { importEntities } from '../server/src/modules/entities/import/entity-import.service.js';
import { CITY, TIANJIN_DISTRICTS } from '../server/src/modules/system/seed/tianjin.data.js';
import { systemCtx } from '../server/src/platform/context.js';
import { RAW_COLUMNS, writeEntityFiles } from './entities-data.js';
import { benchPostgres, machine, median, report } from './lib.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, child: { type: 'string' } } });

const RATIO_TARGET = 0.5;
const RSS_TARGET_MB = 500;

if (values.child) {
  // Child: import the file into DATABASE_URL and report time, result and this process's peak RSS.
  const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 });
  try {
    const t0 = performance.now();
    const r = await importEntities(systemCtx(handle.db, { username: 'bench' }), values.child, { skipInvalid: false });
    const ms = performance.now() - t0;
    process.stdout.write(`${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, errorCount: r.errorCount })}\n`);
  } finally {
    await handle.close();
  }
  process.exit(0);
}

const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'zl-bench-entities-'));
chmodSync(dir, 0o755); // the server (user postgres) reads the raw file for COPY
const importFile = join(dir, 'entities.csv');
const rawFile = join(dir, 'entities-raw.csv');
let t = performance.now();
await writeEntityFiles(rows, importFile, rawFile);
chmodSync(rawFile, 0o644);
console.log(`generated ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: import CSV ${(statSync(importFile).size / 2 ** 20).toFixed(0)} MiB`);

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
    const r = spawnSync('npx', ['tsx', import.meta.filename, '--child', importFile], { env: { ...process.env, DATABASE_URL: postgres.url }, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`importer failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; maxRssKb: number; inserted: number; updated: number; unchanged: number; errorCount: number };
  };

  const copyMs: number[] = [];
  const importMs: number[] = [];
  const rssMb: number[] = [];
  let reimport: ReturnType<typeof child> | null = null;
  for (let run = 0; run < runs; run++) {
    await empty();
    t = performance.now();
    await handle.db.execute(sql.raw(`copy entity (${RAW_COLUMNS.join(', ')}) from '${rawFile}' with (format csv, header true)`));
    copyMs.push(performance.now() - t);

    await empty();
    const r = child();
    if (r.inserted !== rows || r.errorCount !== 0) throw new Error(`expected ${rows} inserted, got ${JSON.stringify(r)}`);
    importMs.push(r.ms);
    rssMb.push(r.maxRssKb / 1024);
    console.log(`run ${run + 1}: COPY ${(copyMs.at(-1)! / 1000).toFixed(1)} s, import ${(r.ms / 1000).toFixed(1)} s, peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB`);
    if (run === runs - 1) reimport = child();
  }
  if (!reimport || reimport.unchanged !== rows) throw new Error(`re-import should leave all ${rows} rows unchanged: ${JSON.stringify(reimport)}`);

  const copy = median(copyMs);
  const imp = median(importMs);
  const ratio = copy / imp;
  const peak = Math.max(...rssMb);
  report(`Entity import: ${rows.toLocaleString('en')} rows from CSV (${runs} runs)`, {
    machine: machine(),
    'raw COPY entity FROM file (median)': `${(copy / 1000).toFixed(1)} s = ${Math.round(rows / (copy / 1000)).toLocaleString('en')} rows/s`,
    'importEntities (median)': `${(imp / 1000).toFixed(1)} s = ${Math.round(rows / (imp / 1000)).toLocaleString('en')} rows/s`,
    'throughput ratio importer / COPY': `${ratio.toFixed(2)}× (target ≥ ${RATIO_TARGET}×)`,
    'peak RSS of the importing process': `${peak.toFixed(0)} MB (target ≤ ${RSS_TARGET_MB} MB)`,
    're-import of the same file (all unchanged)': `${(reimport.ms / 1000).toFixed(1)} s, peak RSS ${(reimport.maxRssKb / 1024).toFixed(0)} MB`,
  });
  if (ratio < RATIO_TARGET || peak > RSS_TARGET_MB) failed = true;
} finally {
  await handle.close();
  postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
