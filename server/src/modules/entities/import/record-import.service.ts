/**
 * Import of historical archive records (历史档案记录导入): pass 1 validates every row (payload
 * rules, the entity exists and is in the importer's scope), pass 2 appends the valid rows through
 * `appendRecord` in one transaction, so listeners (credit evaluation) see them like any other record.
 * Each row's source id is a hash of its content: a re-import adds nothing.
 */
import type { Transaction } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import type { Ctx } from '../../../platform/context.js';
import { recordInScope } from '../../../platform/data-scope/data-scope.js';
import { AppError } from '../../../platform/http/errors.js';
import { findEntityByUscc } from '../entities.repository.js';
import { appendRecord } from '../record.service.js';
import type { EntityImportOptions, EntityImportOutcome } from './entity-import.service.js';
import { detectKind, type FileRow } from './entity-import.reader.js';
import { readRows } from './entity-import.rows.js';
import { ErrorCollector, headerProblemMessage, isBlankRow, mapHeader, rowValues, type HeaderMap } from './entity-import.rules.js';
import { parseRecordRow, RECORD_IMPORT_COLUMNS, recordSourceId, type RecordImportKey } from './record-import.rules.js';

async function openRows(path: string, kind: 'csv' | 'xlsx'): Promise<{ header: HeaderMap<RecordImportKey>; rows: AsyncGenerator<FileRow> }> {
  const rows = readRows(path, kind);
  for (;;) {
    const next = await rows.next();
    if (next.done) throw new AppError('IMPORT_FILE_INVALID', { message: { zh: '导入文件没有表头行', en: 'The file has no header row' } });
    if (isBlankRow(next.value.cells)) continue;
    const mapped = mapHeader(next.value.cells, RECORD_IMPORT_COLUMNS);
    if (!mapped.ok) {
      await rows.return(undefined);
      throw new AppError('IMPORT_FILE_INVALID', { message: headerProblemMessage(mapped.problem, RECORD_IMPORT_COLUMNS), details: mapped.problem });
    }
    return { header: mapped.map, rows };
  }
}

export async function importRecords(ctx: Ctx, path: string, opts: EntityImportOptions): Promise<EntityImportOutcome> {
  const kind = opts.kind ?? (await detectKind(path));
  const today = todayInChina();
  const errors = new ErrorCollector();
  // USCC → entity id, or null when unknown / out of scope (few distinct entities per file).
  const entityIds = new Map<string, number | null>();
  let dataRows = 0;

  {
    const { header, rows } = await openRows(path, kind);
    for await (const { row, cells } of rows) {
      if (isBlankRow(cells)) continue;
      dataRows++;
      const parsed = parseRecordRow(rowValues(cells, header), today);
      if (!parsed.ok) {
        for (const e of parsed.errors) errors.add(row, e.column, e.message);
        continue;
      }
      const { uscc } = parsed.value;
      if (!entityIds.has(uscc)) {
        const e = await findEntityByUscc(ctx.db, uscc);
        entityIds.set(uscc, e && recordInScope(ctx.scope, { jurisdictionCode: e.districtCode, enterpriseUscc: e.uscc }) ? e.id : null);
      }
      // An entity outside the importer's scope is reported like an unknown one (no existence leak).
      if (entityIds.get(uscc) === null) errors.add(row, '统一社会信用代码', '市场主体不存在');
    }
  }
  if (errors.total > 0 && !opts.skipInvalid) {
    return { inserted: 0, updated: 0, unchanged: 0, skipped: 0, errors: errors.items, errorCount: errors.total, imported: false };
  }

  const { header, rows } = await openRows(path, kind);
  return ctx.db.transaction(async (tx: Transaction) => {
    let inserted = 0;
    let unchanged = 0;
    for await (const { row, cells } of rows) {
      if (errors.invalidRows.has(row) || isBlankRow(cells)) continue;
      const parsed = parseRecordRow(rowValues(cells, header), today);
      if (!parsed.ok) throw new Error(`row ${row} changed between passes`);
      const r = parsed.value;
      const { created } = await appendRecord(tx, ctx, {
        entityId: entityIds.get(r.uscc)!,
        kind: r.kind,
        occurredOn: r.occurredOn,
        title: r.title,
        payload: r.payload,
        sourceModule: 'import',
        sourceId: recordSourceId(r),
      });
      if (created) inserted++;
      else unchanged++;
    }
    const outcome: EntityImportOutcome = { inserted, updated: 0, unchanged, skipped: errors.invalidRows.size, errors: errors.items, errorCount: errors.total, imported: true };
    await appendAudit(tx, ctx, { action: 'entities.record.import', targetType: 'archive_record', targetId: null, after: { rows: dataRows, inserted, unchanged, skipped: outcome.skipped } });
    return outcome;
  });
}
