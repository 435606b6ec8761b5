/**
 * Quantitative targets (量化指标) in running text: 到2020年,装备制造业产品质量合格率稳定在93%以上 →
 * { indicator: 装备制造业产品质量合格率, comparator: '>=', value: 93, unit: '%', year: 2020 }.
 * A number is a target when it carries a unit and either a comparator word, a target year, or an
 * indicator that is itself a measure (…合格率 93%, …拥有量25件); a number without a unit only
 * when it scores an index (…指数达到85) and has a comparator or a target year. The target year is
 * the sentence's own, else the one that opens its paragraph (到2025年,…。…), carried on into a
 * list that paragraph introduces (到2025年,…: / ——…;). Years, dates, 文号 and ordinals never are
 * targets. Pure.
 */
import type { ParsedTarget, TargetComparator } from '../../../../../contracts/plans.js';

// Longest first, so 亿元 wins over 亿 and 个百分点 over 个.
const UNITS = [
  '个百分点', '亿美元', '万美元', '万人次', '万千瓦', '万平方米', '平方公里', '平方米',
  '亿元', '万元', '千元', '人次', '家次', '万人', '万户', '万吨', '万亩', '万家', '万个', '万件', '万张', '万台', '万辆', '万套', '公里', '千米',
  '分钟', '小时',
  '%', '‰', '元', '亿', '万', '个', '家', '项', '张', '件', '名', '人', '次', '所', '座', '台', '套', '条', '处', '种', '类', '批', '户', '吨', '辆', '场', '位', '份', '篇', '倍', '亩',
  // 满意度达到80分 (a score), 减少5起 (cases), 缩短3天.
  '分', '起', '天',
];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A number and its unit; without a unit the number is kept only where an index is scored (below).
const NUMBER = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNITS.map(escapeRe).join('|')})?`, 'g');
// What may follow a number without a unit: nothing but a bound word (指数达到85以上。).
const BARE_END = /^\s*(?:及以上|及以下|以上|以下|以内|左右)?\s*[。！？!?]?\s*$/;
// Indicators measured by a number without a unit: an index or a score.
const SCORE = /(指数|满意度|得分|评分|分值|分数)$/;
// Indicators that are themselves a measure, so that the number after them is a target even
// without a comparator word or a year: 合格率93%, 发明专利拥有量25件, 满意度80分.
const RATE = /(率|比例|比重|占比|覆盖面)$/;
const MEASURE = /(拥有量|保有量|总量|数量|总数|指数|满意度|得分)$/;

// Comparator words right before the number; the first match wins, so 不低于 is tried before 低于.
const BEFORE: [RegExp, TargetComparator][] = [
  [/(不低于|不少于|至少|≥|>=)$/, '>='],
  [/(不高于|不超过|不多于|≤|<=)$/, '<='],
  [/(控制在|降低到|下降到|降至|减少到|压缩到|压减到)$/, '<='],
  [/(超过|突破|高于|大于|多于|>)$/, '>'],
  [/(低于|少于|小于|<)$/, '<'],
  [/(达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|上升到|上升至)$/, '>='],
  [/(稳定在|保持在|为|=)$/, '='],
];
const AFTER: [RegExp, TargetComparator][] = [
  [/^(及以上|以上)/, '>='],
  [/^(及以下|以下|以内|之内)/, '<='],
];
// 提高60%以上 is relative to a baseline (比现行国家标准提高60%以上): '+%'; 增加8项 and 下降2个百分点
// add to it: '+'. 降低/减少 give a negative change.
const RELATIVE = /(提高|提升|增长|增加|上升|降低|下降|减少|缩短)(了)?$/;
const DOUBLING = /翻(一|两|二|三|四|\d)番/;
const TARGET_YEAR = /(?:到|至|截至|截止到?)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年\s*(?:底|末)?\s*(?:前|之前|以前)/;
const YEAR_RANGE = /((?:19|20)\d{2})\s*年?\s*[—–\-~至到]\s*((?:19|20)\d{2})\s*年/;
// A paragraph that opens with its target year: "到2025年,…", "2024年底前,…" (not a bare "2016年,",
// which as often looks back on what was done).
const OPENING_YEAR = /^(?:(?:到|至|截至|截止到?)\s*((?:19|20)\d{2})\s*年\s*(?:底|末)?|((?:19|20)\d{2})\s*年\s*(?:底|末)?\s*(?:前|之前|以前))\s*[,，:：]/;
// A list line under such a paragraph: "——社会公用计量标准覆盖率达到90%以上;".
const LIST_LINE = /^(?:[—–\-－―·•●○◆◇■□▪]+|[一二三四五六七八九十]+是)/;
// What stands between an indicator and its number without being part of the indicator.
const LEAD_IN = /^(到|至)?\s*(?:(?:19|20)\d{2}\s*年\s*(?:底|末)?\s*(?:前|之前|以前)?)?\s*(力争|确保|争取|努力|实现|推动|促进|使|让)*/;
const CUE_TAIL = /(逐年|分别|累计|每年|年均|平均|全年|总计)?(不低于|不少于|至少|不高于|不超过|不多于|控制在|降低到|下降到|降至|减少到|压缩到|压减到|超过|突破|高于|大于|多于|低于|少于|小于|达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|上升到|上升至|稳定在|保持在|提高|提升|增长|增加|上升|降低|下降|减少|缩短|为|翻)?[≥≤<>=]?$/;

// The baseline of a relative target is not part of the indicator: 比2015年, 比现行国家标准, 与2015年相比.
const BASELINE = /(?:(?:比|较)\s*(?:(?:19|20)\d{2}\s*年(?:底|末)?|上年|去年|上一年|基期|同期|现行[^,，]{0,15})|与\s*(?:19|20)\d{2}\s*年(?:底|末)?相比)$/;

function cleanIndicator(raw: string): string {
  let s = raw.trim().replace(/^[、,，:：\s]+/, '');
  // List bullets and ordinals are not part of the indicator: "——覆盖率", "一是满意度", "其二,…".
  s = s.replace(/^[—–\-－―·•●○◆◇■□▪]+\s*/, '').replace(/^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]+)\s*[,，、:：]?\s*/, '');
  s = s.replace(LEAD_IN, '').trimEnd();
  s = s.replace(CUE_TAIL, '');
  s = s.replace(BASELINE, '').replace(/(逐年|分别|累计|每年|年均)$/, '');
  let cut = s.length;
  while (cut > 0 && /[。.;；!！?？\s]/.test(s[cut - 1]!)) cut--;
  s = s.slice(0, cut).trim();
  return s.length > 60 ? s.slice(-60) : s;
}

/** Sentences of `text` (split at 。！？ and line breaks), with their offsets. */
export function sentencesOf(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  const re = /[^。！？!?\n]+[。！？!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const trimmed = m[0].trim();
    if (trimmed) out.push({ text: trimmed, index: m.index + (m[0].length - m[0].trimStart().length) });
  }
  return out;
}

function targetYear(sentence: string): number | null {
  const m = TARGET_YEAR.exec(sentence);
  return m ? Number(m[1] ?? m[2]) : null;
}

interface Candidate {
  value: number;
  unit: string | null;
  start: number;
  end: number;
}

/**
 * Numbers in a clause, with their unit, skipping years, dates, 文号, ordinals and codes (5G, IPv6).
 * A number without a unit is kept only when nothing but a bound word follows it (达到85以上).
 */
function candidates(clause: string): Candidate[] {
  const out: Candidate[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(clause); m; m = NUMBER.exec(clause)) {
    const prev = clause[m.index - 1] ?? '';
    if (/[\d.A-Za-z〔[第·\-/]/.test(prev)) continue;
    // "1. 5亿元": a decimal a line break or a typo split; its value is unclear, so it is no target.
    if (/\d\.\s+$/.test(clause.slice(Math.max(0, m.index - 4), m.index))) continue;
    const end = m.index + m[0].length;
    // "2017年", "〔2016〕103号", "12315热线" and "5G" are no bare numbers: something follows them.
    if (m[2] === undefined && !BARE_END.test(clause.slice(end))) continue;
    out.push({ value: Number(m[1]), unit: m[2] ?? null, start: m.index, end });
  }
  return out;
}

function comparatorOf(before: string, after: string): TargetComparator | null {
  for (const [re, c] of AFTER) if (re.test(after)) return c;
  const b = before.trimEnd();
  for (const [re, c] of BEFORE) if (re.test(b)) return c;
  return null;
}

function openingYear(paragraph: string): number | null {
  const m = OPENING_YEAR.exec(paragraph);
  return m ? Number(m[1] ?? m[2]) : null;
}

/** Every quantitative target in `text`, attributed to the item at `path`. */
export function findTargets(text: string, path: string): ParsedTarget[] {
  const out: ParsedTarget[] = [];
  // The year that opens the paragraph, and the one a paragraph ending in ":" hands to its list.
  let listYear: number | null = null;
  for (const paragraph of text.split('\n')) {
    const line = paragraph.trim();
    const opening = openingYear(line);
    const isListLine = LIST_LINE.test(line);
    if (opening !== null) listYear = /[:：]$/.test(line) ? opening : null;
    else if (!isListLine) listYear = null;
    out.push(...targetsOfParagraph(line, path, isListLine ? listYear : null));
  }
  return out;
}

function targetsOfParagraph(text: string, path: string, carriedYear: number | null): ParsedTarget[] {
  const out: ParsedTarget[] = [];
  let carried = carriedYear;
  for (const { text: sentence } of sentencesOf(text)) {
    // "(二)品牌提升。到2025年,培育…。累计培育…达到20个。": a sentence that opens with its year
    // sets it for the rest of the paragraph, as one that opens the paragraph does.
    carried = openingYear(sentence) ?? carried;
    if (!/\d|翻/.test(sentence)) continue;
    const year = targetYear(sentence) ?? carried;
    const range = YEAR_RANGE.exec(sentence);
    for (const clause of sentence.split(/[,，;；:：]/)) {
      const doubling = DOUBLING.exec(clause);
      if (doubling) {
        const n = /\d/.test(doubling[1]!) ? Number(doubling[1]) : ({ 一: 1, 两: 2, 二: 2, 三: 3, 四: 4 } as Record<string, number>)[doubling[1]!]!;
        const indicator = cleanIndicator(clause.slice(0, doubling.index));
        if (indicator) out.push({ path, indicator, comparator: 'x', value: 2 ** n, unit: null, year, sentence });
      }
      const found = candidates(clause);
      let from = 0;
      for (let i = 0; i < found.length; i++) {
        // 逐年达到89%、90%、91%: one indicator, one value per year of the sentence's range.
        const group = [found[i]!];
        while (i + 1 < found.length && /^、\s*$/.test(clause.slice(group.at(-1)!.end, found[i + 1]!.start)) && found[i + 1]!.unit === group[0]!.unit) {
          group.push(found[++i]!);
        }
        const first = group[0]!;
        const lastOfGroup = group.at(-1)!;
        const before = clause.slice(from, first.start);
        const after = clause.slice(lastOfGroup.end);
        from = lastOfGroup.end;
        // "5亿元以上的项目" qualifies a noun; it sets no target.
        if (/^(以上|以下)的/.test(after) && !BEFORE.some(([re]) => re.test(before.trimEnd()))) continue;
        let comparator = comparatorOf(before, after);
        let sign = 1;
        const relative = first.unit !== null ? RELATIVE.exec(before.trimEnd()) : null;
        if (relative) {
          // A percentage is relative to the baseline (+%); a count or points add to it (+).
          comparator = first.unit === '%' ? '+%' : '+';
          if (/降低|下降|减少|缩短/.test(relative[1]!)) sign = -1;
        }
        let indicator = cleanIndicator(before);
        if (first.unit === null) {
          if (!SCORE.test(indicator) || (comparator === null && year === null)) continue;
        } else {
          const isMeasure = (first.unit === '%' && RATE.test(indicator)) || (comparator === null && MEASURE.test(indicator));
          if (comparator === null && year === null && !isMeasure) continue;
        }
        if (!indicator) indicator = cleanIndicator(after.replace(/^(以上|以下|以内|左右)/, ''));
        if (!indicator) continue;
        const years =
          group.length > 1 && range && Number(range[2]) - Number(range[1]) + 1 === group.length
            ? group.map((_, k) => Number(range[1]) + k)
            : group.map(() => year);
        group.forEach((c, k) =>
          out.push({ path, indicator, comparator: comparator ?? '=', value: sign * c.value, unit: c.unit, year: years[k]!, sentence }),
        );
      }
    }
  }
  return out;
}
