/**
 * Excel import and templates (exceljs); exports are in excel-export.ts. Imports match headers by
 * name in any order, and report errors per row, numbered as in the file (header = row 1, or the
 * row under an export's title rows).
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { ImportRowError } from '../../../../contracts/common.js';
import { AppError } from '../http/errors.js';
import { findHeaderRow, HEADER_SEARCH_ROWS } from './header-row.js';

/** Dictionary label of a value (数据字典), e.g. label('sys_status', 'active') → 正常. */
export type DictLabel = (type: string, value: string) => string;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Send a workbook as a download named `<base>-<yyyymmdd>.xlsx` (RFC 6266 UTF-8 filename). */
export function sendWorkbook(reply: FastifyReply, baseName: string, buffer: Buffer): FastifyReply {
  const stamp = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  const name = `${baseName}-${stamp}.xlsx`;
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="export-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(buffer);
}

// ── Import ───────────────────────────────────────────────────────────────────

export interface ImportColumn {
  /** Key in the parsed row object. */
  key: string;
  /** Header in the template (Chinese); also accepted: `aliases` (e.g. English). */
  header: string;
  aliases?: readonly string[];
  required?: boolean;
  width?: number;
  /** Shown in the template's notes sheet. */
  note?: string;
}

export interface SheetRow {
  /** Row number in the file (header = 1). */
  row: number;
  values: Record<string, string | null>;
}

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
 * Read the first sheet of an .xlsx: map headers to column keys (any order), return non-empty rows.
 * A missing required column or an unreadable file is a 400 before any row is looked at.
 */
export async function readSheet(buffer: Buffer, columns: readonly ImportColumn[], maxRows = 50_000): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FILE_INVALID');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_FILE_INVALID');
  const byHeader = new Map<string, ImportColumn>();
  for (const c of columns) {
    byHeader.set(normalizeHeader(c.header), c);
    for (const a of c.aliases ?? []) byHeader.set(normalizeHeader(a), c);
  }
  const positions = new Map<number, ImportColumn>();
  const firstRows = Array.from({ length: HEADER_SEARCH_ROWS }, (_r, i) => (sheet.getRow(i + 1).values as ExcelJS.CellValue[]).map((v) => cellText(v)));
  const headerRow = findHeaderRow(firstRows, (t) => byHeader.has(normalizeHeader(t)));
  sheet.getRow(headerRow).eachCell((cell, col) => {
    const text = cellText(cell.value);
    const c = text ? byHeader.get(normalizeHeader(text)) : undefined;
    if (c) positions.set(col, c);
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
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const values: Record<string, string | null> = {};
    for (const c of columns) values[c.key] = null;
    let any = false;
    for (const [col, c] of positions) {
      const text = cellText(row.getCell(col).value);
      values[c.key] = text;
      if (text !== null) any = true;
    }
    if (any) rows.push({ row: rowNumber, values });
  });
  if (rows.length > maxRows) {
    throw new AppError('IMPORT_FILE_INVALID', {
      message: { zh: `单次最多导入 ${maxRows} 行`, en: `At most ${maxRows} rows per import` },
    });
  }
  return rows;
}

/** An import template: the header row, example rows, and a notes sheet explaining each column. */
export async function buildTemplate(sheetName: string, columns: readonly ImportColumn[], examples: readonly Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhiliang 质量强市';
  const sheet = wb.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width ?? 18 }));
  for (const ex of examples) sheet.addRow(columns.map((c) => ex[c.key] ?? null));
  styleHeader(sheet);
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', width: 18 },
    { header: '必填', width: 8 },
    { header: '说明', width: 80 },
  ];
  for (const c of columns) notes.addRow([c.header, c.required ? '是' : '否', c.note ?? '']);
  notes.addRow([]);
  notes.addRow(['提示', '', '带 * 的列必须填写；列的顺序可以调整；示例行可以删除或覆盖。第 1 行为表头，行号从表头算起。']);
  styleHeader(notes);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Collects per-row errors while an import validates its rows. */
export class RowErrors {
  readonly items: ImportRowError[] = [];
  add(row: number, column: string, message: string): void {
    this.items.push({ row, column, message });
  }
  get count(): number {
    return this.items.length;
  }
}
