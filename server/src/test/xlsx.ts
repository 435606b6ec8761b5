/**
 * Reading an export back as a spreadsheet would: the title rows, the header, the rows with their
 * cell values (numbers, Dates, text), and the sheet itself for print settings.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { EXPORT_HEADER_ROW } from '../platform/excel/excel-export.js';

export type ExportCell = string | number | boolean | Date | null;

export interface ReadExport {
  title: string;
  /** 筛选条件：… 导出时间：… */
  subtitle: string;
  header: string[];
  /** Data rows under the header, one value per column. */
  rows: ExportCell[][];
  sheet: ExcelJS.Worksheet;
}

function plain(v: ExcelJS.CellValue): ExportCell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

export async function readExport(res: LightMyRequestResponse): Promise<ReadExport> {
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const width = sheet.getRow(EXPORT_HEADER_ROW).cellCount;
  const cells = (r: number) => Array.from({ length: width }, (_x, i) => plain(sheet.getRow(r).getCell(i + 1).value));
  const rows: ExportCell[][] = [];
  for (let r = EXPORT_HEADER_ROW + 1; r <= sheet.rowCount; r++) rows.push(cells(r));
  return { title: String(cells(1)[0]), subtitle: String(cells(2)[0]), header: cells(EXPORT_HEADER_ROW).map(String), rows, sheet };
}

/** The print settings every export has (A4 landscape, one page wide, header repeated and frozen). */
export function expectPrintable(sheet: ExcelJS.Worksheet): void {
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${EXPORT_HEADER_ROW}:${EXPORT_HEADER_ROW}` });
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: EXPORT_HEADER_ROW });
}

/** A row as text, as the old tests compared them: numbers as strings, dates as ISO. */
export function asText(row: ExportCell[]): string[] {
  return row.map((v) => (v === null ? '' : v instanceof Date ? v.toISOString() : String(v)));
}
