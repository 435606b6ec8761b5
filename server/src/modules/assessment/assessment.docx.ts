/**
 * The 通报 of an assessment's results as a Word document, built in memory with `docx`: A4 with the
 * margins and type sizes of GB/T 9704-2012 (党政机关公文格式) — title in 宋体 二号 bold, body in
 * 仿宋_GB2312 三号, headings in 黑体 — so it prints as a notice without retouching.
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType, type IRunOptions } from 'docx';
import type { AssessmentResult, AssessmentTargetKind } from '../../../../contracts/assessment.js';
import type { SchemeConfig } from './assessment.rules.js';

const SONG = '宋体';
const FANGSONG = '仿宋_GB2312';
const HEITI = '黑体';
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_TABLE = 28;
/** GB/T 9704: 22 lines a page → a fixed line pitch of about 28.9 pt (twips). */
const LINE = 579;
/** A4 in twips, and the standard's margins (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm). */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
/** How long units have to report their rectification: customary in such notices, not set by law. */
const RECTIFY_WITHIN_DAYS = 30;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const run = (text: string, opts: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, font: font(FANGSONG), size: SIZE_BODY, ...opts });
const spacing = { line: LINE, lineRule: LineRuleType.EXACT };

/** A body paragraph: first line indented by two characters. */
const para = (text: string) => new Paragraph({ spacing, indent: { firstLineChars: 200, firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(text)] });
const heading = (text: string) => new Paragraph({ spacing, indent: { firstLineChars: 200, firstLine: 640 }, children: [run(text, { font: font(HEITI) })] });

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const list = (names: readonly string[]) => names.join('、');

function cell(text: string, opts: { bold?: boolean; width: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [new Paragraph({ alignment: opts.align ?? AlignmentType.CENTER, children: [new TextRun({ text, font: font(FANGSONG), size: SIZE_TABLE, bold: opts.bold ?? false })] })],
  });
}

function resultsTable(results: readonly AssessmentResult[]): Table {
  const widths = [1000, 5200, 1400, 1400];
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const header = new TableRow({ tableHeader: true, children: ['名次', '单位', '得分', '等次'].map((h, i) => cell(h, { bold: true, width: widths[i]! })) });
  const rows = results.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(r.rank), { width: widths[0]! }),
          cell(r.deptName, { width: widths[1]!, align: AlignmentType.LEFT }),
          cell(r.total.toFixed(2), { width: widths[2]! }),
          cell(r.grade, { width: widths[3]! }),
        ],
      }),
  );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...rows],
  });
}

/** Why a unit failed: the veto items with their reasons, else its score against the pass mark. */
function failReason(r: AssessmentResult, passMark: number | undefined): string {
  if (r.vetoed) return `因${list(r.vetoes.map((v) => `“${v.name}”（${v.reason}）`))}被一票否决`;
  return passMark === undefined ? `得分 ${r.total.toFixed(2)} 分` : `得分 ${r.total.toFixed(2)} 分，低于 ${passMark} 分`;
}

export interface NoticeInput {
  year: number;
  schemeName: string;
  targetKind: AssessmentTargetKind;
  issuer: string;
  recipients: string;
  config: SchemeConfig;
  results: readonly AssessmentResult[];
  /** YYYY-MM-DD, printed in Chinese under the issuer. */
  date: string;
}

/** The 通报 as .docx bytes. */
export async function buildNotice(n: NoticeInput): Promise<Buffer> {
  const bands = n.config.gradeBands;
  const top = bands[0]?.grade ?? '优秀';
  // Below the second band (below 良好 by default): the grades that call for rectification.
  const lowGrades = [...bands.slice(Math.min(2, bands.length)).map((b) => b.grade), n.config.failGrade];
  const passMark = bands[bands.length - 1]?.min;
  const unitWord = n.targetKind === 'district' ? '区人民政府' : '市有关部门（单位）';
  const excellent = n.results.filter((r) => r.grade === top && !r.vetoed);
  const failed = n.results.filter((r) => r.grade === n.config.failGrade);
  const rectifying = n.results.filter((r) => r.needsRectification);
  const methods = list([...new Set(n.config.indicators.map((i) => i.name))]);

  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: `关于${n.year}年度质量工作考核结果的通报`, font: font(SONG), size: SIZE_TITLE, bold: true })],
    }),
    new Paragraph({ spacing, children: [] }),
    new Paragraph({ spacing, children: [run(`${n.recipients}：`)] }),
    para(
      `根据《${n.schemeName}》，${n.issuer}组织对${n.results.length}个${unitWord}${n.year}年度质量工作进行了考核。考核围绕${methods}等方面，` +
        `结合加分、扣分和一票否决事项综合评分，确定考核等次。现将考核结果通报如下：`,
    ),
    heading('一、考核结果'),
    para(`${n.year}年度质量工作考核得分及等次见下表（按得分排名，被一票否决的单位列于最后）。`),
    resultsTable(n.results),
    new Paragraph({ spacing, children: [] }),
    heading(`二、考核等次为${top}的单位`),
    para(
      excellent.length > 0
        ? `${list(excellent.map((r) => r.deptName))}${excellent.length > 1 ? `等${excellent.length}个单位` : ''}考核等次为${top}，予以通报表扬。希望再接再厉，持续提升质量工作水平。`
        : `本年度无考核等次为${top}的单位。`,
    ),
    heading(`三、考核等次为${n.config.failGrade}的单位`),
    ...(failed.length > 0
      ? failed.map((r) => para(`${r.deptName}：${failReason(r, passMark)}，考核等次为${n.config.failGrade}。`))
      : [para(`本年度无考核等次为${n.config.failGrade}的单位。`)]),
    heading('四、整改要求'),
    para(
      `考核等次为${list(lowGrades)}、存在扣分事项或被一票否决的单位` +
        (rectifying.length > 0 ? `（${list(rectifying.map((r) => r.deptName))}）` : '') +
        `，要认真查找问题根源，制定切实可行的整改措施，明确责任和完成时限，自本通报印发之日起${RECTIFY_WITHIN_DAYS}日内将整改报告报送${n.issuer}，` +
        '并通过质量强市信息平台“我的考核”报送整改情况。各单位要以此次考核为契机，压实质量工作责任，推动质量强市建设各项任务落地见效。',
    ),
    new Paragraph({ spacing, children: [] }),
    new Paragraph({ spacing, children: [] }),
    new Paragraph({ spacing, alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [run(n.issuer)] }),
    new Paragraph({ spacing, alignment: AlignmentType.RIGHT, indent: { right: 960 }, children: [run(chineseDate(n.date))] }),
  ];

  const doc = new Document({
    creator: 'Zhiliang 质量强市',
    title: `关于${n.year}年度质量工作考核结果的通报`,
    styles: { default: { document: { run: { font: font(FANGSONG), size: SIZE_BODY } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}
