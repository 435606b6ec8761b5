import { describe, expect, it } from 'vitest';
import { groundsInWords } from './lists.rules.js';

describe('groundsInWords', () => {
  it('words the Order 44 / 101 ground, with the explanation after it', () => {
    expect(groundsInWords({ list: 'serious-violation', grounds: 'food_safety', groundsText: null })).toBe('食品安全领域严重违法（第五条）');
    expect(groundsInWords({ list: 'serious-violation', grounds: 'quality_safety.ccc_uncertified', groundsText: '销售未认证插座 3,200 件' })).toBe(
      '未经强制性产品认证出厂、销售（第七条）：销售未认证插座 3,200 件',
    );
    expect(groundsInWords({ list: 'abnormal', grounds: 'unreachable', groundsText: null })).toBe('通过登记的住所或经营场所无法联系（第四条第四项）');
  });
  it('words penalty types and the codes of red and black rounds', () => {
    expect(groundsInWords({ list: 'penalty-publication', grounds: 'fine+warning', groundsText: null })).toBe('罚款、警告');
    expect(groundsInWords({ list: 'red', grounds: 'grade:AA', groundsText: null })).toBe('质量信用等级 AA');
    expect(groundsInWords({ list: 'black', grounds: 'list:serious-violation', groundsText: null })).toBe('列入严重违法失信名单');
    expect(groundsInWords({ list: 'red', grounds: 'grade:AA', groundsText: '质量信用等级 AA，近 3 年无行政处罚' })).toBe('质量信用等级 AA，近 3 年无行政处罚');
  });
  it('falls back to the explanation, never a bare code, for a ground this version does not know', () => {
    expect(groundsInWords({ list: 'serious-violation', grounds: 'art99', groundsText: '旧系统导入' })).toBe('旧系统导入');
  });
});
