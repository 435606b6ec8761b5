import { describe, expect, it } from 'vitest';
import { findItemDeadlines } from './deadlines.js';
import { findTargets } from './targets.js';

const brief = (text: string) => findTargets(text, 'p').map(({ indicator, comparator, value, unit, year }) => ({ indicator, comparator, value, unit, year }));

describe('findTargets', () => {
  it('reads indicator, comparator, value, unit and target year', () => {
    expect(findTargets('到2020年,装备制造业产品质量合格率稳定在93%以上。', '二/(三)')).toEqual([
      {
        path: '二/(三)',
        indicator: '装备制造业产品质量合格率',
        comparator: '>=',
        value: 93,
        unit: '%',
        year: 2020,
        sentence: '到2020年,装备制造业产品质量合格率稳定在93%以上。',
      },
    ]);
  });

  it('maps the comparator words', () => {
    expect(brief('确保新开工建筑工程质量监督覆盖率达100%。')[0]).toMatchObject({ comparator: '>=', value: 100 });
    expect(brief('一次验收合格率不低于98%。')[0]).toMatchObject({ comparator: '>=' });
    expect(brief('投诉率控制在5%以内。')[0]).toMatchObject({ indicator: '投诉率', comparator: '<=', value: 5 });
    expect(brief('不合格率不高于3%。')[0]).toMatchObject({ comparator: '<=' });
    expect(brief('抽检不合格率在2%以下。')[0]).toMatchObject({ comparator: '<=' });
    expect(brief('认证证书突破15000张。')[0]).toMatchObject({ comparator: '>', value: 15000, unit: '张' });
    expect(brief('到2020年,选树“津门工匠”50名。')[0]).toMatchObject({ indicator: '选树“津门工匠”', comparator: '=', value: 50, unit: '名', year: 2020 });
  });

  it('reads relative targets: 提高60%以上 is +% 60, 减少20% is +% -20, 翻一番 is x 2', () => {
    expect(brief('推动挖掘机等平均失效间隔时间比现行国家标准提高60%以上。')).toEqual([
      { indicator: '挖掘机等平均失效间隔时间', comparator: '+%', value: 60, unit: '%', year: null },
    ]);
    expect(brief('重污染天数比2015年减少20%。')[0]).toMatchObject({ indicator: '重污染天数', comparator: '+%', value: -20 });
    expect(brief('到2020年,认证证书比2015年翻一番。')).toEqual([{ indicator: '认证证书', comparator: 'x', value: 2, unit: null, year: 2020 }]);
    expect(brief('到2020年,出口额翻两番。')[0]).toMatchObject({ comparator: 'x', value: 4 });
  });

  it('finds several targets in one sentence', () => {
    const text =
      '到2020年,全市工业企业品牌培育试点企业达到170家,工业和信息化部产业集群区域品牌试点达到3个,天津市名牌产品总量达到700个,科技领军企业拥有自主商标品牌达到100%,地理标志证明商标和地理标志保护产品达到50件。';
    expect(brief(text).map((t) => `${t.indicator} ${t.comparator} ${t.value}${t.unit} ${t.year}`)).toEqual([
      '全市工业企业品牌培育试点企业 >= 170家 2020',
      '工业和信息化部产业集群区域品牌试点 >= 3个 2020',
      '天津市名牌产品总量 >= 700个 2020',
      '科技领军企业拥有自主商标品牌 >= 100% 2020',
      '地理标志证明商标和地理标志保护产品 >= 50件 2020',
    ]);
  });

  it('gives each year of a range its own value', () => {
    expect(brief('2015—2017年,全省工业产品质量合格率逐年达到89%、90%、91%。')).toEqual([
      { indicator: '全省工业产品质量合格率', comparator: '>=', value: 89, unit: '%', year: 2015 },
      { indicator: '全省工业产品质量合格率', comparator: '>=', value: 90, unit: '%', year: 2016 },
      { indicator: '全省工业产品质量合格率', comparator: '>=', value: 91, unit: '%', year: 2017 },
    ]);
  });

  it('takes 2017年底前 as the target year', () => {
    expect(brief('2017年底前,公共服务满意度达到80%。')[0]).toMatchObject({ year: 2017 });
  });

  it('does not take years, dates, 文号, ordinals, codes or counts without a target for targets', () => {
    expect(brief('根据《某某通知》(国发〔2012〕9号),于2016年8月6日制定本计划。')).toEqual([]);
    expect(brief('办好第3届质量论坛,畅通12315热线,推进5G网络和IPv6部署,开展“3·15”活动。')).toEqual([]);
    expect(brief('重点对农村食品安全6个方面进行专项整治,打好2项“扫雷行动”。')).toEqual([]);
    expect(brief('1. 5亿元以上的重大质量技术改造项目优先纳入项目库。')).toEqual([]);
    expect(brief('5亿元以上的项目优先支持。')).toEqual([]);
    expect(brief('(2023—2025年)')).toEqual([]);
  });

  it('reads semicolon lists of 达到X%以上, without the bullets and ordinals that open their clauses (issue 12)', () => {
    expect(brief('到2025年,主要指标达到以下要求:制造业产品质量合格率达到94%以上;食品安全评价性抽检合格率达到98.5%以上。')).toEqual([
      { indicator: '制造业产品质量合格率', comparator: '>=', value: 94, unit: '%', year: 2025 },
      { indicator: '食品安全评价性抽检合格率', comparator: '>=', value: 98.5, unit: '%', year: 2025 },
    ]);
    expect(brief('——社会公用计量标准覆盖率达到90%以上;')[0]).toMatchObject({ indicator: '社会公用计量标准覆盖率' });
    expect(brief('服务质量明显提升,一是公共服务质量满意度达到82%以上;二是投诉处理率达到98%以上。').map((t) => t.indicator)).toEqual(['公共服务质量满意度', '投诉处理率']);
  });

  it('reads counts and indices with a unit or none (issue 12)', () => {
    expect(brief('每万人口高价值发明专利拥有量25件。')).toEqual([{ indicator: '每万人口高价值发明专利拥有量', comparator: '=', value: 25, unit: '件', year: null }]);
    expect(brief('区域质量竞争力指数达到85。')).toEqual([{ indicator: '区域质量竞争力指数', comparator: '>=', value: 85, unit: null, year: null }]);
    expect(brief('顾客满意度指数82以上。')[0]).toMatchObject({ comparator: '>=', value: 82, unit: null });
    expect(brief('公共服务质量满意度达到80分以上。')).toEqual([{ indicator: '公共服务质量满意度', comparator: '>=', value: 80, unit: '分', year: null }]);
    expect(brief('投诉响应时间不超过30分钟。')[0]).toMatchObject({ comparator: '<=', value: 30, unit: '分钟' });
  });

  it('takes no bare number for a target unless it scores an index with a bound', () => {
    expect(brief('开展“12315”宣传,推进5G网络建设,组织第5届竞赛。')).toEqual([]);
    expect(brief('区域质量竞争力指数85。')).toEqual([]);
    expect(brief('企业数量达到85。')).toEqual([]);
    expect(brief('到2025年,质量指数达到2025年水平。')).toEqual([]);
  });

  it('reads increments as a change by an amount: 增加8项 is + 8, 下降2个百分点 + -2 (issue 12)', () => {
    expect(brief('市级以上标准化试点项目增加8项。')).toEqual([{ indicator: '市级以上标准化试点项目', comparator: '+', value: 8, unit: '项', year: null }]);
    expect(brief('有效发明专利拥有量比上年增加120件。')[0]).toMatchObject({ indicator: '有效发明专利拥有量', comparator: '+', value: 120 });
    expect(brief('抽检不合格率比上年下降2个百分点。')[0]).toMatchObject({ comparator: '+', value: -2, unit: '个百分点' });
    expect(brief('质量安全事故减少5起。')[0]).toMatchObject({ comparator: '+', value: -5, unit: '起' });
    // An increase to a level is not an increment.
    expect(brief('试点项目增加到20项。')[0]).toMatchObject({ comparator: '>=', value: 20 });
  });

  it('carries the year that opens a paragraph to its later sentences, and to the list it introduces (issue 12)', () => {
    expect(brief('到2025年,质量强市建设取得显著成效。制造业产品质量合格率达到95%以上。').map((t) => t.year)).toEqual([2025]);
    expect(brief('提升品牌。到2025年,培育标杆企业。累计培育区域品牌达到20个。').map((t) => t.year)).toEqual([2025]);
    expect(brief('到2025年,质量基础更加完善:\n——计量标准覆盖率达到90%以上;\n——标准覆盖率达到85%以上。\n服务满意度达到82%以上。').map((t) => t.year)).toEqual([2025, 2025, null]);
    // Another paragraph starts afresh, and a sentence's own year wins.
    expect(brief('到2025年,成效显著。\n合格率达到95%以上。').map((t) => t.year)).toEqual([null]);
    expect(brief('到2025年,成效显著。2024年底前,满意度达到82%。').map((t) => t.year)).toEqual([2024]);
    // A bare year opening a paragraph looks back as often as ahead: no target year.
    expect(brief('2016年,全市成效显著。合格率达到93%。').map((t) => t.year)).toEqual([null]);
  });

  it('accepts a rate without a comparator word', () => {
    expect(brief('全市产品质量合格率93%。')[0]).toMatchObject({ comparator: '=', value: 93 });
  });
});

describe('findItemDeadlines', () => {
  it('reports each deadline with its sentence and item path', () => {
    expect(findItemDeadlines('动员部署阶段。各乡镇于二〇一八年九月三十日前制定方案。', '二/1')).toEqual([
      { path: '二/1', date: '2018-09-30', sentence: '各乡镇于二〇一八年九月三十日前制定方案。' },
    ]);
    expect(findItemDeadlines('没有时限。', null)).toEqual([]);
  });
});
