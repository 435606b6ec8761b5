/**
 * The parser on whole documents: the five seed documents (public government documents, shipped as
 * fixtures and, when the workspace has them, also read from ../shared/seeds) and our own fixtures
 * in other provinces' shapes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsedPlanSchema, type ParsedItem } from '../../../../../contracts/plans.js';
import { PROJECT_ROOT } from '../../../config/paths.js';
import { flattenItems, headingOf, parsePlan, planParseSummary, type PlanParse } from './parse-plan.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SHARED_SEEDS = join(PROJECT_ROOT, '..', 'shared', 'seeds');

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const hasUnits = (i: ParsedItem) => i.lead.length + i.support.length + i.joint.length > 0;
const item = (r: PlanParse, path: string) => flattenItems(r.plan.items).find((i) => i.path === path);

/**
 * What the issue states about each seed, checked against the text. Note: the seed files are
 * 000 Tianjin 2016, 001 Yancheng 2014, 002 Tianjin 2023–2025, 003 Shandong 2016, 004 Tianjin 2018
 * (by their titles); the counts below are per file number, as the issue gives them.
 */
const SEEDS = [
  {
    id: '000',
    fixture: 'seed-000-tianjin-2016.txt',
    title: '天津市贯彻落实质量发展纲要2016年行动计划',
    docNumber: null,
    issuer: '天津市人民政府办公厅',
    issuedDate: '2016-08-06',
    level1: 5,
    itemsWithUnits: 18,
  },
  {
    id: '001',
    fixture: 'seed-001-yancheng-2014.txt',
    title: '盐城市贯彻实施质量发展纲要2014年行动计划',
    docNumber: null,
    issuer: '盐城市人民政府办公室',
    issuedDate: '2014-06-27',
    level1: 6,
    itemsWithUnits: 24,
  },
  {
    id: '002',
    fixture: 'seed-002-tianjin-2023.txt',
    // As printed on the plan's own title line (the web page dropped the 、 between 产品 and 工程).
    title: '天津市进一步提高产品 工程和服务质量行动实施方案(2023—2025年)',
    docNumber: '津质量发〔2023〕3号',
    issuer: '天津市市场监督管理委员会',
    // The date under the notice; the page's 发布日期 2023-09-07 is when the site published it.
    issuedDate: '2023-09-04',
    level1: 7,
    itemsWithUnits: 24,
  },
  {
    id: '003',
    fixture: 'seed-003-shandong-2016.txt',
    title: '山东省贯彻实施质量发展纲要2016年行动计划',
    docNumber: '鲁政办字〔2016〕103号',
    issuer: '山东省人民政府办公厅',
    // The signature date; "2016年7月8日印发" at the end is the printing date.
    issuedDate: '2016-07-07',
    level1: 3,
    itemsWithUnits: 17,
  },
  {
    id: '004',
    fixture: 'seed-004-tianjin-2018.txt',
    // A 实施意见 issued jointly: the names stand on their own line above the title.
    title: '关于加快推进质量立市战略开展质量提升行动的实施意见',
    docNumber: null,
    issuer: '中共天津市委 天津市人民政府',
    issuedDate: '2018-08-12',
    level1: 6,
    itemsWithUnits: 0,
  },
] as const;

type Seed = (typeof SEEDS)[number];

/** The seed facts of the issue, for one source of the seed texts. */
function seedFacts(load: (seed: Seed) => string) {
  const parse = (id: Seed['id']) => parsePlan(load(SEEDS.find((s) => s.id === id)!));

  it.each(SEEDS.map((s) => [s.id, s] as const))('seed %s: title, 文号, issuer and date as printed', (_, seed) => {
    const { plan } = parsePlan(load(seed));
    expect({ title: plan.title, docNumber: plan.docNumber, issuer: plan.issuer, issuedDate: plan.issuedDate }).toEqual({
      title: seed.title,
      docNumber: seed.docNumber,
      issuer: seed.issuer,
      issuedDate: seed.issuedDate,
    });
    expect(() => parsedPlanSchema.parse(plan)).not.toThrow();
    expect(plan.warnings).toEqual([]);
  });

  it('level-1 sections: 5, 6, 7, 3, 6', () => {
    expect(SEEDS.map((s) => parsePlan(load(s)).plan.items.filter((i) => i.level === 1).length)).toEqual([5, 6, 7, 3, 6]);
  });

  it('items carrying responsible units: 18, 24, 24, 17, 0', () => {
    expect(SEEDS.map((s) => flattenItems(parsePlan(load(s)).plan.items).filter(hasUnits).length)).toEqual([18, 24, 24, 17, 0]);
  });

  it('seed 003 has 17 level-3 items, numbered again from 1 under each (一)…(四)', () => {
    const r = parse('003');
    expect(planParseSummary(r.plan).itemsPerLevel).toEqual({ 1: 3, 2: 7, 3: 17, 4: 0 });
    expect(item(r, '二/(一)')!.children.map((c) => c.number)).toEqual(['1', '2', '3']);
    expect(item(r, '二/(三)')!.children.map((c) => c.number)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('every measure of seed 002 includes 各区人民政府 (以下均需各区人民政府落实,不再列出)', () => {
    const measures = flattenItems(parse('002').plan.items).filter(hasUnits);
    expect(measures).toHaveLength(24);
    for (const m of measures) expect(m.joint).toContain('各区人民政府');
    expect(parse('002').plan.units[0]).toEqual({ name: '各区人民政府', items: 24 });
  });

  it('seed 004 yields at least 20 targets, among them the two quality rates', () => {
    const { targets } = parse('004').plan;
    expect(targets.length).toBeGreaterThanOrEqual(20);
    expect(targets).toContainEqual(expect.objectContaining({ indicator: '装备制造业产品质量合格率', comparator: '>=', value: 93, unit: '%', year: 2020 }));
    expect(targets).toContainEqual(expect.objectContaining({ indicator: '产品质量监管抽查合格率', comparator: '>=', value: 94, unit: '%' }));
  });

  it('deadlines: seed 000 2017-01-10, seed 003 2017-01-31', () => {
    expect(parse('000').plan.deadlines.map((d) => d.date)).toEqual(['2017-01-10']);
    expect(parse('003').plan.deadlines.map((d) => d.date)).toEqual(['2017-01-31']);
  });
}

describe('seed documents (shipped fixtures)', () => {
  seedFacts((seed) => fixture(seed.fixture));
});

describe.skipIf(!existsSync(SHARED_SEEDS))('seed documents (../shared/seeds)', () => {
  const files = existsSync(SHARED_SEEDS) ? readdirSync(SHARED_SEEDS) : [];
  seedFacts((seed) => readFileSync(join(SHARED_SEEDS, files.find((f) => f.startsWith(`${seed.id}_`))!), 'utf8'));
});

describe('seed documents in detail', () => {
  const seed = (n: number) => parsePlan(fixture(SEEDS[n]!.fixture));

  it('reads the 主送 recipients', () => {
    expect(seed(0).recipients).toEqual(['各区、县人民政府', '各委、局', '各直属单位']);
    expect(seed(3).recipients).toEqual(['各市人民政府', '各县(市、区)人民政府', '省政府各部门、各直属机构', '各大企业', '各高等院校']);
    expect(seed(4).recipients).toEqual([]);
  });

  it('leaves the web page around seed 002 out of the body', () => {
    const { body } = seed(2);
    expect(body.startsWith('市质量强市建设协调推进领导小组各成员单位,各相关单位:')).toBe(true);
    expect(body.endsWith('确保各项任务落地见效。')).toBe(true);
    for (const chrome of ['当前位置', '扫描二维码', '核心提示', '食品伙伴网', '声明', 'Processed in']) expect(body).not.toContain(chrome);
  });

  it('drops the page artefacts of seed 004 and re-joins the sentences they cut', () => {
    const r = seed(4);
    expect(r.body).not.toContain('6 | 文件');
    expect(item(r, '二/(四)')!.text).toBe(
      '提升原材料供给水平。提升油品供给质量。加快高端材料创新,提高质量稳定性,形成高性能、功能化、差别化的先进基础材料供给能力。加快冶金、化工、建材、石化等传统产业转型升级。推动稀土、石墨等功材料高端应用,跻身全球高端制造业采购体系。',
    );
    expect(item(r, '二/(七)')!.text).toContain('按照国内一流、世界领先标准');
    expect(item(r, '二/(七)')!.text.split('\n')).toHaveLength(3);
  });

  it('gives each item its number, heading and own text without its children', () => {
    const r = seed(0);
    const first = item(r, '一')!;
    expect(first).toMatchObject({ level: 1, number: '一', heading: '增强质量和品牌提升的动力', text: '增强质量和品牌提升的动力' });
    expect(first.children).toHaveLength(5);
    const brand = item(r, '一/(一)')!;
    expect(brand).toMatchObject({ level: 2, number: '(一)', heading: '大力推动品牌建设' });
    expect(brand.text.startsWith('大力推动品牌建设。制定质量品牌“十三五”规划。')).toBe(true);
    expect(brand.text.endsWith('(市市场监管委、市发展改革委、市工业和信息化委、市商务委、市国资委、市农委、天津检验检疫局等按职责分工负责)')).toBe(true);
    const levelTwo = item(seed(3), '二/(一)')!;
    expect(levelTwo.text).toBe('加强质量基础建设,培育质量和品牌提升新动能。');
  });

  it('leaves the closing paragraphs out of the last item', () => {
    const last = item(seed(0), '五/(十八)')!;
    expect(last.text).not.toContain('各区县人民政府');
    expect(seed(0).plan.deadlines[0]).toMatchObject({ path: null, sentence: expect.stringContaining('于2017年1月10日前') });
    expect(item(seed(4), '六/(二十六)')!.text).not.toContain('各区各部门要结合实际');
  });

  it('reads lead and support units (seed 001) and joint units with a group (seed 000)', () => {
    expect(item(seed(1), '一/(一)')).toMatchObject({
      lead: ['市经济信息化委'],
      support: ['盐城质监局', '市发展改革委', '市商务局', '盐城工商局', '市旅游局', '盐城出入境检验检疫局'],
      joint: [],
    });
    expect(item(seed(1), '三/(五)')).toMatchObject({ lead: [], support: [], joint: ['市发展改革委', '盐城质监局', '市交通运输局', '市商务局', '市卫生局', '市统计局', '市旅游局'] });
    expect(item(seed(0), '二/(十)')!.joint).toEqual(['市质量工作领导小组成员单位', '天津银监局']);
    expect(item(seed(3), '二/(二)/4')!.joint).toEqual(['发展改革', '商务', '海关', '出入境检验检疫']);
  });

  it('counts the items naming each unit', () => {
    const { units } = seed(1).plan;
    expect(units[0]).toEqual({ name: '盐城质监局', items: 23 });
    expect(units.find((u) => u.name === '市质量强市领导小组各成员单位')).toEqual({ name: '市质量强市领导小组各成员单位', items: 2 });
    expect(units.find((u) => u.name === '市质量强市领导小组成员单位')).toEqual({ name: '市质量强市领导小组成员单位', items: 1 });
  });

  it('offers a span in the body for every item', () => {
    for (let n = 0; n < SEEDS.length; n++) {
      const r = seed(n);
      for (const i of flattenItems(r.plan.items)) expect(r.body.slice(r.spans[i.path]!.start, r.spans[i.path]!.end)).toBe(i.text);
    }
  });
});

describe('own fixtures', () => {
  const parse = (name: string) => parsePlan(fixture(name));

  it('full-width text, ［］ 文号, Chinese-numeral date, labelled units and four levels (own-01)', () => {
    const r = parse('own-01-qinghe-fullwidth-labels.txt');
    expect(r.plan).toMatchObject({ title: '青禾市质量提升三年行动计划(2017—2019年)', docNumber: '青政办发〔2017〕21号', issuer: '青禾市人民政府办公室', issuedDate: '2017-03-15', warnings: [] });
    expect(r.recipients).toEqual(['各县(市、区)人民政府', '市政府各部门']);
    expect(planParseSummary(r.plan).itemsPerLevel).toEqual({ 1: 3, 2: 4, 3: 4, 4: 2 });
    expect(item(r, '二/(一)/1')).toMatchObject({ number: '1', lead: ['市质监局', '各县区政府'], support: [], joint: [] });
    expect(item(r, '二/(一)/2')).toMatchObject({ lead: ['市质监局'], support: ['市发展改革委', '市经济和信息化委'] });
    expect(item(r, '二/(二)/1/(2)')).toMatchObject({ level: 4, number: '(2)', joint: ['市质监局', '市工商局', '市公安局'] });
    expect(item(r, '二/(二)/2')).toMatchObject({ lead: ['市质监局'], support: ['市商务局', '市工商局'] });
    expect(r.plan.deadlines).toEqual([{ path: '二/(二)/1/(2)', date: '2017-06-30', sentence: '于2017年6月30日前完成电线电缆专项整治。' }]);
    expect(r.plan.targets.map((t) => `${t.path} ${t.indicator} ${t.comparator} ${t.value}${t.unit}`)).toEqual([
      '一 全市制造业产品质量合格率 >= 95%',
      '一 主要农产品质量安全抽检合格率 >= 98%',
      '二/(一)/1 新建社会公用计量标准 >= 20项',
      '二/(二)/1/(1) 抽查批次 >= 300批',
    ]);
    // 抄送 and the printing line are end matter, not text of the last item.
    expect(item(r, '三/(二)')!.text).toBe('强化考核。将质量工作纳入政府绩效考核。');
  });

  it('[] 文号, 1． numbering under 一 directly, units paragraphs and month-end deadlines (own-02)', () => {
    const r = parse('own-02-linchuan-brackets-dots.txt');
    expect(r.plan).toMatchObject({ title: '临川县食品安全示范街区创建工作实施方案', docNumber: '临市监〔2018〕7号', issuer: '临川县市场监督管理局', issuedDate: '2018-04-02' });
    expect(flattenItems(r.plan.items).map((i) => i.path)).toEqual(['一', '一/1', '一/2', '二', '二/1', '二/2', '三']);
    expect(item(r, '一/2')!.joint).toEqual(['市场监管所', '县商务局']);
    expect(item(r, '二/2')!.joint).toEqual(['县市场监管局', '县财政局', '各乡镇人民政府']);
    expect(r.plan.deadlines.map((d) => `${d.path} ${d.date}`)).toEqual(['一/1 2018-12-31', '一/2 2019-02-28', '二/1 2018-09-30', '二/2 2020-02-29']);
    // The last item is a bare heading: its paragraph is its content, not a closing.
    expect(item(r, '三')!.text).toBe('有关要求\n各乡镇、各有关单位要高度重视,确保创建工作取得实效。');
    expect(item(r, '三')!.heading).toBe('有关要求');
  });

  it('a document that starts at (一), with false markers and an annex list (own-03)', () => {
    const r = parse('own-03-starts-with-level2-annex.txt');
    expect(r.plan.items.map((i) => `${i.path} ${i.level}`)).toEqual(['(一) 2', '(二) 2', '(三) 2']);
    expect(r.plan.items.every((i) => i.children.length === 0 && !hasUnits(i))).toBe(true);
    expect(item(r, '(一)')!.text).toBe('加大财政投入。市财政每年安排质量发展专项资金,2017年安排1. 5亿元,重点支持质量攻关和品牌培育。');
    expect(item(r, '(二)')!.text).toBe('落实税收政策。对符合条件的企业按规定享受研发费用加计扣除。\n1. 5亿元以上的重大质量技术改造项目,优先纳入市重点项目库。');
    expect(item(r, '(三)')!.text).toContain('3、4月份组织开展质量知识竞赛。');
    expect(item(r, '(三)')!.text).not.toContain('附件');
    expect(r.plan.targets).toEqual([]);
    expect(r.plan.warnings).toEqual(['未识别到标题']);
  });

  it('English text does not break the parser (own-04)', () => {
    const r = parse('own-04-english.txt');
    expect(r.plan.title).toBe('Quality Improvement Action Plan 2024');
    expect(r.plan.items.map((i) => i.path)).toEqual(['1', '2']);
    expect(r.plan.targets).toEqual([]);
  });

  it('per-year values, 翻一番, relative and capped targets, decoy numbers, signature at the end (own-05)', () => {
    const r = parse('own-05-jiangnan-targets.txt');
    expect(r.plan).toMatchObject({ title: '江南省人民政府关于进一步加强质量工作的意见', docNumber: '江政发〔2015〕12号', issuer: '江南省人民政府', issuedDate: '2015-06-01' });
    expect(r.plan.targets.map((t) => `${t.path} ${t.indicator} ${t.comparator} ${t.value} ${t.unit} ${t.year}`)).toEqual([
      '一/(一) 全省规模以上工业企业产品质量合格率 >= 89 % 2015',
      '一/(一) 全省规模以上工业企业产品质量合格率 >= 90 % 2016',
      '一/(一) 全省规模以上工业企业产品质量合格率 >= 91 % 2017',
      '一/(一) 高技术产品出口额 x 2 null 2020',
      '一/(二) 大中型工程项目一次验收合格率 >= 98 % 2018',
      '一/(二) 住宅工程质量投诉率 <= 5 % 2018',
      '一/(三) 重点服务业平均投诉处理时间 +% -30 % null',
      '一/(三) 公共服务满意度 >= 80 % 2017',
      '一/(四) 工业固体废物综合利用率 >= 90 % null',
      '一/(四) 重污染天数 +% -20 % null',
    ]);
    expect(item(r, '二/(二)')!.text).toBe('加强宣传。每年组织质量月活动。');
  });

  it('a web page with hard-wrapped text and page numbers (own-06)', () => {
    const r = parse('own-06-qingxi-web-wrapped.txt');
    expect(r.plan).toMatchObject({ title: '清溪市2019年质量工作要点', docNumber: '清质强办〔2019〕2号', issuer: '清溪市质量强市工作领导小组办公室', issuedDate: '2019-03-08' });
    expect(r.recipients).toEqual(['各镇(街道)', '市有关单位']);
    expect(item(r, '一/1')).toMatchObject({
      text: '推进标准化建设。全年新制定市级地方标准不少于5项,培育企业标准“领跑者”3家以上。(市市场监管局牵头,市发改局、市经信局配合)',
      lead: ['市市场监管局'],
      support: ['市发改局', '市经信局'],
    });
    expect(r.body).not.toMatch(/打印本页|版权所有|首页|- 2 -/);
    expect(r.plan.deadlines).toEqual([{ path: '二/1', date: '2019-11-30', sentence: '开展重点产品专项整治,于2019年11月30日前完成整治任务。' }]);
  });

  it('a document without numbering is one item, with a warning (own-07)', () => {
    const r = parse('own-07-no-structure.txt');
    expect(r.plan.items).toHaveLength(1);
    expect(r.plan.items[0]).toMatchObject({ path: '全文', level: 1, text: r.body });
    expect(r.plan.warnings).toEqual(['未识别到层级编号，全文作为一项']);
    expect(r.plan).toMatchObject({ title: '关于做好2021年度质量工作总结的通知', issuer: '市市场监督管理局办公室', issuedDate: '2021-11-20' });
    expect(r.plan.deadlines).toEqual([{ path: '全文', date: '2021-12-15', sentence: expect.stringContaining('请于2021年12月15日前') }]);
    expect(r.spans['全文']).toEqual({ start: 0, end: r.body.length });
  });
});

describe('own fixtures: plans from provinces the parser was not tuned on (issue 12)', () => {
  const parse = (name: string) => parsePlan(fixture(name));
  const brief = (r: PlanParse) => r.plan.targets.map((t) => `${t.path} ${t.indicator} ${t.comparator} ${t.value}${t.unit ?? ''} ${t.year}`);

  it('a 文号 on the same line as the date (own-08)', () => {
    const r = parse('own-08-haicheng-number-and-date.txt');
    expect(r.plan).toMatchObject({ title: '关于推进质量强市建设的实施意见', docNumber: '澄委发〔2019〕12号', issuer: '中共海澄市委 海澄市人民政府', issuedDate: '2019-03-08', warnings: [] });
    // The line is complete: the recipients after it are not glued to the date.
    expect(r.recipients).toEqual(['各区委、区人民政府', '市委各部委', '市级国家机关各部门', '各人民团体']);
    expect(r.body.split('\n')[2]).toBe('澄委发〔2019〕12号  2019年3月8日');
    expect(planParseSummary(r.plan).itemsPerLevel).toEqual({ 1: 3, 2: 5, 3: 0, 4: 0 });
  });

  it('a 文号 on its own line after a two-line title that quotes another document\'s 文号 (own-09)', () => {
    const r = parse('own-09-beiling-cited-number.txt');
    expect(r.plan).toMatchObject({
      title: '北岭市人民政府办公室关于贯彻落实《云溪省人民政府关于深入开展质量提升行动的意见》(云政发〔2018〕21号)的实施方案',
      docNumber: '北政办发〔2018〕56号',
      issuer: '北岭市人民政府办公室',
      issuedDate: '2018-09-20',
      warnings: [],
    });
    expect(item(r, '二/(一)')).toMatchObject({ lead: ['市工业和信息化局'], support: ['市市场监管局'] });
  });

  it('targets phrased 达到X%以上 in semicolon lists, after dashes and 一是/二是 (own-10)', () => {
    expect(brief(parse('own-10-yunxi-semicolon-targets.txt'))).toEqual([
      '一 制造业产品质量合格率 >= 94% 2025',
      '一 主要农产品质量安全例行监测合格率 >= 98% 2025',
      '一 食品安全评价性抽检合格率 >= 98.5% 2025',
      '一 建设工程一次验收合格率 >= 100% 2025',
      // "到2025年,质量基础设施更加完善:" hands its year to the list under it.
      '一 社会公用计量标准覆盖率 >= 90% 2025',
      '一 检验检测机构能力验证满意率 >= 95% 2025',
      '一 重点产业标准覆盖率 >= 85% 2025',
      // A paragraph of its own without a year: none is guessed.
      '一 公共服务质量满意度 >= 82% null',
      '一 生产性服务业顾客满意度 >= 85% null',
      '一 重点服务行业投诉处理率 >= 98% null',
    ]);
  });

  it('counts and indices with a unit or none: 拥有量25件, 指数达到85, 满意度达到80分以上 (own-11)', () => {
    const r = parse('own-11-dongling-counts-indices.txt');
    expect(brief(r)).toEqual([
      '一 每万人口高价值发明专利拥有量 = 25件 2022',
      '一 有效注册商标总量 = 12万件 2022',
      '一 区域质量竞争力指数 >= 85 2022',
      '一 公共服务质量满意度 >= 80分 2022',
      '一 顾客满意度指数 >= 82 2022',
      '二/(一) 新培育高价值专利组合 >= 10个 null',
      '二/(二) 测评得分 >= 80分 null',
      '二/(二) 投诉响应时间 <= 30分钟 null',
    ]);
    expect(r.plan.targets.find((t) => t.indicator === '区域质量竞争力指数')!.unit).toBeNull();
    // "12315" and "第5届" in 二/(三) are no targets.
    expect(r.plan.targets.filter((t) => t.path === '二/(三)')).toEqual([]);
  });

  it('increments: 增加8项, 比上年增加120件, 下降2个百分点, 减少5起 (own-12)', () => {
    expect(brief(parse('own-12-nanping-increments.txt'))).toEqual([
      '一 全县全年新增省级以上名牌产品 >= 5个 null',
      '一 市级以上标准化试点项目 + 8项 null',
      '一 有效发明专利拥有量 + 120件 null',
      '一 重点产品抽检不合格率 + -2个百分点 null',
      '二/(一) 通过质量管理体系认证的企业 + 15家 null',
      '二/(二) 农产品质量安全追溯主体数量 + 30家 null',
      '二/(二) 农药残留超标问题 + -5起 null',
    ]);
  });

  it('the year that opens a paragraph (到2025年,…) is carried to the targets after it (own-13)', () => {
    const r = parse('own-13-xitang-paragraph-year.txt');
    expect(brief(r)).toEqual([
      '一 制造业产品质量合格率 >= 95% 2025',
      '一 农产品质量安全抽检合格率 >= 98% 2025',
      '一 建设工程质量一次验收合格率 = 100% 2025',
      // A paragraph with a year of its own keeps it.
      '一 公共服务质量满意度 >= 82% 2024',
      '二/(一) 制造业质量竞争力指数 >= 86 null',
      // After the item's heading, "到2025年,…。" carries on to the next sentence too.
      '二/(二) 累计培育区域公用品牌 >= 20个 2025',
    ]);
    expect(r.plan.title).toBe('西塘市推进质量强市建设三年行动计划(2023—2025年)');
  });

  it('says where a deadline outside the items stands: the closing sentence is at the end, not before the text', () => {
    expect(parse('own-13-xitang-paragraph-year.txt').plan.deadlines).toEqual([
      { path: '一', date: '2024-12-31', sentence: '2024年底前,公共服务质量满意度达到82%。' },
      { path: null, position: 'closing', date: '2025-11-30', sentence: '各区、各部门于每年12月20日前将工作进展情况报市质量强市办,2025年11月30日前报送三年行动总结。' },
    ]);
    expect(parsePlan(fixture('seed-000-tianjin-2016.txt')).plan.deadlines).toEqual([expect.objectContaining({ path: null, position: 'closing', date: '2017-01-10' })]);
    const preamble = parsePlan('某市质量工作方案\n各区于2026年3月31日前报送实施方案。\n一、主要任务\n(一)加强计量。(市质监局牵头)');
    expect(preamble.plan.deadlines).toEqual([{ path: null, position: 'preamble', date: '2026-03-31', sentence: '各区于2026年3月31日前报送实施方案。' }]);
  });
});

describe('parsePlan on odd input', () => {
  it('returns an empty plan with a warning for empty or blank text', () => {
    for (const text of ['', '   \n\n\t ']) {
      const r = parsePlan(text);
      expect(r.plan).toEqual({ title: '', docNumber: null, issuer: null, issuedDate: null, items: [], targets: [], deadlines: [], units: [], warnings: ['未识别到标题', '文本为空，未解析到内容'] });
      expect(r.body).toBe('');
    }
  });

  it('warns about binary input and still returns a valid plan', () => {
    const binary = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    const r = parsePlan(binary);
    expect(() => parsedPlanSchema.parse(r.plan)).not.toThrow();
    expect(r.plan.warnings).toContain('文本含有较多无法识别的字符，可能不是纯文本文件或编码有误');
  });

  it('keeps a truncated seed parseable', () => {
    const text = fixture('seed-001-yancheng-2014.txt');
    const r = parsePlan(text.slice(0, Math.floor(text.length / 2)));
    expect(r.plan.items.length).toBeGreaterThan(0);
    expect(() => parsedPlanSchema.parse(r.plan)).not.toThrow();
  });

  it('caps the list of warnings', () => {
    const text = Array.from({ length: 200 }, () => '(一)重复。').join('\n');
    const { warnings } = parsePlan(text).plan;
    expect(warnings).toHaveLength(51);
    expect(warnings.at(-1)).toMatch(/^另有 \d+ 条警告未列出$/);
  });
});

describe('headingOf', () => {
  it('is the first sentence when short, the first line when it is a bare heading, else null', () => {
    expect(headingOf('大力推动品牌建设。制定规划。', false)).toBe('大力推动品牌建设');
    expect(headingOf('总体要求\n坚持以习近平新时代中国特色社会主义思想为指导。', false)).toBe('总体要求');
    expect(headingOf('主要措施', true)).toBe('主要措施');
    expect(headingOf('主要措施', false)).toBeNull();
    expect(headingOf(`${'很长的句子'.repeat(10)}。后文。`, false)).toBeNull();
  });
});
