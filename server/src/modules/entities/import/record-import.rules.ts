/**
 * Pure rules of the historical archive-record import (历史档案记录导入): one sheet for the kinds
 * that existed before the platform (penalties, sampling, inspections, awards, certifications,
 * complaint verdicts); each row becomes the payload `ARCHIVE_PAYLOADS[kind]` validates, so the rules
 * are those of a record added by hand.
 */
import { createHash } from 'node:crypto';
import type { ImportRowError } from '../../../../../contracts/common.js';
import { ARCHIVE_PAYLOADS, usccField, type ArchiveKind } from '../../../../../contracts/entities.js';
import { ENTITY_DICTS } from '../../../../../contracts/entity-dicts.js';
import { pickLang } from '../../../../../contracts/i18n.js';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import type { ImportColumn } from '../../../platform/excel/excel.js';
import { normalizeDate, parseNumber } from './entity-import.rules.js';

/** Kinds a historical import may carry: facts of the past with a paper trail (not declarations, lists or repairs, which have workflows). */
export const IMPORTABLE_KINDS = ['penalty', 'sampling', 'inspection', 'award', 'certification', 'complaint'] as const satisfies readonly ArchiveKind[];
export type ImportableKind = (typeof IMPORTABLE_KINDS)[number];

export const RECORD_IMPORT_COLUMNS = [
  { key: 'uscc', header: '统一社会信用代码', required: true, width: 22 },
  { key: 'kind', header: '记录类型', required: true, width: 12, note: '行政处罚、抽查检验、检查结果、荣誉奖励、认证变化、投诉处理结果' },
  { key: 'occurredOn', header: '发生日期', required: true, width: 12, note: '决定、抽样、检查、授予或办结的日期，如 2023-06-30；不能晚于今天' },
  { key: 'title', header: '标题', width: 30, note: '可空，空时按类型自动生成' },
  // 行政处罚
  { key: 'decisionNo', header: '决定书文号', width: 24, note: '行政处罚必填' },
  { key: 'penaltyTypes', header: '处罚种类', width: 20, note: '行政处罚必填：警告、通报批评、罚款、没收违法所得、没收非法财物……多个用“；”或“、”分隔' },
  { key: 'amount', header: '罚没金额（元）', aliases: ['罚没金额(元)', '罚没金额'], width: 14 },
  { key: 'authority', header: '处罚机关', width: 20, note: '行政处罚必填' },
  { key: 'violation', header: '违法行为', width: 30, note: '行政处罚必填' },
  { key: 'domain', header: '违法领域', width: 12, note: '食品、药品、特种设备、产品、其他；默认产品' },
  // 抽查检验
  { key: 'product', header: '产品名称', width: 20, note: '抽查检验必填' },
  { key: 'samplingResult', header: '检验结论', width: 10, note: '抽查检验必填：合格 / 不合格' },
  { key: 'failedItems', header: '不合格项目', width: 24, note: '多个用“；”分隔' },
  { key: 'lab', header: '检验机构', width: 20 },
  { key: 'reportNo', header: '报告编号', width: 16 },
  // 检查
  { key: 'inspectionResult', header: '检查结果', width: 12, note: '检查结果必填：未发现问题、发现问题、不合格、未找到' },
  { key: 'items', header: '检查事项', width: 24 },
  { key: 'inspectionNo', header: '检查编号', width: 16 },
  // 荣誉
  { key: 'awardName', header: '荣誉名称', width: 24, note: '荣誉奖励必填' },
  { key: 'category', header: '类别', width: 14, note: '荣誉奖励必填：质量奖、品牌、老字号、地理标志、标准领跑者、其他' },
  { key: 'level', header: '级别', width: 10, note: '荣誉奖励必填、抽查检验可选：国家级、省级、市级、区级' },
  // 认证
  { key: 'certName', header: '认证名称', width: 24, note: '认证变化必填' },
  { key: 'certNumber', header: '证书编号', width: 16 },
  { key: 'change', header: '变化', width: 8, note: '认证变化必填：取得 / 失去' },
  // 投诉
  { key: 'verdict', header: '处理结果', width: 12, note: '投诉处理结果必填：属实、部分属实、不属实、调解' },
  { key: 'subject', header: '投诉事项', width: 24, note: '投诉处理结果必填' },
  { key: 'caseNo', header: '案件编号', width: 16 },
] as const satisfies readonly ImportColumn[];

export type RecordImportKey = (typeof RECORD_IMPORT_COLUMNS)[number]['key'];

const EXAMPLE_USCC = `91120116MA05XK3T2${usccCheckCharacter('91120116MA05XK3T2')}`;
export const RECORD_IMPORT_EXAMPLES: Record<string, string>[] = [
  { uscc: EXAMPLE_USCC, kind: '行政处罚', occurredOn: '2023-06-30', decisionNo: '津市监罚〔2023〕12号', penaltyTypes: '警告；罚款', amount: '50000', authority: '天津市滨海新区市场监督管理局', violation: '生产不符合保障人体健康和人身、财产安全的国家标准的产品', domain: '产品' },
  { uscc: EXAMPLE_USCC, kind: '抽查检验', occurredOn: '2024-04-12', product: '电热水壶', samplingResult: '不合格', failedItems: '防触电保护；发热', lab: '天津市产品质量监督检测技术研究院', level: '市级' },
  { uscc: EXAMPLE_USCC, kind: '荣誉奖励', occurredOn: '2022-12-01', awardName: '天津市质量奖', category: '质量奖', level: '省级' },
];

function labelMap(pairs: Record<string, string>): (raw: string) => string | null {
  const m = new Map<string, string>();
  for (const [label, value] of Object.entries(pairs)) {
    m.set(label, value);
    m.set(value, value);
  }
  return (raw) => m.get(raw.trim()) ?? m.get(raw.trim().toLowerCase()) ?? null;
}

const KIND_DICT = ENTITY_DICTS.find((d) => d.type === 'ent_record_kind')!.items;
const KIND = labelMap(Object.fromEntries(KIND_DICT.filter((i) => (IMPORTABLE_KINDS as readonly string[]).includes(i.value)).map((i) => [i.zh, i.value])));
const PENALTY_TYPE_DICT = ENTITY_DICTS.find((d) => d.type === 'ent_penalty_type')!.items;
const PENALTY_TYPE = labelMap({
  ...Object.fromEntries(PENALTY_TYPE_DICT.map((i) => [i.zh, i.value])),
  // 《行政处罚法》 Art. 9 names the two confiscations separately; both are one type here.
  没收违法所得: 'confiscation',
  没收非法财物: 'confiscation',
  吊销许可证: 'licence_revoked',
  吊销营业执照: 'licence_revoked',
  责令停产停业: 'suspended',
});
const DOMAIN = labelMap({ 食品: 'food', 药品: 'drug', 特种设备: 'special_equipment', 产品: 'product', 工业产品: 'product', 其他: 'other' });
const SAMPLING_RESULT = labelMap({ 合格: 'pass', 不合格: 'fail' });
const INSPECTION_RESULT = labelMap({ 未发现问题: 'pass', 合格: 'pass', 发现问题: 'issues_found', 不合格: 'fail', 未找到: 'not_found', 未发现: 'not_found' });
const AWARD_CATEGORY = labelMap({ 质量奖: 'quality_award', 品牌: 'brand', 老字号: 'time_honoured', 地理标志: 'geographical_indication', 标准领跑者: 'standard_leader', 其他: 'other' });
const LEVEL = labelMap({ 国家级: 'national', 国家: 'national', 省级: 'provincial', 省: 'provincial', 市级: 'city', 市: 'city', 区级: 'district', 区: 'district', 区县级: 'district' });
const CHANGE = labelMap({ 取得: 'gained', 失去: 'lost', 获得: 'gained', 撤销: 'lost', 注销: 'lost' });
const VERDICT = labelMap({ 属实: 'substantiated', 部分属实: 'partly_substantiated', 不属实: 'unsubstantiated', 调解: 'mediated', 调解结案: 'mediated' });

const HEADER_OF = new Map<string, string>(RECORD_IMPORT_COLUMNS.map((c) => [c.key, c.header]));
/** Payload field → the column it came from (for error messages). */
const PAYLOAD_COLUMN: Record<ImportableKind, Record<string, RecordImportKey>> = {
  penalty: { decisionNo: 'decisionNo', penaltyTypes: 'penaltyTypes', amount: 'amount', authority: 'authority', violation: 'violation', domain: 'domain' },
  sampling: { product: 'product', result: 'samplingResult', failedItems: 'failedItems', lab: 'lab', reportNo: 'reportNo', level: 'level' },
  inspection: { result: 'inspectionResult', items: 'items', inspectionNo: 'inspectionNo' },
  award: { name: 'awardName', category: 'category', level: 'level' },
  certification: { name: 'certName', number: 'certNumber', change: 'change' },
  complaint: { verdict: 'verdict', subject: 'subject', caseNo: 'caseNo' },
};

export interface ParsedRecordRow {
  uscc: string;
  kind: ImportableKind;
  occurredOn: string;
  title: string | null;
  payload: Record<string, unknown>;
}

const split = (s: string | undefined) =>
  (s ?? '')
    .split(/[；;、]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** One row → an archive record input, or the row's errors (columns named by their headers). */
export function parseRecordRow(v: Partial<Record<RecordImportKey, string>>, today: string): { ok: true; value: ParsedRecordRow } | { ok: false; errors: Omit<ImportRowError, 'row'>[] } {
  const errors: Omit<ImportRowError, 'row'>[] = [];
  const err = (key: string, message: string) => errors.push({ column: HEADER_OF.get(key) ?? key, message });
  const mapped = (key: RecordImportKey, lookup: (raw: string) => string | null, what: string): string | undefined => {
    const raw = v[key];
    if (!raw) return undefined;
    const value = lookup(raw);
    if (value === null) err(key, `「${raw}」不是有效的${what}`);
    return value ?? undefined;
  };

  let uscc = '';
  if (!v.uscc) err('uscc', '必填项为空');
  else {
    const r = usccField.safeParse(v.uscc);
    if (r.success) uscc = r.data;
    else err('uscc', pickLang(r.error.issues[0]!.message, 'zh'));
  }
  let kind: ImportableKind | null = null;
  if (!v.kind) err('kind', '必填项为空');
  else {
    kind = KIND(v.kind) as ImportableKind | null;
    if (!kind) err('kind', `「${v.kind}」不是可导入的记录类型，应为：${KIND_DICT.filter((i) => (IMPORTABLE_KINDS as readonly string[]).includes(i.value)).map((i) => i.zh).join('、')}`);
  }
  let occurredOn = '';
  if (!v.occurredOn) err('occurredOn', '必填项为空');
  else {
    const d = normalizeDate(v.occurredOn);
    if (!d) err('occurredOn', `「${v.occurredOn}」不是日期，应如 2023-06-30`);
    else if (d > today) err('occurredOn', `发生日期 ${d} 不能晚于今天`);
    else occurredOn = d;
  }
  if (!kind) return { ok: false, errors };

  let payload: Record<string, unknown> = {};
  switch (kind) {
    case 'penalty': {
      const types = split(v.penaltyTypes).map((t) => {
        const value = PENALTY_TYPE(t);
        if (!value) err('penaltyTypes', `「${t}」不是处罚种类`);
        return value;
      });
      let amount: number | undefined;
      if (v.amount) {
        const n = parseNumber(v.amount);
        if (n === null) err('amount', `「${v.amount}」不是金额（元）`);
        else amount = n;
      }
      payload = { decisionNo: v.decisionNo, penaltyTypes: [...new Set(types.filter(Boolean))], amount, authority: v.authority, violation: v.violation, domain: mapped('domain', DOMAIN, '违法领域') };
      break;
    }
    case 'sampling':
      payload = { product: v.product, result: mapped('samplingResult', SAMPLING_RESULT, '检验结论（合格 / 不合格）'), failedItems: split(v.failedItems), lab: v.lab, reportNo: v.reportNo, level: mapped('level', LEVEL, '级别') };
      break;
    case 'inspection':
      payload = { result: mapped('inspectionResult', INSPECTION_RESULT, '检查结果'), items: v.items, inspectionNo: v.inspectionNo };
      break;
    case 'award':
      payload = { name: v.awardName, category: mapped('category', AWARD_CATEGORY, '荣誉类别'), level: mapped('level', LEVEL, '级别') };
      break;
    case 'certification':
      payload = { name: v.certName, number: v.certNumber, change: mapped('change', CHANGE, '变化（取得 / 失去）') };
      break;
    case 'complaint':
      payload = { verdict: mapped('verdict', VERDICT, '处理结果'), subject: v.subject, caseNo: v.caseNo };
      break;
  }
  // Absent cells are absent fields, so the schema's defaults and "required" apply.
  payload = Object.fromEntries(Object.entries(payload).filter(([, x]) => x !== undefined));
  if (errors.length > 0) return { ok: false, errors };
  const parsed = ARCHIVE_PAYLOADS[kind].safeParse(payload);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const key = PAYLOAD_COLUMN[kind][field] ?? field;
      const missing = issue.code === 'invalid_type' && payload[field] === undefined;
      err(key, missing ? '该记录类型必填，不能为空' : pickLang(issue.message, 'zh'));
    }
    return { ok: false, errors };
  }
  return { ok: true, value: { uscc, kind, occurredOn, title: v.title?.trim() || null, payload: parsed.data as Record<string, unknown> } };
}

/**
 * The record's source id: a hash of what the row says, so importing the same row again finds the
 * stored record (appendRecord is idempotent on source module + id + kind) instead of adding a copy.
 */
export function recordSourceId(r: ParsedRecordRow): string {
  return createHash('sha256')
    .update(JSON.stringify([r.uscc, r.kind, r.occurredOn, r.title, r.payload]))
    .digest('hex');
}
