/**
 * Excel exports (导出) as a civil servant reads and prints them: the page's words (dictionary
 * labels, names), real dates and numbers, a title row saying what was exported, with which filters
 * and when, and a page set up for A4 landscape with the header on every page. Rows are read from
 * the database in batches and streamed out, so memory stays flat however many rows there are.
 *
 * Every text cell passes through `neutralizeFormula` (CSV/formula injection, issue 12 §1.6).
 */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { attachmentDisposition } from '../http/download.js';
import { XLSX_MIME, type DictLabel } from './excel.js';
import { columnName, rowXml, StyleSheet, xlsxStream } from './xlsx-writer.js';

type Value<T, V> = (row: T, label: DictLabel) => V | null | undefined;

interface ColumnBase {
  /** Header as printed (Chinese). */
  header: string;
  /** Widest the column gets, in characters (a CJK character counts 2); narrower when its values are short, wrapped when longer. */
  width?: number;
}

/**
 * One column of an export. The type says what Excel gets: text (the default), a number, a calendar
 * date (`YYYY-MM-DD`, shown yyyy-mm-dd) or a moment (an ISO timestamp, shown yyyy-mm-dd hh:mm in
 * China time). Text is for words: codes become labels in `value`.
 */
export type ExportColumn<T> =
  | (ColumnBase & { type?: 'text'; value: Value<T, string> })
  | (ColumnBase & { type: 'number'; /** Excel number format, e.g. `0.00`. */ numFmt?: string; value: Value<T, number> })
  | (ColumnBase & { type: 'date'; value: Value<T, string> })
  | (ColumnBase & { type: 'datetime'; value: Value<T, string | Date> });

export interface ExportSpec<T> {
  /** What is exported (e.g. 市场主体): the title row, the sheet and the file name. */
  title: string;
  /** The filters in words, e.g. `['区划：南开区', '登记状态：存续']`; none means everything in scope. */
  filters: readonly string[];
  columns: readonly ExportColumn<T>[];
  /** The rows: batches read from the database in order (see `keysetBatches`), or one array for short lists. */
  rows: AsyncIterable<readonly T[]> | readonly T[];
  label: DictLabel;
  /** At most this many rows; a note under the last one says when more matched. */
  maxRows?: number;
  /** The moment of the export (the title row and the file name). */
  now?: Date;
}

/** An export stops after this many rows and says so: filter the list first. */
export const EXPORT_ROW_LIMIT = 100_000;
/** Rows read from the database per query while exporting. */
export const EXPORT_BATCH = 1000;

/** The rows above the header: the title and the filters with the time of export. */
export const EXPORT_TITLE_ROWS = 2;
/** The header's row number (1-based). Imports find their header by its names, so they skip the title rows. */
export const EXPORT_HEADER_ROW = EXPORT_TITLE_ROWS + 1;

// ── Cell values ─────────────────────────────────────────────────────────────

/** = + - @ tab LF CR NUL: what a spreadsheet may read as the start of a formula. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0a, 0x0d, 0x00]);

/**
 * Text a spreadsheet cannot take for a formula (OWASP CSV Injection; ASVS 5.0 1.2.10): text
 * starting with = + - @, a tab, a line break or NUL gets a leading apostrophe. The cell is already
 * a text cell; the apostrophe is what keeps it text when someone saves the sheet as CSV and opens
 * that again. Numbers, negative ones too, are number cells and never pass through here.
 */
export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_START.has(text.charCodeAt(0)) ? `'${text}` : text;
}

const DAY_MS = 86_400_000;
/** Excel's serial day 25569 is 1970-01-01. */
const EPOCH_SERIAL = 25_569;
/** China Standard Time, UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A calendar date `YYYY-MM-DD` as an Excel serial day (null when it is not one). */
export function dateSerial(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : ms / DAY_MS + EPOCH_SERIAL;
}

/** A moment as an Excel serial in China time: Excel dates have no time zone, so the wall clock is stored. */
export function dateTimeSerial(value: string | Date): number | null {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  return Number.isNaN(ms) ? null : (ms + CHINA_OFFSET_MS) / DAY_MS + EPOCH_SERIAL;
}

/** `2026-12-07 09:30`: a moment written in China time. */
export function chinaDateTime(d: Date): string {
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** What the cell holds: text neutralised, numbers as numbers, dates as serials. */
function cellValue<T>(c: ExportColumn<T>, row: T, label: DictLabel): string | number | null {
  const v = c.value(row, label);
  if (v === null || v === undefined) return null;
  switch (c.type) {
    case 'number':
      return Number.isFinite(v) ? (v as number) : null;
    case 'date':
      return dateSerial(v as string);
    case 'datetime':
      return dateTimeSerial(v as string | Date);
    default:
      return neutralizeFormula(v as string);
  }
}

/** Display width in Excel's character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += text.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return w;
}

/** Points per line of 11-point 宋体 (Excel's default row height for it). */
const LINE_HEIGHT = 14.25;

/** How many lines text takes in a column `room` characters wide (wrapping, and at its line breaks). */
function linesOf(text: string, room: number): number {
  let lines = 1;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lines++;
      w = 0;
      continue;
    }
    const cw = c >= 0x2e80 ? 2 : 1;
    if (w + cw > room) {
      lines++;
      w = 0;
    }
    w += cw;
  }
  return lines;
}

function shownWidth<T>(c: ExportColumn<T>, v: string | number | null): number {
  if (v === null) return 0;
  if (c.type === 'date') return 10;
  if (c.type === 'datetime') return 16;
  if (typeof v === 'number') return String(Math.round(v * 100) / 100).length;
  return Math.max(...v.split('\n').map(displayWidth));
}

// ── Filters in words ────────────────────────────────────────────────────────

/**
 * The filters of an export in words for its title row: `[['区划', '南开区'], ['状态', undefined]]`
 * → `['区划：南开区']` (unset filters are left out).
 */
export function filterWords(pairs: readonly (readonly [string, string | number | null | undefined])[]): string[] {
  return pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${k}：${v}`);
}

// ── Batches ─────────────────────────────────────────────────────────────────

/**
 * Rows in key order, `size` per query: `fetch(after, size)` reads the rows after the key of the
 * last row read (keyset pagination: each query starts at an index position, and nothing is held
 * open between them, so other requests run in between, also on the single-connection PGlite).
 */
export async function* keysetBatches<T, K>(fetch: (after: K | null, size: number) => Promise<readonly T[]>, keyOf: (row: T) => K, size = EXPORT_BATCH): AsyncGenerator<readonly T[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await fetch(after, size);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

/** Rows already loaded, handed out in batches (a short list, or ids ranked by a search). */
export async function* inBatches<T>(rows: readonly T[], size = EXPORT_BATCH): AsyncGenerator<readonly T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

function batchesOf<T>(rows: AsyncIterable<readonly T[]> | readonly T[]): AsyncIterator<readonly T[]> {
  return (Array.isArray(rows) ? inBatches(rows as readonly T[]) : (rows as AsyncIterable<readonly T[]>))[Symbol.asyncIterator]();
}

// ── The workbook ────────────────────────────────────────────────────────────

const HEADER_FILL = 'FFDDEBF7';
const MIN_WIDTH = 6;
const DEFAULT_WIDTH = 16;
/** Widths are fitted to the rows of the first batch at most. */
const WIDTH_SAMPLE = 500;

/**
 * The .xlsx bytes of an export. `first` is the first batch, already read (so a failing query is an
 * error response, not a broken download); `rest` yields the others.
 */
async function* exportBytes<T>(spec: ExportSpec<T>, first: IteratorResult<readonly T[]>, rest: AsyncIterator<readonly T[]>): AsyncGenerator<Buffer> {
  const now = spec.now ?? new Date();
  const { columns, label } = spec;
  const max = spec.maxRows ?? EXPORT_ROW_LIMIT;
  const firstRows = first.done ? [] : first.value;

  // Column widths from the header and the first rows: as wide as the content, at most the column's width.
  const widths = columns.map((c) => {
    let w = Math.max(...c.header.split('\n').map(displayWidth));
    for (let i = 0; i < Math.min(firstRows.length, WIDTH_SAMPLE); i++) w = Math.max(w, shownWidth(c, cellValue(c, firstRows[i]!, label)));
    return Math.min(Math.max(w + 2, MIN_WIDTH), Math.max(c.width ?? DEFAULT_WIDTH, MIN_WIDTH));
  });

  const styles = new StyleSheet();
  const titleStyle = styles.add({ bold: true, size: 16, horizontal: 'center', vertical: 'center' });
  const subtitleStyle = styles.add({ size: 10, horizontal: 'left', vertical: 'center', wrap: true });
  const headerStyle = styles.add({ bold: true, fill: HEADER_FILL, border: true, horizontal: 'center', vertical: 'center', wrap: true });
  const noteStyle = styles.add({ size: 10 });
  const cellStyles = columns.map((c) => {
    switch (c.type) {
      case 'number':
        return styles.add({ border: true, vertical: 'top', numFmt: c.numFmt });
      case 'date':
        return styles.add({ border: true, vertical: 'top', horizontal: 'center', numFmt: 'yyyy-mm-dd' });
      case 'datetime':
        return styles.add({ border: true, vertical: 'top', horizontal: 'center', numFmt: 'yyyy-mm-dd hh:mm' });
      default:
        return styles.add({ border: true, vertical: 'top', wrap: true });
    }
  });

  const lastCol = columnName(columns.length - 1);
  const subtitle = `筛选条件：${spec.filters.length ? spec.filters.join('；') : '全部'}\u3000\u3000导出时间：${chinaDateTime(now)}（北京时间）`;
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const subtitleLines = Math.max(1, Math.ceil(displayWidth(subtitle) / Math.max(totalWidth, 1)));
  const span = (text: string): (string | null)[] => columns.map((_c, i) => (i === 0 ? neutralizeFormula(text) : null));

  let rowNo = 0;
  // Wrapped text needs a taller row, and neither Excel nor LibreOffice fits rows when opening a
  // file: the height is written, from the lines each text cell will take at its column's width.
  const room = widths.map((w) => Math.max(1, w - 2));
  const textColumn = columns.map((c) => c.type === undefined || c.type === 'text');
  const toXml = (rows: readonly T[]) => {
    let xml = '';
    const values: (string | number | null)[] = new Array<string | number | null>(columns.length);
    for (const r of rows) {
      rowNo++;
      let lines = 1;
      for (let i = 0; i < columns.length; i++) {
        const value = cellValue(columns[i]!, r, label);
        values[i] = value;
        // A quick bound first: a character is at most 2 wide, so up to room/2 characters fit.
        if (textColumn[i] && typeof value === 'string' && (value.length * 2 > room[i]! || value.includes('\n'))) lines = Math.max(lines, linesOf(value, room[i]!));
      }
      xml += rowXml(rowNo, values, cellStyles, lines > 1 ? Math.min(409, Math.ceil(lines * LINE_HEIGHT + 4)) : undefined);
    }
    return xml;
  };

  async function* body(): AsyncGenerator<string> {
    rowNo = EXPORT_HEADER_ROW;
    yield rowXml(1, span(spec.title), titleStyle, 30) +
      rowXml(2, span(subtitle), subtitleStyle, 15 * subtitleLines + 3) +
      rowXml(
        EXPORT_HEADER_ROW,
        columns.map((c) => c.header),
        headerStyle,
        // Headers wrap rather than widen a narrow column: room for two lines when one is not enough.
        columns.some((c, i) => displayWidth(c.header) > widths[i]!) ? 32 : 20,
      );
    let written = 0;
    let more = false;
    let batch: IteratorResult<readonly T[]> = first;
    while (!batch.done) {
      const rows = batch.value;
      const room = max - written;
      if (rows.length > room) {
        yield toXml(rows.slice(0, room));
        more = true;
        break;
      }
      yield toXml(rows);
      written += rows.length;
      batch = await rest.next();
    }
    if (more) {
      rowNo++;
      yield rowXml(rowNo, [`仅导出前 ${max.toLocaleString('en')} 条：符合条件的记录更多，请缩小筛选范围后分批导出。`], noteStyle);
    }
  }

  try {
    yield* xlsxStream(
      {
        sheetName: spec.title,
        title: spec.title,
        widths,
        frozenRows: EXPORT_HEADER_ROW,
        headerRow: EXPORT_HEADER_ROW,
        merges: columns.length > 1 ? [`A1:${lastCol}1`, `A2:${lastCol}2`] : [],
        footer: `&C第 &P 页，共 &N 页`,
        created: now,
      },
      styles,
      body(),
      () => rowNo,
    );
  } finally {
    // Done, failed, or the client went away: the reading stops (a keyset reader is returned).
    await rest.return?.();
  }
}

/** The bytes of an export as a stream of buffers (benchmarks and tests; routes use `sendExport`). */
export async function* exportXlsx<T>(spec: ExportSpec<T>): AsyncGenerator<Buffer> {
  const rest = batchesOf(spec.rows);
  yield* exportBytes(spec, await rest.next(), rest);
}

/**
 * Send an export as the download `<title>-<yyyymmdd>.xlsx` (China date; RFC 6266 UTF-8 name). The
 * first batch is read before anything is sent, so a failing query is an ordinary error response;
 * the rest streams, and a client that goes away stops the reading.
 */
export async function sendExport<T>(reply: FastifyReply, spec: ExportSpec<T>): Promise<FastifyReply> {
  const now = spec.now ?? new Date();
  const rest = batchesOf(spec.rows);
  const first = await rest.next();
  const stamp = chinaDateTime(now).slice(0, 10).replaceAll('-', '');
  const name = `${spec.title}-${stamp}.xlsx`;
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentDisposition(name, `export-${stamp}.xlsx`))
    .send(Readable.from(exportBytes({ ...spec, now }, first, rest), { objectMode: false }));
}
