/**
 * A deterministic synthetic registry for the entity-import benchmark: `rows` market entities of the
 * Tianjin districts with valid USCCs (GB 32100 check character), written as the import template's
 * CSV and, for the raw-COPY floor, as the entity table's own columns (search text included) so both
 * load identical content.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { usccCheckCharacter, USCC_CHARSET } from '../contracts/uscc.js';
import { INDUSTRY_SECTIONS } from '../contracts/industries.js';
import { createEntityBody } from '../contracts/entities.js';
import { entityColumns } from '../server/src/modules/entities/entity.service.js';
import { Prng } from '../server/src/platform/random/prng.js';
import { SURNAMES, GIVEN_NAMES, TIANJIN_DISTRICTS } from '../server/src/modules/system/seed/tianjin.data.js';

const BRAND = ['华', '津', '海', '信', '达', '宏', '盛', '鑫', '泰', '安', '恒', '利', '源', '通', '兴', '隆', '新', '创', '嘉', '德', '瑞', '祥', '丰', '和', '富', '康', '博', '远', '天', '明'];
const TRADE = ['食品', '机械', '电子', '化工', '纺织', '医药', '建材', '五金', '塑料', '商贸', '科技', '包装', '印刷', '家具', '汽车配件', '电器', '服装', '物流', '制药', '钢铁'];
const FORM = ['有限公司', '有限责任公司', '股份有限公司', '厂', '商行'];
const TYPES = ['企业', '企业', '企业', '个体工商户', '农民专业合作社', '分支机构'];
const STATUSES = ['存续', '存续', '存续', '存续', '停业', '吊销', '注销'];
const SCALES = ['大型', '中型', '小型', '小型', '微型', '微型', ''];
const ROADS = ['南京路', '卫津路', '黄河道', '友谊路', '中山路', '第三大街', '津塘路', '红旗路'];

export const IMPORT_HEADER = ['统一社会信用代码', '名称', '区划代码', '行业代码', '曾用名', '主体类型', '法定代表人', '住所', '注册资本（万元）', '成立日期', '登记状态', '企业规模', '联系人', '联系电话'];

/** The entity table's columns the raw COPY loads, in file order. */
export const RAW_COLUMNS = ['uscc', 'name', 'former_names', 'entity_type', 'legal_rep', 'address', 'district_code', 'industry_section', 'industry_division', 'registered_capital', 'established_on', 'status', 'scale', 'contact_name', 'contact_phone', 'quality_officer', 'quality_officer_since', 'search_text', 'name_pinyin'];

const DIVISIONS = INDUSTRY_SECTIONS.flatMap((s) => [s.code, ...s.divisions.map((d) => d.code)]);

/** A unique `length`-character identifier for row `i` (base 31 in the USCC charset), for USCC bodies. */
export function bodyOf(i: number, length = 9): string {
  let s = '';
  let n = i;
  for (let k = 0; k < length; k++) {
    s = USCC_CHARSET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return s;
}

/** The template row (cells as text) of entity `i`; deterministic for a seed. */
function rowOf(i: number, rng: Prng): string[] {
  const district = rng.pick(TIANJIN_DISTRICTS).code;
  const first17 = `91${district}${bodyOf(i)}`;
  const trade = rng.pick(TRADE);
  const name = `天津${rng.pick(BRAND)}${rng.pick(BRAND)}${trade}${rng.pick(FORM)}`;
  const former = rng.next() < 0.1 ? `天津市${rng.pick(BRAND)}${rng.pick(BRAND)}${trade}厂` : '';
  const person = () => `${rng.pick(SURNAMES)}${rng.pick(GIVEN_NAMES)}`;
  const year = rng.int(1985, 2024);
  return [
    first17 + usccCheckCharacter(first17),
    name,
    district,
    rng.pick(DIVISIONS),
    former,
    rng.pick(TYPES),
    person(),
    `天津市${rng.pick(ROADS)}${rng.int(1, 999)}号`,
    String(rng.int(10, 100000)),
    `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    rng.pick(STATUSES),
    rng.pick(SCALES),
    person(),
    `1${rng.int(30, 99)}${String(rng.int(0, 99999999)).padStart(8, '0')}`,
  ];
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function write(ws: WriteStream, text: string): Promise<void> {
  if (!ws.write(text)) await once(ws, 'drain');
}

/**
 * Write `rows` entities as the import CSV (`importPath`) and, when `rawPath` is given, as a CSV of
 * the entity table's columns mapped by the registry's own `entityColumns` (jieba search text, name pinyin).
 */
export async function writeEntityFiles(rows: number, importPath: string, rawPath?: string, seed = 20261123): Promise<void> {
  const rng = new Prng(seed);
  const imp = createWriteStream(importPath);
  const raw = rawPath ? createWriteStream(rawPath) : null;
  await write(imp, `\uFEFF${IMPORT_HEADER.join(',')}\n`);
  if (raw) await write(raw, `${RAW_COLUMNS.join(',')}\n`);
  const labels = IMPORT_HEADER;
  for (let i = 0; i < rows; i++) {
    const cells = rowOf(i, rng);
    await write(imp, `${cells.map(csvField).join(',')}\n`);
    if (raw) {
      const v = Object.fromEntries(labels.map((h, k) => [h, cells[k]!]));
      const body = createEntityBody.parse({
        uscc: v['统一社会信用代码'],
        name: v['名称'],
        districtCode: v['区划代码'],
        industry: v['行业代码'],
        formerNames: v['曾用名'] ? [v['曾用名']] : [],
        entityType: { 企业: 'company', 个体工商户: 'individual', 农民专业合作社: 'cooperative', 分支机构: 'branch' }[v['主体类型']!],
        legalRep: v['法定代表人'],
        address: v['住所'],
        registeredCapital: Number(v['注册资本（万元）']),
        establishedOn: v['成立日期'],
        status: { 存续: 'active', 停业: 'suspended', 吊销: 'revoked', 注销: 'cancelled' }[v['登记状态']!],
        scale: { 大型: 'large', 中型: 'medium', 小型: 'small', 微型: 'micro' }[v['企业规模']!] ?? null,
        contactName: v['联系人'],
        contactPhone: v['联系电话'],
      });
      const c = entityColumns(body);
      const formerLiteral = `{${c.formerNames.map((n) => `"${n.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
      const out = [body.uscc, c.name, formerLiteral, c.entityType, c.legalRep, c.address, c.districtCode, c.industrySection, c.industryDivision, c.registeredCapital, c.establishedOn, c.status, c.scale, c.contactName, c.contactPhone, c.qualityOfficer, c.qualityOfficerSince, c.searchText, c.namePinyin];
      await write(raw, `${out.map(csvField).join(',')}\n`);
    }
  }
  imp.end();
  await once(imp, 'finish');
  if (raw) {
    raw.end();
    await once(raw, 'finish');
  }
}
