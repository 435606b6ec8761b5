import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../platform/random/prng.js';
import { MAX_VARIANTS, namePinyin, pinyinKeyword, pinyinOf } from './entities.pinyin.js';

const tokens = (names: string[]) => namePinyin(names).split(' ');

describe('namePinyin', () => {
  it('stores the whole pinyin and the initials of a name, toneless, without spaces', () => {
    const t = tokens(['天津德泽调味品有限公司']);
    expect(t.slice(0, 2)).toEqual(['tianjindezetiaoweipinyouxiangongsi', 'tjdztwpyxgs']);
    // 得泽 and 德泽 read the same: a homophone misspelling has the same pinyin.
    expect(tokens(['天津得泽调味品有限公司'])).toContain('tianjindezetiaoweipinyouxiangongsi');
  });

  it('reads polyphonic characters in context, and stores their other readings one at a time', () => {
    const bank = tokens(['中国银行天津分行']);
    expect(bank[0]).toMatch(/^zhongguoyinhang/);
    // 银行 read as 行 (xing) alone would give yinxing: kept as a variant, so either reading finds it.
    expect(bank).toContain(bank[0]!.replace('yinhang', 'yinxing'));
    const greatWall = tokens(['天津市长城汽车销售有限公司']);
    expect(greatWall.slice(0, 2)).toEqual(['tianjinshichangchengqichexiaoshouyouxiangongsi', 'tjsccqcxsyxgs']);
    expect(greatWall).toEqual(expect.arrayContaining(['tianjinshizhangchengqichexiaoshouyouxiangongsi', 'tjszcqcxsyxgs']));
    expect(tokens(['重庆小面馆'])[0]).toBe('chongqingxiaomianguan');
  });

  it('agrees with pinyin-pro on the reading in context for words it knows', () => {
    for (const word of ['银行', '长城', '重庆', '朝阳', '调味品', '音乐', '快乐', '和平']) {
      expect(pinyinOf(word), word).toBe((pinyin(word, { type: 'array', toneType: 'none' }) as string[]).join('').replace(/ü/g, 'v'));
    }
  });

  it('keeps Latin letters and digits whole (lower-cased) and drops punctuation', () => {
    expect(tokens(['天津ABC科技（集团）有限公司 No.7'])).toEqual(['tianjinabckejijituanyouxiangongsino7', 'tjabckjjtyxgsno7']);
    expect(tokens(['绿色家园'])[0]).toBe('lvsejiayuan');
    expect(namePinyin(['（）·', ''])).toBe('');
  });

  it('covers former names too, without repeating a token', () => {
    const t = tokens(['天津华诚机械有限公司', '天津华诚机械厂', '天津华诚机械有限公司']);
    expect(t).toEqual(expect.arrayContaining(['tianjinhuachengjixieyouxiangongsi', 'tjhcjxyxgs', 'tianjinhuachengjixiechang', 'tjhcjxc']));
    expect(new Set(t).size).toBe(t.length);
  });

  it('stores at most MAX_VARIANTS variants of each kind, whatever the name', () => {
    const rng = new Prng(7);
    const pool = [...'行长重和调乐朝车厂天津发展银行有限公司得泽中华'];
    for (let i = 0; i < 300; i++) {
      const name = Array.from({ length: rng.int(1, 20) }, () => rng.pick(pool)).join('');
      const t = tokens([name]);
      expect(t[0], name).toBe(pinyinOf(name));
      // Whole readings are as long as the name's syllables; initials one letter per character.
      expect(t.filter((x) => x.length > name.length).length, name).toBeLessThanOrEqual(1 + MAX_VARIANTS);
      expect(t.length, name).toBeLessThanOrEqual(2 + 2 * MAX_VARIANTS);
      for (const x of t) expect(x, name).toMatch(/^[a-z0-9]+$/);
    }
  });
});

describe('pinyinKeyword', () => {
  it('joins and lower-cases syllables typed with spaces or apostrophes', () => {
    expect(pinyinKeyword('Tianjin DeZe')).toBe('tianjindeze');
    expect(pinyinKeyword('tjdz')).toBe('tjdz');
    expect(pinyinKeyword("xi'an")).toBe('xian');
  });

  it('is not a pinyin search for Chinese, digits, a USCC or fewer than three letters', () => {
    expect(pinyinKeyword('德泽')).toBeNull();
    expect(pinyinKeyword('tj')).toBeNull();
    expect(pinyinKeyword('91120116MA05JQ7W8X')).toBeNull();
    expect(pinyinKeyword('德泽 deze')).toBeNull();
    expect(pinyinKeyword('   ')).toBeNull();
  });
});
