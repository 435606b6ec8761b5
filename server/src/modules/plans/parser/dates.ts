/**
 * Chinese dates in policy documents: 2016年8月6日, 二〇一一年六月二十八日, (2018年8月12日), and the
 * deadline phrases 于2017年1月10日前 / 2017年1月底前 / 2017年底前. Pure; never throws; impossible
 * dates (2月30日) are not dates at all.
 */

// Years are written digit by digit (二〇一一); 〇, ○ (a circle often typed instead) and 零 are all zero.
const CN_DIGIT: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, O: 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

/** Regex sources shared by the date and deadline patterns (no capture groups inside). */
export const YEAR_SRC = '(?:\\d{4}|[〇○零O一二三四五六七八九]{4})';
const MONTH_SRC = '(?:\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const DAY_SRC = '(?:\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';

/**
 * The value of a Chinese numeral up to 99 (十 = 10, 二十八 = 28, 十二 = 12) or of ASCII digits;
 * null when it is neither.
 */
export function cnNumberValue(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇○零一二两三四五六七八九十百]+$/.test(s)) return null;
  const hundred = s.indexOf('百');
  if (hundred >= 0) {
    const head = hundred === 0 ? 1 : cnNumberValue(s.slice(0, hundred));
    const rest = s.slice(hundred + 1).replace(/^[〇○零]/, '');
    const tail = rest === '' ? 0 : cnNumberValue(rest);
    return head === null || tail === null ? null : head * 100 + tail;
  }
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (CN_DIGIT[s] ?? null) : null;
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const tens = ten === 0 ? 1 : s.length > 0 && ten === 1 ? (CN_DIGIT[s[0]!] ?? null) : null;
  const unitsPart = s.slice(ten + 1);
  const units = unitsPart === '' ? 0 : unitsPart.length === 1 ? (CN_DIGIT[unitsPart] ?? null) : null;
  return tens === null || units === null ? null : tens * 10 + units;
}

/** A year written in ASCII digits or digit by digit in Chinese (二〇一一). */
function yearValue(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  let y = 0;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d === undefined) return null;
    y = y * 10 + d;
  }
  return s.length === 4 ? y : null;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** `YYYY-MM-DD`, or null when the day does not exist. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < 1900 || y > 2199) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function isoFromParts(year: string, month: string, day: string): string | null {
  const y = yearValue(year);
  const m = cnNumberValue(month);
  const d = cnNumberValue(day);
  return y === null || m === null || d === null ? null : isoDate(y, m, d);
}

const FULL_DATE = new RegExp(`(${YEAR_SRC})\\s*年\\s*(${MONTH_SRC})\\s*月\\s*(${DAY_SRC})\\s*[日号]`);
const DASHED_DATE = /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/;

/** The first complete date in `s` (2016年8月6日, 二〇一一年六月二十八日) as ISO, else null. */
export function findChineseDate(s: string): string | null {
  const m = FULL_DATE.exec(s);
  return m ? isoFromParts(m[1]!, m[2]!, m[3]!) : null;
}

/** A date written 2023-09-07, 2023.9.7 or 2023/09/07 (web-page metadata), as ISO. */
export function findDashedDate(s: string): string | null {
  const m = DASHED_DATE.exec(s);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const DATE_ONLY_LINE = new RegExp(`^\\(?\\s*(${YEAR_SRC})\\s*年\\s*(${MONTH_SRC})\\s*月\\s*(${DAY_SRC})\\s*[日号]\\s*\\)?$`);

/**
 * The date of a line that holds nothing else — the signature date under the issuer, or the
 * bracketed date under a 实施意见 title: "2016年8月6日", "(2018年8月12日)".
 */
export function dateOnlyLine(line: string): string | null {
  const m = DATE_ONLY_LINE.exec(line);
  return m ? isoFromParts(m[1]!, m[2]!, m[3]!) : null;
}

// 2023—2025年, 2023年—2025年, 2023-2025年, 2023～2025年, 2023年至2025年, 2023到2025年, 2023——2025年.
const PERIOD = /((?:19|20)\d{2})\s*年?\s*(?:[—–\-－―~～]{1,2}|至|到)\s*((?:19|20)\d{2})\s*年/;
/** Longest period a plan's title can span: a five-year plan (规划) at most, with room for a 2021—2030 纲要. */
const MAX_PERIOD_YEARS = 15;

/**
 * The period a plan's title names — "三年行动计划(2023—2025年)" → { from: 2023, to: 2025 } — with
 * every dash a document or a user types, 至 or 到, and 年 once or twice. Null without a period, or
 * when the years run backwards or span implausibly long.
 */
export function titlePeriod(title: string): { from: number; to: number } | null {
  const m = PERIOD.exec(title);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return to > from && to - from <= MAX_PERIOD_YEARS ? { from, to } : null;
}

export interface DeadlineMatch {
  date: string;
  /** Offset of the phrase in the searched text. */
  index: number;
}

// 于2017年1月10日前 · 2017年1月底前 · 2017年底前 · 2017年1月10日之前 · 截至2017年1月10日.
// "2017年6月前" is left out on purpose: whether it means the end of May or of June is unclear.
const DEADLINE = new RegExp(
  `(截至|截止到?)?(${YEAR_SRC})\\s*年\\s*(?:(${MONTH_SRC})\\s*月\\s*(?:(${DAY_SRC})\\s*[日号]|(底|末))|(底|末))\\s*(之前|以前|前|止)?`,
  'g',
);

/** Every deadline phrase in `text`, with real month lengths (2020年2月底前 → 2020-02-29). */
export function findDeadlines(text: string): DeadlineMatch[] {
  const found: DeadlineMatch[] = [];
  DEADLINE.lastIndex = 0;
  for (let m = DEADLINE.exec(text); m; m = DEADLINE.exec(text)) {
    const [, until, year, month, day, monthEnd, yearEnd, before] = m;
    // A date is a deadline only with 前/止 after it or 截至 before it; "2016年8月6日" alone is not.
    if (!before && !until) continue;
    const y = yearValue(year!);
    if (y === null) continue;
    let date: string | null;
    if (yearEnd) date = isoDate(y, 12, 31);
    else if (monthEnd) {
      const mo = cnNumberValue(month!);
      date = mo !== null && mo >= 1 && mo <= 12 ? isoDate(y, mo, daysInMonth(y, mo)) : null;
    } else date = isoFromParts(year!, month!, day!);
    if (date) found.push({ date, index: m.index });
  }
  return found;
}
