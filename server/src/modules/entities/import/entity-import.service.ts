/**
 * Bulk import of market entities (市场主体批量导入) from CSV or .xlsx, in two streamed passes so
 * that a million-row file never sits in memory: pass 1 validates every row with the form's rules
 * and collects errors; pass 2 (only when the file is clean, or the user chose to skip invalid rows)
 * stages the valid rows and upserts them in one transaction with one audit row.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { ImportRowError } from '../../../../../contracts/common.js';
import type { CreateEntityBody } from '../../../../../contracts/entities.js';
import type { Transaction } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import type { Ctx } from '../../../platform/context.js';
import { districtInScope } from '../../../platform/data-scope/data-scope.js';
import { AppError } from '../../../platform/http/errors.js';
import { knownDistrictCodes } from '../entities.repository.js';
import { entityColumns } from '../entity.service.js';
import { detectKind, readRows, type FileRow, type ImportFileKind } from './entity-import.reader.js';
import { clearStage, createStage, dropStagedRows, OPTIONAL_ENTITY_COLUMNS, stageBatch, stagedOutsideScope, transactionStart, upsertStaged, type OptionalEntityColumn, type StagedEntity } from './entity-import.repository.js';
import { notifyEntitiesImported } from '../archive-events.js';
import {
  DuplicateTracker,
  duplicateMessage,
  ENTITY_IMPORT_COLUMNS,
  ErrorCollector,
  headerProblemMessage,
  isBlankRow,
  mapHeader,
  parseEntityRow,
  rowValues,
  type EntityImportKey,
  type HeaderMap,
} from './entity-import.rules.js';

/** Rows per staging statement and upsert (19 array parameters each). */
const STAGE_BATCH = 5000;

export interface EntityImportOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Invalid rows left out (skip-invalid); 0 when nothing was imported. */
  skipped: number;
  /** The first MAX_REPORTED_ERRORS errors, rows numbered as in the file (header = 1). */
  errors: ImportRowError[];
  /** All errors, also those not listed. */
  errorCount: number;
  /** False when the file had errors and the user did not choose to skip invalid rows. */
  imported: boolean;
}

export interface EntityImportOptions {
  skipInvalid: boolean;
  /** Detected from the content when absent. */
  kind?: ImportFileKind;
}

/** Which stored columns the file carries (others keep their stored values on update). */
const KEY_TO_COLUMN: Partial<Record<EntityImportKey, OptionalEntityColumn>> = {
  entityType: 'entity_type',
  legalRep: 'legal_rep',
  address: 'address',
  registeredCapital: 'registered_capital',
  establishedOn: 'established_on',
  status: 'status',
  scale: 'scale',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  qualityOfficer: 'quality_officer',
};

/** The header row (the first non-blank row) mapped to keys, and the remaining rows. */
async function openRows(path: string, kind: ImportFileKind): Promise<{ header: HeaderMap<EntityImportKey>; rows: AsyncGenerator<FileRow> }> {
  const rows = readRows(path, kind);
  for (;;) {
    const next = await rows.next();
    if (next.done) throw new AppError('IMPORT_FILE_INVALID', { message: { zh: '导入文件没有表头行', en: 'The file has no header row' } });
    if (isBlankRow(next.value.cells)) continue;
    const mapped = mapHeader(next.value.cells, ENTITY_IMPORT_COLUMNS);
    if (!mapped.ok) {
      await rows.return(undefined);
      throw new AppError('IMPORT_FILE_INVALID', { message: headerProblemMessage(mapped.problem, ENTITY_IMPORT_COLUMNS), details: mapped.problem });
    }
    return { header: mapped.map, rows };
  }
}

function stagedOf(rowNo: number, body: CreateEntityBody): StagedEntity {
  return { rowNo, uscc: body.uscc, ...entityColumns(body) };
}

/**
 * Import the entities of the file at `path`. Throws IMPORT_FILE_INVALID for an unreadable file or
 * a wrong header row; row errors come back in the outcome (the route turns them into a 400).
 */
export async function importEntities(ctx: Ctx, path: string, opts: EntityImportOptions): Promise<EntityImportOutcome> {
  const kind = opts.kind ?? (await detectKind(path));

  // Pass 1: validate every row; keep in memory only the errors and each USCC's first row. Valid
  // rows go, as parsed, to a spool file next to the upload, so pass 2 streams them without parsing
  // again (the form schema is the costliest step per row).
  const spoolDir = await mkdtemp(join(tmpdir(), 'zl-entity-import-'));
  const spoolPath = join(spoolDir, 'valid.ndjson');
  try {
    return await importWithSpool(ctx, path, kind, spoolPath, opts);
  } finally {
    await rm(spoolDir, { recursive: true, force: true });
  }
}

async function importWithSpool(ctx: Ctx, path: string, kind: ImportFileKind, spoolPath: string, opts: EntityImportOptions): Promise<EntityImportOutcome> {
  const districts = await knownDistrictCodes(ctx.db);
  const errors = new ErrorCollector();
  let dataRows = 0;
  let present: Set<EntityImportKey>;
  {
    const { header, rows } = await openRows(path, kind);
    present = header.present;
    const dup = new DuplicateTracker();
    const spool = createWriteStream(spoolPath, { mode: 0o600 });
    const write = async (line: string) => {
      if (!spool.write(line)) await once(spool, 'drain');
    };
    for await (const { row, cells } of rows) {
      if (isBlankRow(cells)) continue;
      dataRows++;
      const parsed = parseEntityRow(rowValues(cells, header));
      if (!parsed.ok) {
        for (const e of parsed.errors) errors.add(row, e.column, e.message);
        continue;
      }
      const { uscc, districtCode } = parsed.value;
      if (!districts.has(districtCode)) errors.add(row, '区划代码', `区划代码 ${districtCode} 不在区划表中`);
      else if (!districtInScope(ctx.scope, districtCode)) errors.add(row, '区划代码', `区划代码 ${districtCode} 超出您的数据权限范围`);
      const first = dup.seen(uscc, row);
      if (first !== null) errors.add(row, '统一社会信用代码', duplicateMessage(row, first));
      if (!errors.invalidRows.has(row)) await write(`${JSON.stringify([row, parsed.value])}\n`);
    }
    spool.end();
    await finished(spool);
  }

  if (errors.total > 0 && !opts.skipInvalid) {
    return { inserted: 0, updated: 0, unchanged: 0, skipped: 0, errors: errors.items, errorCount: errors.total, imported: false };
  }

  // Pass 2: stage the valid rows, upsert, audit — one transaction.
  const columns = OPTIONAL_ENTITY_COLUMNS.filter((c) => [...present].some((k) => KEY_TO_COLUMN[k] === c));
  const formerNames = present.has('formerNames');
  let changedSince: Date | null = null;
  const result = await ctx.db.transaction(async (tx: Transaction) => {
    changedSince = await transactionStart(tx);
    await createStage(tx);
    let staged = 0;
    let inserted = 0;
    let updated = 0;
    // Rows naming an entity of another district are reported as they are found (flushes run one
    // after another, in row order), so memory does not grow with how many there are.
    let outsideRows = 0;
    /** Stage one batch and upsert it; the next batch is parsed (JS) while the database works on this one. */
    const flush = async (batch: StagedEntity[]) => {
      if (batch.length === 0) return;
      await stageBatch(tx, batch);
      let count = batch.length;
      // A district user may not take over an entity registered in another district.
      if (!ctx.scope.all) {
        const out = await stagedOutsideScope(tx, ctx.scope.districtPrefixes);
        for (const o of out) errors.add(o.rowNo, '统一社会信用代码', `该主体已登记在区划 ${o.districtCode}，超出您的数据权限范围`);
        outsideRows += out.length;
        await dropStagedRows(
          tx,
          out.map((o) => o.rowNo),
        );
        count -= out.length;
      }
      const r = await upsertStaged(tx, { columns, formerNames });
      await clearStage(tx);
      staged += count;
      inserted += r.inserted;
      updated += r.updated;
    };
    let pending: Promise<void> = Promise.resolve();
    let batch: StagedEntity[] = [];
    const lines = createInterface({ input: createReadStream(spoolPath), crlfDelay: Infinity });
    for await (const line of lines) {
      const [row, body] = JSON.parse(line) as [number, CreateEntityBody];
      batch.push(stagedOf(row, body));
      if (batch.length >= STAGE_BATCH) {
        await pending;
        pending = flush(batch);
        // Rejections surface at the next await; this only keeps Node from calling them unhandled meanwhile.
        pending.catch(() => undefined);
        batch = [];
      }
    }
    await pending;
    await flush(batch);

    if (outsideRows > 0 && !opts.skipInvalid) {
      // Nothing is imported: the transaction rolls back every batch.
      throw new AppError('IMPORT_INVALID', { details: errors.items });
    }

    const outcome: EntityImportOutcome = {
      inserted,
      updated,
      unchanged: staged - inserted - updated,
      skipped: errors.invalidRows.size,
      errors: errors.items,
      errorCount: errors.total,
      imported: true,
    };
    await appendAudit(tx, ctx, {
      action: 'entities.entity.import',
      targetType: 'entity',
      targetId: null,
      after: { rows: dataRows, inserted, updated, unchanged: outcome.unchanged, skipped: outcome.skipped, errors: outcome.errorCount },
    });
    return outcome;
  });
  // After the commit: derived state (credit evaluations) for what the import inserted or changed.
  if (changedSince && result.inserted + result.updated > 0) await notifyEntitiesImported(ctx.db, ctx, changedSince);
  return result;
}
