import { describe, expect, it } from 'vitest';
import { findItem, walkItems } from '@contracts/plan-draft';
import type { DraftItem, PlanDraft } from '@contracts/plans';
import { mergeWithNext, nextSibling, sentenceBreaks, setMapping, splitItem, uniquePath, unitsWithRole, updateItem } from './draft-ops';

const item = (path: string, text: string, extra: Partial<DraftItem> = {}): DraftItem => {
  const level = path.split('/').length as DraftItem['level'];
  return { path, level, number: path.split('/').at(-1)!, heading: null, text, lead: [], support: [], joint: [], dueDate: null, children: [], ...extra };
};

const BLANK: PlanDraft = { title: '质量强市行动计划', docNumber: null, issuer: null, issuedDate: null, dueDate: '2026-12-31', items: [], targets: [], deadlines: [], unitMappings: [] };
const draftOf = (items: DraftItem[], extra: Partial<PlanDraft> = {}): PlanDraft => ({ ...BLANK, items, ...extra });

const tree = () => [
  item('一', '总体要求。', {
    children: [item('一/(一)', '推进品牌建设。加强标准引领。', { lead: ['市市场监管局'], support: ['市商务局'] }), item('一/(二)', '完善质量基础设施', { lead: ['市科技局'] })],
  }),
  item('二', '保障措施。'),
];

describe('updateItem', () => {
  it('changes the one item and leaves the input untouched', () => {
    const before = tree();
    const after = updateItem(before, '一/(二)', { text: '新的文字' });
    expect(findItem(after, '一/(二)')?.text).toBe('新的文字');
    expect(findItem(before, '一/(二)')?.text).toBe('完善质量基础设施');
    expect(after[1]).toEqual(before[1]);
    expect(findItem(after, '一/(一)')).toEqual(findItem(before, '一/(一)'));
  });
});

describe('uniquePath', () => {
  it('takes the first free suffix', () => {
    expect(uniquePath(new Set(['一/(一)']), '一/(一)')).toEqual({ path: '一/(一)-2', suffix: '-2' });
    expect(uniquePath(new Set(['一/(一)-2', '一/(一)-3']), '一/(一)')).toEqual({ path: '一/(一)-4', suffix: '-4' });
  });
});

describe('sentenceBreaks', () => {
  it('offers a break after each sentence but not at the end', () => {
    expect(sentenceBreaks('推进品牌建设。加强标准引领。')).toEqual([7]);
    expect(sentenceBreaks('一句话。')).toEqual([]);
    expect(sentenceBreaks('他说“好！”然后走了；结束')).toEqual([6, 11]);
  });
});

describe('splitItem', () => {
  it('splits the text into the item and a new sibling with the same units', () => {
    const draft = draftOf(tree(), {
      targets: [{ path: '一/(一)', indicator: '标准', comparator: '>=', value: 3, unit: '项', year: null, sentence: '加强标准引领' }],
      deadlines: [{ path: '一/(一)', date: '2026-06-30', sentence: '推进品牌建设' }],
    });
    const result = splitItem(draft, '一/(一)', 7)!;
    expect(result.newPath).toBe('一/(一)-2');
    const parent = findItem(result.draft.items, '一')!;
    expect(parent.children.map((c) => [c.path, c.text])).toEqual([
      ['一/(一)', '推进品牌建设。'],
      ['一/(一)-2', '加强标准引领。'],
      ['一/(二)', '完善质量基础设施'],
    ]);
    expect(findItem(result.draft.items, '一/(一)-2')).toMatchObject({ lead: ['市市场监管局'], support: ['市商务局'], number: '(一)-2', heading: null });
    // The target quoted from the second half moves with it; the deadline of the first half stays.
    expect(result.draft.targets[0]!.path).toBe('一/(一)-2');
    expect(result.draft.deadlines[0]!.path).toBe('一/(一)');
  });

  it('refuses a split that leaves one side empty or names no item', () => {
    const draft = draftOf(tree());
    expect(splitItem(draft, '一/(一)', 0)).toBeNull();
    expect(splitItem(draft, '一/(一)', 100)).toBeNull();
    expect(splitItem(draft, '九', 2)).toBeNull();
  });
});

describe('mergeWithNext', () => {
  it('joins the texts with a full stop, unions the units and moves the next item’s quotes', () => {
    const draft = draftOf(tree(), { deadlines: [{ path: '一/(二)', date: '2026-06-30', sentence: '完善' }] });
    const result = mergeWithNext(draft, '一/(一)')!;
    expect(result.removedPath).toBe('一/(二)');
    const merged = findItem(result.draft.items, '一/(一)')!;
    expect(merged.text).toBe('推进品牌建设。加强标准引领。完善质量基础设施');
    expect(merged.lead).toEqual(['市市场监管局', '市科技局']);
    expect(merged.support).toEqual(['市商务局']);
    expect(findItem(result.draft.items, '一/(二)')).toBeUndefined();
    expect(result.draft.deadlines[0]!.path).toBe('一/(一)');
    expect([...walkItems(result.draft.items)]).toHaveLength(3);
  });

  it('adds a full stop only when the first text does not end a sentence', () => {
    const draft = draftOf([item('一', '甲'), item('二', '乙')]);
    expect(mergeWithNext(draft, '一')!.draft.items[0]!.text).toBe('甲。乙');
  });

  it('keeps a unit once, in its strongest role', () => {
    const draft = draftOf([item('一', '甲。', { support: ['市商务局'] }), item('二', '乙。', { lead: ['市商务局'], joint: ['市商务局', '各区人民政府'] })]);
    const merged = mergeWithNext(draft, '一')!.draft.items[0]!;
    expect(unitsWithRole(merged)).toEqual([
      { name: '市商务局', role: 'lead' },
      { name: '各区人民政府', role: 'joint' },
    ]);
  });

  it('has nothing to merge with after the last sibling', () => {
    const draft = draftOf(tree());
    expect(nextSibling(draft.items, '一/(二)')).toBeUndefined();
    expect(mergeWithNext(draft, '一/(二)')).toBeNull();
  });
});

describe('setMapping', () => {
  it('adds a mapping for a new name and patches an existing one in place', () => {
    const added = setMapping([], '市商务局', { deptIds: [7] });
    expect(added).toEqual([{ name: '市商务局', deptIds: [7], ignored: false }]);
    const patched = setMapping([...added, { name: '各区人民政府', deptIds: [], ignored: false }], '市商务局', { ignored: true });
    expect(patched).toEqual([
      { name: '市商务局', deptIds: [7], ignored: true },
      { name: '各区人民政府', deptIds: [], ignored: false },
    ]);
  });
});
