/**
 * Exporting the registry to Excel (issue 12 §3.5), the path of GET /api/entities/export: entities
 * read in keyset batches of 1,000 and written as a streamed .xlsx (title rows, labels, dates).
 * Compared in the same run, on the same rows:
 *   - the floor: the same batches, columns and labels written as CSV (RFC 4180, UTF-8 with BOM);
 *   - exceljs's streaming WorkbookWriter fed the same cells (styles shared per column), which is
 *     why the export has its own writer;
 *   - the earlier shape (once): every row in one query with its window count, an in-memory exceljs
 *     workbook, then the whole buffer.
 * Targets: ≤ 3 s for 20,000 entities and ≤ 1.5 × the CSV. Also the heap's peak growth during each
 * (the streamed export holds one batch). Wall time is the median of the runs; CPU time is the
 * process's own (user + system), which a loaded machine disturbs less.
 * Database: PGlite (the default deployment) with the demo registry; --pg uses PostgreSQL
 * (DATABASE_URL, else a throwaway cluster). --template FILE keeps the seeded PGlite directory
 * there and reuses it on the next run.
 * Run: flock /tmp/zl-heavy.lock npx tsx bench/excel-export.bench.ts [--entities 20000] [--runs 5] [--pg] [--template FILE] [--skip-old]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { openDatabase, type DbHandle } from '../server/src/db/client.js';
import { seedCreditBuiltins } from '../server/src/modules/credit/index.js';
import { seedDemoRegistry } from '../server/src/demo/index.js';
import { entityExport } from '../server/src/modules/entities/entities.excel.js';
import { entityExportBatches, listEntities } from '../server/src/modules/entities/entity.service.js';
import { dictLabeler } from '../server/src/modules/system/dict.service.js';
import { seedBuiltins, seedDemo } from '../server/src/modules/system/index.js';
import { composeModules } from '../server/src/composition.js';
import { chinaDateTime, dateSerial, dateTimeSerial, EXPORT_BATCH, EXPORT_ROW_LIMIT, exportXlsx, neutralizeFormula, type ExportColumn } from '../server/src/platform/excel/excel-export.js';
import type { EntitySummary } from '../contracts/entities.js';
import { benchDatabase, machine, median, report } from './lib.js';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '5' },
    pg: { type: 'boolean', default: false },
    template: { type: 'string' },
    'skip-old': { type: 'boolean', default: false },
  },
});
const N = Number(values.entities);
const RUNS = Number(values.runs);
const TARGET_MS = 3000;
const TARGET_RATIO = 1.5;

async function open(): Promise<{ handle: DbHandle; close(): Promise<void> }> {
  const seed = async (handle: DbHandle) => {
    await handle.migrate();
    await seedBuiltins(handle.db, { adminPassword: 'Bench-Admin-Pass-2026' });
    await seedCreditBuiltins(handle.db);
    await seedDemo(handle.db, { password: 'Bench-Demo-Pass-2026' });
    await seedDemoRegistry(composeModules().systemCtx(handle.db), { entities: N });
  };
  if (values.pg) {
    const database = await benchDatabase('zl_export');
    const handle = await openDatabase({ databaseUrl: database.url, poolSize: 2 });
    await seed(handle);
    return {
      handle,
      close: async () => {
        await handle.close();
        await database.drop();
      },
    };
  }
  if (values.template && existsSync(values.template)) {
    const handle = await openDatabase({ loadDataDir: new Blob([readFileSync(values.template)]) });
    return { handle, close: () => handle.close() };
  }
  const handle = await openDatabase({ memory: true });
  await seed(handle);
  if (values.template) writeFileSync(values.template, Buffer.from(await (await handle.dump!()).arrayBuffer()));
  return { handle, close: () => handle.close() };
}

/** A sink that counts bytes, as a client reading the download would. */
function counter(): Writable & { bytes: number } {
  const w = new Writable({
    write(chunk: Buffer, _e, cb) {
      w.bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

interface Sample {
  ms: number;
  cpuMs: number;
  bytes: number;
  heapPeakMb: number;
}

async function measure(fn: () => Promise<number>): Promise<Sample> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
  const cpu = process.cpuUsage();
  const t = performance.now();
  const bytes = await fn();
  const ms = performance.now() - t;
  const c = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, cpuMs: (c.user + c.system) / 1000, bytes, heapPeakMb: (peak - base) / 2 ** 20 };
}

const db = await open();
try {
  const ctx = composeModules().systemCtx(db.handle.db, { username: 'bench' });
  const label = await dictLabeler(db.handle.db);
  const columns = entityExport({ grade: true, risk: true });
  const batches = () => entityExportBatches(ctx, {}, EXPORT_ROW_LIMIT, EXPORT_BATCH);
  const spec = { title: '市场主体', filters: [], columns, label, maxRows: EXPORT_ROW_LIMIT };

  const product = async () => {
    let bytes = 0;
    for await (const chunk of exportXlsx({ ...spec, rows: batches() })) bytes += chunk.length;
    return bytes;
  };

  // The same cells as text, the way a CSV export would write them.
  const csvField = (c: ExportColumn<EntitySummary>, e: EntitySummary): string => {
    const v = c.value(e, label);
    if (v === null || v === undefined) return '';
    if (c.type === 'number') return String(v);
    if (c.type === 'date') return String(v).slice(0, 10);
    if (c.type === 'datetime') return chinaDateTime(new Date(v as string));
    const s = neutralizeFormula(v as string);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const csv = async () => {
    const out = counter();
    out.write('\uFEFF' + columns.map((c) => c.header).join(',') + '\r\n');
    for await (const rows of batches()) {
      let text = '';
      for (const e of rows) text += columns.map((c) => csvField(c, e)).join(',') + '\r\n';
      if (!out.write(text)) await new Promise((r) => out.once('drain', r));
    }
    await new Promise<void>((r) => out.end(r));
    return out.bytes;
  };

  const toDate = (serial: number | null) => (serial === null ? null : new Date(Math.round((serial - 25569) * 86_400_000)));
  const cell = (c: ExportColumn<EntitySummary>, e: EntitySummary): ExcelJS.CellValue => {
    const v = c.value(e, label);
    if (v === null || v === undefined) return null;
    if (c.type === 'number') return v as number;
    if (c.type === 'date') return toDate(dateSerial(v as string));
    if (c.type === 'datetime') return toDate(dateTimeSerial(v as string));
    return neutralizeFormula(v as string);
  };
  const exceljsStream = async () => {
    const out = counter();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('市场主体');
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
    // One style object per column: exceljs caches a style by object identity.
    const styles = columns.map((c) => (c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {}));
    for await (const rows of batches()) {
      for (const e of rows) {
        const row = ws.addRow(columns.map((c) => cell(c, e)));
        styles.forEach((s, i) => (row.getCell(i + 1).style = s));
        row.commit();
      }
    }
    ws.commit();
    await wb.commit();
    return out.bytes;
  };

  const old = async () => {
    const page = await listEntities(ctx, { page: 1, pageSize: EXPORT_ROW_LIMIT } as Parameters<typeof listEntities>[1], { matchesMax: EXPORT_ROW_LIMIT });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('市场主体');
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
    for (const e of page.items) sheet.addRow(columns.map((c) => c.value(e, label) ?? null));
    return (await wb.xlsx.writeBuffer()).byteLength;
  };

  // Warm-up: query plans, JIT, the dictionary.
  await product();
  await csv();
  const samples: Record<'product' | 'csv' | 'exceljs', Sample[]> = { product: [], csv: [], exceljs: [] };
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so a change in the machine's load falls on all three alike.
    samples.product.push(await measure(product));
    samples.csv.push(await measure(csv));
    samples.exceljs.push(await measure(exceljsStream));
  }
  const oldSample = values['skip-old'] ? null : await measure(old);

  const med = (s: Sample[], k: keyof Sample) => median(s.map((x) => x[k]));
  const line = (s: Sample[]) =>
    `${med(s, 'ms').toFixed(0)} ms (CPU ${med(s, 'cpuMs').toFixed(0)} ms), ${(med(s, 'bytes') / 2 ** 20).toFixed(2)} MB, heap peak +${Math.max(...s.map((x) => x.heapPeakMb)).toFixed(0)} MB`;
  const ratio = med(samples.product, 'ms') / med(samples.csv, 'ms');
  const cpuRatio = med(samples.product, 'cpuMs') / med(samples.csv, 'cpuMs');
  const rows: Record<string, string> = {
    machine: machine(),
    data: `${N.toLocaleString('en')} entities (demo registry), ${values.pg ? 'PostgreSQL' : 'PGlite'}; median of ${RUNS} runs each, interleaved`,
    'export (.xlsx, streamed)': line(samples.product),
    'floor: same rows as CSV': line(samples.csv),
    'exceljs WorkbookWriter, same cells': `${line(samples.exceljs)} → ${(med(samples.exceljs, 'ms') / med(samples.csv, 'ms')).toFixed(2)}× CSV`,
    'export / CSV': `${ratio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU (target ≤ ${TARGET_RATIO}×)`,
    [`≤ ${TARGET_MS} ms`]: med(samples.product, 'ms') <= TARGET_MS ? 'yes' : 'NO',
  };
  if (oldSample) rows['earlier shape (one query, in-memory exceljs), 1 run'] = `${oldSample.ms.toFixed(0)} ms (CPU ${oldSample.cpuMs.toFixed(0)} ms), heap peak +${oldSample.heapPeakMb.toFixed(0)} MB`;
  report(`Excel export of the registry (${N.toLocaleString('en')} entities, ${values.pg ? 'PostgreSQL' : 'PGlite'})`, rows);
  if (ratio > TARGET_RATIO || med(samples.product, 'ms') > TARGET_MS) process.exitCode = 1;
} finally {
  await db.close();
}
