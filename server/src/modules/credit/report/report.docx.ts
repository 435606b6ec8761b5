/**
 * 企业质量信用报告 as a Word document: an official document of the configured issuer (版头, 发文字号,
 * red line, 署名, page numbers) in the shared GB/T 9704-2012 layout (platform/docx), with the
 * registry, grade, lists and archive as tables. Pure: the model in, the bytes out. The public
 * version is built from public data only — the caller decides what the model holds; this file only
 * lays it out.
 */
import { entityDictLabel } from '../../../../../contracts/entity-dicts.js';
import { bodyParagraph as para, bodyTable, centeredLine, chineseDate, heading, packOfficialDocument, type DocumentIssuer } from '../../../platform/docx/official-document.js';

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
  /** The 发文字号 the report was issued under (津市监信〔2026〕12号). */
  reportNo: string;
  /** `register`: a 发文字号 from the register; `lookup`: a 查询编号 of a self-service copy (public, no login). */
  numbered: 'register' | 'lookup';
  generatedOn: string;
  years: number;
  issuer: DocumentIssuer;
  registry: [string, string][];
  grade: { grade: string; score: number; modelVersion: number; asOf: string; vetoes: string[]; indicators: ReportIndicator[] } | null;
  /** Public version: the grade is withheld until the decision it rests on is published (docs/PUBLICATION.md). */
  gradeUpdating?: boolean;
  /** Internal version for staff only: never for the public or an enterprise. */
  risk: { grade: string; score: number; asOf: string } | null;
  lists: { type: string; since: string | null; until: string | null; grounds: string | null; decisionNo: string | null; penaltyDecisionNo: string | null }[];
  records: ReportRecord[];
}

/** Registry pairs laid out two per row, labels shaded. */
function registryTable(pairs: readonly [string, string][]) {
  const rows: (string | null)[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    const b = pairs[i + 1];
    // A pair left alone (an odd count) takes the whole row.
    rows.push(b ? [a[0], a[1], b[0], b[1]] : [a[0], a[1], null, null]);
  }
  return bodyTable(
    [
      { header: '', share: 1.7 },
      { header: '', share: 3.2 },
      { header: '', share: 2.8 },
      { header: '', share: 4.0 },
    ],
    rows,
    { header: false, labelColumns: [0, 2] },
  );
}

export function reportTitle(version: ReportModel['version']): string {
  return version === 'public' ? '企业质量信用报告（公开版）' : '企业质量信用报告';
}

/** The 主体名称 of a report's registry. */
export function reportSubject(m: Pick<ReportModel, 'registry'>): string {
  return m.registry.find(([k]) => k === '主体名称')?.[1] ?? '';
}

export async function buildCreditReport(m: ReportModel): Promise<Buffer> {
  const name = reportSubject(m);
  const g = m.grade;
  const body = [
    // Whom the report is about, under the title as a report's subtitle.
    centeredLine(`报告对象：${name}`),
    heading(1, '一、登记信息'),
    registryTable(m.registry),
    heading(1, '二、质量信用等级'),
    ...(g
      ? [
          para(
            `截至${chineseDate(g.asOf)}，该主体的质量信用等级为 ${entityDictLabel('credit_grade', g.grade)}，综合得分 ${g.score.toFixed(1)} 分（评价模型第 ${g.modelVersion} 版）。` +
              (g.vetoes.length ? `因${g.vetoes.join('、')}，等级按一票否决规则确定。` : '') +
              '各项指标得分如下：',
          ),
          bodyTable(
            [
              { header: '指标', share: 4 },
              { header: '维度', share: 3 },
              { header: '得分', share: 2, align: 'center' },
              { header: '满分', share: 2, align: 'center' },
            ],
            g.indicators.map((i) => [i.name, i.dimension, i.points.toFixed(1), String(i.max)]),
          ),
        ]
      : [para(m.gradeUpdating ? '该主体的质量信用评价正在更新：等级所依据的信用信息尚待依法公示，公示后更新本栏。' : '该主体尚未进行质量信用评价。')]),
    ...(m.risk
      ? [heading(1, '三、信用风险分类（内部资料，不得公开）'), para(`截至${chineseDate(m.risk.asOf)}，信用风险分类为 ${entityDictLabel('credit_risk_class', m.risk.grade)}，得分 ${m.risk.score.toFixed(1)} 分。`)]
      : []),
    heading(1, `${m.risk ? '四' : '三'}、名单状态`),
    ...(m.lists.length
      ? [
          bodyTable(
            [
              { header: '名单', share: 2.8 },
              { header: '列入（公示）日期', share: 2.6, align: 'center' },
              { header: '届满日期', share: 2.6, align: 'center' },
              { header: '事由及文号', share: 4.6 },
            ],
            m.lists.map((l) => [entityDictLabel('credit_list', l.type), l.since ?? '—', l.until ?? '—', [l.grounds, l.decisionNo, l.penaltyDecisionNo ? `处罚决定书：${l.penaltyDecisionNo}` : null].filter(Boolean).join('；') || '—']),
          ),
        ]
      : [para('截至出具日期，该主体未被列入严重违法失信名单、经营异常名录，无公示中的行政处罚信息，未列入质量信用红黑榜。')]),
    heading(1, `${m.risk ? '五' : '四'}、近 ${m.years} 年质量档案记录`),
    ...(m.records.length
      ? [
          bodyTable(
            m.version === 'internal'
              ? [
                  { header: '日期', share: 2.5, align: 'center' },
                  { header: '类型', share: 2.2 },
                  { header: '内容', share: 6 },
                  { header: '公开', share: 1.2, align: 'center' },
                ]
              : [
                  { header: '日期', share: 2.5, align: 'center' },
                  { header: '类型', share: 2.2 },
                  { header: '内容', share: 7.2 },
                ],
            m.records.map((r) => {
              const row = [r.occurredOn, entityDictLabel('ent_record_kind', r.kind), r.summary ? `${r.title}（${r.summary}）` : r.title];
              return m.version === 'internal' ? [...row, r.visibility === 'public' ? '是' : '否'] : row;
            }),
          ),
        ]
      : [para(`近 ${m.years} 年无${m.version === 'public' ? '公开的' : ''}档案记录。`)]),
    heading(1, `${m.risk ? '六' : '五'}、说明`),
    para(
      m.version === 'public'
        ? '本报告（公开版）仅包含依法公示的信息：登记信息、质量信用等级、公示期内的名单信息及公开的档案记录，不含个人信息和内部监管信息。已更正的记录以更正后的内容为准。'
        : '本报告包含内部监管信息，仅供监管工作使用，不得对外提供。已更正的记录以更正后的内容为准。',
    ),
    para(
      m.numbered === 'register'
        ? `本报告文号为${m.reportNo}，可向出具机关核验。`
        : `本报告为公开信息自助查询结果，${m.reportNo}，可向出具机关核验；如需正式出具的信用报告，请向出具机关申请。`,
      { keepWithNext: true },
    ),
  ];
  return packOfficialDocument({
    issuer: m.issuer,
    docNumber: m.reportNo,
    title: reportTitle(m.version),
    body,
    date: m.generatedOn,
    properties: { title: `${name} ${reportTitle(m.version)}`, subject: name },
  });
}
