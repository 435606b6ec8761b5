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
