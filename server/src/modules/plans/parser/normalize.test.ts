import { describe, expect, it } from 'vitest';
import { normalizeDocument, toHalfWidth } from './normalize.js';

describe('toHalfWidth', () => {
  it('turns full-width ASCII variants into ASCII and keeps CJK punctuation', () => {
    expect(toHalfWidth('（一）１．２０１７年：ＡＢ，')).toBe('(一)1.2017年:AB,');
    expect(toHalfWidth('〔2016〕。、《》“”')).toBe('〔2016〕。、《》“”');
    expect(toHalfWidth('［2018］')).toBe('[2018]');
  });

  it('unifies line ends and spaces, drops BOM and zero-width characters', () => {
    expect(toHalfWidth('\ufeffa\r\nb\rc\u3000d\u200be\tf')).toBe('a\nb\nc de f');
  });
});

describe('normalizeDocument', () => {
  it('drops blank lines and trims paragraphs', () => {
    expect(normalizeDocument('\n\n  一、总体要求  \n\n\n内容。\n').lines).toEqual(['一、总体要求', '内容。']);
  });

  it('drops page numbers and running heads', () => {
    const doc = normalizeDocument('6 | 文件\n一、总体要求\n- 3 -\n内容。\n第 2 页 共 5 页\n—4—\n文件 | 7');
    expect(doc.lines).toEqual(['一、总体要求', '内容。']);
    expect(doc.pageArtefacts).toBe(5);
  });

  it('joins a sentence that a page break cut, but not headings, titles or new items', () => {
    const doc = normalizeDocument(
      [
        '山东省人民政府办公厅关于印发山东省贯彻实施质量发展纲要2016年行动计划的通知',
        '鲁政办字〔2016〕103号',
        '(四)提升原材料供给水平。加快高端材料创新,提高质量稳定性,形成高性能、功能化、',
        '',
        '6 | 文件',
        '',
        '差别化的先进基础材料供给能力。',
        '二、全面提升产品、工程和服务质量完善质量发展政策和制度',
        '(一)增加优质供给。',
      ].join('\n'),
    );
    expect(doc.lines).toEqual([
      '山东省人民政府办公厅关于印发山东省贯彻实施质量发展纲要2016年行动计划的通知',
      '鲁政办字〔2016〕103号',
      '(四)提升原材料供给水平。加快高端材料创新,提高质量稳定性,形成高性能、功能化、差别化的先进基础材料供给能力。',
      '二、全面提升产品、工程和服务质量完善质量发展政策和制度',
      '(一)增加优质供给。',
    ]);
  });

  it('never joins the recipients to a 文号 line that ends with the date (issue 12)', () => {
    const doc = normalizeDocument('关于推进质量强市建设的实施意见\n津委发〔2019〕12号　　2019年3月8日\n\n各区委、区人民政府,市委各部委,市级国家机关各部门:\n为深入实施质量强市战略,现提出如下意见。');
    expect(doc.lines).toEqual(['关于推进质量强市建设的实施意见', '津委发〔2019〕12号  2019年3月8日', '各区委、区人民政府,市委各部委,市级国家机关各部门:', '为深入实施质量强市战略,现提出如下意见。']);
  });

  it('joins hard-wrapped lines, and a number inside a sentence that a wrap put first', () => {
    const doc = normalizeDocument('(三)开展质量月活动。每年9月开展“质量月”活动,\n3、4月份组织开展质量知识竞赛。');
    expect(doc.lines).toEqual(['(三)开展质量月活动。每年9月开展“质量月”活动,3、4月份组织开展质量知识竞赛。']);
  });

  it('sets aside web-page chrome before and after the document', () => {
    const doc = normalizeDocument(
      [
        '当前位置: 首页 » 政策法规 » 某某通知',
        '扫描二维码 分享好友和朋友圈',
        '发布文号 津质量发〔2023〕3号',
        '备注',
        '各相关单位:',
        '一、总体要求',
        '(一)内容。(市质监局负责)',
        '某某委员会关于印发《某某方案》的通知',
        '声明:',
        'Processed in 0.086 second(s), 10 queries',
      ].join('\n'),
    );
    expect(doc.lines).toEqual(['各相关单位:', '一、总体要求', '(一)内容。(市质监局负责)']);
    expect(doc.leadingChrome).toContain('发布文号 津质量发〔2023〕3号');
    expect(doc.trailingChrome.at(-1)).toMatch(/^Processed in/);
  });

  it('keeps a notice title at the top of a document without numbering', () => {
    const doc = normalizeDocument('某某局关于做好总结工作的通知\n各区:\n请于2021年12月15日前报送总结。');
    expect(doc.lines[0]).toBe('某某局关于做好总结工作的通知');
    expect(doc.lines).toHaveLength(3);
  });

  it('measures how much of the input is not text', () => {
    expect(normalizeDocument('\u0000\u0001\u0002abc').garbageRatio).toBeCloseTo(0.5);
    expect(normalizeDocument('正常文本').garbageRatio).toBe(0);
  });
});
