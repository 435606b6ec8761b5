/**
 * The demo city's registry and archive, generated from a seed (pure, no I/O): the same count and
 * date always give the same entities, records and list entries. Dates are relative to `today` so
 * the demo stays current: records span the last five years.
 */
import { DEFAULT_VISIBILITY, type ArchiveKind, type PenaltyType } from '../../../../contracts/entities.js';
import { INDUSTRY_SECTIONS } from '../../../../contracts/industries.js';
import { USCC_CHARSET, usccCheckCharacter } from '../../../../contracts/uscc.js';
import { addCalendarDays } from '../../platform/calendar/calendar.rules.js';
import {
  addMonths,
  DEFAULT_LOW_FINE_PERSON_THRESHOLD_YUAN,
  DEFAULT_LOW_FINE_THRESHOLD_YUAN,
  isLowerTierPenalty,
  lowFineThresholdFor,
  minPublicationMonths,
  NO_EARLY_STOP_PENALTIES,
  qualifiesForHonour,
  type HonourCandidate,
  type HonourCriteriaInput,
} from '../../modules/credit/index.js';
import { Prng } from '../../platform/random/prng.js';
import { DEMO_ENTERPRISE, GIVEN_NAMES, SURNAMES, TIANJIN_DISTRICTS } from '../../modules/system/index.js';
import {
  AWARDS,
  DISTRICT_WEIGHTS,
  DIVISION_BIAS,
  FOOD_DIVISIONS,
  INDUSTRY_WORDS,
  LABS,
  PRODUCTS,
  SAMPLING_FAIL_ITEMS,
  SECTION_WEIGHTS,
  SHOP_WORDS,
  STREETS,
  TRADE_FIRST,
  TRADE_SECOND,
  VIOLATIONS_FOOD,
  VIOLATIONS_OTHER,
  VIOLATIONS_PRODUCT,
  type DemoProduct,
} from './registry.data.js';

export const DEMO_CREDIT_SEED = 20_260_404;
export const DEFAULT_DEMO_ENTITIES = 20_000;
/** The entity a fuzzy search for 天津食品集团 must find. */
export const FOOD_GROUP = { name: '天津市食品集团有限公司', uscc: withCheck('91120102MA05FG01X') } as const;
export const DEMO_ENTERPRISE_USCC = withCheck(DEMO_ENTERPRISE.usccBody);

function withCheck(body17: string): string {
  return body17 + usccCheckCharacter(body17);
}

export interface DemoEntity {
  uscc: string;
  name: string;
  formerNames: string[];
  entityType: 'company' | 'individual' | 'cooperative';
  legalRep: string;
  address: string;
  districtCode: string;
  industrySection: string;
  industryDivision: string;
  registeredCapital: number;
  establishedOn: string;
  status: 'active' | 'suspended' | 'revoked' | 'cancelled';
  scale: 'large' | 'medium' | 'small' | 'micro';
  contactName: string;
  contactPhone: string;
  qualityOfficer: string | null;
  qualityOfficerSince: string | null;
  products: DemoProduct[];
  licences: { kind: string; name: string; number: string; issuer: string; issuedOn: string; validUntil: string }[];
  records: DemoRecord[];
}

export interface DemoRecord {
  kind: ArchiveKind;
  title: string;
  occurredOn: string;
  visibility: 'public' | 'internal';
  payload: Record<string, unknown>;
}

export type DemoListKind = 'serious-violation' | 'abnormal' | 'penalty-publication' | 'red' | 'black';

export interface DemoListEntry {
  /** Index into the entity array. */
  entity: number;
  list: DemoListKind;
  grounds: string;
  groundsText: string;
  decisionNo: string | null;
  decisionDate: string;
  /** Index of the penalty record (within the entity's records) the entry rests on. */
  record: number | null;
  status: 'pending_approval' | 'published';
  publishedOn: string | null;
  earlyRemovalFrom: string | null;
  autoRemoveOn: string | null;
  publishBy?: string | null;
  restrictionUntil?: string | null;
  round: 'red' | 'black' | null;
}

/** When and how long a penalty is published; null when it is not published at all. */
export type PenaltyPlanner = (
  decisionDate: string,
  p: { penaltyTypes: PenaltyType[]; amount: number | null; domain: 'food' | 'drug' | 'special_equipment' | 'product' | 'other'; restrictionYears: number | null },
  entityType: string,
) => { grounds: string; publishBy: string | null; autoRemoveOn: string; earlyRemovalFrom: string | null; restrictionUntil: string | null } | null;

/** The planner without a calendar (tests, benchmarks): the lists' periods at the default thresholds, no publish-by deadline. */
export const simplePlanner: PenaltyPlanner = (d, p, entityType) =>
  p.penaltyTypes.every((t) => t === 'warning')
    ? null
    : {
        grounds: p.penaltyTypes.filter((t) => t !== 'warning').join('+'),
        publishBy: null,
        autoRemoveOn: publicationEnd(d, p.penaltyTypes, p.amount, lowFineThresholdFor(DEFAULT_THRESHOLDS, entityType)),
        earlyRemovalFrom: earlyStopFrom(d, p.penaltyTypes, p.domain),
        restrictionUntil: null,
      };

export interface DemoCity {
  entities: DemoEntity[];
  /** Entries on every list but the red one (see `redPreferred`). */
  lists: DemoListEntry[];
  rounds: { list: 'red' | 'black'; title: string; period: string; publishedOn: string; validUntil: string }[];
  /**
   * Entities (indexes) the red round should show first: honoured, never penalised. The members
   * themselves are chosen by `pickRedMembers` once the load has graded everyone, since only then is
   * it known whom the round's criteria accept.
   */
  redPreferred: number[];
}

const DEFAULT_THRESHOLDS = { lowFineThresholdYuan: DEFAULT_LOW_FINE_THRESHOLD_YUAN, lowFinePersonThresholdYuan: DEFAULT_LOW_FINE_PERSON_THRESHOLD_YUAN };

/**
 * Publication period of a penalty (SAMR Order 45 Art. 13): 3 months for public criticism or a
 * lower-amount fine only, 3 years otherwise (the lists' rule, `isLowerTierPenalty`).
 */
export function publicationEnd(decisionDate: string, types: readonly PenaltyType[], amount: number | null, lowFineThresholdYuan: number): string {
  const light = types.every((t) => t === 'warning') || isLowerTierPenalty({ penaltyTypes: [...types], amount }, lowFineThresholdYuan);
  return light ? addMonths(decisionDate, 3) : addMonths(decisionDate, 36);
}

/**
 * Repair of penalty information may be asked for after 6 months of publication, 1 year for food,
 * drugs and special equipment (信用修复管理办法 Art. 6); never for the heaviest types (Order 45 Art. 14).
 */
export function earlyStopFrom(decisionDate: string, types: readonly PenaltyType[], domain: string): string | null {
  if (types.some((t) => NO_EARLY_STOP_PENALTIES.includes(t))) return null;
  return addMonths(decisionDate, minPublicationMonths(domain));
}

const minDate = (a: string, b: string): string => (a < b ? a : b);

function weighted<T>(prng: Prng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = prng.next() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return items[items.length - 1]![0];
}

/** 9-character body identifier, unique per index; 'MA1' keeps it apart from hand-written codes. */
function bodyOf(index: number): string {
  let n = index;
  let s = '';
  for (let i = 0; i < 6; i++) {
    s = USCC_CHARSET[n % 31]! + s;
    n = Math.floor(n / 31);
  }
  return `MA1${s}`;
}

const DISTRICTS = TIANJIN_DISTRICTS.map((d) => [d, DISTRICT_WEIGHTS[d.code] ?? 1] as const);
const SECTIONS = new Map(INDUSTRY_SECTIONS.map((s) => [s.code, s]));

function personName(prng: Prng): string {
  return prng.pick(SURNAMES) + prng.pick(GIVEN_NAMES);
}

function dateBetween(prng: Prng, from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return new Date(a + Math.floor(prng.next() * Math.max(1, b - a + 1) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

/** Generate the demo city. `count` ≥ 50 entities (the special ones are always included). */
export function generateDemoCity(count: number, today: string, planner: PenaltyPlanner = simplePlanner): DemoCity {
  const prng = new Prng(DEMO_CREDIT_SEED);
  const fiveYearsAgo = addMonths(today, -60);
  const usedNames = new Set<string>();
  const entities: DemoEntity[] = [];
  const penaltySeq = new Map<string, number>();
  const decisionNo = (date: string): string => {
    const y = date.slice(0, 4);
    const n = (penaltySeq.get(y) ?? 0) + 1;
    penaltySeq.set(y, n);
    return `津市监罚〔${y}〕${n}号`;
  };

  const uniqueName = (make: () => string): string => {
    for (let i = 0; i < 20; i++) {
      const n = make();
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
    // Exhausted combinations: a numbered branch-like name stays unique and plausible.
    let k = 2;
    const base = make();
    while (usedNames.has(`${base.replace(/有限公司$/, '')}第${k}分公司`)) k++;
    const n = `${base.replace(/有限公司$/, '')}第${k}分公司`;
    usedNames.add(n);
    return n;
  };

  for (let i = 0; i < count; i++) {
    const d = weighted(prng, DISTRICTS);
    const sectionCode = weighted(prng, SECTION_WEIGHTS);
    const section = SECTIONS.get(sectionCode)!;
    const bias = DIVISION_BIAS[sectionCode];
    const division = bias && prng.next() < 0.7 ? prng.pick(bias) : prng.pick(section.divisions).code;
    const shopWords = SHOP_WORDS[division];
    const entityType: DemoEntity['entityType'] = shopWords && prng.next() < (sectionCode === 'C' ? 0.1 : 0.55) ? 'individual' : sectionCode === 'A' && prng.next() < 0.5 ? 'cooperative' : 'company';
    const legalRep = personName(prng);
    const trade = () => prng.pick(TRADE_FIRST) + prng.pick(TRADE_SECOND);
    const word = () => prng.pick(INDUSTRY_WORDS[division] ?? ['商贸']);
    let scale: DemoEntity['scale'];
    if (entityType !== 'company') scale = 'micro';
    else scale = weighted(prng, sectionCode === 'C' ? [['large', 4], ['medium', 14], ['small', 42], ['micro', 40]] : [['large', 1], ['medium', 5], ['small', 34], ['micro', 60]]);
    let name: string;
    if (entityType === 'individual') name = uniqueName(() => `${d.name}${prng.pick(SURNAMES)}记${prng.pick(shopWords!)}`);
    else if (entityType === 'cooperative') name = uniqueName(() => `天津市${d.name}${trade()}${prng.pick(['蔬菜种植', '果品', '畜禽养殖', '农机'])}专业合作社`);
    else name = uniqueName(() => `天津${trade()}${word()}${scale === 'large' && prng.next() < 0.5 ? '股份有限公司' : '有限公司'}`);
    const typeDigit = entityType === 'company' ? '1' : entityType === 'individual' ? '2' : '3';
    const uscc = withCheck(`9${typeDigit}${d.code}${bodyOf(i)}`);
    const establishedOn = dateBetween(prng, '1995-01-01', addMonths(today, -3));
    const manufacturer = sectionCode === 'C';
    const products: DemoProduct[] = [];
    if (manufacturer && PRODUCTS[division]) {
      const catalogue = PRODUCTS[division];
      const n = Math.min(catalogue.length, prng.int(1, 3));
      const start = prng.int(0, catalogue.length - 1);
      for (let k = 0; k < n; k++) products.push(catalogue[(start + k) % catalogue.length]!);
    }
    const licensed = products.some((x) => x.licenceRequired || x.cccRequired);
    // Most large and medium producers of licensed products have a 质量安全总监; about one in six
    // does not, which the registry flags (SAMR Order 75 Art. 5).
    const hasOfficer = licensed && (scale === 'large' || scale === 'medium') ? prng.next() > 0.16 : manufacturer && prng.next() < 0.3;
    const statusRoll = prng.next();
    const status: DemoEntity['status'] = statusRoll < 0.93 ? 'active' : statusRoll < 0.96 ? 'suspended' : statusRoll < 0.98 ? 'cancelled' : 'revoked';
    const e: DemoEntity = {
      uscc,
      name,
      formerNames: entityType === 'company' && prng.next() < 0.06 ? [`天津${trade()}${word()}有限公司`] : [],
      entityType,
      legalRep,
      address: `天津市${d.name}${prng.pick(STREETS)}${prng.int(1, 999)}号`,
      districtCode: d.code,
      industrySection: sectionCode,
      industryDivision: division,
      registeredCapital: entityType === 'individual' ? prng.int(1, 50) : scale === 'large' ? prng.int(5_000, 100_000) : scale === 'medium' ? prng.int(1_000, 5_000) : prng.int(10, 1_000),
      establishedOn,
      status,
      scale,
      contactName: personName(prng),
      contactPhone: `1${prng.pick(['3', '5', '8'])}${prng.int(100_000_000, 999_999_999)}`,
      qualityOfficer: hasOfficer ? personName(prng) : null,
      qualityOfficerSince: hasOfficer ? dateBetween(prng, establishedOn > '2022-11-01' ? establishedOn : '2022-11-01', today) : null,
      products,
      licences: [],
      records: [],
    };
    addLicences(prng, e, i, today);
    addRecords(prng, e, fiveYearsAgo > establishedOn ? fiveYearsAgo : establishedOn, today, decisionNo);
    entities.push(e);
  }

  // The special entities: the demo enterprise and the food group of the fuzzy-search example.
  const demo = specialEntity(prng, DEMO_ENTERPRISE_USCC, DEMO_ENTERPRISE.name, '120116', '14', 'medium', today);
  demo.qualityOfficer = '吴质安';
  demo.qualityOfficerSince = addMonths(today, -20);
  const penaltyOn = addMonths(today, -14);
  demo.records.push({
    kind: 'penalty',
    title: '行政处罚：生产经营标签不符合规定的预包装食品',
    occurredOn: penaltyOn,
    visibility: 'public',
    payload: {
      decisionNo: decisionNo(penaltyOn),
      penaltyTypes: ['warning', 'fine', 'confiscation'],
      amount: 50_000,
      authority: '天津市滨海新区市场监督管理局',
      violation: '生产经营标签不符合《食品安全法》规定的预包装食品',
      domain: 'food',
      carriedOut: true,
      restrictionYears: null,
    },
  });
  const group = specialEntity(prng, FOOD_GROUP.uscc, FOOD_GROUP.name, '120102', '14', 'large', today);
  group.formerNames = ['天津食品集团有限责任公司'];
  group.records.push({ kind: 'award', title: '荣誉：天津市质量奖', occurredOn: addMonths(today, -8), visibility: 'public', payload: { name: '天津市质量奖', category: 'quality_award', level: 'provincial', withdrawn: false } });
  entities.push(demo, group);
  const demoIndex = entities.length - 2;

  return { entities, ...listsFor(entities, demoIndex, today, planner) };
}

function specialEntity(prng: Prng, uscc: string, name: string, districtCode: string, division: string, scale: DemoEntity['scale'], today: string): DemoEntity {
  const d = TIANJIN_DISTRICTS.find((x) => x.code === districtCode)!;
  const e: DemoEntity = {
    uscc,
    name,
    formerNames: [],
    entityType: 'company',
    legalRep: personName(prng),
    address: `天津市${d.name}${prng.pick(STREETS)}${prng.int(1, 999)}号`,
    districtCode,
    industrySection: 'C',
    industryDivision: division,
    registeredCapital: scale === 'large' ? 120_000 : 3_000,
    establishedOn: '2012-06-18',
    status: 'active',
    scale,
    contactName: personName(prng),
    contactPhone: `139${prng.int(10_000_000, 99_999_999)}`,
    qualityOfficer: personName(prng),
    qualityOfficerSince: addMonths(today, -30),
    products: [...PRODUCTS[division]!.slice(0, 3)],
    licences: [],
    records: [],
  };
  foodLicence(e, today);
  e.records.push(
    { kind: 'commitment', title: '质量承诺', occurredOn: addMonths(today, -24), visibility: 'public', payload: { text: '本企业承诺严格落实食品安全主体责任，建立并执行质量安全总监和质量安全员制度，确保产品质量安全。' } },
    {
      kind: 'sampling',
      title: `监督抽查：${e.products[0]!.name}（合格）`,
      occurredOn: addMonths(today, -5),
      visibility: 'public',
      payload: { product: e.products[0]!.name, batch: null, result: 'pass', failedItems: [], lab: LABS[1], reportNo: null, level: 'city' },
    },
    { kind: 'inspection', title: '双随机检查：未发现问题', occurredOn: addMonths(today, -3), visibility: 'public', payload: { result: 'pass', items: '生产许可条件、进货查验、出厂检验', inspectionNo: null } },
  );
  return e;
}

function foodLicence(e: DemoEntity, today: string): void {
  e.licences.push({ kind: 'food_production', name: '食品生产许可证', number: `SC1${e.districtCode}${e.uscc.slice(11, 17).replace(/[^0-9]/g, '7').padEnd(6, '0')}`, issuer: '天津市市场监督管理委员会', issuedOn: addMonths(today, -30), validUntil: addMonths(today, 30) });
}

function addLicences(prng: Prng, e: DemoEntity, i: number, today: string): void {
  const food = e.products.some((x) => x.licenceRequired && FOOD_DIVISIONS.has(e.industryDivision));
  const issuedOn = dateBetween(prng, addMonths(today, -58), addMonths(today, -1));
  const validUntil = addMonths(issuedOn, 60);
  const serial = String(i).padStart(8, '0');
  // About 3 % of licensed producers lack the licence their products need, which the registry flags.
  if (e.products.some((x) => x.licenceRequired) && prng.next() > 0.03) {
    e.licences.push(
      food
        ? { kind: 'food_production', name: '食品生产许可证', number: `SC1${e.districtCode.slice(0, 4)}${serial}`, issuer: '天津市市场监督管理委员会', issuedOn, validUntil }
        : { kind: 'production_licence', name: '全国工业产品生产许可证', number: `(津)XK${serial}`, issuer: '天津市市场监督管理委员会', issuedOn, validUntil },
    );
  }
  if (e.products.some((x) => x.cccRequired) && prng.next() > 0.03) {
    e.licences.push({ kind: 'ccc', name: '强制性产品认证证书', number: `2025${serial}0${prng.int(1000, 9999)}`, issuer: '中国质量认证中心', issuedOn, validUntil: addMonths(issuedOn, 60) });
  }
  if ((e.industryDivision === '52' || e.industryDivision === '62') && prng.next() < 0.8) {
    e.licences.push({ kind: 'food_business', name: '食品经营许可证', number: `JY1${e.districtCode.slice(0, 4)}${serial}`, issuer: '区市场监督管理局', issuedOn, validUntil });
  }
}

function addRecords(prng: Prng, e: DemoEntity, from: string, today: string, decisionNo: (d: string) => string): void {
  const manufacturer = e.industrySection === 'C';
  const sold = manufacturer || e.industryDivision === '52' || e.industryDivision === '51' || e.industryDivision === '62';
  const food = FOOD_DIVISIONS.has(e.industryDivision) || e.industryDivision === '52';
  const rec = (kind: ArchiveKind, title: string, payload: Record<string, unknown>, occurredOn = dateBetween(prng, from, today)) =>
    e.records.push({ kind, title, occurredOn, visibility: DEFAULT_VISIBILITY[kind], payload });

  const inspections = prng.next() < 0.45 ? prng.int(1, 2) : 0;
  for (let k = 0; k < inspections; k++) {
    const result = weighted(prng, [['pass', 80], ['issues_found', 15], ['fail', 3], ['not_found', 2]] as const);
    rec('inspection', `双随机检查：${{ pass: '未发现问题', issues_found: '发现问题已责令整改', fail: '不合格', not_found: '通过登记的住所无法联系' }[result]}`, { result, items: manufacturer ? '生产条件、出厂检验、标签标识' : '经营资质、进货查验、标签标识', inspectionNo: null });
  }
  if (sold && prng.next() < (manufacturer ? 0.5 : 0.2)) {
    for (let k = prng.int(1, 3); k > 0; k--) {
      const product = e.products.length ? prng.pick(e.products).name : food ? prng.pick(['散装熟食', '糕点', '食用植物油', '瓶装饮料']) : prng.pick(['插座', '儿童服装', '洗涤用品', '塑料制品']);
      const failed = prng.next() < 0.08;
      rec('sampling', `监督抽查：${product}（${failed ? '不合格' : '合格'}）`, {
        product,
        batch: null,
        result: failed ? 'fail' : 'pass',
        failedItems: failed ? [prng.pick(SAMPLING_FAIL_ITEMS)] : [],
        lab: prng.pick(LABS),
        reportNo: null,
        level: weighted(prng, [['national', 1], ['city', 6], ['district', 3]] as const),
      });
    }
  }
  if (prng.next() < 0.04) {
    const occurredOn = dateBetween(prng, from, today);
    const light = prng.next() < 0.4;
    const types: PenaltyType[] = light ? ['warning'] : prng.next() < 0.9 ? ['warning', 'fine'] : ['fine', 'confiscation', 'suspended'];
    const violation = food ? prng.pick(VIOLATIONS_FOOD) : manufacturer ? prng.pick(VIOLATIONS_PRODUCT) : prng.pick(VIOLATIONS_OTHER);
    const district = TIANJIN_DISTRICTS.find((x) => x.code === e.districtCode)!;
    rec(
      'penalty',
      `行政处罚：${violation}`,
      {
        decisionNo: decisionNo(occurredOn),
        penaltyTypes: types,
        amount: light ? null : prng.int(1, 40) * 5_000,
        authority: `天津市${district.name}市场监督管理局`,
        violation,
        domain: food ? 'food' : manufacturer ? 'product' : 'other',
        carriedOut: occurredOn < addMonths(today, -2) ? prng.next() < 0.9 : false,
        restrictionYears: null,
      },
      occurredOn,
    );
  }
  if (prng.next() < 0.05) {
    const verdict = weighted(prng, [['substantiated', 3], ['partly_substantiated', 2], ['unsubstantiated', 3], ['mediated', 4]] as const);
    rec('complaint', '投诉处理结果', { verdict, subject: food ? '食品质量问题' : prng.pick(['商品质量问题', '售后服务', '价格欺诈']), caseNo: null });
  }
  if (manufacturer && e.products.length && prng.next() < 0.01) {
    const product = prng.pick(e.products).name;
    rec('recall', `缺陷产品召回：${product}`, { product, recallKind: prng.next() < 0.8 ? 'voluntary' : 'ordered', quantity: prng.int(100, 20_000), refused: false });
  }
  if (e.entityType === 'company' && prng.next() < (e.scale === 'large' ? 0.3 : 0.01)) {
    const a = prng.pick(AWARDS);
    rec('award', `荣誉：${a.name}`, { name: a.name, category: a.category, level: a.level, withdrawn: false });
  }
  if (manufacturer && prng.next() < 0.12) {
    rec('certification', '认证：质量管理体系认证（GB/T 19001）', { name: '质量管理体系认证（GB/T 19001）', number: null, change: prng.next() < 0.9 ? 'gained' : 'lost', mandatory: false });
  }
  if (manufacturer && e.products.length && prng.next() < 0.15) {
    const product = prng.pick(e.products);
    rec('self_declaration', `标准自我声明：${product.name}`, { standardNo: product.standard, standardName: `${product.name}标准`, product: product.name, level: prng.next() < 0.1 ? 'above_national' : 'national' });
  }
  if (prng.next() < 0.15) rec('commitment', '质量承诺', { text: '本单位承诺依法诚信经营，严格落实产品质量主体责任，接受社会监督。' });
  e.records.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
}

/** List entries: penalty publications from the penalties, plus a few on each other list. */
function listsFor(entities: DemoEntity[], demoIndex: number, today: string, planner: PenaltyPlanner): Omit<DemoCity, 'entities'> {
  const lists: DemoListEntry[] = [];
  const penalised: number[] = [];
  entities.forEach((e, ei) => {
    e.records.forEach((r, ri) => {
      if (r.kind !== 'penalty') return;
      penalised.push(ei);
      const pl = r.payload as Parameters<PenaltyPlanner>[1] & { decisionNo: string };
      const plan = planner(r.occurredOn, pl, entities[ei]!.entityType);
      if (!plan || plan.autoRemoveOn <= today) return; // not published, or publication period over
      lists.push({
        entity: ei,
        list: 'penalty-publication',
        grounds: plan.grounds,
        groundsText: r.title,
        decisionNo: pl.decisionNo,
        decisionDate: r.occurredOn,
        record: ri,
        status: 'published',
        // Published on the working-day deadline when the calendar gives one (never on a holiday).
        publishedOn: minDate(plan.publishBy ?? addCalendarDays(r.occurredOn, 7), today),
        earlyRemovalFrom: plan.earlyRemovalFrom,
        autoRemoveOn: plan.autoRemoveOn,
        publishBy: plan.publishBy,
        restrictionUntil: plan.restrictionUntil,
        round: null,
      });
    });
  });
  // Serious-violation list (SAMR Order 44): three published entries resting on a heavy penalty,
  // one awaiting the approver.
  const candidates = penalised.filter((ei) => ei !== demoIndex && entities[ei]!.entityType === 'company');
  for (let k = 0; k < Math.min(4, candidates.length); k++) {
    const ei = candidates[(k * 7) % candidates.length]!;
    const e = entities[ei]!;
    const ri = e.records.findIndex((r) => r.kind === 'penalty');
    const pen = e.records[ri]!;
    const pending = k === 3;
    const decisionDate = pending ? addCalendarDays(today, -3) : pen.occurredOn > addMonths(today, -36) ? addCalendarDays(pen.occurredOn, 14) : addMonths(today, -13 - k);
    const decided = decisionDate > today ? today : decisionDate;
    lists.push({
      entity: ei,
      list: 'serious-violation',
      grounds: e.industrySection === 'C' ? 'quality_safety.mandatory_standard' : 'unlicensed_or_fraud',
      groundsText: e.industrySection === 'C' ? '生产销售不符合保障人身健康和生命安全国家标准的产品，情节严重' : '以欺骗、贿赂等不正当手段取得行政许可，情节严重',
      decisionNo: `津市监列严〔${decided.slice(0, 4)}〕${k + 1}号`,
      decisionDate: decided,
      record: ri,
      status: pending ? 'pending_approval' : 'published',
      publishedOn: pending ? null : minDate(addCalendarDays(decided, 10), today),
      earlyRemovalFrom: pending ? null : addMonths(decided, 12),
      autoRemoveOn: pending ? null : addMonths(decided, 36),
      round: null,
    });
  }
  // Abnormal-operations list (Order 101 of 2025): not found at the registered address, or no
  // annual report.
  const notFound = entities.map((e, ei) => [e, ei] as const).filter(([e]) => e.records.some((r) => r.kind === 'inspection' && (r.payload as { result: string }).result === 'not_found'));
  for (const [e, ei] of notFound.slice(0, 6)) {
    const on = e.records.find((r) => r.kind === 'inspection' && (r.payload as { result: string }).result === 'not_found')!.occurredOn;
    lists.push({
      entity: ei,
      list: 'abnormal',
      grounds: 'unreachable',
      groundsText: '通过登记的住所或者经营场所无法联系',
      decisionNo: `津市监异〔${on.slice(0, 4)}〕${ei}号`,
      decisionDate: minDate(addCalendarDays(on, 10), today),
      record: null,
      status: 'published',
      publishedOn: minDate(addCalendarDays(on, 10), today),
      earlyRemovalFrom: null,
      autoRemoveOn: null,
      round: null,
    });
  }
  // Red and black lists: one published round each, valid for a year.
  const period = `${today.slice(0, 4)}-H${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
  const publishedOn = addMonths(today, -2);
  const rounds: DemoCity['rounds'] = [
    { list: 'red', title: `天津市质量信用红榜（${period}）`, period, publishedOn, validUntil: addMonths(publishedOn, 12) },
    { list: 'black', title: `天津市质量信用黑榜（${period}）`, period, publishedOn, validUntil: addMonths(publishedOn, 12) },
  ];
  const redPreferred = entities.flatMap((e, ei) => (e.records.some((r) => r.kind === 'award') && !e.records.some((r) => r.kind === 'penalty') ? [ei] : []));
  const seriousEntities = new Set(lists.filter((l) => l.list === 'serious-violation' && l.status === 'published').map((l) => l.entity));
  for (const ei of seriousEntities) {
    lists.push({ entity: ei, list: 'black', grounds: 'list:serious-violation', groundsText: '列入严重违法失信名单', decisionNo: null, decisionDate: publishedOn, record: null, status: 'published', publishedOn, earlyRemovalFrom: null, autoRemoveOn: addMonths(publishedOn, 12), round: 'black' });
  }
  return { lists, rounds, redPreferred };
}

/** Members of the demo's published red round. */
export const DEMO_RED_MEMBERS = 8;

/**
 * The demo red round's members: candidates (as graded when the load finishes) that the round's
 * criteria accept by the same rule a compiled round applies, the preferred (honoured) entities
 * first, then the others by entity id; at most `max`.
 */
export function pickRedMembers<C extends HonourCandidate>(candidates: readonly C[], criteria: HonourCriteriaInput, asOf: string, preferred: ReadonlySet<number>, max = DEMO_RED_MEMBERS): C[] {
  const eligible = candidates.filter((c) => qualifiesForHonour('red', criteria, c, asOf));
  const first = eligible.filter((c) => preferred.has(c.entityId));
  const rest = eligible.filter((c) => !preferred.has(c.entityId));
  return [...first, ...rest].slice(0, max);
}
