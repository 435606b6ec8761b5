import { describe, expect, it } from 'vitest';
import { parseHeader, type HeaderInput } from './header.js';

const header = (lines: string[], more: Partial<HeaderInput> = {}) => parseHeader({ lines, chrome: [], endMatter: [], ...more });

describe('parseHeader', () => {
  it('re-joins a title split over two lines', () => {
    const h = header(['各区、县人民政府,各委、局,各直属单位:', '经市人民政府同意,现将《…》印发给你们。', '天津市人民政府办公厅', '2016年8月6日', '天津市贯彻落实质量发展纲要', '2016年行动计划', '为贯彻实施…,制定本行动计划。']);
    expect(h.title).toBe('天津市贯彻落实质量发展纲要2016年行动计划');
    expect(h.issuer).toBe('天津市人民政府办公厅');
    expect(h.issuedDate).toBe('2016-08-06');
    expect(h.recipients).toEqual(['各区、县人民政府', '各委、局', '各直属单位']);
  });

  it('prefers the plan title to the notice title, and a title line with its period', () => {
    expect(header(['山东省人民政府办公厅关于印发山东省贯彻实施质量发展纲要2016年行动计划的通知', '鲁政办字〔2016〕103号', '山东省贯彻实施质量发展纲要', '2016年行动计划']).title).toBe(
      '山东省贯彻实施质量发展纲要2016年行动计划',
    );
    expect(header(['青禾市质量提升三年行动计划', '(2017—2019年)']).title).toBe('青禾市质量提升三年行动计划(2017—2019年)');
  });

  it('takes the plan name from a notice when there is no other title', () => {
    const h = header(['临川县市场监督管理局关于印发《临川县食品安全示范街区创建工作实施方案》的通知']);
    expect(h.title).toBe('临川县食品安全示范街区创建工作实施方案');
    expect(h.issuer).toBe('临川县市场监督管理局');
  });

  it('normalises the brackets of the 文号 and ignores cited 文号', () => {
    expect(header(['鲁政办字〔2016〕103号']).docNumber).toBe('鲁政办字〔2016〕103号');
    expect(header(['临市监[2018]7号']).docNumber).toBe('临市监〔2018〕7号');
    expect(header(['粤府办﹝2017﹞ 12 号']).docNumber).toBe('粤府办〔2017〕12号');
    expect(header(['为贯彻实施《国务院关于…的通知》(国发〔2012〕9号)精神,制定本行动计划。']).docNumber).toBeNull();
    expect(header(['《某某通知》(国发〔2012〕9号)']).docNumber).toBeNull();
  });

  it('reads a 文号 printed on the same line as the date, and takes neither for the title (issue 12)', () => {
    const h = header(['中共天津市委 天津市人民政府', '关于推进质量强市建设的实施意见', '津委发〔2019〕12号 2019年3月8日', '各区委、区人民政府:']);
    expect(h).toMatchObject({ docNumber: '津委发〔2019〕12号', issuedDate: '2019-03-08', title: '关于推进质量强市建设的实施意见', issuer: '中共天津市委 天津市人民政府' });
    expect(header(['某某工作要点', '2019年3月8日 津委发〔2019〕12号'])).toMatchObject({ docNumber: '津委发〔2019〕12号', issuedDate: '2019-03-08', title: '某某工作要点' });
  });

  it('takes the 文号 on its own line over one a two-line title quotes (issue 12)', () => {
    const h = header(['北岭市人民政府办公室关于贯彻落实《云溪省人民政府关于深入开展质量提升行动的意见》', '(云政发〔2018〕21号)的实施方案', '北政办发〔2018〕56号']);
    expect(h.docNumber).toBe('北政办发〔2018〕56号');
    expect(h.title).toBe('北岭市人民政府办公室关于贯彻落实《云溪省人民政府关于深入开展质量提升行动的意见》(云政发〔2018〕21号)的实施方案');
    // Without a number of its own, the quoted one is still not taken for it.
    expect(header(['北岭市人民政府办公室关于贯彻落实《云溪省人民政府关于深入开展质量提升行动的意见》', '(云政发〔2018〕21号)的实施方案']).docNumber).toBeNull();
  });

  it('reads the 文号, issuer and title from the web page when the document lacks them', () => {
    const h = header(['各相关单位:', '2023年9月4日'], {
      chrome: ['当前位置: 首页 » 地方法规 »天津市市场监督管理委员会关于印发《某方案》的通知 (津质量发〔2023〕3号)', '发布单位', '天津市市场监督管理委员会', '发布日期 2023-09-07'],
    });
    expect(h).toMatchObject({ docNumber: '津质量发〔2023〕3号', issuer: '天津市市场监督管理委员会', issuedDate: '2023-09-04', title: '某方案' });
    expect(header([], { chrome: ['发布日期 2023-09-07'] }).issuedDate).toBe('2023-09-07');
  });

  it('reads a date in Chinese numerals and a signature after the text', () => {
    expect(header(['某某市人民政府办公室', '二〇一一年六月二十八日']).issuedDate).toBe('2011-06-28');
    const h = header(['江南省人民政府关于进一步加强质量工作的意见'], { endMatter: ['江南省人民政府', '2015年6月1日'] });
    expect(h).toMatchObject({ issuer: '江南省人民政府', issuedDate: '2015-06-01', title: '江南省人民政府关于进一步加强质量工作的意见' });
  });

  it('takes the issuer from a line of names above the title', () => {
    const h = header(['中共天津市委 天津市人民政府', '关于加快推进质量立市战略开展质量提升行动的实施意见', '(2018年8月12日)']);
    expect(h).toMatchObject({ issuer: '中共天津市委 天津市人民政府', title: '关于加快推进质量立市战略开展质量提升行动的实施意见', issuedDate: '2018-08-12' });
  });

  it('reads 主送 recipients', () => {
    expect(header(['主送:各区人民政府,市政府各委、局']).recipients).toEqual(['各区人民政府', '市政府各委、局']);
    expect(header([], { endMatter: ['主送:各区人民政府。'] }).recipients).toEqual(['各区人民政府']);
  });

  it('warns when there is no title', () => {
    const h = header([]);
    expect(h).toEqual({ title: '', docNumber: null, issuer: null, issuedDate: null, recipients: [], warnings: ['未识别到标题'] });
  });
});
