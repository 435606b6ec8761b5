/**
 * Streaming row iteration over an uploaded CSV or .xlsx file: rows come one at a time, so a file of
 * a million rows is read in constant memory, and the importer can read it twice (validate, then load).
 * Rows are numbered as in the file (header = row 1; for CSV, a quoted line break stays in its row).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/http/errors.js';

export interface FileRow {
  row: number;
  cells: (string | null)[];
}

export type ImportFileKind = 'csv' | 'xlsx';

/** .xlsx is a zip (PK\3\4); anything else is read as CSV text. The name is a hint only. */
export async function detectKind(path: string): Promise<ImportFileKind> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04 ? 'xlsx' : 'csv';
  } finally {
    await fh.close();
  }
}

export function readRows(path: string, kind: ImportFileKind): AsyncGenerator<FileRow> {
  return kind === 'xlsx' ? readXlsxRows(path) : readCsvRows(path);
}

const SNIFF_BYTES = 64 * 1024;

/**
 * The text encoding of a CSV: a UTF-8 BOM, else UTF-8 when the first 64 KiB decode strictly as
 * UTF-8, else GB18030 (what Excel on Chinese Windows saves as "CSV"; a superset of GBK and GB2312).
 * Same rule as the plan parser's text decoding (plans/parser/document-text.ts).
 */
export function sniffEncoding(head: Uint8Array): { encoding: 'utf-8' | 'gb18030'; bomLength: number } {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

async function sniffFile(path: string) {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(head, 0, SNIFF_BYTES, 0);
    return sniffEncoding(head.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

function notReadable(detail: string): AppError {
  return new AppError('IMPORT_FILE_INVALID', { message: { zh: `无法读取导入文件：${detail}`, en: `The file cannot be read: ${detail}` } });
}

/** RFC 4180 CSV (comma separated, "quoted" fields with "" escapes, CRLF or LF), streamed. */
export async function* readCsvRows(path: string): AsyncGenerator<FileRow> {
  const { encoding, bomLength } = await sniffFile(path);
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let row = 0;
  let cells: (string | null)[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // just read the closing quote of a field
  let fieldStarted = false;
  let skipLf = false; // a CR ended the last chunk: drop the LF that may start the next one
  const endField = () => {
    cells.push(field === '' && !fieldStarted ? null : field);
    field = '';
    fieldStarted = false;
    afterQuote = false;
  };
  const stream = createReadStream(path, { start: bomLength, highWaterMark: 256 * 1024 });
  let pending: FileRow[] = [];
  const take = (text: string) => {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (quoted) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          return;
        }
        field += text.slice(i, q);
        // A doubled quote may straddle two chunks: treat the quote as closing and reopen on the next '"'.
        if (q + 1 < n && text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          quoted = false;
          afterQuote = true;
          i = q + 1;
        }
        continue;
      }
      const ch = text[i]!;
      if (ch === '"') {
        if (afterQuote) {
          // "" split across chunks: the first quote closed the field, this one reopens it.
          field += '"';
          quoted = true;
          afterQuote = false;
        } else if (!fieldStarted) {
          quoted = true;
          fieldStarted = true;
        } else field += ch;
        i++;
      } else if (ch === ',') {
        endField();
        i++;
      } else if (ch === '\n' || ch === '\r') {
        endField();
        row++;
        pending.push({ row, cells });
        cells = [];
        i++;
        if (ch === '\r' && text[i] === '\n') i++;
        else if (ch === '\r' && i === n) skipLf = true;
      } else {
        // Plain run up to the next delimiter.
        let j = i;
        while (j < n) {
          const c = text[j];
          if (c === ',' || c === '\n' || c === '\r' || c === '"') break;
          j++;
        }
        field += text.slice(i, j);
        fieldStarted = true;
        afterQuote = false;
        i = j;
      }
    }
  };
  try {
    for await (const chunk of stream) {
      let text = decoder.decode(chunk as Buffer, { stream: true });
      if (skipLf && text.startsWith('\n')) text = text.slice(1);
      skipLf = false;
      take(text);
      if (pending.length) {
        const out = pending;
        pending = [];
        yield* out;
      }
    }
    take(decoder.decode());
  } catch (e) {
    if (e instanceof TypeError) throw notReadable('文件不是有效的 UTF-8 或 GB18030 文本');
    throw e;
  }
  if (quoted) throw notReadable(`第 ${row + 1} 行的引号没有闭合`);
  if (field !== '' || fieldStarted || cells.length > 0) {
    endField();
    row++;
    pending.push({ row, cells });
  }
  yield* pending;
}

function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim() || null;
    if ('text' in v && typeof v.text === 'string') return v.text.trim() || null;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** The first worksheet of an .xlsx, streamed (exceljs WorkbookReader; shared strings are cached). */
export async function* readXlsxRows(path: string): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
        // row.values is 1-based (index 0 empty).
        const values = r.values as ExcelJS.CellValue[];
        const cells: (string | null)[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { row: r.number, cells };
      }
      return; // the first sheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notReadable(e instanceof Error ? e.message : String(e));
  }
}
