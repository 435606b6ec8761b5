import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../platform/excel/excel.js';
import { itemsFromSheet, sheetBody } from './plan-sheet.js';

const row = (n: number, v: Partial<Record<'path' | 'heading' | 'text' | 'lead' | 'support' | 'joint' | 'dueDate', string>>): SheetRow => ({
  row: n,
  values: { path: null, heading: null, text: null, lead: null, support: null, joint: null, dueDate: null, ...v },
});

describe('itemsFromSheet', () => {
  it('builds the tree from numbers, splits unit lists and reads dates and targets', () => {
    const { items, targets, errors } = itemsFromSheet([
      row(2, { path: '一', heading: '夯实质量基础' }),
      row(3, { path: '一/（一）', heading: '推进标准化', text: '到2026年，采标率达到85%以上。', lead: '市市场监管委', support: '市工业和信息化局、市发展改革委', dueDate: '2026年6月30日' }),
      row(4, { path: '一/(一)/1', text: '开展对标达标。', joint: '各区人民政府', dueDate: '2026-09-30' }),
    ]);
    expect(errors).toEqual([]);
    expect(items).toHaveLength(1);
    const sub = items[0]!.children[0]!;
    expect(sub).toMatchObject({ path: '一/(一)', level: 2, number: '(一)', lead: ['市市场监管委'], support: ['市工业和信息化局', '市发展改革委'], dueDate: '2026-06-30' });
    expect(sub.children[0]).toMatchObject({ path: '一/(一)/1', level: 3, joint: ['各区人民政府'], dueDate: '2026-09-30' });
    expect(items[0]!.text).toBe('夯实质量基础');
    expect(targets).toMatchObject([{ path: '一/(一)', comparator: '>=', value: 85, unit: '%', year: 2026 }]);
  });

  it('reports every bad row by number and column', () => {
    const { errors } = itemsFromSheet([
      row(2, { path: '一', heading: '一' }),
      row(3, { path: '一', heading: '重复' }),
      row(4, { path: '二/(一)', text: '没有上级' }),
      row(5, { path: '一/(一)' }),
      row(6, { path: '一/1/2/3/4', text: '太深' }),
      row(7, { path: '一/(二)', text: '日期错', dueDate: '明年' }),
      row(8, { path: '  ', text: '无编号' }),
    ]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '条目编号'],
      [4, '条目编号'],
      [5, '任务内容'],
      [6, '条目编号'],
      [6, '条目编号'],
      [7, '完成时限'],
      [8, '条目编号'],
    ]);
  });
});

describe('sheetBody', () => {
  it('writes one line per item and points each item at its line', () => {
    const { items } = itemsFromSheet([row(2, { path: '一', heading: '标题', text: '内容。', lead: '市商务局' })]);
    const { body, spans } = sheetBody(items);
    expect(body).toBe('一　标题。内容。（牵头：市商务局）\n');
    expect(body.slice(spans['一']!.start, spans['一']!.end)).toBe('一　标题。内容。（牵头：市商务局）');
  });
});
