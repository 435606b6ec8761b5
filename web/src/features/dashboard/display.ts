/** How the dashboard words things: unit names that fit a chart axis, indicator targets and values. */
import type { Indicator, TargetComparator } from '@contracts/plans';

/** Department names start with the city (天津市工业和信息化局); an axis label does without it. */
const CITY_PREFIX = /^[\u4e00-\u9fa5]{2,3}?市(?=[\u4e00-\u9fa5]{3,})/;

/** A unit name short enough for a chart axis: the city prefix dropped, then cut to `max` characters. */
export function shortUnitName(name: string, max = 10): string {
  const short = name.replace(CITY_PREFIX, '');
  return short.length > max ? `${short.slice(0, max - 1)}…` : short;
}

/** Numbers as people write them: up to two decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export const COMPARATOR_SIGNS: Record<Exclude<TargetComparator, 'x' | '+%' | '+'>, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** Targets measured from a baseline: 翻一番 (×2), 提高 60% (+% 60) and 增加 8 项 (+ 8). */
export function isRelative(comparator: TargetComparator): comparator is 'x' | '+%' | '+' {
  return comparator === 'x' || comparator === '+%' || comparator === '+';
}

/** The value a relative target asks for once its baseline is known (null without a baseline). */
export { requiredValue } from '@contracts/plans';

/**
 * The unit a value of the indicator is measured in. For 提高 60% the '%' belongs to the increase,
 * not to the value (a count of standards), so values go without it; likewise ×N.
 */
export function valueUnit(i: Pick<Indicator, 'comparator' | 'unit'>): string {
  // 增加 8 项: the values are counted in 项 too.
  return i.comparator === 'x' || i.comparator === '+%' ? '' : (i.unit ?? '');
}

/**
 * Whether an administrative code names a county-level district (和平区 120101) rather than the city
 * or province itself (120000, 320900): county-level codes never end in 00. Tasks of city
 * departments carry the city's code and are not a district's.
 */
export function isDistrictCode(code: string): boolean {
  return /^\d{6}$/.test(code) && !code.endsWith('00');
}
