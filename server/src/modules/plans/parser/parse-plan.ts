/**
 * The action-plan parser's entry point: policy-document text in, a structured plan out (contracts/
 * plans.ts). Pure and total — any string, however broken, gives a plan that passes
 * parsedPlanSchema, with Chinese warnings for what a reviewer must check.
 */
import type { ParsedDeadline, ParsedItem, ParsedPlan, ParsedTarget } from '../../../../../contracts/plans.js';
import { findItemDeadlines } from './deadlines.js';
import { parseHeader } from './header.js';
import { normalizeDocument } from './normalize.js';
import { buildOutline, type OutlineNode } from './outline.js';
import { findTargets } from './targets.js';
import { unitsOfItem } from './units.js';

export interface TextSpan {
  start: number;
  end: number;
}

export interface PlanParse {
  plan: ParsedPlan;
  /** 主送 recipients as printed (各区人民政府, 市政府各委、局 …). */
  recipients: string[];
  /** The normalised document text: one paragraph per line, without web-page chrome. */
  body: string;
  /** Per item path, the offsets in `body` of the item's text: body.slice(start, end) === item.text. */
  spans: Record<string, TextSpan>;
}

/** The path of the single item a document without numbering becomes. */
export const WHOLE_TEXT_PATH = '全文';
const HEADER_SCAN_LINES = 12;
const MAX_WARNINGS = 50;
const HEADING_MAX = 40;

/**
 * The lead phrase of an item: its first sentence when the item opens with one that is short
 * (大力推动品牌建设。…), or its first line when that line is a bare heading followed by more text
 * (一、总体要求). Null otherwise.
 */
export function headingOf(text: string, hasMore: boolean): string | null {
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const stop = firstLine.indexOf('。');
  if (stop >= 0) {
    const lead = firstLine.slice(0, stop).trim();
    return lead && lead.length <= HEADING_MAX ? lead : null;
  }
  const line = firstLine.trim();
  return line && line.length <= HEADING_MAX && (hasMore || newline >= 0) ? line : null;
}

function lineStarts(lines: string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

function sliceLines(lines: string[], from: number, to: number): string {
  return lines.slice(from, Math.max(from, to)).join('\n');
}

/** Parse a policy document; see PlanParse. Never throws. */
export function parsePlan(text: string): PlanParse {
  const doc = normalizeDocument(typeof text === 'string' ? text : '');
  const { lines } = doc;
  const body = lines.join('\n');
  const starts = lineStarts(lines);
  const outline = buildOutline(lines);
  const hasItems = outline.nodes.length > 0;

  const headerEnd = hasItems ? outline.firstItemLine : Math.min(lines.length, HEADER_SCAN_LINES);
  const header = parseHeader({ lines: lines.slice(0, headerEnd), chrome: doc.leadingChrome, endMatter: lines.slice(outline.endMatterLine) });

  const spans: Record<string, TextSpan> = {};
  const targets: ParsedTarget[] = [];
  const deadlines: ParsedDeadline[] = [];
  const unitCounts = new Map<string, number>();
  let sticky: string[] = [];

  // Text outside the items says where it stands, so that a reviewer is not sent to the top of the
  // document for the closing paragraph's report date.
  const outside = (text: string, position: 'preamble' | 'closing') => {
    targets.push(...findTargets(text, '').map((t) => ({ ...t, position })));
    deadlines.push(...findItemDeadlines(text, null).map((d) => ({ ...d, position })));
  };
  outside(hasItems ? sliceLines(lines, 0, outline.firstItemLine) : '', 'preamble');

  const toItem = (node: OutlineNode): ParsedItem => {
    let start = starts[node.firstLine]! + node.markerLength;
    const firstLineEnd = starts[node.firstLine]! + lines[node.firstLine]!.length;
    if (start >= firstLineEnd && node.endLine > node.firstLine + 1) start = starts[node.firstLine + 1]!;
    const lastLine = Math.max(node.firstLine, node.endLine - 1);
    const end = Math.max(start, starts[lastLine]! + lines[lastLine]!.length);
    const itemText = body.slice(start, end);
    spans[node.path] = { start, end };

    const units = unitsOfItem(itemText);
    const lead = units?.lead ?? [];
    const support = units?.support ?? [];
    const joint = units?.joint ?? [];
    // 以下均需各区人民政府落实,不再列出: every later item that names its units has them too.
    if (units) for (const name of sticky) if (!lead.includes(name) && !support.includes(name) && !joint.includes(name)) joint.push(name);
    if (units?.sticky.length) sticky = [...sticky, ...units.sticky.filter((n) => !sticky.includes(n))];
    for (const name of [...lead, ...support, ...joint]) unitCounts.set(name, (unitCounts.get(name) ?? 0) + 1);

    targets.push(...findTargets(itemText, node.path));
    deadlines.push(...findItemDeadlines(itemText, node.path));
    return {
      path: node.path,
      level: node.level,
      number: node.token,
      heading: headingOf(itemText, node.children.length > 0),
      text: itemText,
      lead,
      support,
      joint,
      children: node.children.map(toItem),
    };
  };

  const warnings = [...header.warnings, ...outline.warnings];
  let items: ParsedItem[];
  if (hasItems) {
    items = outline.roots.map(toItem);
    outside(sliceLines(lines, outline.closingLine, outline.endMatterLine), 'closing');
  } else if (body.trim()) {
    // A document without numbering is still one reviewable item.
    warnings.push('未识别到层级编号，全文作为一项');
    const units = unitsOfItem(body);
    for (const name of [...(units?.lead ?? []), ...(units?.support ?? []), ...(units?.joint ?? [])]) unitCounts.set(name, 1);
    spans[WHOLE_TEXT_PATH] = { start: 0, end: body.length };
    targets.push(...findTargets(body, WHOLE_TEXT_PATH));
    deadlines.push(...findItemDeadlines(body, WHOLE_TEXT_PATH));
    items = [
      {
        path: WHOLE_TEXT_PATH,
        level: 1,
        number: WHOLE_TEXT_PATH,
        heading: null,
        text: body,
        lead: units?.lead ?? [],
        support: units?.support ?? [],
        joint: units?.joint ?? [],
        children: [],
      },
    ];
  } else {
    warnings.push('文本为空，未解析到内容');
    items = [];
  }
  if (doc.garbageRatio > 0.05) warnings.push('文本含有较多无法识别的字符，可能不是纯文本文件或编码有误');
  if (warnings.length > MAX_WARNINGS) {
    const more = warnings.length - MAX_WARNINGS;
    warnings.length = MAX_WARNINGS;
    warnings.push(`另有 ${more} 条警告未列出`);
  }

  // Most-named units first; ties keep the order in which the document names them.
  const units = [...unitCounts].map(([name, count]) => ({ name, items: count })).sort((a, b) => b.items - a.items);

  return {
    plan: {
      title: header.title,
      docNumber: header.docNumber,
      issuer: header.issuer,
      issuedDate: header.issuedDate,
      items,
      targets,
      deadlines,
      units,
      warnings,
    },
    recipients: header.recipients,
    body,
    spans,
  };
}

/** Items of a plan in document order (parents before their children). */
export function flattenItems(items: readonly ParsedItem[]): ParsedItem[] {
  const out: ParsedItem[] = [];
  const walk = (list: readonly ParsedItem[]) => {
    for (const item of list) {
      out.push(item);
      walk(item.children);
    }
  };
  walk(items);
  return out;
}

/** Counts a reviewer checks first: items per level, items naming units, targets, deadlines. */
export function planParseSummary(plan: ParsedPlan): { itemsPerLevel: Record<1 | 2 | 3 | 4, number>; itemsWithUnits: number; targets: number; deadlines: number } {
  const itemsPerLevel: Record<1 | 2 | 3 | 4, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let itemsWithUnits = 0;
  for (const item of flattenItems(plan.items)) {
    itemsPerLevel[item.level]++;
    if (item.lead.length || item.support.length || item.joint.length) itemsWithUnits++;
  }
  return { itemsPerLevel, itemsWithUnits, targets: plan.targets.length, deadlines: plan.deadlines.length };
}
