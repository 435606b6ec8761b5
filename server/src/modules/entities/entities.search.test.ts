import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../platform/random/prng.js';
import { searchText, tsQueryOf } from './entities.search.js';

const jieba = Jieba.withDict(dict);

/** The search text as first written (every token trimmed, lower-cased and tested for a letter or digit). */
function reference(names: readonly string[]): string {
  const tokens = new Set<string>();
  for (const name of names) {
    for (const t of jieba.cutForSearch(name, true)) {
      const w = t.trim().toLowerCase();
      if (w && /[\p{L}\p{N}]/u.test(w)) tokens.add(w);
    }
  }
  return [...tokens].join(' ');
}

describe('searchText', () => {
  it('gives the tokens of the general rule, in the same order', () => {
    const fixed = [
      ['天津市食品集团有限公司'],
      ['天津ABC电子科技有限公司', '天津Abc电子厂'],
      ['北京·同仁堂（天津）制药有限公司', '  空格 公司  '],
      ['ＡＢＣ全角字母公司', 'Ⅻ号商行', '〇〇七商贸', '𠀀生僻字公司'],
      ['a-b_c.d 123 公司', '!!!', ''],
      ['鿐鿑鿒鿓鿔鿕鿿公司'],
    ];
    for (const names of fixed) expect(searchText(names), names.join('|')).toBe(reference(names));
    // Random names over the common ideographs, the block's end, Latin letters, digits and punctuation.
    const rng = new Prng(11);
    const pool = ['天', '津', '市', '食', '品', '有', '限', '公', '司', '鿥', '鿦', '鿿', 'A', 'b', '7', ' ', '（', '）', '·', '-', 'É', 'ß'];
    for (let i = 0; i < 500; i++) {
      const names = Array.from({ length: rng.int(1, 3) }, () => Array.from({ length: rng.int(1, 14) }, () => rng.pick(pool)).join(''));
      expect(searchText(names), names.join('|')).toBe(reference(names));
    }
  });
});

describe('tsQueryOf', () => {
  it('keeps the words and drops what is not a word, tsquery operators included', () => {
    expect(tsQueryOf('宏远电子')).toBe("'宏远' & '电子'");
    expect(tsQueryOf('宏远 & !电子 | 公司')).toBe("'宏远' & '电子' & '公司'");
    expect(tsQueryOf(' ·—— ')).toBeNull();
  });

  it('leaves out the words most names contain, unless nothing else was typed', () => {
    const common = new Set(['天津', '有限公司']);
    expect(tsQueryOf('天津华诚机械有限公司')).toBe("'天津' & '华诚' & '机械' & '有限公司'");
    expect(tsQueryOf('天津华诚机械有限公司', common)).toBe("'华诚' & '机械'");
    expect(tsQueryOf('天津', common)).toBe("'天津'");
    expect(tsQueryOf('天津有限公司', common)).toBe("'天津' & '有限公司'");
  });
});
