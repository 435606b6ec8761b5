/**
 * Responsible units (责任单位) from the clause that ends an item:
 *   (市经济信息化委牵头,盐城质监局、市发展改革委配合)      lead + support
 *   (牵头单位:市质监局,各县区政府)                        lead
 *   (市发展改革委、市科委等按职责分工负责) / (…等部门共同负责)  joint
 *   (…等部门及各区人民政府负责落实。以下均需各区人民政府落实,不再列出)  joint, and 各区人民政府
 *                                                     for every later item (sticky)
 * or from a separate paragraph after the item text ending in 负责落实. Names are kept as printed:
 * "发展改革" stays "发展改革", never "省发展改革委". Pure; never throws.
 */

export interface UnitsClause {
  lead: string[];
  support: string[];
  joint: string[];
  /** Units the clause declares responsible for every later item too (以下均需…落实,不再列出). */
  sticky: string[];
}

const KEYWORDS = /牵头|配合|负责|责任单位|责任部门|主办单位|协办|参与单位|参与部门|落实/;
// 和/及/与 separate two names only after a complete name (…局和…, …等部门及…); inside a name they do
// not: 市工业和信息化委, 经济和信息化, 市文化和旅游局, 发展和改革.
const NAME_JOINER = /(?<=(?:等部门|等单位|等|局|委|厅|办|府|院|会|行|社|署|关|联|部门|单位|中心|小组))(?:以及|及|和|与)/;
const TRAILING_ETC = /(等有关部门|等相关部门|等有关单位|等相关单位|等部门|等单位|等)$/;
const JOINT_VERB = /(?:按照?职责分工|按职责|分工|共同|分别|具体)?(?:负责落实|负责实施|组织实施|负责|落实|实施)$/;
const LABEL = /^(牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|参与部门)\s*[:：]?\s*/;
const STICKY = /^以下(?:各项)?(?:均|都|皆)?(?:需|须|要|由)?(.+?)(?:负责)?落实/;

/** Split at 、 , ， outside brackets: 各县(市、区)人民政府 is one name. */
function splitList(list: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '、' || ch === ',' || ch === '，')) {
      pieces.push(list.slice(from, i));
      from = i + 1;
    }
  }
  pieces.push(list.slice(from));
  return pieces;
}

/** Split a printed list of units into names, de-duplicated, in order. */
export function splitUnitNames(list: string): string[] {
  const names: string[] = [];
  for (const piece of splitList(list)) {
    for (const part of piece.split(NAME_JOINER)) {
      let name = part.trim().replace(/^(由|请|会同)/, '');
      for (let prev = ''; prev !== name; ) {
        prev = name;
        name = name.replace(TRAILING_ETC, '').replace(/(牵头|配合|参与)$/, '').trim();
      }
      if (name && name.length <= 40 && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * A deadline written after the units clause: "(市市场监管委牵头,市工业和信息化局配合)2024年6月30日前完成。",
 * "(…负责)，2025年底前完成", "(…负责)长期坚持". Only a short date phrase, so a clause in the middle of
 * a sentence is still not taken for the end of an item.
 */
const DEADLINE_AFTER = /^[,，]?\s*(?:[于在到]\s*)?(?:\d{4}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?(?:底|末|上半年|下半年)?\s*(?:前|以前|之前)?|长期|持续)[^()]{0,12}$/;

/**
 * The content of the parenthesis that closes `line` (or is followed only by a deadline phrase),
 * or null when the line does not end with one.
 */
function closingParenthesis(line: string): string | null {
  let cut = line.length;
  while (cut > 0 && /[\s。.;；]/.test(line[cut - 1]!)) cut--;
  let trimmed = line.slice(0, cut);
  const close = trimmed.lastIndexOf(')');
  if (close >= 0 && close < trimmed.length - 1 && DEADLINE_AFTER.test(trimmed.slice(close + 1))) trimmed = trimmed.slice(0, close + 1);
  if (!trimmed.endsWith(')')) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (ch === ')') depth++;
    else if (ch === '(' && --depth === 0) return trimmed.slice(i + 1, -1);
  }
  return null;
}

/** A paragraph on its own that names units: "市发展改革委、市商务局负责落实。", "责任单位:市质监局". */
function unitsParagraph(line: string): string | null {
  if (line.length > 300) return null;
  if (LABEL.test(line) || /负责落实[。.]?$/.test(line)) return line.replace(/[。.]$/, '');
  return null;
}

/** The units clause text at the end of `line` (bracketed), or null. */
function bracketedClause(line: string): string | null {
  const content = closingParenthesis(line);
  if (content === null) return null;
  // A bracket without a word of responsibility is an aside, not a clause: "报市质量办(市市场监管委)",
  // "(质量管理小组)", "(WTO/TBT-SPS)".
  return KEYWORDS.test(content) && content.length <= 400 ? content : null;
}

/** True when the line ends with a units clause in brackets or is a units paragraph. */
export function endsWithUnitsClause(line: string): boolean {
  return bracketedClause(line) !== null || unitsParagraph(line) !== null;
}

function addAll(target: string[], names: string[]): void {
  for (const n of names) if (!target.includes(n)) target.push(n);
}

/** Parse the words of a clause (without brackets) into roles. */
export function parseUnitsClause(content: string): UnitsClause {
  const out: UnitsClause = { lead: [], support: [], joint: [], sticky: [] };
  for (const raw of content.split(/[。;；]/)) {
    const seg = raw.trim();
    if (!seg) continue;
    const sticky = STICKY.exec(seg);
    if (sticky) {
      addAll(out.sticky, splitUnitNames(sticky[1]!));
      continue;
    }
    const label = LABEL.exec(seg);
    if (label) {
      const names = splitUnitNames(seg.slice(label[0].length).replace(JOINT_VERB, ''));
      const kind = label[1]!;
      addAll(/^(牵头|主办)/.test(kind) ? out.lead : /^(配合|协办|参与)/.test(kind) ? out.support : out.joint, names);
      continue;
    }
    const led = /^(.*?)(?:共同)?牵头(?:负责|落实)?\s*[,，]?\s*(.*)$/.exec(seg) ?? /^(.*?)负责\s*[,，]\s*(.*配合.*)$/.exec(seg);
    if (led) {
      addAll(out.lead, splitUnitNames(led[1]!));
      const rest = led[2]!.trim();
      const helped = /^(.*?)(?:配合|参与|协助|协办)(?:落实|实施|负责)?$/.exec(rest);
      if (helped) addAll(out.support, splitUnitNames(helped[1]!));
      else if (rest) addAll(out.joint, splitUnitNames(rest.replace(JOINT_VERB, '')));
      continue;
    }
    if (JOINT_VERB.test(seg)) addAll(out.joint, splitUnitNames(seg.replace(JOINT_VERB, '')));
  }
  addAll(out.joint, out.sticky);
  // One role per name within an item: 牵头 wins over 配合, 配合 over 共同负责.
  out.support = out.support.filter((n) => !out.lead.includes(n));
  out.joint = out.joint.filter((n) => !out.lead.includes(n) && !out.support.includes(n));
  return out;
}

/**
 * The units clause of an item's own text: the bracket closing its last line, or — when the item
 * has more than one paragraph — a last paragraph that only names units. Null when there is none.
 */
export function unitsOfItem(text: string): UnitsClause | null {
  const lastBreak = text.lastIndexOf('\n');
  const last = text.slice(lastBreak + 1);
  const clause = bracketedClause(last) ?? (lastBreak >= 0 ? unitsParagraph(last) : null);
  if (clause === null) return null;
  const units = parseUnitsClause(clause);
  return units.lead.length || units.support.length || units.joint.length ? units : null;
}
