/**
 * Excel import and templates (exceljs); exports are in excel-export.ts. Imports match headers by
 * name in any order, and report errors per row, numbered as in the file (header = row 1, or the
 * row under an export's title rows).
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { ImportRowError } from '../../../../contracts/common.js';
import { attachmentDisposition } from '../http/download.js';
import { runInWorker, workerModule } from '../workers/worker-pool.js';

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
    .header('content-disposition', attachmentDisposition(name, `export-${stamp}.xlsx`))
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

/** The worker module that reads uploaded workbooks (sheet-reader.ts). */
const SHEET_READER = workerModule(import.meta.url, './sheet-reader');

/**
 * Read the first sheet of an .xlsx: map headers to column keys (any order), return non-empty rows.
 * A missing required column, an unreadable file or more than `maxRows` rows is a 400 before any row
 * is used. The workbook is streamed in a worker thread (sheet-reader.ts): a huge or hostile file
 * never blocks the event loop, and reading stops one row past the cap.
 */
export async function readSheet(buffer: Buffer, columns: readonly ImportColumn[], maxRows = 50_000): Promise<SheetRow[]> {
  // Only what matching needs crosses to the worker (a column may carry more than can be cloned).
  const plain = columns.map((c) => ({ key: c.key, header: c.header, aliases: c.aliases ? [...c.aliases] : undefined, required: c.required }));
  return runInWorker<SheetRow[]>(SHEET_READER, 'readSheetRows', { data: buffer, columns: plain, maxRows });
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
