/**
 * Hand-made .zip, .docx and .xlsx files for the upload tests: deflated with zlib (fast enough to
 * make a 75 MB zip bomb or a million-row workbook in a test), optionally with a central directory
 * that lies about an entry's unpacked size, as a hostile file would.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipFixtureEntry {
  name: string;
  data: Buffer | string;
  /** Claim this unpacked size in the headers instead of the real one. */
  declaredSize?: number;
  /** zlib level (default 9; 1 makes a 100 MB part in a fraction of the time). */
  level?: number;
}

/** A zip archive (deflate) of the entries, in order. */
export function zipOf(entries: readonly ZipFixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const packed = deflateRawSync(data, { level: e.level ?? 9 });
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx whose body is `paragraphs` (each one w:p with one run). */
export function docxOf(paragraphs: Iterable<string>, opts: { declaredSize?: number } = {}): Buffer {
  const body = [...paragraphs].map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
  return zipOf([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`, declaredSize: opts.declaredSize },
  ]);
}

/**
 * The worst case: a .docx of about 2 MB whose document.xml unpacks to `mb` MB (75 by
 * default) of one paragraph repeated.
 */
export function bombDocx(mb = 75): Buffer {
  const paragraph = `<w:p><w:r><w:t>${'质量强市行动计划'.repeat(40)}</w:t></w:r></w:p>`;
  const count = Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(paragraph));
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${paragraph.repeat(count)}</w:body></w:document>`;
  return zipOf([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: xml },
  ]);
}

const escapeXml = (s: string) => (/[&<>]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s);

/** Column letters of a 1-based index (1 → A, 27 → AA). */
function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * A minimal .xlsx with one sheet: `header`, then `rows` rows made by `row(i)` (i from 1); strings
 * as inline strings, numbers as numbers. Written as Excel would read it, without exceljs (fast
 * enough for a million rows). `tail`: raw XML put after the last row, e.g. something malformed.
 */
export function xlsxOf(
  header: readonly string[],
  rows: number,
  row: (i: number) => readonly (string | number)[],
  opts: { declaredSheetSize?: number; tail?: string } = {},
): Buffer {
  const cell = (r: number, c: number, v: string | number) =>
    typeof v === 'number' ? `<c r="${columnName(c)}${r}"><v>${v}</v></c>` : `<c r="${columnName(c)}${r}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
  const line = (r: number, values: readonly (string | number)[]) => {
    let xml = `<row r="${r}">`;
    for (let c = 0; c < values.length; c++) xml += cell(r, c + 1, values[c]!);
    return `${xml}</row>`;
  };
  // Concatenated in chunks: a million small strings in one array would cost more than the XML.
  const chunks: string[] = [line(1, header)];
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += line(i + 1, row(i));
    if (i % 10_000 === 0) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  chunks.push(chunk, opts.tail ?? '');
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${chunks.join('')}</sheetData></worksheet>`;
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: opts.declaredSheetSize, level: rows > 50_000 ? 1 : 9 },
  ]);
}
