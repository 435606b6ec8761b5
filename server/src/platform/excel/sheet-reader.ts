/**
 * Reading the first sheet of an uploaded .xlsx for the small imports (users, assessment inputs,
 * the plan task list). Runs in a worker thread of the parse pool (`readSheet` in excel.ts sends it
 * there): the workbook is streamed (exceljs WorkbookReader), reading stops one row past the cap,
 * and before exceljs inflates anything every part it reads is checked against an unpacked-size cap,
 * so neither a million-row workbook nor a zip bomb is ever loaded whole.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { bufferZipSource, listZipEntries, oversizedPart, type ZipSource } from '../files/zip-entries.js';
import { AppError } from '../http/errors.js';
import type { ImportColumn, SheetRow } from './excel.js';
import { findHeaderRow, HEADER_SEARCH_ROWS } from './header-row.js';

/**
 * Unpacked size of one workbook part (a sheet, the shared strings, the styles). A 5,000-row import
 * of a few dozen columns is a few MB of XML; the cap is generous, a bomb is not.
 */
export const MAX_SHEET_PART_BYTES = 64 * 1024 * 1024;
/** All parts exceljs reads, together. */
export const MAX_WORKBOOK_BYTES = 160 * 1024 * 1024;
/** What exceljs reads of a workbook: the sheets, shared strings, styles, the workbook and its relations. */
export const WORKBOOK_PARTS = /^xl\/(worksheets\/sheet\d+\.xml|sharedStrings\.xml|styles\.xml|workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/_rels\/sheet\d+\.xml\.rels)$/;

function cellText(cell: ExcelJS.CellValue): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') {
    if ('richText' in cell) return cell.richText.map((t) => t.text).join('').trim() || null;
    if ('text' in cell && typeof cell.text === 'string') return cell.text.trim() || null;
    if ('result' in cell) return cellText(cell.result as ExcelJS.CellValue);
    if ('error' in cell) return null;
  }
  const text = String(cell).trim();
  return text === '' ? null : text;
}

const normalizeHeader = (h: string) => h.replace(/[\s*＊]/g, '').toLowerCase();

/**
 * Refuse an archive that is not a workbook (400), one of whose parts unpacks past `maxPartBytes`
 * or all of them past `maxTotalBytes` (413), or one with a damaged part (400) — before exceljs
 * inflates anything. Shared by the small imports (a buffer, 64 MB per part) and the streamed entity
 * import (a file on disk, 1.5 GB per part).
 */
export async function assertWorkbookWithin(src: ZipSource, caps: { maxPartBytes: number; maxTotalBytes: number }): Promise<void> {
  const entries = await listZipEntries(src);
  if (!entries) throw new AppError('IMPORT_FILE_INVALID', { message: { zh: '无法读取导入文件：不是有效的 .xlsx 文件', en: 'The file cannot be read: not a valid .xlsx file' } });
  const over = await oversizedPart(src, entries, { parts: WORKBOOK_PARTS, ...caps });
  if (over?.reason === 'too-large') {
    const mb = caps.maxPartBytes / 1024 / 1024;
    throw new AppError('PAYLOAD_TOO_LARGE', {
      message: { zh: `工作簿解压后过大（${over.name} 超过 ${mb} MB 上限），请拆分后导入`, en: `The workbook is too large once unpacked (${over.name} exceeds ${mb} MB); split it and retry` },
      details: { part: over.name, maxBytes: caps.maxPartBytes },
    });
  }
  if (over) throw new AppError('IMPORT_FILE_INVALID', { message: { zh: `无法读取导入文件：${over.name} 已损坏`, en: `The file cannot be read: ${over.name} is damaged` } });
}

/**
 * The first sheet's rows: headers of the header row (row 1, or below an export's title rows) mapped to column keys (any order), then the non-empty
 * rows. A missing required column, an unreadable file or more than `maxRows` rows is a 400 — the
 * last one as soon as row `maxRows + 1` is read.
 */
export async function readSheetRows(args: { data: Uint8Array; columns: readonly ImportColumn[]; maxRows: number }): Promise<SheetRow[]> {
  const { data, columns, maxRows } = args;
  await assertWorkbookWithin(bufferZipSource(data), { maxPartBytes: MAX_SHEET_PART_BYTES, maxTotalBytes: MAX_WORKBOOK_BYTES });
  const byHeader = new Map<string, ImportColumn>();
  for (const c of columns) {
    byHeader.set(normalizeHeader(c.header), c);
    for (const a of c.aliases ?? []) byHeader.set(normalizeHeader(a), c);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let positions: Map<number, ImportColumn> | null = null;
  const rows: SheetRow[] = [];
  const mapHeader = (header: ExcelJS.Row | null) => {
    positions = new Map();
    header?.eachCell((cell, col) => {
      const text = cellText(cell.value);
      const c = text ? byHeader.get(normalizeHeader(text)) : undefined;
      if (c) positions!.set(col, c);
    });
    const found = new Set([...positions.values()].map((c) => c.key));
    const missing = columns.filter((c) => c.required && !found.has(c.key));
    if (missing.length > 0) {
      const names = missing.map((c) => c.header).join('、');
      throw new AppError('IMPORT_FILE_INVALID', {
        message: { zh: `导入文件缺少必填列：${names}`, en: `The file lacks required columns: ${names}` },
        details: { missingColumns: missing.map((c) => c.header) },
      });
    }
    return positions;
  };
  let sawSheet = false;
  // The header is on one of the first rows (an export carries title rows above it): those rows are
  // held until it is known which one it is, then every row below it is read as data.
  const firstRows: ExcelJS.Row[] = [];
  let headerRow = 0;
  const take = (row: ExcelJS.Row, cols: Map<number, ImportColumn>) => {
    if (row.number <= headerRow) return;
    const values: Record<string, string | null> = {};
    for (const c of columns) values[c.key] = null;
    let any = false;
    for (const [col, c] of cols) {
      const text = cellText(row.getCell(col).value);
      values[c.key] = text;
      if (text !== null) any = true;
    }
    if (!any) return;
    rows.push({ row: row.number, values });
    if (rows.length > maxRows) {
      throw new AppError('IMPORT_FILE_INVALID', { message: { zh: `单次最多导入 ${maxRows} 行`, en: `At most ${maxRows} rows per import` }, details: { maxRows } });
    }
  };
  const settleHeader = () => {
    const texts = Array.from({ length: HEADER_SEARCH_ROWS }, (_r, i) => {
      const row = firstRows.find((r) => r.number === i + 1);
      return row ? (row.values as ExcelJS.CellValue[]).map((v) => cellText(v)) : [];
    });
    headerRow = findHeaderRow(texts, (t) => byHeader.has(normalizeHeader(t)));
    const cols = mapHeader(firstRows.find((r) => r.number === headerRow) ?? null);
    for (const r of firstRows) take(r, cols);
    return cols;
  };
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!positions && row.number <= HEADER_SEARCH_ROWS) {
          firstRows.push(row);
          continue;
        }
        take(row, positions ?? settleHeader());
      }
      break; // the first sheet only
    }
    if (sawSheet && !positions) settleHeader();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_FILE_INVALID');
  }
  if (!sawSheet) throw new AppError('IMPORT_FILE_INVALID');
  return rows;
}
