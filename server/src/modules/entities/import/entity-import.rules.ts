/**
 * Pure rules of the entity import (市场主体批量导入): which headers a file may have, how a row's
 * cells become the registry form's input, and which errors a row has. The row is validated with the
 * same zod schema as the registration form (`createEntityBody`), so the rules are identical.
 * No database, no clock beyond what the form schema itself uses.
 */
import type { ImportRowError } from '../../../../../contracts/common.js';
import { todayInChina } from '../../../../../contracts/common.js';
import { createEntityBody, ENTITY_SCALES, ENTITY_STATUSES, ENTITY_TYPES, type CreateEntityBody } from '../../../../../contracts/entities.js';
import { ENTITY_DICTS } from '../../../../../contracts/entity-dicts.js';
import { pickLang } from '../../../../../contracts/i18n.js';
import { parseIndustryCode } from '../../../../../contracts/industries.js';
import { USCC_CHARSET, usccCheckCharacter, validateUscc } from '../../../../../contracts/uscc.js';
import type { ImportColumn } from '../../../platform/excel/excel.js';

export const ENTITY_IMPORT_COLUMNS = [
  { key: 'uscc', header: '统一社会信用代码', required: true, width: 22, note: '18 位，GB 32100-2015，校验码须正确' },
  { key: 'name', header: '名称', required: true, width: 30, note: '登记名称，至少 2 个字' },
  { key: 'districtCode', header: '区划代码', required: true, width: 12, note: '6 位 GB/T 2260 区划代码，须在系统区划表中' },
  { key: 'industry', header: '行业代码', required: true, width: 10, note: 'GB/T 4754-2017 门类字母（如 C）或两位大类代码（如 14）' },
  { key: 'formerNames', header: '曾用名', width: 30, note: '多个曾用名用“；”或“;”分隔' },
  { key: 'entityType', header: '主体类型', width: 14, note: '企业、个体工商户、农民专业合作社、分支机构、其他；默认企业' },
  { key: 'legalRep', header: '法定代表人', width: 12 },
  { key: 'address', header: '住所', width: 36 },
  { key: 'registeredCapital', header: '注册资本（万元）', aliases: ['注册资本(万元)', '注册资本'], width: 16, note: '数字，单位万元' },
  { key: 'establishedOn', header: '成立日期', width: 12, note: '如 2015-03-20' },
  { key: 'status', header: '登记状态', width: 10, note: '存续、停业、吊销、注销、迁出；默认存续' },
  { key: 'scale', header: '企业规模', width: 10, note: '大型、中型、小型、微型' },
  { key: 'contactName', header: '联系人', width: 10 },
  { key: 'contactPhone', header: '联系电话', width: 16 },
  { key: 'qualityOfficer', header: '质量安全总监', width: 12, note: '食品、特种设备、工业产品生产企业按市场监管总局令第 75 号配备' },
] as const satisfies readonly ImportColumn[];

export type EntityImportKey = (typeof ENTITY_IMPORT_COLUMNS)[number]['key'];

export const ENTITY_IMPORT_EXAMPLE: Record<string, string> = {
  uscc: `91120116MA05XK3T2${usccCheckCharacter('91120116MA05XK3T2')}`,
  name: '天津示例食品有限公司',
  districtCode: '120116',
  industry: '14',
  formerNames: '天津示例食品厂',
  entityType: '企业',
  legalRep: '张三',
  address: '天津市滨海新区示例路 1 号',
  registeredCapital: '500',
  establishedOn: '2015-03-20',
  status: '存续',
  scale: '小型',
  contactName: '李四',
  contactPhone: '022-12345678',
  qualityOfficer: '王五',
};

/** Header text compared loosely: no spaces or required-markers, full-width brackets as ASCII, case-folded. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/[\s*＊\uFEFF]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

export interface HeaderProblem {
  unknown: string[];
  missing: string[];
  duplicate: string[];
}

export interface HeaderMap<K extends string = string> {
  /** Column index in the file → field key. */
  positions: Map<number, K>;
  /** Keys present in the file. */
  present: Set<K>;
}

/**
 * Map a header row to column keys (any order). Unknown, repeated or missing required headers are a
 * file-level problem: the caller refuses the file before looking at any row.
 */
export function mapHeader<K extends string>(cells: readonly (string | null)[], columns: readonly (ImportColumn & { key: K })[]): { ok: true; map: HeaderMap<K> } | { ok: false; problem: HeaderProblem } {
  const byHeader = new Map<string, ImportColumn & { key: K }>();
  for (const c of columns) {
    byHeader.set(normalizeHeader(c.header), c);
    for (const a of c.aliases ?? []) byHeader.set(normalizeHeader(a), c);
  }
  const positions = new Map<number, K>();
  const present = new Set<K>();
  const problem: HeaderProblem = { unknown: [], missing: [], duplicate: [] };
  cells.forEach((raw, i) => {
    const text = raw?.trim();
    if (!text) return;
    const c = byHeader.get(normalizeHeader(text));
    if (!c) problem.unknown.push(text);
    else if (present.has(c.key)) problem.duplicate.push(text);
    else {
      positions.set(i, c.key);
      present.add(c.key);
    }
  });
  for (const c of columns) if (c.required && !present.has(c.key)) problem.missing.push(c.header);
  if (problem.unknown.length || problem.missing.length || problem.duplicate.length) return { ok: false, problem };
  return { ok: true, map: { positions, present } };
}

/** The file-level message of a header problem, bilingual parts. */
export function headerProblemMessage(p: HeaderProblem, columns: readonly ImportColumn[]): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (p.missing.length) {
    zh.push(`缺少必填列：${p.missing.join('、')}`);
    en.push(`missing required columns: ${p.missing.join(', ')}`);
  }
  if (p.unknown.length) {
    zh.push(`无法识别的列：${p.unknown.join('、')}（可用的列：${columns.map((c) => c.header).join('、')}）`);
    en.push(`unknown columns: ${p.unknown.join(', ')}`);
  }
  if (p.duplicate.length) {
    zh.push(`重复的列：${p.duplicate.join('、')}`);
    en.push(`repeated columns: ${p.duplicate.join(', ')}`);
  }
  return { zh: `导入文件表头有误：${zh.join('；')}`, en: `The header row is wrong: ${en.join('; ')}` };
}

/** The cells of a data row by key; empty cells are absent. */
export function rowValues<K extends string>(cells: readonly (string | null)[], map: HeaderMap<K>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [i, key] of map.positions) {
    const v = cells[i]?.trim();
    if (v) out[key] = v;
  }
  return out;
}

/** Whether a row has no content at all (blank lines are skipped, not errors). */
export function isBlankRow(cells: readonly (string | null)[]): boolean {
  return cells.every((c) => !c || c.trim() === '');
}

/** A dictionary's value for a Chinese label, an English label or the code itself. */
function dictLookup(type: string): (raw: string) => string | null {
  const dict = ENTITY_DICTS.find((d) => d.type === type)!;
  const map = new Map<string, string>();
  for (const item of dict.items) {
    map.set(item.value.toLowerCase(), item.value);
    map.set(item.zh, item.value);
    map.set(item.en.toLowerCase(), item.value);
  }
  return (raw) => map.get(raw.trim()) ?? map.get(raw.trim().toLowerCase()) ?? null;
}
const ENTITY_TYPE = dictLookup('ent_type');
const ENTITY_STATUS = dictLookup('ent_status');
const ENTITY_SCALE = dictLookup('ent_scale');
function dictLabels(type: string): string {
  return ENTITY_DICTS.find((d) => d.type === type)!.items.map((i) => i.zh).join('、');
}

/** A date as YYYY-MM-DD from 2015-3-20, 2015/03/20, 2015.03.20, 20150320 or 2015年3月20日; null if none of these. */
export function normalizeDate(raw: string): string | null {
  const s = raw.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** A decimal number, allowing thousands separators; null if not a number. */
export function parseNumber(raw: string): number | null {
  const s = raw.replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

const HEADER_OF = new Map<string, string>(ENTITY_IMPORT_COLUMNS.map((c) => [c.key, c.header]));

export type EntityRowResult = { ok: true; value: CreateEntityBody } | { ok: false; errors: Omit<ImportRowError, 'row'>[] };

/**
 * One row's cells → the form's input → `createEntityBody`. Labels of dictionaries become codes,
 * former names are split on ；/;, numbers and dates are normalised; everything else is the form's rule.
 */
export function parseEntityRow(values: Partial<Record<EntityImportKey, string>>): EntityRowResult {
  const errors: Omit<ImportRowError, 'row'>[] = [];
  const err = (key: string, message: string) => errors.push({ column: HEADER_OF.get(key) ?? key, message });
  const input: Record<string, unknown> = {};
  for (const c of ENTITY_IMPORT_COLUMNS) {
    if ('required' in c && c.required && !values[c.key]) err(c.key, '必填项为空');
  }
  for (const [key, raw] of Object.entries(values) as [EntityImportKey, string][]) {
    switch (key) {
      case 'formerNames':
        input.formerNames = raw
          .split(/[；;]/)
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case 'entityType': {
        const v = ENTITY_TYPE(raw);
        if (v) input.entityType = v;
        else err(key, `「${raw}」不是主体类型，应为：${dictLabels('ent_type')}`);
        break;
      }
      case 'status': {
        const v = ENTITY_STATUS(raw);
        if (v) input.status = v;
        else err(key, `「${raw}」不是登记状态，应为：${dictLabels('ent_status')}`);
        break;
      }
      case 'scale': {
        const v = ENTITY_SCALE(raw);
        if (v) input.scale = v;
        else err(key, `「${raw}」不是企业规模，应为：${dictLabels('ent_scale')}`);
        break;
      }
      case 'registeredCapital': {
        const n = parseNumber(raw);
        if (n === null) err(key, `「${raw}」不是数字（单位万元）`);
        else input.registeredCapital = n;
        break;
      }
      case 'establishedOn': {
        const d = normalizeDate(raw);
        if (d === null) err(key, `「${raw}」不是日期，应如 2015-03-20`);
        else input.establishedOn = d;
        break;
      }
      default:
        input[key] = raw;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  // Rows the plain checks below accept skip zod (the costliest step per row of a million-row
  // file); anything else, and every error message, comes from the form schema itself.
  const fast = acceptedEntityBody(input);
  if (fast) return { ok: true, value: fast };
  const parsed = createEntityBody.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    err(key, pickLang(issue.message, 'zh'));
  }
  return { ok: false, errors };
}

const ENTITY_TYPE_VALUES: ReadonlySet<unknown> = new Set(ENTITY_TYPES);
const ENTITY_STATUS_VALUES: ReadonlySet<unknown> = new Set(ENTITY_STATUSES);
const ENTITY_SCALE_VALUES: ReadonlySet<unknown> = new Set(ENTITY_SCALES);
const INPUT_KEYS: ReadonlySet<string> = new Set(ENTITY_IMPORT_COLUMNS.map((c) => c.key));
const DISTRICT_CODE = /^\d{6}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `optText(max)` of the form schema on a value it accepts: trimmed, '' and absent as null. */
function optionalText(v: unknown, max: number): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (t.length > max) return undefined;
  return t === '' ? null : t;
}

/**
 * The day `todayInChina()` gives, read once per day instead of once per row: the cached value
 * holds while the clock stays inside the China day it was computed for.
 */
const todayCache = { from: 0, until: 0, value: '' };
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
function todayCached(): string {
  const now = Date.now();
  if (now < todayCache.from || now >= todayCache.until) {
    todayCache.from = Math.floor((now + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
    todayCache.until = todayCache.from + DAY_MS;
    todayCache.value = todayInChina(new Date(now));
  }
  return todayCache.value;
}

/** `pastDate` of the form schema on a value it accepts (YYYY-MM-DD, a real day, not after today); years before 1900 are left to the schema. */
function acceptedPastDate(v: unknown): boolean {
  if (typeof v !== 'string' || !ISO_DATE.test(v)) return false;
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days && v <= todayCached();
}

/**
 * The form schema's output for an input it surely accepts, or null when not sure (then the schema
 * decides and words the errors). Mirrors `createEntityBody` field by field — trims, length limits,
 * the USCC rules, defaults and nullish transforms — so a row takes ~1 µs here instead of ~30 µs of
 * zod; `entity-import.rules.test.ts` holds the two to the same result on varied inputs.
 */
export function acceptedEntityBody(input: Readonly<Record<string, unknown>>): CreateEntityBody | null {
  for (const k in input) if (!INPUT_KEYS.has(k)) return null;
  const { uscc: rawUscc, name: rawName, formerNames: rawFormer, entityType = 'company', districtCode, industry: rawIndustry, registeredCapital, establishedOn, status = 'active', scale } = input;
  if (typeof rawUscc !== 'string' || typeof rawName !== 'string' || typeof districtCode !== 'string' || typeof rawIndustry !== 'string') return null;
  const uscc = rawUscc.trim().toUpperCase();
  if (!validateUscc(uscc).valid) return null;
  const name = rawName.trim();
  if (name.length < 2 || name.length > 200) return null;
  let formerNames: string[] = [];
  if (rawFormer !== undefined) {
    if (!Array.isArray(rawFormer) || rawFormer.length > 20) return null;
    formerNames = [];
    for (const f of rawFormer as unknown[]) {
      if (typeof f !== 'string') return null;
      const t = f.trim();
      if (t.length < 1 || t.length > 200) return null;
      formerNames.push(t);
    }
  }
  if (!ENTITY_TYPE_VALUES.has(entityType)) return null;
  const legalRep = optionalText(input.legalRep, 100);
  const address = optionalText(input.address, 300);
  if (legalRep === undefined || address === undefined) return null;
  if (!DISTRICT_CODE.test(districtCode)) return null;
  const industry = rawIndustry.trim();
  if (parseIndustryCode(industry) === null) return null;
  if (registeredCapital !== undefined && registeredCapital !== null && (typeof registeredCapital !== 'number' || !Number.isFinite(registeredCapital) || registeredCapital < 0 || registeredCapital > 1e12)) return null;
  if (establishedOn !== undefined && establishedOn !== null && !acceptedPastDate(establishedOn)) return null;
  if (!ENTITY_STATUS_VALUES.has(status)) return null;
  if (scale !== undefined && scale !== null && !ENTITY_SCALE_VALUES.has(scale)) return null;
  const contactName = optionalText(input.contactName, 50);
  const contactPhone = optionalText(input.contactPhone, 30);
  const qualityOfficer = optionalText(input.qualityOfficer, 50);
  if (contactName === undefined || contactPhone === undefined || qualityOfficer === undefined) return null;
  return {
    uscc,
    name,
    formerNames,
    entityType: entityType as CreateEntityBody['entityType'],
    legalRep,
    address,
    districtCode,
    industry,
    registeredCapital: (registeredCapital as number | null | undefined) ?? null,
    establishedOn: (establishedOn as string | null | undefined) ?? null,
    status: status as CreateEntityBody['status'],
    scale: (scale as CreateEntityBody['scale'] | undefined) ?? null,
    contactName,
    contactPhone,
    qualityOfficer,
    qualityOfficerSince: null,
  };
}

/** Character code → 5-bit value in the USCC charset (GB 32100: digits and 21 capitals), -1 elsewhere. */
const USCC_CODE = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < USCC_CHARSET.length; i++) t[USCC_CHARSET.charCodeAt(i)] = i;
  return t;
})();

/** Slots of a new table; a power of two. */
const INITIAL_SLOTS = 1024;
/** Words per slot: the 18 characters packed into three words, then row + 1 (0 marks an empty slot). */
const SLOT_WORDS = 4;
/** Largest row number a slot holds (row + 1 must fit a Uint32). */
const MAX_ROW = 0xfffffffe;

/**
 * Remembers the first row of every USCC so that a repeat names both rows. Exact and compact: a
 * `Map<string, number>` of a million USCCs held ~150 MB of heap (two-byte strings plus the map's
 * entries) at the importer's peak, and V8 sizes its heap headroom after the live heap. Here each
 * 18-character code over the USCC charset is packed losslessly, 6 characters × 5 bits per word,
 * into three words (all 18 characters: codes differing only in the check character stay apart),
 * in an open-addressing table (linear probing, 16 bytes a slot, doubled above 3/4 load) outside
 * the JS heap: 32 MB for a million codes. A string that does not pack (another length, a
 * character outside the charset) goes to a plain Map; the importer passes only codes the form
 * schema accepted, so that Map stays empty there.
 */
export class DuplicateTracker {
  private slots = new Uint32Array(INITIAL_SLOTS * SLOT_WORDS);
  private mask = INITIAL_SLOTS - 1;
  private packed = 0;
  private readonly unpacked = new Map<string, number>();

  /** Distinct codes remembered. */
  get size(): number {
    return this.packed + this.unpacked.size;
  }

  /** The earlier row with the same USCC, or null (and remember this one). Rows: integers 0 … 2^32 − 2. */
  seen(uscc: string, row: number): number | null {
    if (!Number.isInteger(row) || row < 0 || row > MAX_ROW) throw new RangeError(`row number out of range: ${row}`);
    const w0 = uscc.length === 18 ? pack6(uscc, 0) : -1;
    const w1 = w0 < 0 ? -1 : pack6(uscc, 6);
    const w2 = w1 < 0 ? -1 : pack6(uscc, 12);
    if (w2 < 0) {
      const first = this.unpacked.get(uscc);
      if (first !== undefined) return first;
      this.unpacked.set(uscc, row);
      return null;
    }
    const s = this.slots;
    let at = (hash3(w0, w1, w2) & this.mask) * SLOT_WORDS;
    for (let stored = s[at + 3]!; stored !== 0; stored = s[at + 3]!) {
      if (s[at] === w0 && s[at + 1] === w1 && s[at + 2] === w2) return stored - 1;
      at = (at + SLOT_WORDS) & (s.length - 1);
    }
    s[at] = w0;
    s[at + 1] = w1;
    s[at + 2] = w2;
    s[at + 3] = row + 1;
    this.packed++;
    if (this.packed * 4 > (this.mask + 1) * 3) this.grow();
    return null;
  }

  private grow(): void {
    const old = this.slots;
    const next = new Uint32Array(old.length * 2);
    const mask = this.mask * 2 + 1;
    for (let from = 0; from < old.length; from += SLOT_WORDS) {
      if (old[from + 3] === 0) continue;
      let at = (hash3(old[from]!, old[from + 1]!, old[from + 2]!) & mask) * SLOT_WORDS;
      while (next[at + 3] !== 0) at = (at + SLOT_WORDS) & (next.length - 1);
      for (let k = 0; k < SLOT_WORDS; k++) next[at + k] = old[from + k]!;
    }
    this.slots = next;
    this.mask = mask;
  }
}

/** Characters from … from + 5 of s as 6 × 5 bits (< 2^30), or -1 when one is outside the charset. */
function pack6(s: string, from: number): number {
  let w = 0;
  for (let k = from; k < from + 6; k++) {
    const c = s.charCodeAt(k);
    const v = c < 128 ? USCC_CODE[c]! : -1;
    if (v < 0) return -1;
    w = (w << 5) | v;
  }
  return w;
}

/** One murmur3 block step. */
function mixBlock(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3 (32-bit) of three words: consecutive codes, as registries issue them, scatter over the table. */
function hash3(a: number, b: number, c: number): number {
  let h = mixBlock(mixBlock(mixBlock(0x9747b28c, a), b), c) ^ 12;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function duplicateMessage(row: number, firstRow: number): string {
  return `统一社会信用代码与第 ${firstRow} 行重复（第 ${firstRow} 行与第 ${row} 行为同一主体）`;
}

/** Errors returned at most; the total is reported separately. */
export const MAX_REPORTED_ERRORS = 1000;

/**
 * A set of row numbers as a bitmap that grows with the largest row: a file whose million rows all
 * fail costs 125 KB here, where a `Set<number>` held ~20 MB of heap.
 */
export class RowSet {
  private bits = new Uint32Array(64);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(row: number): boolean {
    if (!Number.isInteger(row) || row < 0) return false;
    const word = Math.floor(row / 32);
    return word < this.bits.length && (this.bits[word]! & (1 << row % 32)) !== 0;
  }

  /** Rows: integers 0 … 2^32 − 1. */
  add(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row > 0xffffffff) throw new RangeError(`row number out of range: ${row}`);
    const word = Math.floor(row / 32);
    if (word >= this.bits.length) {
      let length = this.bits.length * 2;
      while (length <= word) length *= 2;
      const next = new Uint32Array(length);
      next.set(this.bits);
      this.bits = next;
    }
    const bit = 1 << row % 32;
    if ((this.bits[word]! & bit) !== 0) return;
    this.bits[word]! |= bit;
    this.count++;
  }
}

/** Collects row errors up to a cap, counting all of them, and remembers which rows failed. */
export class ErrorCollector {
  readonly items: ImportRowError[] = [];
  total = 0;
  readonly invalidRows = new RowSet();
  constructor(private readonly cap = MAX_REPORTED_ERRORS) {}
  add(row: number, column: string, message: string): void {
    this.total++;
    this.invalidRows.add(row);
    if (this.items.length < this.cap) this.items.push({ row, column, message });
  }
}
