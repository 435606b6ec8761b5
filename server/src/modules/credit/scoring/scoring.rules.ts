/**
 * The evaluation engine (信用评价), pure: a model definition, the entity's facts and its effective
 * archive records in, score, grade, vetoes and the per-record explanation out. The bulk path
 * (scoring.repository.ts) compiles the same definition to one SQL statement; both must agree, and
 * scoring.routes.test.ts checks that they do.
 */
import type { Decay, Indicator, IndicatorResult, ModelDefinition, PayloadCondition, VetoCondition } from '../../../../../contracts/credit-scoring.js';

export interface Issue {
  path: string;
  message: { zh: string; en: string };
}

const EPS = 1e-9;

/** Meaning checks the schema cannot express: weights total 100, bands strictly descending, keys unique. */
export function definitionIssues(d: ModelDefinition): Issue[] {
  const issues: Issue[] = [];
  const sum = d.indicators.reduce((s, i) => s + i.max, 0);
  if (Math.abs(sum - 100) > EPS) {
    const shown = Math.round(sum * 1000) / 1000;
    issues.push({ path: 'indicators', message: { zh: `指标权重（最高分）合计应为 100，实际为 ${shown}`, en: `Indicator weights (max points) must total 100; they total ${shown}` } });
  }
  const dims = new Set(d.dimensions.map((x) => x.key));
  if (dims.size !== d.dimensions.length) issues.push({ path: 'dimensions', message: { zh: '维度编码重复', en: 'Duplicate dimension keys' } });
  const keys = new Set<string>();
  d.indicators.forEach((ind, i) => {
    if (keys.has(ind.key)) issues.push({ path: `indicators.${i}.key`, message: { zh: `指标编码 ${ind.key} 重复`, en: `Duplicate indicator key ${ind.key}` } });
    keys.add(ind.key);
    if (!dims.has(ind.dimension)) issues.push({ path: `indicators.${i}.dimension`, message: { zh: `未定义的维度 ${ind.dimension}`, en: `Unknown dimension ${ind.dimension}` } });
    if ((ind.formula === 'count' || ind.formula === 'fact') && ind.base > ind.max) {
      issues.push({ path: `indicators.${i}.base`, message: { zh: `基础分 ${ind.base} 超过最高分 ${ind.max}`, en: `Base points ${ind.base} exceed the maximum ${ind.max}` } });
    }
    if (ind.formula === 'ratio' && ind.empty > ind.max) {
      issues.push({ path: `indicators.${i}.empty`, message: { zh: `无记录时得分 ${ind.empty} 超过最高分 ${ind.max}`, en: `Points without records ${ind.empty} exceed the maximum ${ind.max}` } });
    }
  });
  const grades = new Set<string>();
  d.bands.forEach((b, i) => {
    if (grades.has(b.grade)) issues.push({ path: `bands.${i}.grade`, message: { zh: `等级 ${b.grade} 重复`, en: `Grade ${b.grade} appears twice` } });
    grades.add(b.grade);
    const prev = d.bands[i - 1];
    if (prev && b.min >= prev.min) {
      issues.push({
        path: `bands.${i}.min`,
        message: { zh: `分数段应从高到低排列且不重叠：${b.grade} 的下限 ${b.min} 不低于 ${prev.grade} 的下限 ${prev.min}`, en: `Bands must be sorted from the best down without overlap: ${b.grade} starts at ${b.min}, not below ${prev.grade} (${prev.min})` },
      });
    }
  });
  const last = d.bands[d.bands.length - 1];
  if (last && last.min > 0) issues.push({ path: `bands.${d.bands.length - 1}.min`, message: { zh: `最低等级 ${last.grade} 的下限应 ≤ 0，以覆盖所有分数`, en: `The lowest band ${last.grade} must start at 0 or below to cover every score` } });
  d.vetoes.forEach((v, i) => {
    if (!grades.has(v.grade)) issues.push({ path: `vetoes.${i}.grade`, message: { zh: `否决项的等级 ${v.grade} 不在分数段中`, en: `Veto grade ${v.grade} is not one of the bands` } });
  });
  return issues;
}

// ─── Dates ──────────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** `iso` minus `months` calendar months, clamped to the month's end (like PostgreSQL's date − interval). */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/**
 * A record's weight: 0 outside the window (window start exclusive, the evaluation date inclusive),
 * else 1, or falling linearly to 0 at the window start, or halving every `halfLifeDays`.
 */
export function recordWeight(occurredOn: string, asOf: string, windowMonths: number, decay: Decay): number {
  const start = monthsBefore(asOf, windowMonths);
  if (occurredOn <= start || occurredOn > asOf) return 0;
  const age = daysBetween(occurredOn, asOf);
  if (decay.kind === 'linear') return 1 - age / daysBetween(start, asOf);
  if (decay.kind === 'half_life') return Math.pow(0.5, age / decay.halfLifeDays);
  return 1;
}

// ─── Evaluation ─────────────────────────────────────────────────────────────────────────────────

export interface EntityFacts {
  hasQualityOfficer: boolean;
  /** Licences not revoked and not expired on the evaluation date. */
  validLicences: number;
  /** Codes of entityFlags (missing_production_licence, missing_ccc, missing_officer). */
  flags: readonly string[];
  /** Lists the entity is on now (entry listed or published). */
  lists: readonly string[];
  establishedOn: string | null;
}

export interface ScoredRecord {
  id: number;
  kind: string;
  occurredOn: string;
  payload: Record<string, unknown>;
}

export interface Evaluation {
  score: number;
  grade: string;
  vetoed: boolean;
  vetoes: { key: string; name: string; grade: string }[];
  indicators: IndicatorResult[];
}

/** The text form of a payload value as PostgreSQL's `->>` gives it (numbers, booleans, strings). */
function textOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function conditionHolds(c: PayloadCondition, payload: Record<string, unknown>): boolean {
  const v = payload[c.field];
  switch (c.op) {
    case 'eq':
      return textOf(v) === String(c.value);
    case 'in':
      return textOf(v) !== null && c.values.map(String).includes(textOf(v)!);
    case 'not_in':
      // Like SQL: a missing field is neither in nor not in the list.
      return textOf(v) !== null && !c.values.map(String).includes(textOf(v)!);
    case 'any':
      return Array.isArray(v) && v.some((x) => c.values.map(String).includes(String(x)));
    case 'none':
      return Array.isArray(v) && !v.some((x) => c.values.map(String).includes(String(x)));
    case 'gte':
      return typeof v === 'number' && v >= c.value;
    case 'lt':
      return typeof v === 'number' && v < c.value;
  }
}

const matches = (conds: readonly PayloadCondition[], p: Record<string, unknown>) => conds.every((c) => conditionHolds(c, p));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/**
 * Two decimals, half away from zero, from the 15 significant digits PostgreSQL keeps when casting
 * float8 → numeric, so JS and SQL round 1.005 alike (Math.round(1.005 * 100) would give 1.00).
 */
export function round2(x: number): number {
  const digits = Math.abs(Number(x.toPrecision(15))).toFixed(12);
  const [int, frac] = digits.split('.') as [string, string];
  let cents = BigInt(int + frac.slice(0, 2));
  if (frac.charCodeAt(2) >= 53) cents += 1n; // '5'
  const r = Number(cents) / 100;
  return x < 0 && r !== 0 ? -r : r;
}

function evaluateIndicator(ind: Indicator, facts: EntityFacts, records: readonly ScoredRecord[], asOf: string): IndicatorResult {
  const base = { key: ind.key, name: ind.name, dimension: ind.dimension, max: ind.max };
  if (ind.formula === 'fact') {
    const value = ind.fact === 'has_quality_officer' ? (facts.hasQualityOfficer ? 1 : 0) : facts.validLicences;
    return { ...base, points: round2(clamp(ind.base + ind.perUnit * value, 0, ind.max)), records: [] };
  }
  const picked = records
    .filter((r) => (ind.kinds as readonly string[]).includes(r.kind) && matches(ind.where, r.payload))
    .map((r) => ({ r, w: recordWeight(r.occurredOn, asOf, ind.windowMonths, ind.decay) }))
    .filter((x) => x.w > 0);
  if (ind.formula === 'count') {
    const raw = picked.reduce((s, x) => s + ind.perRecord * x.w, 0);
    const sum = ind.cap === undefined ? raw : clamp(raw, -ind.cap, ind.cap);
    return {
      ...base,
      points: round2(clamp(ind.base + sum, 0, ind.max)),
      records: picked.map((x) => ({ recordId: x.r.id, occurredOn: x.r.occurredOn, points: round2(ind.perRecord * x.w), weight: round2(x.w * 100) / 100 })),
    };
  }
  const total = picked.reduce((s, x) => s + x.w, 0);
  const passed = picked.map((x) => ({ ...x, ok: matches(ind.pass, x.r.payload) }));
  const good = passed.reduce((s, x) => s + (x.ok ? x.w : 0), 0);
  const points = total > 0 ? (ind.max * good) / total : ind.empty;
  return {
    ...base,
    points: round2(points),
    records: passed.map((x) => ({ recordId: x.r.id, occurredOn: x.r.occurredOn, points: round2(total > 0 ? (ind.max * (x.ok ? x.w : 0)) / total : 0), weight: round2(x.w * 100) / 100, passed: x.ok })),
  };
}

export function vetoHolds(v: VetoCondition, facts: EntityFacts, asOf: string): boolean {
  if (v.type === 'flag') return facts.flags.includes(v.code);
  if (v.type === 'list') return facts.lists.includes(v.list);
  return facts.establishedOn !== null && facts.establishedOn <= asOf && daysBetween(facts.establishedOn, asOf) < v.days;
}

/** The grade a score earns: the first band (best first) whose minimum it reaches. */
export function bandOf(bands: ModelDefinition['bands'], score: number): number {
  const i = bands.findIndex((b) => score >= b.min);
  return i === -1 ? bands.length - 1 : i;
}

/**
 * Evaluate one entity. `records` are its effective records (corrected and retracted ones already
 * left out); records outside an indicator's window weigh nothing. The score is the sum of the
 * indicators' points, rounded to two decimals; vetoes make the grade at least as bad as theirs.
 */
export function evaluate(def: ModelDefinition, facts: EntityFacts, records: readonly ScoredRecord[], asOf: string): Evaluation {
  const indicators = def.indicators.map((ind) => evaluateIndicator(ind, facts, records, asOf));
  const score = round2(indicators.reduce((s, i) => s + i.points, 0));
  let band = bandOf(def.bands, score);
  const vetoes = def.vetoes.filter((v) => vetoHolds(v.when, facts, asOf)).map((v) => ({ key: v.key, name: v.name, grade: v.grade }));
  for (const v of vetoes) band = Math.max(band, def.bands.findIndex((b) => b.grade === v.grade));
  return { score, grade: def.bands[band]!.grade, vetoed: vetoes.length > 0, vetoes, indicators };
}

/** The earliest date any indicator's window reaches back to (records before it never count). */
export function earliestWindowStart(def: ModelDefinition, asOf: string): string {
  const months = Math.max(0, ...def.indicators.map((i) => (i.formula === 'fact' ? 0 : i.windowMonths)));
  return monthsBefore(asOf, months);
}

/** Monthly risk recompute: due when the last run happened before the first day of this month. */
export function monthlyRecomputeDue(lastRunOn: string | null, today: string): boolean {
  return lastRunOn === null || lastRunOn < `${today.slice(0, 7)}-01`;
}
