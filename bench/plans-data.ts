/** Synthetic plan drafts for the plans benchmarks: sections of measures, each naming the same units. */
import type { DraftItem, PlanDraft } from '../contracts/plans.js';

/**
 * `items` items in sections of ten (a level-1 section and 9 measures), every item naming all
 * `depts` (the first two as lead, the next three as support, the rest joint).
 */
export function syntheticDraft(label: string, items: number, depts: readonly { id: number }[]): PlanDraft {
  const names = depts.map((d) => `单位${d.id}`);
  const units = { lead: names.slice(0, 2), support: names.slice(2, 5), joint: names.slice(5) };
  const sections: DraftItem[] = [];
  for (let s = 1; s <= items / 10; s++) {
    const children: DraftItem[] = [];
    for (let m = 1; m <= 9; m++) {
      children.push({ path: `${s}/(${m})`, level: 2, number: `(${m})`, heading: `措施 ${s}.${m}`, text: `${label}：第 ${s} 部分第 ${m} 项措施的全文。`.repeat(4), ...units, dueDate: null, children: [] });
    }
    sections.push({ path: `${s}`, level: 1, number: `${s}`, heading: `第 ${s} 部分`, text: '', ...units, dueDate: null, children });
  }
  return {
    title: label,
    docNumber: null,
    issuer: null,
    issuedDate: null,
    dueDate: '2026-12-31',
    items: sections,
    targets: [{ path: '1', indicator: '产品质量监督抽查合格率', comparator: '>=', value: 94, unit: '%', year: 2026, sentence: '产品质量监督抽查合格率达到94%。' }],
    deadlines: [],
    unitMappings: names.map((name, i) => ({ name, deptIds: [depts[i]!.id], ignored: false })),
  };
}
