/**
 * Excel column maps of the assessment module. Both depend on the scheme: the input template has a
 * column per indicator entered by hand, the results export a column per indicator.
 */
import type { AssessmentResult } from '../../../../contracts/assessment.js';
import { isEnteredKind } from '../../../../contracts/assessment.js';
import type { ImportColumn } from '../../platform/excel/excel.js';
import type { ExportColumn } from '../../platform/excel/excel-export.js';
import type { SchemeConfig } from './assessment.rules.js';

export const UNIT_COLUMN = 'unit';
export const scoreColumn = (indicatorKey: string) => `score:${indicatorKey}`;

const KIND_NOTE: Record<string, string> = { indicator_attainment: '指标完成情况得分', expert: '专家评分', manual: '其他评分' };

/** The columns of the input template and import for a scheme. */
export function inputColumns(c: SchemeConfig): ImportColumn[] {
  const names = (items: readonly { name: string; maxPoints?: number }[]) =>
    items.length === 0 ? '本方案未设置' : items.map((i) => (i.maxPoints !== undefined ? `${i.name}（最多 ${i.maxPoints} 分）` : i.name)).join('；');
  return [
    { key: UNIT_COLUMN, header: '单位名称', aliases: ['单位', '被考核单位', 'unit'], required: true, width: 30, note: '单位全称、简称或部门编号。同一单位有多条加分、扣分或否决时，可重复填写多行（得分只需填写一次）' },
    ...c.indicators
      .filter((i) => isEnteredKind(i.kind))
      .map((i) => ({ key: scoreColumn(i.key), header: i.name, aliases: [i.key], width: 14, note: `${KIND_NOTE[i.kind] ?? ''}，0–100 分，最多两位小数；留空表示未录入（按 0 分计）` })),
    { key: 'bonusItem', header: '加分项', width: 20, note: `可填：${names(c.bonusItems)}` },
    { key: 'bonusPoints', header: '加分分值', width: 10, note: '不超过该加分项的上限' },
    { key: 'bonusReason', header: '加分理由', width: 30, note: '填写加分项时必填' },
    { key: 'deductionItem', header: '扣分项', width: 20, note: `可填：${names(c.deductionItems)}` },
    { key: 'deductionPoints', header: '扣分分值', width: 10, note: '不超过该扣分项的上限' },
    { key: 'deductionReason', header: '扣分理由', width: 30, note: '填写扣分项时必填' },
    { key: 'vetoItem', header: '否决事项', width: 20, note: `一票否决，可填：${names(c.vetoItems)}` },
    { key: 'vetoReason', header: '否决理由', width: 30, note: '填写否决事项时必填' },
  ];
}

const entries = (list: readonly { name: string; points: number }[]) => list.map((e) => `${e.name} ${e.points}`).join('；') || null;

/** The ranking as a workbook: rank, unit, each indicator's score, bonus, deduction, veto, total, grade. */
export function resultColumns(c: SchemeConfig): ExportColumn<AssessmentResult>[] {
  const points = { type: 'number', numFmt: '0.00' } as const;
  return [
    { header: '名次', width: 6, type: 'number', value: (r) => r.rank },
    { header: '单位', width: 30, value: (r) => r.deptName },
    ...c.indicators.map((ind, i): ExportColumn<AssessmentResult> => ({ header: `${ind.name}（${ind.weight}%）`, width: 14, ...points, value: (r) => r.indicators[i]?.score ?? null })),
    { header: '加分', width: 8, ...points, value: (r) => r.bonus },
    { header: '加分明细', width: 24, value: (r) => entries(r.bonuses) },
    { header: '扣分', width: 8, ...points, value: (r) => r.deduction },
    { header: '扣分明细', width: 24, value: (r) => entries(r.deductions) },
    { header: '一票否决', width: 28, value: (r) => (r.vetoed ? r.vetoes.map((v) => `${v.name}：${v.reason}`).join('；') : '否') },
    { header: '总分', width: 8, ...points, value: (r) => r.total },
    { header: '等次', width: 8, value: (r) => r.grade },
  ];
}
