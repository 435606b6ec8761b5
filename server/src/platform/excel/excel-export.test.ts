/**
 * The export writer on its own: what a spreadsheet reads back (exceljs), formula injection, dates
 * and numbers, the title rows and print settings, the row limit, and that a download that stops
 * early stops the reading.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chinaDateTime, dateSerial, dateTimeSerial, exportXlsx, keysetBatches, neutralizeFormula, type ExportColumn, type ExportSpec } from './excel-export.js';
import { findHeaderRow } from './header-row.js';
import { escapeXml } from './xlsx-writer.js';

interface Row {
  name: string;
  amount: number | null;
  decided: string | null;
  at: string | null;
}

const COLUMNS: ExportColumn<Row>[] = [
  { header: '名称', width: 30, value: (r) => r.name },
  { header: '金额（元）', type: 'number', numFmt: '0.00', value: (r) => r.amount },
  { header: '决定日期', type: 'date', value: (r) => r.decided },
  { header: '创建时间', type: 'datetime', value: (r) => r.at },
];
const NOW = new Date('2026-12-06T16:30:00Z'); // 2026-12-07 00:30 in Beijing

async function bytesOf<T>(spec: ExportSpec<T>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of exportXlsx(spec)) chunks.push(c);
  return Buffer.concat(chunks);
}

async function sheetOf(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const spec = (rows: ExportSpec<Row>['rows'], extra: Partial<ExportSpec<Row>> = {}): ExportSpec<Row> => ({
  title: '测试导出',
  filters: ['区划：南开区', '状态：正常'],
  columns: COLUMNS,
  rows,
  label: (_t, v) => v,
  now: NOW,
  ...extra,
});

describe('formula injection (OWASP CSV injection)', () => {
  it('neutralises text starting with = + - @ tab CR LF or NUL, and nothing else', () => {
    for (const s of ['=1+1', '+86 138', '-3', '@SUM(A1)', '\tx', '\rx', '\nx', '\0x']) expect(neutralizeFormula(s)).toBe(`'${s}`);
    for (const s of ['天津', 'a=b', ' =1', '1-2', '', '（=）']) expect(neutralizeFormula(s)).toBe(s);
  });

  it('exports each dangerous start as text with a leading apostrophe; negative numbers stay numbers', async () => {
    const starts = ['=HYPERLINK("http://x","点击")', '+1+1', '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1'];
    const rows = starts.map((name, i) => ({ name, amount: -12.5 * (i + 1), decided: null, at: null }));
    const sheet = await sheetOf(await bytesOf(spec(rows)));
    starts.forEach((s, i) => {
      const cell = sheet.getRow(4 + i).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(`'${s}`);
      expect(cell.formula).toBeUndefined();
      const amount = sheet.getRow(4 + i).getCell(2);
      expect(amount.type).toBe(ExcelJS.ValueType.Number);
      expect(amount.value).toBe(-12.5 * (i + 1));
    });
  });
});

describe('cells', () => {
  it('writes calendar dates and moments (China time) as Excel dates with a date format', async () => {
    const sheet = await sheetOf(await bytesOf(spec([{ name: 'x', amount: 1234.5, decided: '2026-03-01', at: '2026-12-06T16:30:00.000Z' }])));
    const row = sheet.getRow(4);
    expect(row.getCell(3).value).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(row.getCell(3).numFmt).toBe('yyyy-mm-dd');
    // Excel has no time zones: the Beijing wall clock is stored (00:30 on the 7th).
    expect(row.getCell(4).value).toEqual(new Date('2026-12-07T00:30:00Z'));
    expect(row.getCell(4).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row.getCell(2).value).toBe(1234.5);
    expect(row.getCell(2).numFmt).toBe('0.00');
    expect(dateSerial('1970-01-01')).toBe(25569);
    expect(dateTimeSerial('2026-01-01T16:00:00Z')).toBe(dateSerial('2026-01-02'));
    expect(chinaDateTime(NOW)).toBe('2026-12-07 00:30');
  });

  it('keeps markup, ampersands and CJK text intact and drops characters XML cannot carry', async () => {
    const name = '天津华盛<食品> & "调味" 有限公司\u0001';
    const sheet = await sheetOf(await bytesOf(spec([{ name, amount: null, decided: null, at: null }])));
    expect(sheet.getRow(4).getCell(1).value).toBe('天津华盛<食品> & "调味" 有限公司');
    expect(sheet.getRow(4).getCell(2).value).toBeNull();
    expect(escapeXml('_x0041_')).toBe('_x005F_x0041_');
  });
});

describe('layout', () => {
  it('has a title row, the filters in words with the time of export, and the header under them', async () => {
    const sheet = await sheetOf(await bytesOf(spec([])));
    expect(sheet.getRow(1).getCell(1).value).toBe('测试导出');
    expect(sheet.getRow(2).getCell(1).value).toBe('筛选条件：区划：南开区；状态：正常\u3000\u3000导出时间：2026-12-07 00:30（北京时间）');
    expect(sheet.getRow(3).values).toEqual([undefined, '名称', '金额（元）', '决定日期', '创建时间']);
    expect(sheet.getRow(3).getCell(1).font?.bold).toBe(true);
    const empty = await sheetOf(await bytesOf(spec([], { filters: [] })));
    expect(String(empty.getRow(2).getCell(1).value)).toMatch(/^筛选条件：全部\u3000\u3000导出时间：/);
  });

  it('prints on A4 landscape, one page wide, with the header row on every page, frozen and filterable', async () => {
    const sheet = await sheetOf(await bytesOf(spec([{ name: 'x', amount: 1, decided: null, at: null }])));
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3', horizontalCentered: true });
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, topLeftCell: 'A4' });
    expect(sheet.autoFilter).toBe('A3:D4');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:D1', 'A2:D2']));
  });

  it('fits columns to their content up to their width', async () => {
    const sheet = await sheetOf(await bytesOf(spec([{ name: '短', amount: 1, decided: '2026-01-01', at: null }])));
    expect(sheet.getColumn(1).width).toBe(6); // 名称 is 4 wide, + 2
    expect(sheet.getColumn(3).width).toBe(12); // a date is 10 wide
    const long = await sheetOf(await bytesOf(spec([{ name: '很'.repeat(40), amount: 1, decided: null, at: null }])));
    expect(long.getColumn(1).width).toBe(30); // capped; the text wraps
    expect(long.getRow(4).getCell(1).alignment?.wrapText).toBe(true);
  });
});

describe('batches and limits', () => {
  it('writes batches in order and says when rows were left out', async () => {
    async function* batches() {
      for (let b = 0; b < 3; b++) yield Array.from({ length: 4 }, (_x, i) => ({ name: `r${b * 4 + i}`, amount: b * 4 + i, decided: null, at: null }));
    }
    const all = await sheetOf(await bytesOf(spec(batches())));
    expect(all.rowCount).toBe(3 + 12);
    expect(all.getRow(15).getCell(1).value).toBe('r11');
    const capped = await sheetOf(await bytesOf(spec(batches(), { maxRows: 6 })));
    expect(capped.getRow(9).getCell(1).value).toBe('r5');
    expect(String(capped.getRow(10).getCell(1).value)).toMatch(/^仅导出前 6 条/);
    const exact = await sheetOf(await bytesOf(spec(batches(), { maxRows: 12 })));
    expect(exact.rowCount).toBe(15);
  });

  it('stops reading when the download stops', async () => {
    let read = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          read++;
          yield Array.from({ length: 1000 }, (_x, i) => ({ name: `天津市某某有限公司 ${read}-${i}`, amount: i, decided: '2026-01-01', at: null }));
        }
      } finally {
        closed = true;
      }
    }
    let chunks = 0;
    for await (const _c of exportXlsx(spec(endless(), { maxRows: 1_000_000 }))) if (++chunks === 3) break;
    // The source is returned once the deflater and the reader it feeds have been torn down.
    for (let i = 0; i < 100 && !closed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(true);
    expect(read).toBeLessThan(20);
  });

  it('reads keyset batches until a short one', async () => {
    const data = Array.from({ length: 25 }, (_x, i) => i + 1);
    const calls: (number | null)[] = [];
    const out: number[] = [];
    for await (const b of keysetBatches(async (after: number | null, size) => (calls.push(after), data.filter((d) => d > (after ?? 0)).slice(0, size)), (d) => d, 10)) out.push(...b);
    expect(out).toEqual(data);
    expect(calls).toEqual([null, 10, 20]);
  });
});

describe('findHeaderRow', () => {
  const known = new Set(['用户名', '姓名', '部门']);
  it('finds the header under an export’s title rows, and row 1 in a template', () => {
    expect(findHeaderRow([['用户名', '姓名']], (t) => known.has(t))).toBe(1);
    expect(findHeaderRow([['用户'], ['筛选条件：全部'], ['用户编号', '用户名', '姓名', '部门']], (t) => known.has(t))).toBe(3);
    // A title that happens to be a column's name loses to the real header.
    expect(findHeaderRow([['部门'], [null], ['用户名', '姓名', '部门']], (t) => known.has(t))).toBe(3);
    expect(findHeaderRow([['foo'], ['bar']], (t) => known.has(t))).toBe(1);
  });
});
