import { describe, expect, it } from 'vitest';
import { buildOutline, matchMarker, type OutlineNode } from './outline.js';

const paths = (nodes: OutlineNode[]) => nodes.map((n) => n.path);

describe('matchMarker', () => {
  it('recognises the four levels', () => {
    expect(matchMarker('一、总体要求')).toMatchObject({ level: 1, value: 1, token: '一' });
    expect(matchMarker('十二、保障措施')).toMatchObject({ level: 1, value: 12, token: '十二' });
    expect(matchMarker('(二十六)加强宣传动员。')).toMatchObject({ level: 2, value: 26, token: '(二十六)' });
    expect(matchMarker('6.实施电子商务产业质量提升工程。')).toMatchObject({ level: 3, value: 6, token: '6' });
    expect(matchMarker('1、加强计量能力建设。')).toMatchObject({ level: 3, value: 1, token: '1' });
    expect(matchMarker('(3)开展专项抽查。')).toMatchObject({ level: 4, value: 3, token: '(3)' });
  });

  it('reports how many characters the marker takes', () => {
    expect(matchMarker('(一) 扩大供给。')?.length).toBe(4);
    expect(matchMarker('1. 加强建设')?.length).toBe(3);
  });

  it('does not take years, decimals, in-sentence enumerations or dates for markers', () => {
    expect(matchMarker('2017年安排专项资金')).toBeNull();
    expect(matchMarker('1.5亿元以上的项目')).toBeNull();
    expect(matchMarker('1. 5亿元以上的项目')).toBeNull();
    expect(matchMarker('3、4月份组织竞赛')).toBeNull();
    expect(matchMarker('一、二级医院')).toBeNull();
    expect(matchMarker('(2018年8月12日)')).toBeNull();
    expect(matchMarker('(此件公开发布)')).toBeNull();
    expect(matchMarker('0.开始')).toBeNull();
  });

  it('takes a year right after a level-3 marker as the item text', () => {
    expect(matchMarker('1.2018年底前,全县创建示范街区不少于3条。')).toMatchObject({ level: 3, value: 1, length: 2 });
  });
});

describe('buildOutline', () => {
  it('nests levels and restarts numbering under each parent', () => {
    const o = buildOutline(['前言。', '一、总体要求', '二、主要措施', '(一)加强基础。', '1.甲。', '2.乙。', '(二)实施创新。', '1.丙。', '(1)丁。', '(2)戊。', '2.己。']);
    expect(paths(o.roots)).toEqual(['一', '二']);
    expect(paths(o.nodes)).toEqual(['一', '二', '二/(一)', '二/(一)/1', '二/(一)/2', '二/(二)', '二/(二)/1', '二/(二)/1/(1)', '二/(二)/1/(2)', '二/(二)/2']);
    expect(o.firstItemLine).toBe(1);
  });

  it('lets level-2 numbering continue across level-1 sections', () => {
    const o = buildOutline(['一、甲', '(一)a。', '(二)b。', '二、乙', '(三)c。', '(四)d。']);
    expect(paths(o.nodes)).toEqual(['一', '一/(一)', '一/(二)', '二', '二/(三)', '二/(四)']);
    expect(o.warnings).toEqual([]);
  });

  it('works for a document that starts at level 2', () => {
    const o = buildOutline(['(一)加大财政投入。', '(二)落实税收政策。']);
    expect(paths(o.roots)).toEqual(['(一)', '(二)']);
  });

  it('keeps a marker that goes backwards as text, and warns about gaps', () => {
    const o = buildOutline(['一、甲', '(一)a。', '(二)b。', '(一)又一个。', '(五)跳号。']);
    expect(paths(o.nodes)).toEqual(['一', '一/(一)', '一/(二)', '一/(五)']);
    expect(o.nodes[2]!.endLine).toBe(4);
    expect(o.warnings).toEqual(['编号顺序异常，按正文处理：第 4 段「(一)又一个。」', '编号不连续：一/(五) 的上一项是 (二)']);
  });

  it('ends the items at the 附件 list, 抄送 or the signature', () => {
    const annex = buildOutline(['(一)甲。', '(二)乙。', '附件:1.管理办法', '2.申报指南']);
    expect(paths(annex.nodes)).toEqual(['(一)', '(二)']);
    expect(annex.endMatterLine).toBe(2);
    const signed = buildOutline(['一、甲', '(一)乙。', '某某市人民政府', '2015年6月1日']);
    expect(signed.endMatterLine).toBe(2);
    const cc = buildOutline(['(一)乙。', '抄送:省委各部门。', '山东省人民政府办公厅2016年7月8日印发']);
    expect(cc.endMatterLine).toBe(1);
  });

  it('separates the closing paragraphs from the last item', () => {
    const o = buildOutline(['一、甲', '(一)内容。', '(二)内容。(市质监局负责)', '各区、各部门要加强组织领导。', '各区要于2017年1月10日前报送总结。']);
    expect(o.closingLine).toBe(3);
    expect(o.nodes.at(-1)!.endLine).toBe(3);
    // After a units clause, any paragraph is closing, whatever its words.
    const afterUnits = buildOutline(['(一)内容。(市质监局负责)', '做好总结报送工作。']);
    expect(afterUnits.closingLine).toBe(1);
  });

  it('keeps the paragraphs of a final bare heading as its content', () => {
    const o = buildOutline(['一、甲', '(一)内容。', '二、有关要求', '各乡镇要高度重视。']);
    expect(o.closingLine).toBe(4);
    expect(o.nodes.at(-1)!.endLine).toBe(4);
  });

  it('is empty for text without markers', () => {
    const o = buildOutline(['没有编号的文字。']);
    expect(o).toMatchObject({ roots: [], firstItemLine: -1, closingLine: 1, endMatterLine: 1 });
  });
});
