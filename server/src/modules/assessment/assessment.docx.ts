/**
 * The 通报 of an assessment's results as a Word document: an official document of the configured
 * issuer (版头, 发文字号, red line, 署名, 版记, page numbers) laid out by the shared GB/T 9704-2012
 * layout (platform/docx), with the ranking as a table and the sections a results notice has.
 */
import type { AssessmentResult, AssessmentTargetKind } from '../../../../contracts/assessment.js';
import { bodyParagraph as para, bodyTable, blankLine, heading, packOfficialDocument, type DocumentIssuer } from '../../platform/docx/official-document.js';
import type { SchemeConfig } from './assessment.rules.js';

/** How long units have to report their rectification: customary in such notices, not set by law. */
const RECTIFY_WITHIN_DAYS = 30;

const list = (names: readonly string[]) => names.join('、');

function resultsTable(results: readonly AssessmentResult[]) {
  return bodyTable(
    [
      { header: '名次', share: 1, align: 'center' },
      { header: '单位', share: 5.2 },
      { header: '得分', share: 1.4, align: 'center' },
      { header: '等次', share: 1.4, align: 'center' },
    ],
    results.map((r) => [String(r.rank), r.deptName, r.total.toFixed(2), r.grade]),
  );
}

/** Why a unit failed: the veto items with their reasons, else its score against the pass mark. */
function failReason(r: AssessmentResult, passMark: number | undefined): string {
  if (r.vetoed) return `因${list(r.vetoes.map((v) => `“${v.name}”（${v.reason}）`))}被一票否决`;
  return passMark === undefined ? `得分 ${r.total.toFixed(2)} 分` : `得分 ${r.total.toFixed(2)} 分，低于 ${passMark} 分`;
}

/** The 通报's title. */
export function noticeTitle(year: number): string {
  return `关于${year}年度质量工作考核结果的通报`;
}

export interface NoticeInput {
  year: number;
  schemeName: string;
  targetKind: AssessmentTargetKind;
  issuer: DocumentIssuer;
  /** 发文字号: given when published; a draft shows the 机关代字 and year with the number left blank. */
  docNumber: string;
  recipients: string;
  config: SchemeConfig;
  results: readonly AssessmentResult[];
  /** 成文日期, YYYY-MM-DD, printed under the issuer. */
  date: string;
  /** Published: the 版记 names the printer and this date; a draft has none. */
  printed: boolean;
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

  const issuer = n.issuer.name;
  const body = [
    para(
      `根据《${n.schemeName}》，${issuer}组织对${n.results.length}个${unitWord}${n.year}年度质量工作进行了考核。考核围绕${methods}等方面，` +
        `结合加分、扣分和一票否决事项综合评分，确定考核等次。现将考核结果通报如下：`,
    ),
    heading(1, '一、考核结果'),
    para(`${n.year}年度质量工作考核得分及等次见下表（按得分排名，被一票否决的单位列于最后）。`),
    resultsTable(n.results),
    blankLine(),
    heading(1, `二、考核等次为${top}的单位`),
    para(
      excellent.length > 0
        ? `${list(excellent.map((r) => r.deptName))}${excellent.length > 1 ? `等${excellent.length}个单位` : ''}考核等次为${top}，予以通报表扬。希望再接再厉，持续提升质量工作水平。`
        : `本年度无考核等次为${top}的单位。`,
    ),
    heading(1, `三、考核等次为${n.config.failGrade}的单位`),
    ...(failed.length > 0
      ? failed.map((r) => para(`${r.deptName}：${failReason(r, passMark)}，考核等次为${n.config.failGrade}。`))
      : [para(`本年度无考核等次为${n.config.failGrade}的单位。`)]),
    heading(1, '四、整改要求'),
    para(
      `考核等次为${list(lowGrades)}、存在扣分事项或被一票否决的单位` +
        (rectifying.length > 0 ? `（${list(rectifying.map((r) => r.deptName))}）` : '') +
        `，要认真查找问题根源，制定切实可行的整改措施，明确责任和完成时限，自本通报印发之日起${RECTIFY_WITHIN_DAYS}日内将整改报告报送${issuer}，` +
        '并在质量强市信息平台“我的考核”中报送整改情况。各单位要以此次考核为契机，压实质量工作责任，推动质量强市建设各项任务落地见效。',
      { keepWithNext: true },
    ),
  ];
  return packOfficialDocument({
    issuer: n.issuer,
    docNumber: n.docNumber,
    title: noticeTitle(n.year),
    recipients: n.recipients,
    body,
    date: n.date,
    printedOn: n.printed ? n.date : null,
    properties: { title: noticeTitle(n.year), subject: n.schemeName },
  });
}
