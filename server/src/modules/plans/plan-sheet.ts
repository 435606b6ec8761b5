/**
 * A plan as a task list in Excel (责任清单 / 任务清单, seed 004 (二十五)): one row per item with
 * its number, heading, text, lead/support/joint units and due date. Offices keep these lists by
 * hand today; importing one gives a draft like a parsed document.
 */
import type { ImportRowError } from '../../../../contracts/common.js';
import type { DraftItem, ParsedTarget } from '../../../../contracts/plans.js';
import type { ImportColumn, SheetRow } from '../../platform/excel/excel.js';
import { findChineseDate, findDashedDate, findTargets, splitUnitNames } from './parser/index.js';

export const PLAN_SHEET: ImportColumn[] = [
  { key: 'path', header: '条目编号', aliases: ['编号', '序号', 'number', 'path'], required: true, width: 14, note: '层级用“/”分隔，如 一、一/(一)、一/(一)/1；上级条目须写在前面的行' },
  { key: 'heading', header: '标题', aliases: ['heading', '任务名称'], width: 24, note: '条目的小标题（可空）' },
  { key: 'text', header: '任务内容', aliases: ['内容', '工作任务', 'text'], width: 60, note: '条目全文；标题与内容至少填一项' },
  { key: 'lead', header: '牵头单位', aliases: ['lead'], width: 24, note: '多个单位用“、”或逗号分隔' },
  { key: 'support', header: '配合单位', aliases: ['support'], width: 30, note: '多个单位用“、”或逗号分隔' },
  { key: 'joint', header: '共同负责单位', aliases: ['责任单位', 'joint'], width: 30, note: '按职责分工负责的单位' },
  { key: 'dueDate', header: '完成时限', aliases: ['截止日期', 'due date'], width: 14, note: '如 2026-12-31 或 2026年12月31日；留空则用计划的完成期限' },
];

export const PLAN_SHEET_EXAMPLE: Record<string, string>[] = [
  { path: '一', heading: '夯实质量基础', text: '', lead: '', support: '', joint: '', dueDate: '' },
  {
    path: '一/(一)',
    heading: '推进标准化建设',
    text: '推动企业开展标准自我声明公开，到2026年，主要工业产品采用国际标准比例达到85%以上。',
    lead: '市市场监管委',
    support: '市工业和信息化局、市发展改革委',
    joint: '',
    dueDate: '2026-12-31',
  },
];

const MAX_LEVEL = 4;

function tokensOf(path: string): string[] {
  return path
    .split('/')
    .map((t) => t.trim().replace(/（/g, '(').replace(/）/g, ')'))
    .filter((t) => t !== '');
}

/**
 * Items from the rows, or the errors of each bad row (numbered as in the file). Parents come
 * before their children; a number used twice, a level deeper than four, a missing parent, an
 * unreadable date or a row with neither heading nor text is an error.
 */
export function itemsFromSheet(rows: readonly SheetRow[]): { items: DraftItem[]; targets: ParsedTarget[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const byPath = new Map<string, DraftItem>();
  const roots: DraftItem[] = [];
  const targets: ParsedTarget[] = [];
  for (const { row, values } of rows) {
    const tokens = tokensOf(values.path ?? '');
    const path = tokens.join('/');
    const heading = values.heading?.trim() || null;
    const text = values.text?.trim() ?? '';
    const bad = (column: string, message: string) => errors.push({ row, column, message });
    if (tokens.length === 0) {
      bad('条目编号', '条目编号不能为空');
      continue;
    }
    if (tokens.length > MAX_LEVEL) bad('条目编号', `最多 ${MAX_LEVEL} 级，“${path}”有 ${tokens.length} 级`);
    if (byPath.has(path)) bad('条目编号', `条目编号“${path}”重复`);
    const parentPath = tokens.slice(0, -1).join('/');
    const parent = parentPath ? byPath.get(parentPath) : undefined;
    if (parentPath && !parent) bad('条目编号', `上级条目“${parentPath}”不存在或在本行之后`);
    if (!heading && !text) bad('任务内容', '标题与任务内容至少填写一项');
    let dueDate: string | null = null;
    if (values.dueDate) {
      dueDate = findDashedDate(values.dueDate) ?? findChineseDate(values.dueDate);
      if (!dueDate) bad('完成时限', `无法识别的日期“${values.dueDate}”，请写作 2026-12-31`);
    }
    if (errors.some((e) => e.row === row)) continue;
    const item: DraftItem = {
      path,
      level: tokens.length as DraftItem['level'],
      number: tokens.at(-1)!,
      heading,
      text: text || heading!,
      lead: splitUnitNames(values.lead ?? ''),
      support: splitUnitNames(values.support ?? ''),
      joint: splitUnitNames(values.joint ?? ''),
      dueDate,
      children: [],
    };
    byPath.set(path, item);
    (parent ? parent.children : roots).push(item);
    targets.push(...findTargets(item.text, path));
  }
  return { items: roots, targets, errors };
}

/** The rows as text, for the review page's source pane, with where each item stands in it. */
export function sheetBody(items: readonly DraftItem[]): { body: string; spans: Record<string, { start: number; end: number }> } {
  let body = '';
  const spans: Record<string, { start: number; end: number }> = {};
  const visit = (list: readonly DraftItem[]) => {
    for (const item of list) {
      const units = [
        item.lead.length ? `牵头：${item.lead.join('、')}` : '',
        item.support.length ? `配合：${item.support.join('、')}` : '',
        item.joint.length ? `共同负责：${item.joint.join('、')}` : '',
      ].filter(Boolean);
      const line = `${item.path}\u3000${item.heading && item.heading !== item.text ? `${item.heading}。` : ''}${item.text}${units.length ? `（${units.join('；')}）` : ''}`;
      spans[item.path] = { start: body.length, end: body.length + line.length };
      body += `${line}\n`;
      visit(item.children);
    }
  };
  visit(items);
  return { body, spans };
}
