import { describe, expect, it } from 'vitest';
import { docNumberLine, docNumbersIn, ownDocNumber } from './doc-number.js';

describe('docNumbersIn', () => {
  it('finds every 文号 with 〔〕, [], ﹝﹞ or 【】 brackets, normalised', () => {
    expect(docNumbersIn('鲁政办字〔2016〕103号').map((m) => m.docNumber)).toEqual(['鲁政办字〔2016〕103号']);
    expect(docNumbersIn('依据津质量发[2023]3号和粤府办﹝2017﹞ 12 号').map((m) => m.docNumber)).toEqual(['依据津质量发〔2023〕3号', '和粤府办〔2017〕12号']);
    expect(docNumbersIn('2019年3月8日')).toEqual([]);
  });
});

describe('docNumberLine', () => {
  it('reads a 文号 alone, or beside its date in either order', () => {
    expect(docNumberLine('鲁政办字〔2016〕103号')).toEqual({ docNumber: '鲁政办字〔2016〕103号', date: null });
    expect(docNumberLine('津委发〔2019〕12号 2019年3月8日')).toEqual({ docNumber: '津委发〔2019〕12号', date: '2019-03-08' });
    expect(docNumberLine('津委发〔2019〕12号  (2019年3月8日)')).toEqual({ docNumber: '津委发〔2019〕12号', date: '2019-03-08' });
    expect(docNumberLine('2019年3月8日 津委发〔2019〕12号')).toEqual({ docNumber: '津委发〔2019〕12号', date: '2019-03-08' });
  });

  it('is null for a line with anything else: a citation, a sentence, two numbers', () => {
    expect(docNumberLine('(国发〔2018〕3号)')).toBeNull();
    expect(docNumberLine('津委发〔2019〕12号 关于质量工作')).toBeNull();
    expect(docNumberLine('根据国发〔2018〕3号文件精神。')).toBeNull();
    expect(docNumberLine('津委发〔2019〕12号 津政发〔2019〕3号')).toBeNull();
    expect(docNumberLine('津委发〔2019〕12号 2019年2月30日')).toBeNull();
  });
});

describe('ownDocNumber', () => {
  it('skips a number cited after a quoted title, also across the title\'s line break', () => {
    expect(ownDocNumber('《某某通知》(国发〔2012〕9号)')).toBeNull();
    expect(ownDocNumber('(云政发〔2018〕21号)的实施方案', '北岭市人民政府办公室关于贯彻落实《云溪省人民政府关于深入开展质量提升行动的意见》')).toBeNull();
    expect(ownDocNumber('(云政发〔2018〕21号)的实施方案', '北岭市人民政府办公室')).toBe('云政发〔2018〕21号');
    expect(ownDocNumber('天津市市场监督管理委员会关于印发《某方案》的通知 (津质量发〔2023〕3号)')).toBe('津质量发〔2023〕3号');
  });
});
