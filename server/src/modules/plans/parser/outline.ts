/**
 * The numbering hierarchy of a policy document: 一、 (level 1) · (一) (level 2) · 1. / 1、 (level 3)
 * · (1) (level 4). Works on normalised paragraphs (half-width, one per line). Pure; never throws.
 */
import { cnNumberValue, dateOnlyLine } from './dates.js';
import { endsWithUnitsClause } from './units.js';

export type Level = 1 | 2 | 3 | 4;

export interface Marker {
  level: Level;
  value: number;
  /** The normalised token used in paths: 一, (一), 6, (1). */
  token: string;
  /** Characters the marker takes at the start of the line, spaces after it included. */
  length: number;
}

const CN = '[一二三四五六七八九十][一二三四五六七八九十百]{0,3}';
const LEVEL1 = new RegExp(`^(${CN})\\s*[、.]\\s*`);
const LEVEL2 = new RegExp(`^\\((${CN})\\)\\s*`);
// 1. 1、 but not "1.5亿元", "1. 5亿元" or "3、4月" (a number inside a sentence that a line break
// happened to put first). A year right after the marker is text: "1.2018年底前,…".
const LEVEL3 = /^(\d{1,2})\s*[、.](?!\s*\d(?!\d{3}\s*年))\s*/;
const LEVEL4 = /^\((\d{1,2})\)\s*/;
// "一、二级医院", "三、四类产品": an enumeration of numerals, not a heading.
const NUMERAL_ENUMERATION = /^[一二三四五六七八九十]+[、级类等]/;

/** The numbering marker at the start of a normalised line, or null. */
export function matchMarker(line: string): Marker | null {
  const c = line.charCodeAt(0);
  if (c === 40 /* ( */) {
    const m2 = LEVEL2.exec(line);
    if (m2) {
      const value = cnNumberValue(m2[1]!);
      return value ? { level: 2, value, token: `(${m2[1]})`, length: m2[0].length } : null;
    }
    const m4 = LEVEL4.exec(line);
    if (m4) {
      const value = Number(m4[1]);
      return value ? { level: 4, value, token: `(${value})`, length: m4[0].length } : null;
    }
    return null;
  }
  if (c >= 48 && c <= 57) {
    const m3 = LEVEL3.exec(line);
    if (!m3) return null;
    const value = Number(m3[1]);
    return value ? { level: 3, value, token: String(value), length: m3[0].length } : null;
  }
  const m1 = LEVEL1.exec(line);
  if (!m1 || NUMERAL_ENUMERATION.test(line.slice(m1[0].length))) return null;
  const value = cnNumberValue(m1[1]!);
  return value ? { level: 1, value, token: m1[1]!, length: m1[0].length } : null;
}

export function isMarkerLine(line: string): boolean {
  return matchMarker(line) !== null;
}

export interface OutlineNode {
  level: Level;
  value: number;
  token: string;
  path: string;
  /** Index of the line holding the marker. */
  firstLine: number;
  /** One past the item's last own line (its children start there, or the next item). */
  endLine: number;
  markerLength: number;
  children: OutlineNode[];
}

export interface Outline {
  roots: OutlineNode[];
  /** All nodes in document order. */
  nodes: OutlineNode[];
  /** The line of the first item, or -1 when nothing is numbered. */
  firstItemLine: number;
  /** Where the closing paragraphs (各区、各部门要…) start; equals endMatterLine when there are none. */
  closingLine: number;
  /** Where the end matter (附件, 抄送, signature, 印发) starts; lines.length when there is none. */
  endMatterLine: number;
  warnings: string[];
}

const ORG_SUFFIX = /(政府|办公厅|办公室|委员会|市委|省委|区委|县委|党委|局|委|厅|部|院|会|署|中心|小组|办)$/;

/** A line that is only the name of one or more bodies: 天津市人民政府办公厅, 中共天津市委 天津市人民政府. */
export function isOrgLine(line: string): boolean {
  return line.length <= 40 && !/[。,，;；:：、()《》]/.test(line) && ORG_SUFFIX.test(line);
}

/** 附件 list, 抄送/主送, "…2016年7月8日印发", or a signature (issuer, then a date line). */
function startsEndMatter(lines: string[], i: number): boolean {
  const line = lines[i]!;
  if (/^(附件|抄送|主送|抄报)\s*[\d一二三四五六七八九十]*\s*[:：、.]?/.test(line) && line.length <= 200) return true;
  if (/\d{1,2}\s*[日号]\s*印发$/.test(line)) return true;
  if (dateOnlyLine(line)) return true;
  return isOrgLine(line) && i + 1 < lines.length && dateOnlyLine(lines[i + 1]!) !== null;
}

// Closing paragraphs address the recipients (各区、各部门要…, 各市、各部门于…) or the document itself
// (本方案自…起施行); they belong to no item even though they follow the last one.
const CLOSING = /^(各[^,，。:：]{0,30}?(要|于|应|须|务必|请|按照|结合|在|将)|本(方案|计划|意见|办法|通知|规定|细则)[^。]{0,20}(自|由|起|解释|施行|执行))/;

/** A line-number description for warnings ("第 12 段「…」"). */
function where(lines: string[], i: number): string {
  const text = lines[i]!;
  return `第 ${i + 1} 段「${text.length > 20 ? `${text.slice(0, 20)}…` : text}」`;
}

interface Slot {
  value: number;
  token: string;
}

/**
 * Build the item tree. A marker is accepted when it continues its siblings' numbering (a gap of up
 * to two missing numbers is accepted with a warning); the first item under a parent may carry
 * any number, because documents number (一)…(八) under 二 and go on with (九) under 三. A marker that
 * goes backwards is a false positive (a numbered list quoted inside a paragraph, a second document
 * pasted after the first) and stays text of the item before it.
 */
export function buildOutline(lines: string[]): Outline {
  const warnings: string[] = [];
  const roots: OutlineNode[] = [];
  const nodes: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const rootSlots = new Map<Level, Slot>();
  const slots = new WeakMap<OutlineNode, Map<Level, Slot>>();

  let endMatterLine = lines.length;
  let seenMarker = false;
  for (let i = 0; i < lines.length; i++) {
    const marker = matchMarker(lines[i]!);
    if (seenMarker && !marker && startsEndMatter(lines, i)) {
      endMatterLine = i;
      break;
    }
    if (!marker) continue;
    seenMarker = true;

    let depth = stack.length;
    while (depth > 0 && stack[depth - 1]!.level >= marker.level) depth--;
    const parent = depth > 0 ? stack[depth - 1]! : null;
    let parentSlots = parent ? slots.get(parent) : rootSlots;
    if (!parentSlots) {
      parentSlots = new Map();
      slots.set(parent!, parentSlots);
    }
    const prev = parentSlots.get(marker.level);
    const path = parent ? `${parent.path}/${marker.token}` : marker.token;
    if (prev) {
      if (marker.value <= prev.value || marker.value > prev.value + 3) {
        warnings.push(`编号顺序异常，按正文处理：${where(lines, i)}`);
        continue;
      }
      if (marker.value > prev.value + 1) warnings.push(`编号不连续：${path} 的上一项是 ${prev.token}`);
    }
    parentSlots.set(marker.level, { value: marker.value, token: marker.token });

    const node: OutlineNode = {
      level: marker.level,
      value: marker.value,
      token: marker.token,
      path,
      firstLine: i,
      endLine: i + 1,
      markerLength: marker.length,
      children: [],
    };
    if (nodes.length) nodes[nodes.length - 1]!.endLine = i;
    nodes.push(node);
    (parent ? parent.children : roots).push(node);
    stack.length = depth;
    stack.push(node);
  }

  let closingLine = endMatterLine;
  const last = nodes[nodes.length - 1];
  if (last) {
    last.endLine = endMatterLine;
    const firstText = lines[last.firstLine]!.slice(last.markerLength);
    // Only an item that is itself a measure (its first line is prose, not a bare heading such as
    // 三、保障措施) can be followed by closing paragraphs; a heading's paragraphs are its content.
    if (firstText.includes('。')) {
      let k = endMatterLine;
      while (k - 1 > last.firstLine && CLOSING.test(lines[k - 1]!)) k--;
      // After the item's units clause, whatever follows is no longer the item's text.
      for (let j = k - 2; j >= last.firstLine; j--) {
        if (endsWithUnitsClause(lines[j]!)) {
          k = j + 1;
          break;
        }
      }
      closingLine = k;
      last.endLine = k;
    }
  }

  return { roots, nodes, firstItemLine: nodes.length ? nodes[0]!.firstLine : -1, closingLine, endMatterLine, warnings };
}
