/**
 * The layout of an official document (公文) per GB/T 9704-2012 《党政机关公文格式》, shared by every
 * Word file the product issues (the assessment 通报, the enterprise credit report): A4 with the
 * standard's margins and 版心, the red 发文机关标志 and separator line, the 发文字号, the title in
 * 小标宋 二号, the body in 仿宋_GB2312 三号 at 22 lines a page, the 发文机关署名 and 成文日期, the
 * 版记 and the page numbers (— 1 —). Pure: the content in, the `docx` document out; callers build
 * the body with the helpers below so that every document speaks the same typography.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  Tab,
  TabStopType,
  FrameAnchorType,
  HorizontalPositionAlign,
  VerticalPositionAlign,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';

/** Font names as Chinese government offices install them (GB/T 9704 §5.2 "如无特殊说明，公文格式各要素一般用3号仿宋体字"). */
export const FONT = {
  /** 发文机关标志 and title: 小标宋 (§7.2.1, §7.3.1). */
  display: '方正小标宋简体',
  body: '仿宋_GB2312',
  /** 结构层次序数: 第一层 黑体, 第二层 楷体, 第三、四层 仿宋 (§7.3.3). */
  heading1: '黑体',
  heading2: '楷体_GB2312',
  /** 页码: 4号半角宋体阿拉伯数字 (§7.5). */
  pageNumber: '宋体',
} as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt (GB/T 148 字号). */
export const SIZE = { title: 44, body: 32, pageNumber: 28, imprint: 28, table: 24 } as const;

/** §5.2.1: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm — in twips (1 mm = 56.7 twips). */
export const PAGE = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
/** The 版心's width in twips. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** §5.2.2: 22 lines of 28 characters → a line pitch of 225 mm / 22 ≈ 28.95 pt (twips). */
export const LINE = 579;
/** One body character (三号, 16 pt) in twips: the unit of 空二字, 右空二字 … */
export const CHAR = 320;
/** §7.2.1: 发文机关标志 in red. */
export const RED = 'FF0000';
/** The 发文机关标志's nominal size (小初, 36 pt): condensed when a long name would overflow the 版心. */
const MARK_SIZE = 72;
/** §7.2.1: 发文机关标志上边缘至版心上边缘为 35 mm (下行文). */
const MARK_TOP = 1984;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** A run of body text (仿宋 三号) unless told otherwise. */
export function run(text: string, opts: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, font: font(FONT.body), size: SIZE.body, ...opts });
}

/**
 * A body paragraph: 每个自然段左空二字，回行顶格 (§7.3.3). `keepWithNext` for the last one, so that the
 * 署名 never stands alone on a page.
 */
export function bodyParagraph(text: string | readonly TextRun[], opts: { keepWithNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: exact,
    indent: { firstLine: 2 * CHAR },
    alignment: AlignmentType.JUSTIFIED,
    keepNext: opts.keepWithNext ?? false,
    children: typeof text === 'string' ? [run(text)] : [...text],
  });
}

/**
 * A heading of the body's structure (§7.3.3): 一、 in 黑体, （一） in 楷体, 1. and (1) in 仿宋; indented
 * two characters like a paragraph.
 */
export function heading(level: 1 | 2 | 3, text: string): Paragraph {
  const face = level === 1 ? FONT.heading1 : level === 2 ? FONT.heading2 : FONT.body;
  return new Paragraph({ spacing: exact, indent: { firstLine: 2 * CHAR }, keepNext: true, children: [run(text, { font: font(face) })] });
}

/** An empty body line (空一行). */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: exact, children: [] });
}

/** A body line centred (a subtitle under the title). */
export function centeredLine(text: string): Paragraph {
  return new Paragraph({ spacing: exact, alignment: AlignmentType.CENTER, children: [run(text)] });
}

/** A plain line flush left (主送机关: 居左顶格). */
export function flushLeft(text: string): Paragraph {
  return new Paragraph({ spacing: exact, children: [run(text)] });
}

/** 2026-12-07 → 2026年12月7日: 年份标全称，月、日不编虚位 (§7.3.5.1). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A 发文字号: 机关代字〔年份〕序号号, the number without 第 or leading zeros (§7.2.4). */
export function formatDocNumber(prefix: string, year: number, seq: number | null): string {
  // Before a number is given (a draft), the place stays blank, as on a draft for signature.
  return `${prefix}〔${year}〕${seq === null ? '\u3000\u3000' : String(seq)}号`;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** One cell of a body table (小四 仿宋), spanning `span` columns. */
function cell(text: string, width: number, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; shade?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    ...(opts.shade ? { shading: { fill: 'F2F2F2' } } : {}),
    children: [new Paragraph({ alignment: opts.align ?? AlignmentType.LEFT, children: [run(text, { size: SIZE.table, bold: opts.bold ?? false })] })],
  });
}

export interface TableColumn {
  header: string;
  /** Share of the 版心's width. */
  share: number;
  align?: 'left' | 'center';
}

/**
 * A table of the body as wide as the 版心: the header row repeated on every page, rows kept whole.
 * A null cell merges into the cell on its left. `labelColumns` are shaded and bold (label–value
 * rows without a header, as a registration form prints them).
 */
export function bodyTable(columns: readonly TableColumn[], rows: readonly (readonly (string | null)[])[], opts: { header?: boolean; labelColumns?: readonly number[] } = {}): Table {
  const total = columns.reduce((a, c) => a + c.share, 0);
  const widths = columns.map((c) => Math.floor((c.share / total) * TEXT_WIDTH));
  const align = (i: number) => (columns[i]!.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const labels = new Set(opts.labelColumns ?? []);
  const head =
    opts.header === false
      ? []
      : [new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, widths[i]!, { bold: true, align: AlignmentType.CENTER, shade: true })) })];
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      ...head,
      ...rows.map((r) => {
        const cells: TableCell[] = [];
        r.forEach((t, i) => {
          if (t === null) return;
          let span = 1;
          while (r[i + span] === null) span++;
          const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0);
          cells.push(cell(t, width, { align: align(i), bold: labels.has(i), shade: labels.has(i), span }));
        });
        return new TableRow({ cantSplit: true, children: cells });
      }),
    ],
  });
}

/** Who issues a document: its 发文机关标志 (版头), its 署名, and the 印发机关 of its 版记. */
export interface DocumentIssuer {
  /** 发文机关全称, signed under the body. */
  name: string;
  /** 发文机关标志 printed in red at the head: the name, or the name + 文件. */
  mark: string;
  /** 印发机关 of the 版记 (usually the issuer's own office). */
  printer: string;
}

export interface OfficialDocumentInput {
  issuer: DocumentIssuer;
  /** The full 发文字号, e.g. 津质强办〔2026〕3号. */
  docNumber: string;
  /** 标题. */
  title: string;
  /** 主送机关, without the colon; omitted for documents addressed to no one (a report). */
  recipients?: string | null;
  /** The body, built with the helpers of this file. */
  body: readonly (Paragraph | Table)[];
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** 版记: 印发日期 (YYYY-MM-DD); omitted: no 版记 (a document that is not 印发, e.g. a report). */
  printedOn?: string | null;
  /** Document properties. */
  properties: { title: string; subject?: string };
}

/**
 * The 发文机关标志's run size and horizontal scale: 小初 at full width when the mark fits the
 * 版心, else condensed (GB/T 9704 §7.2.1: 以醒目、美观、庄重为原则，不超出版心), then smaller.
 */
export function markFit(mark: string): { size: number; scale: number } {
  const chars = [...mark].length;
  const perChar = TEXT_WIDTH / chars; // twips per character available
  const nominal = MARK_SIZE * 10; // half-points → twips of one square character
  if (perChar >= nominal) return { size: MARK_SIZE, scale: 100 };
  const scale = Math.floor((perChar / nominal) * 100);
  // Below about 60 % a character becomes a sliver: make the characters smaller instead.
  if (scale >= 60) return { size: MARK_SIZE, scale };
  return { size: Math.max(36, Math.floor((perChar / 0.6 / 10) / 2) * 2), scale: 60 };
}

/** The 版头: the red 发文机关标志, two blank lines, the 发文字号 with the red separator line 4 mm below it. */
function head(issuer: DocumentIssuer, docNumber: string): Paragraph[] {
  const fit = markFit(issuer.mark);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: MARK_TOP, after: 0, line: Math.max(LINE, fit.size * 10 + 120), lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: issuer.mark, font: font(FONT.display), size: fit.size, color: RED, scale: fit.scale })],
    }),
    blankLine(),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact,
      // §7.2.5: 发文字号之下 4 mm 处居中印一条与版心等宽的红色分隔线.
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: [run(docNumber)],
    }),
  ];
}

/**
 * The 署名 and 成文日期 of a document without a seal (§7.3.5.3): the issuer two characters from the
 * right, the date on the next line starting two characters right of the issuer's first character;
 * a date longer than that moves the issuer left so that the date keeps two characters on its right.
 * The usual case places the date by where it starts (a left indent), so the width the digits take
 * in the reader's font does not matter; the issuer's name is Chinese, one character per 三号 square.
 */
export function signatureLayout(name: string, date: string): { name: { right: number }; date: { left: number } | { right: number } } {
  const width = (s: string) => [...s].reduce((w, c) => w + (/[0-9A-Za-z]/.test(c) ? 0.5 : 1), 0);
  const n = width(name);
  const d = width(date);
  if (n - d >= 2) return { name: { right: 2 * CHAR }, date: { left: TEXT_WIDTH - (2 + n) * CHAR + 2 * CHAR } };
  return { name: { right: (d + 2 + 2 - n) * CHAR }, date: { right: 2 * CHAR } };
}

function signature(name: string, date: string): Paragraph[] {
  const text = chineseDate(date);
  const layout = signatureLayout(name, text);
  return [
    new Paragraph({ spacing: exact, keepNext: true, children: [] }),
    new Paragraph({ spacing: exact, alignment: AlignmentType.RIGHT, indent: layout.name, keepNext: true, children: [run(name)] }),
    new Paragraph({ spacing: exact, alignment: 'left' in layout.date ? AlignmentType.LEFT : AlignmentType.RIGHT, indent: layout.date, children: [run(text)] }),
  ];
}

/**
 * The 版记 (§7.4): 印发机关 left and 印发日期 right, each one character in, between a thick rule above
 * and below, 四号 仿宋 — a paragraph framed at the foot of the 版心, so its last rule sits on the
 * last line of the last page whatever the length of the body.
 */
function imprint(printer: string, printedOn: string): Paragraph {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  const oneChar = 280; // 四号 = 14 pt
  return new Paragraph({
    frame: {
      type: 'alignment',
      alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      width: TEXT_WIDTH,
    },
    border: { top: thick, bottom: thick },
    tabStops: [
      { type: TabStopType.LEFT, position: oneChar },
      { type: TabStopType.RIGHT, position: TEXT_WIDTH - oneChar },
    ],
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ children: [new Tab(), printer, new Tab(), `${chineseDate(printedOn)}印发`], font: font(FONT.body), size: SIZE.imprint })],
  });
}

/** §7.5: 页码 — 4号半角宋体阿拉伯数字，左右各放一条一字线；单页码居右空一字，双页码居左空一字. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONT.pageNumber), size: SIZE.pageNumber })],
      }),
    ],
  });
}

/** The document, ready to pack. */
export function officialDocument(d: OfficialDocumentInput): Document {
  const children: (Paragraph | Table)[] = [
    ...head(d.issuer, d.docNumber),
    blankLine(),
    blankLine(),
    // §7.3.1: 标题 2号小标宋体字，编排于红色分隔线下空二行位置，居中排布.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE + 120, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [new TextRun({ text: d.title, font: font(FONT.display), size: SIZE.title })],
    }),
    blankLine(),
    // §7.3.2: 主送机关 标题下空一行，居左顶格，最后一个机关名称后标全角冒号.
    ...(d.recipients ? [flushLeft(`${d.recipients}：`)] : []),
    ...d.body,
    ...signature(d.issuer.name, d.date),
    ...(d.printedOn ? [imprint(d.issuer.printer, d.printedOn)] : []),
  ];
  return new Document({
    creator: d.issuer.name,
    title: d.properties.title,
    ...(d.properties.subject ? { subject: d.properties.subject } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.body } } } },
    sections: [
      {
        // The page number's rule sits 7 mm below the 版心: the footer ends about 23 mm above the page's edge.
        properties: { page: { size: PAGE, margin: { ...MARGIN, footer: 1304, header: 851 } } },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/** The document as .docx bytes. */
export function packOfficialDocument(d: OfficialDocumentInput): Promise<Buffer> {
  return Packer.toBuffer(officialDocument(d));
}
