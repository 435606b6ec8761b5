import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnNumberValue, dateOnlyLine, findChineseDate, findDashedDate, findDeadlines, isoDate, titlePeriod } from './dates.js';

describe('cnNumberValue', () => {
  it('reads Chinese numerals up to 99 and beyond 百, and ASCII digits', () => {
    expect(cnNumberValue('一')).toBe(1);
    expect(cnNumberValue('十')).toBe(10);
    expect(cnNumberValue('十二')).toBe(12);
    expect(cnNumberValue('二十')).toBe(20);
    expect(cnNumberValue('二十八')).toBe(28);
    expect(cnNumberValue('三十一')).toBe(31);
    expect(cnNumberValue('一百')).toBe(100);
    expect(cnNumberValue('一百零五')).toBe(105);
    expect(cnNumberValue('26')).toBe(26);
  });

  it('is null for anything else', () => {
    expect(cnNumberValue('')).toBeNull();
    expect(cnNumberValue('十十')).toBeNull();
    expect(cnNumberValue('二三')).toBeNull();
    expect(cnNumberValue('abc')).toBeNull();
  });
});

describe('findChineseDate / dateOnlyLine', () => {
  it('reads dates in Arabic digits and in Chinese numerals', () => {
    expect(findChineseDate('2016年8月6日')).toBe('2016-08-06');
    expect(findChineseDate('二〇一一年六月二十八日')).toBe('2011-06-28');
    expect(findChineseDate('二○一七年三月十五日印发')).toBe('2017-03-15');
    expect(findChineseDate('二〇二〇年十二月三十一日')).toBe('2020-12-31');
  });

  it('refuses dates that do not exist', () => {
    expect(findChineseDate('2019年2月29日')).toBeNull();
    expect(findChineseDate('2016年13月1日')).toBeNull();
    expect(isoDate(2020, 2, 29)).toBe('2020-02-29');
    expect(isoDate(1900, 2, 29)).toBeNull();
  });

  it('takes a line that is only a date, bracketed or not', () => {
    expect(dateOnlyLine('2016年8月6日')).toBe('2016-08-06');
    expect(dateOnlyLine('(2018年8月12日)')).toBe('2018-08-12');
    expect(dateOnlyLine('二〇一一年六月二十八日')).toBe('2011-06-28');
    expect(dateOnlyLine('于2016年8月6日发布')).toBeNull();
  });

  it('reads web-page metadata dates', () => {
    expect(findDashedDate('发布日期 2023-09-07 生效日期 2023-09-07')).toBe('2023-09-07');
    expect(findDashedDate('2023.9.7')).toBe('2023-09-07');
  });
});

describe('findDeadlines', () => {
  const dates = (s: string) => findDeadlines(s).map((d) => d.date);

  it('reads a day before which something is due', () => {
    expect(dates('要于2017年1月10日前,将全年质量工作总结报市质量办。')).toEqual(['2017-01-10']);
    expect(dates('2017年1月10日之前完成')).toEqual(['2017-01-10']);
    expect(dates('截至2018年6月30日')).toEqual(['2018-06-30']);
  });

  it('takes the last day of the month or year for 月底前 and 年底前, leap years included', () => {
    expect(dates('各市、各部门于2017年1月底前将工作开展情况报省质监局。')).toEqual(['2017-01-31']);
    expect(dates('2019年2月底前完成验收')).toEqual(['2019-02-28']);
    expect(dates('2020年2月底前完成')).toEqual(['2020-02-29']);
    expect(dates('2000年2月末前')).toEqual(['2000-02-29']);
    expect(dates('2017年4月底前')).toEqual(['2017-04-30']);
    expect(dates('2017年底前')).toEqual(['2017-12-31']);
    expect(dates('二〇一八年九月三十日前')).toEqual(['2018-09-30']);
  });

  it('does not take a plain date, a target year or an unclear month as a deadline', () => {
    expect(dates('2016年8月6日')).toEqual([]);
    expect(dates('到2020年,合格率达到95%')).toEqual([]);
    expect(dates('2017年6月前完成')).toEqual([]);
    expect(dates('2017年2月30日前')).toEqual([]);
  });

  it('matches the real month length for every 月底前', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const [found] = findDeadlines(`${y}年${m}月底前`);
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(found?.date).toBe(`${y}-${String(m).padStart(2, '0')}-${last}`);
      }),
    );
  });
});

describe('titlePeriod', () => {
  it('reads the period of a title with every dash, 至 or 到, and 年 once or twice (issue 12)', () => {
    for (const p of ['(2023—2025年)', '(2023–2025年)', '(2023-2025年)', '(2023～2025年)', '(2023~2025年)', '(2023至2025年)', '(2023到2025年)', '(2023年—2025年)', '(2023年至2025年)', '(2023——2025年)', '（2023－2025年）']) {
      expect(titlePeriod(`质量提升行动计划${p}`), p).toEqual({ from: 2023, to: 2025 });
    }
    expect(titlePeriod('青禾市质量提升三年行动计划2017-2019年')).toEqual({ from: 2017, to: 2019 });
  });

  it('is null without a period, or for one that runs backwards or too long', () => {
    expect(titlePeriod('2023年质量工作要点')).toBeNull();
    expect(titlePeriod('质量提升(2025—2023年)')).toBeNull();
    expect(titlePeriod('质量提升(2023—2023年)')).toBeNull();
    expect(titlePeriod('纲要(2001—2099年)')).toBeNull();
    expect(titlePeriod('')).toBeNull();
  });
});
