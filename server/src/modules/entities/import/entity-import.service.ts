/**
 * Bulk import of market entities (市场主体批量导入) from CSV or .xlsx in one streamed pass inside
 * one transaction, so that a million-row file never sits in memory and the database works while
 * the next rows are read: every row is validated with the form's rules, and while the file is clean
 * (or the user chose to skip invalid rows) valid rows are loaded in batches — new entities inserted
 * directly, registered ones staged and upserted. A file with errors imports nothing unless
 * skip-invalid: loading stops at the first error, reading goes on to report every error, and the
 * transaction rolls back. One audit row per import.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportRowError } from '../../../../../contracts/common.js';
import type { CreateEntityBody } from '../../../../../contracts/entities.js';
import { refreshStatistics, type Transaction } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import type { Ctx } from '../../../platform/context.js';
import { jurisdictionInScope } from '../../../platform/data-scope/data-scope.js';
import { AppError } from '../../../platform/http/errors.js';
import { knownDistrictCodes } from '../entities.repository.js';
import { entityColumns } from '../entity.service.js';
import { detectKind, type FileRow, type ImportFileKind } from './entity-import.reader.js';
import { readRows } from './entity-import.rows.js';
import {
  clearStage,
  createStage,
  dropStagedRows,
  insertUnregistered,
  OPTIONAL_ENTITY_COLUMNS,
  registeredUsccs,
  stageBatch,
  stagedOutsideScope,
  transactionStart,
  upsertStaged,
  UsccRegisteredMeanwhile,
  type OptionalEntityColumn,
  type StagedEntity,
} from './entity-import.repository.js';
import {
  DuplicateTracker,
  duplicateMessage,
  ENTITY_IMPORT_COLUMNS,
  ErrorCollector,
  headerProblemMessage,
  isBlankRow,
  mapHeader,
  MAX_REPORTED_ERRORS,
  parseEntityRow,
  rowValues,
  type EntityImportKey,
  type HeaderMap,
} from './entity-import.rules.js';

/** Rows per batch: one probe, then one COPY (or unnest insert) of the new rows and one stage + upsert of the registered ones. */
const STAGE_BATCH = 5000;
/** Batches read ahead of the one the database is loading. */
const IN_FLIGHT = 3;
/** Rows read between two turns of the event loop. */
const YIELD_EVERY = 250;

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

/** Thrown inside the transaction to roll it back when a file with errors is not imported. */
class FileRefused extends Error {}

/**
 * Import the entities of the file at `path`. Throws IMPORT_FILE_INVALID for an unreadable file or
 * a wrong header row; row errors come back in the outcome (the route turns them into a 400).
 */
export async function importEntities(ctx: Ctx, path: string, opts: EntityImportOptions): Promise<EntityImportOutcome> {
  const kind = opts.kind ?? (await detectKind(path));
  try {
    return await importOnce(ctx, path, kind, opts, true);
  } catch (e) {
    if (!(e instanceof UsccRegisteredMeanwhile)) throw e;
    // Another transaction registered one of the file's new entities while it loaded (everything
    // rolled back): start over, upserting every row, which settles such a race row by row.
    return importOnce(ctx, path, kind, opts, false);
  }
}

/**
 * One attempt. `insertNew`: insert the rows of unregistered USCCs directly (PostgreSQL: COPY, as
 * fast as the raw load), else upsert every row through the stage.
 */
async function importOnce(ctx: Ctx, path: string, kind: ImportFileKind, opts: EntityImportOptions, insertNew: boolean): Promise<EntityImportOutcome> {
  const districts = await knownDistrictCodes(ctx.db);
  const { header, rows } = await openRows(path, kind);
  /** Row errors found while reading, in row order. */
  const errors = new ErrorCollector();
  /** Rows naming an entity registered in another district, found per batch: listed after the row errors. */
  const outside = new ErrorCollector();
  let dataRows = 0;
  const present = header.present;
  const columns = OPTIONAL_ENTITY_COLUMNS.filter((c) => [...present].some((k) => KEY_TO_COLUMN[k] === c));
  const formerNames = present.has('formerNames');
  // Valid rows are loaded while the file is clean, or all of them with skip-invalid.
  const loading = () => errors.total === 0 || opts.skipInvalid;
  let changedSince: Date | null = null;
  let result: EntityImportOutcome;
  try {
    result = await ctx.db.transaction(async (tx: Transaction) => {
      changedSince = await transactionStart(tx);
      await createStage(tx);
      let staged = 0;
      let inserted = 0;
      let updated = 0;

      /** Load one batch (the next one is read and parsed while the database works on this one). */
      const flush = async (batch: StagedEntity[]) => {
        if (batch.length === 0) return;
        let known = batch;
        if (insertNew) {
          const registered = await registeredUsccs(
            tx,
            batch.map((r) => r.uscc),
          );
          const fresh = registered.size === 0 ? batch : batch.filter((r) => !registered.has(r.uscc));
          known = registered.size === 0 ? [] : batch.filter((r) => registered.has(r.uscc));
          await insertUnregistered(tx, fresh);
          inserted += fresh.length;
          staged += fresh.length;
        }
        if (known.length === 0) return;
        await stageBatch(tx, known);
        let count = known.length;
        // An officer may not take over an entity registered outside their territory.
        if (!ctx.scope.all) {
          const out = await stagedOutsideScope(tx, ctx.scope.jurisdictionPrefixes);
          for (const o of out) outside.add(o.rowNo, '统一社会信用代码', `该主体已登记在区划 ${o.districtCode}，超出您的数据权限范围`);
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

      // Batches load one after another (one connection); reading runs up to IN_FLIGHT batches
      // ahead, so neither side waits on the other's slow moments (a GIN index merging its
      // pending list stalls the database for a while; jieba is the costliest step in JS).
      let chain: Promise<void> = Promise.resolve();
      const inFlight: Promise<void>[] = [];
      let batch: StagedEntity[] = [];
      const dup = new DuplicateTracker();
      try {
        for await (const { row, cells } of rows) {
          if (isBlankRow(cells)) continue;
          dataRows++;
          // Rows of a read chunk come without a trip through the event loop; give the database's
          // answers (probe result, CopyInResponse, end of a statement) a turn now and then, so
          // the next statement of the batch in flight starts without waiting for the chunk's end.
          if (dataRows % YIELD_EVERY === 0) await nextTurn();
          const parsed = parseEntityRow(rowValues(cells, header));
          if (!parsed.ok) {
            for (const e of parsed.errors) errors.add(row, e.column, e.message);
          } else {
            const { uscc, districtCode } = parsed.value;
            if (!districts.has(districtCode)) errors.add(row, '区划代码', `区划代码 ${districtCode} 不在区划表中`);
            else if (!jurisdictionInScope(ctx.scope, districtCode)) errors.add(row, '区划代码', `区划代码 ${districtCode} 超出您的数据权限范围`);
            const first = dup.seen(uscc, row);
            if (first !== null) errors.add(row, '统一社会信用代码', duplicateMessage(row, first));
            if (!errors.invalidRows.has(row) && loading()) batch.push(stagedOf(row, parsed.value));
          }
          if (!loading()) batch = [];
          else if (batch.length >= STAGE_BATCH) {
            const next = batch;
            chain = chain.then(() => flush(next));
            // Rejections surface at the next await; this only keeps Node from calling them unhandled meanwhile.
            chain.catch(() => undefined);
            inFlight.push(chain);
            batch = [];
            if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
          }
        }
        await chain;
      } catch (e) {
        // Let the batch in flight finish before the transaction rolls back on the same connection.
        await chain.catch(() => undefined);
        throw e;
      }
      // Nothing is imported: the transaction rolls back every batch loaded before the first error.
      if (!loading()) throw new FileRefused();
      await flush(batch);

      if (outside.total > 0 && !opts.skipInvalid) {
        throw new AppError('IMPORT_INVALID', { details: listed(errors, outside) });
      }

      const outcome: EntityImportOutcome = {
        inserted,
        updated,
        unchanged: staged - inserted - updated,
        skipped: errors.invalidRows.size + outside.invalidRows.size,
        errors: listed(errors, outside),
        errorCount: errors.total + outside.total,
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
  } catch (e) {
    if (e instanceof FileRefused) return { inserted: 0, updated: 0, unchanged: 0, skipped: 0, errors: errors.items, errorCount: errors.total, imported: false };
    throw e;
  } finally {
    await rows.return(undefined);
  }
  // After the commit: derived state (credit evaluations) for what the import inserted or changed —
  // also when every row was unchanged, so that entities an earlier import left ungraded get graded.
  if (changedSince && result.imported) await ctx.domain.events.entitiesImported(ctx.db, ctx, changedSince);
  if (result.inserted > 0) await refreshStatistics(ctx.db, 'entity');
  return result;
}

/** The errors listed in the outcome: row errors first, then entities of other districts, capped. */
function listed(errors: ErrorCollector, outside: ErrorCollector): ImportRowError[] {
  return outside.items.length === 0 ? errors.items : [...errors.items, ...outside.items].slice(0, MAX_REPORTED_ERRORS);
}
