/**
 * 企业质量信用报告 as a Word document, built in memory with `docx`: A4 with the assessment notice's
 * conventions (宋体 title, 仿宋_GB2312 body, 黑体 headings, GB/T 9704 margins). Pure: the model in,
 * the bytes out. The public version is built from public data only — the caller decides what the
 * model holds; this file only lays it out.
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlignTable, WidthType, type IRunOptions } from 'docx';
import { entityDictLabel } from '../../../../contracts/entity-dicts.js';

const SONG = '宋体';
const FANGSONG = '仿宋_GB2312';
const HEITI = '黑体';
/** Half-points: 二号 22 pt title, 四号 14 pt body (a report with tables, not a notice), 五号 10.5 pt tables. */
const SIZE_TITLE = 44;
const SIZE_BODY = 28;
const SIZE_TABLE = 21;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
/** Text width in twips (A4 minus margins). */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export interface ReportRecord {
  kind: string;
  title: string;
  occurredOn: string;
  visibility: string;
  summary: string;
}

export interface ReportIndicator {
  name: string;
  dimension: string;
  points: number;
  max: number;
}

export interface ReportModel {
  version: 'internal' | 'public';
  reportNo: string;
  generatedOn: string;
  years: number;
  issuer: string;
  registry: [string, string][];
  grade: { grade: string; score: number; modelVersion: number; asOf: string; vetoes: string[]; indicators: ReportIndicator[] } | null;
  /** Public version: the grade is withheld until the decision it rests on is published (docs/PUBLICATION.md). */
  gradeUpdating?: boolean;
  /** Internal version for staff only: never for the public or an enterprise. */
  risk: { grade: string; score: number; asOf: string } | null;
  lists: { type: string; since: string | null; until: string | null; grounds: string | null; decisionNo: string | null; penaltyDecisionNo: string | null }[];
  records: ReportRecord[];
}

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const run = (text: string, opts: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, font: font(FANGSONG), size: SIZE_BODY, ...opts });
const spacing = { line: 400, lineRule: LineRuleType.AUTO, after: 60 };
const para = (text: string) => new Paragraph({ spacing, indent: { firstLine: 560 }, alignment: AlignmentType.JUSTIFIED, children: [run(text)] });
const heading = (text: string) => new Paragraph({ spacing: { ...spacing, before: 240 }, children: [run(text, { font: font(HEITI) })] });
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(text: string, width: number, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; shade?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(opts.shade ? { shading: { fill: 'EEEEEE' } } : {}),
    children: [new Paragraph({ alignment: opts.align ?? AlignmentType.LEFT, children: [new TextRun({ text, font: font(FANGSONG), size: SIZE_TABLE, bold: opts.bold ?? false })] })],
  });
}

function table(widthShares: readonly number[], header: readonly string[] | null, rows: readonly (readonly string[])[]): Table {
  const total = widthShares.reduce((a, b) => a + b, 0);
  const widths = widthShares.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const head = header ? [new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i]!, { bold: true, align: AlignmentType.CENTER, shade: true })) })] : [];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [...head, ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, widths[i]!, { bold: !header && i % 2 === 0, shade: !header && i % 2 === 0 })) }))],
  });
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Registry pairs laid out two per row. */
function registryTable(pairs: readonly [string, string][]): Table {
  const rows: string[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    const b = pairs[i + 1];
    rows.push([a[0], a[1], b?.[0] ?? '', b?.[1] ?? '']);
  }
  return table([2, 4, 2, 4], null, rows);
}

export function reportTitle(version: ReportModel['version']): string {
  return version === 'public' ? '企业质量信用报告（公开版）' : '企业质量信用报告';
}

export async function buildCreditReport(m: ReportModel): Promise<Buffer> {
  const name = m.registry.find(([k]) => k === '主体名称')?.[1] ?? '';
  const g = m.grade;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: reportTitle(m.version), font: font(SONG), size: SIZE_TITLE, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(`报告编号：${m.reportNo}    出具日期：${chineseDate(m.generatedOn)}`, { size: SIZE_TABLE })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(name, { bold: true })] }),
    heading('一、登记信息'),
    registryTable(m.registry),
    heading('二、质量信用等级'),
    ...(g
      ? [
          para(
            `截至${chineseDate(g.asOf)}，该主体的质量信用等级为 ${entityDictLabel('credit_grade', g.grade)}，综合得分 ${g.score.toFixed(1)} 分（评价模型第 ${g.modelVersion} 版）。` +
              (g.vetoes.length ? `因${g.vetoes.join('、')}，等级按一票否决规则确定。` : '') +
              '各项指标得分如下：',
          ),
          table([4, 3, 2, 2], ['指标', '维度', '得分', '满分'], g.indicators.map((i) => [i.name, i.dimension, i.points.toFixed(1), String(i.max)])),
        ]
      : [para(m.gradeUpdating ? '该主体的质量信用评价正在更新：等级所依据的信用信息尚待依法公示，公示后更新本栏。' : '该主体尚未进行质量信用评价。')]),
    ...(m.risk
      ? [heading('三、信用风险分类（内部资料，不得公开）'), para(`截至${chineseDate(m.risk.asOf)}，信用风险分类为 ${entityDictLabel('credit_risk_class', m.risk.grade)}，得分 ${m.risk.score.toFixed(1)} 分。`)]
      : []),
    heading(`${m.risk ? '四' : '三'}、名单状态`),
    ...(m.lists.length
      ? [table([3, 2, 2, 5], ['名单', '列入（公示）日期', '届满日期', '事由及文号'], m.lists.map((l) => [entityDictLabel('credit_list', l.type), l.since ?? '—', l.until ?? '—', [l.grounds, l.decisionNo, l.penaltyDecisionNo ? `处罚决定书：${l.penaltyDecisionNo}` : null].filter(Boolean).join('；') || '—']))]
      : [para('截至出具日期，该主体未被列入严重违法失信名单、经营异常名录，无公示中的行政处罚信息，未列入质量信用红黑榜。')]),
    heading(`${m.risk ? '五' : '四'}、近 ${m.years} 年质量档案记录`),
    ...(m.records.length
      ? [
          table(
            m.version === 'internal' ? [2, 2, 6, 1.4] : [2, 2, 7],
            m.version === 'internal' ? ['日期', '类型', '内容', '公开'] : ['日期', '类型', '内容'],
            m.records.map((r) => {
              const row = [r.occurredOn, entityDictLabel('ent_record_kind', r.kind), r.summary ? `${r.title}（${r.summary}）` : r.title];
              return m.version === 'internal' ? [...row, r.visibility === 'public' ? '是' : '否'] : row;
            }),
          ),
        ]
      : [para(`近 ${m.years} 年无${m.version === 'public' ? '公开的' : ''}档案记录。`)]),
    heading('说明'),
    para(
      m.version === 'public'
        ? '本报告（公开版）仅包含依法公示的信息：登记信息、质量信用等级、公示期内的名单信息及公开的档案记录，不含个人信息和内部监管信息。已更正的记录以更正后的内容为准。'
        : '本报告包含内部监管信息，仅供监管工作使用，不得对外提供。已更正的记录以更正后的内容为准。',
    ),
    new Paragraph({ spacing, alignment: AlignmentType.RIGHT, children: [run(m.issuer)] }),
    new Paragraph({ spacing, alignment: AlignmentType.RIGHT, children: [run(chineseDate(m.generatedOn))] }),
  ];
  const doc = new Document({
    creator: 'Zhiliang 质量强市',
    title: `${name} ${reportTitle(m.version)}`,
    styles: { default: { document: { run: { font: font(FANGSONG), size: SIZE_BODY } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}
