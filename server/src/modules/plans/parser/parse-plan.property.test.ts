/**
 * parsePlan is total: whatever the text, it returns a plan that passes the contract schema, with
 * unique paths, children under their parent's path, and spans that point at each item's text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedPlanSchema, type ParsedItem } from '../../../../../contracts/plans.js';
import { flattenItems, parsePlan } from './parse-plan.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const TEXTS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

// Pieces that exercise every rule: markers of each level, units clauses, dates, targets, chrome.
const FRAGMENTS = [
  '一、', '二、', '十一、', '(一)', '(二)', '（三）', '(十)', '1.', '2、', '3．', '(1)', '（2）', '1. 5亿元', '2017年',
  '\n', '\n\n', '。', ',', '、', '(', ')', '（', '）', '〔2016〕', '[2018]', '［2019］', '号', '鲁政办字〔2016〕103号',
  '(市质监局牵头,市商务局配合)', '(牵头单位:市质监局,各县区政府)', '(市发展改革委等按职责分工负责)',
  '(市农委等部门及各区人民政府负责落实。以下均需各区人民政府落实,不再列出)', '市场监管所负责落实。',
  '到2020年,合格率达到93%以上', '逐年达到89%、90%、91%', '比2015年翻一番', '提高60%以上', '控制在5%以内',
  '于2017年1月10日前', '2017年1月底前', '2020年2月底前', '二〇一一年六月二十八日', '(2018年8月12日)',
  '天津市人民政府办公厅', '各区人民政府,市政府各委、局:', '附件:', '抄送:', '6 | 文件', '- 3 -', '当前位置: 首页 »',
  '声明:', '关于印发《某方案》的通知', '大力推动品牌建设', '各区、各部门要加强组织领导。', '\u0000', '\ufffd', '\r\n',
  '津委发〔2019〕12号 2019年3月8日', '《某意见》', '(国发〔2018〕3号)的实施方案', '——', '一是', '到2025年,', '到2025年,主要目标:',
  '指数达到85', '满意度达到80分以上', '拥有量25件', '增加8项', '下降2个百分点', '(2023—2025年)',
];

/** Any of the arbitraries the property runs on. */
const anyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join('')),
  // Slices of real documents glued together, including halves of lines and of clauses.
  fc
    .array(
      fc.tuple(fc.nat(TEXTS.length - 1), fc.nat(), fc.nat(4000)).map(([t, from, len]) => {
        const text = TEXTS[t]!;
        const start = from % Math.max(1, text.length);
        return text.slice(start, start + len);
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join('')),
  fc.tuple(fc.nat(TEXTS.length - 1), fc.nat()).map(([t, n]) => TEXTS[t]!.slice(0, n % (TEXTS[t]!.length + 1))),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

function checkTree(items: ParsedItem[], parentPath: string | null): void {
  for (const item of items) {
    if (parentPath !== null) expect(item.path.startsWith(`${parentPath}/`)).toBe(true);
    checkTree(item.children, item.path);
  }
}

describe('parsePlan (property)', () => {
  it('never throws and always returns a plan that passes the contract', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parsePlan(text);
        parsedPlanSchema.parse(r.plan);
        const all = flattenItems(r.plan.items);
        const paths = all.map((i) => i.path);
        expect(new Set(paths).size).toBe(paths.length);
        checkTree(r.plan.items, null);
        for (const i of all) expect(r.body.slice(r.spans[i.path]!.start, r.spans[i.path]!.end)).toBe(i.text);
        expect(Object.keys(r.spans).sort()).toEqual([...paths].sort());
        for (const u of r.plan.units) {
          expect(u.items).toBe(all.filter((i) => i.lead.includes(u.name) || i.support.includes(u.name) || i.joint.includes(u.name)).length);
        }
        for (const t of [...r.plan.targets, ...r.plan.deadlines]) if (t.path) expect(paths).toContain(t.path);
      }),
      { numRuns: 400 },
    );
  });

  it('parses every shipped document to the same plan twice (no hidden state)', () => {
    for (const text of TEXTS) expect(parsePlan(text)).toEqual(parsePlan(text));
  });
});
