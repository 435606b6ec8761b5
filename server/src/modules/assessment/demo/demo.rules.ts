/**
 * The demo city's assessment of last year (pure data and dates): the district scheme the quality
 * office uses, what it entered for each of the 16 district governments, which units have sent their
 * rectification, and when each step happened — early this year, never after `today`.
 */
import type { SchemeInput, UnitInput } from '../../../../../contracts/assessment.js';
import { DEFAULT_GRADE_BANDS, DEFAULT_FAIL_GRADE } from '../../../../../contracts/assessment.js';

/** The demo scheme's name for the year it assesses: finding it means the demo assessment is loaded. */
export function demoSchemeName(year: number): string {
  return `天津市${year}年度各区质量工作考核方案`;
}

/** The district scheme: task figures from the plans module, entered indicator figures and the experts' review. */
export function demoScheme(year: number): SchemeInput {
  return {
    name: demoSchemeName(year),
    year,
    targetKind: 'district',
    deptIds: null,
    indicators: [
      { key: 'done', name: '行动计划任务完成率', kind: 'task_completion', weight: 30 },
      { key: 'ontime', name: '任务按时完成率', kind: 'on_time', weight: 20 },
      { key: 'targets', name: '质量指标完成情况', kind: 'indicator_attainment', weight: 20 },
      { key: 'expert', name: '专家评审', kind: 'expert', weight: 30 },
    ],
    bonusItems: [
      { key: 'honour', name: '获得国家级质量荣誉或试点', maxPoints: 3 },
      { key: 'promoted', name: '质量工作经验获上级推广', maxPoints: 2 },
    ],
    deductionItems: [
      { key: 'late', name: '工作材料报送不及时', maxPoints: 2 },
      { key: 'criticised', name: '被上级部门通报批评', maxPoints: 5 },
    ],
    vetoItems: [{ key: 'accident', name: '发生重大质量安全事故' }],
    gradeBands: [...DEFAULT_GRADE_BANDS],
    failGrade: DEFAULT_FAIL_GRADE,
    recipients: null,
  };
}

/** Entered figures per district, in the districts' order (和平区 first): indicator attainment, experts' score. */
const TARGETS = [86, 93, 78, 80, 88, 84, 75, 95, 80, 79, 90, 74, 76, 58, 94, 72];
const EXPERT = [88, 91, 76, 83, 90, 86, 78, 92, 78, 84, 89, 80, 80, 62, 93, 79];
const BONUSES: Record<number, UnitInput['bonuses']> = {
  1: [{ itemKey: 'honour', points: 3, reason: '获批全国质量强县（区）建设试点' }],
  7: [{ itemKey: 'promoted', points: 2, reason: '质量基础设施“一站式”服务经验获市政府推广' }],
  14: [{ itemKey: 'honour', points: 2, reason: '辖区企业获中国质量奖提名奖' }],
};
const DEDUCTIONS: Record<number, UnitInput['deductions']> = {
  0: [{ itemKey: 'late', points: 1, reason: '半年工作进展迟报 2 个工作日' }],
  6: [{ itemKey: 'criticised', points: 3, reason: '抽检不合格食品核查处置超期，被市食品安全办通报' }],
  13: [{ itemKey: 'late', points: 1.5, reason: '年度工作总结迟报 5 个工作日' }],
};

/** What the office entered for the scheme's units (the 16 districts, in order). */
export function demoInputs(deptIds: readonly number[]): UnitInput[] {
  return deptIds.map((deptId, i) => ({
    deptId,
    scores: { targets: TARGETS[i % 16]!, expert: EXPERT[i % 16]! },
    bonuses: BONUSES[i] ?? [],
    deductions: DEDUCTIONS[i] ?? [],
    vetoes: [],
  }));
}

/** When each step happened: the scheme in January, figures in February, scoring and the 通报 in March — never after today. */
export function demoAssessmentDates(year: number, today: string): { created: string; entered: string; scored: string; published: string } {
  const next = year + 1;
  const clamp = (d: string) => (d > today ? today : d);
  return { created: clamp(`${next}-01-12`), entered: clamp(`${next}-02-26`), scored: clamp(`${next}-03-10`), published: clamp(`${next}-03-18`) };
}

/**
 * Whether a unit that must rectify has reported: 和平区 (the district-user's) has not yet — its
 * 我的考核 shows what it is to do; of the others, some reports were accepted, some await review.
 */
export function rectificationFate(index: number): 'none' | 'submitted' | 'accepted' {
  if (index === 0) return 'none';
  return index % 2 === 0 ? 'accepted' : 'submitted';
}

export const RECTIFICATION_TEXT = {
  report: '针对考核中发现的问题，我区逐项分析原因：一是部分工作材料报送流程不清，二是抽检不合格产品核查处置跟踪不及时。',
  measures: '明确质量工作联络员和材料报送时限，建立抽检不合格产品核查处置台账，每月调度一次，纳入区政府督查事项。',
};
