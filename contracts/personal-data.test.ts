import { describe, expect, it } from 'vitest';
import { describeFindings, findPersonalData, idNumberCheckCharacter, isValidIdNumber, linkHostAllowed, luhnValid, maskFields, maskPersonalData, scanFields } from './personal-data.js';
import { usccCheckCharacter } from './uscc.js';

/** A Luhn-valid card number: `body` plus its check digit. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

const ID = '11010519491231002X'; // the GB 11643-1999 worked example
const TJ_ID = (() => {
  const first17 = '12010119900307123';
  return first17 + idNumberCheckCharacter(first17);
})();
const CARD = withLuhn('622202123456789012');

const kinds = (text: string, allowedLinkDomains: string[] = []) => findPersonalData(text, { allowedLinkDomains }).map((f) => f.kind);

describe('check characters', () => {
  it('computes the GB 11643 check character (MOD 11-2) and checks birth dates', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidIdNumber(ID)).toBe(true);
    expect(isValidIdNumber(ID.toLowerCase())).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false); // wrong check character
    expect(isValidIdNumber('110105194902300020')).toBe(false); // 30 February
    expect(isValidIdNumber('110105180001010010')).toBe(false); // born before 1900
  });

  it('checks Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid(CARD)).toBe(true);
  });

  it('allows a domain and its subdomains, nothing that merely ends in its letters', () => {
    expect(linkHostAllowed('www.samr.gov.cn', ['samr.gov.cn'])).toBe(true);
    expect(linkHostAllowed('samr.gov.cn', ['samr.gov.cn'])).toBe(true);
    expect(linkHostAllowed('fakesamr.gov.cn', ['samr.gov.cn'])).toBe(false);
    expect(linkHostAllowed('samr.gov.cn.evil.top', ['samr.gov.cn'])).toBe(false);
    expect(linkHostAllowed('www.samr.gov.cn', [])).toBe(false);
  });
});

describe('findPersonalData: found', () => {
  it.each([
    ['联系电话：13812345678', 'mobile'],
    ['请拨 138 1234 5678 咨询', 'mobile'],
    ['138-1234-5678', 'mobile'],
    ['+86 138 1234 5678', 'mobile'],
    ['8613912345678', 'mobile'],
    ['手机１３８１２３４５６７８（全角）', 'mobile'],
    ['Tel.19912345678', 'mobile'],
    ['办公电话 022-23456789', 'landline'],
    ['(022)23456789', 'landline'],
    ['（022）2345-6789', 'landline'],
    ['010 8765 4321', 'landline'],
    ['0571-87654321转123', 'landline'],
    ['投诉电话：23456789', 'landline'],
    [`身份证号${ID}。`, 'id_number'],
    [`经办人 ${TJ_ID}`, 'id_number'],
    [`身份证：${ID.toLowerCase()}`, 'id_number'],
    [`收款账户 ${CARD}`, 'bank_card'],
    [`账号 ${CARD.replace(/(\d{4})(?=\d)/g, '$1 ')}`, 'bank_card'],
    ['邮箱 zhangsan@qq.com', 'email'],
    ['wang.li+credit@example.com.cn', 'email'],
    ['详见 http://evil.example.com/login?x=1', 'link'],
    ['https://t.cn/A6abc', 'link'],
    ['www.tj-credit.top', 'link'],
    ['访问 tj-credit.top/verify 核验', 'link'],
    ['samr-gov.cn', 'link'],
    ['http://1.2.3.4/x', 'link'],
    ['ｗｗｗ．ｅｖｉｌ．ｃｏｍ', 'link'],
    ['QQ：123456789', 'im_account'],
    ['微信号：zhang_san88', 'im_account'],
  ])('%s → %s', (text, kind) => {
    expect(kinds(text)).toEqual([kind]);
  });

  it('finds each piece of the attack in one commitment, in order, with masked samples', () => {
    const text = `本企业郑重承诺诚信经营。如有疑问请联系 13812345678，法定代表人身份证 ${ID}，详情见 http://tj-credit.top/verify 。`;
    const found = findPersonalData(text);
    expect(found.map((f) => [f.kind, f.sample])).toEqual([
      ['mobile', '138****5678'],
      ['id_number', '110105********002X'],
      ['link', 'tj-credit.top'],
    ]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('13812345678');
    expect(describeFindings(found, 'zh')).toBe('手机号码 138****5678、身份证号码 110105********002X、网址链接 tj-credit.top');
    expect(describeFindings(found, 'en')).toBe('mobile number 138****5678, ID number 110105********002X, link tj-credit.top');
  });

  it('allows links only to the configured domains', () => {
    expect(kinds('见 https://www.samr.gov.cn/zw/ 公告', ['samr.gov.cn'])).toEqual([]);
    expect(kinds('见 www.gsxt.gov.cn', ['gsxt.gov.cn', 'samr.gov.cn'])).toEqual([]);
    expect(kinds('见 https://samr.gov.cn.evil.top/', ['samr.gov.cn'])).toEqual(['link']);
    expect(kinds('见 https://www.samr.gov.cn/zw/ 公告')).toEqual(['link']);
  });

  it('an e-mail address or link claims its digits: no phone inside them', () => {
    expect(kinds('13812345678@163.com')).toEqual(['email']);
    expect(kinds('http://evil.top/13812345678')).toEqual(['link']);
  });
});

describe('findPersonalData: not personal data', () => {
  const usccA = '914403001922038216';
  const usccDigits = (() => {
    const first17 = '12120000401359321';
    return first17 + usccCheckCharacter(first17);
  })();
  it.each([
    'GB/T 19001-2016',
    '执行标准：GB/T 19001-2016 idt ISO 9001:2015',
    'GB 2760-2014 食品安全国家标准 食品添加剂使用标准',
    'GB 4806.7-2016',
    'Q/12HX 0001S-2020',
    'Q/TJ 001-2021',
    `统一社会信用代码 ${usccA}`,
    '9144030071526726XG',
    usccDigits,
    '津市监罚〔2023〕12号',
    '津市监列严〔2026〕4号',
    '2016-2025年',
    '到2025年，产品质量合格率达到95%以上',
    '2024年3月15日',
    '投资金额12345678元',
    '货值金额 13,800 元，罚款 138000 元',
    '产品批号 20240315001',
    '批号13912345678A',
    'SN13912345678',
    '圆周率 3.1415926535897932',
    '第 1.5.2 条款，版本 v2.0',
    '天津市质量奖（2023）',
    '生产许可证号 SC10612010100123',
    '检验报告编号 No.2024-0315-0087',
    '坐标 117.2001, 39.0842',
    '电话费 300 元',
    'report.pdf、Node.js、e.g.',
    '本企业承诺严格落实食品安全主体责任，建立并执行质量安全总监和质量安全员制度，确保产品质量安全。',
  ])('%s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('masking and fields', () => {
  it('masks what it finds and leaves the rest', () => {
    expect(maskPersonalData(`电话 13812345678，身份证 ${ID}，网址 www.evil.top`)).toBe('电话 138****5678，身份证 110105********002X，网址 〔链接已屏蔽〕');
    expect(maskPersonalData('执行 GB/T 19001-2016')).toBe('执行 GB/T 19001-2016');
  });

  it('scans and masks every string of a payload, keeping its shape', () => {
    const payload = { standardNo: 'Q/12HX 0001S-2020', product: '电水壶，客服 022-23456789', items: ['邮箱 a@b.cn'], amount: 5 };
    expect(scanFields({ title: '自我声明', payload })).toEqual([
      { path: 'payload.product', findings: [expect.objectContaining({ kind: 'landline' })] },
      { path: 'payload.items.0', findings: [expect.objectContaining({ kind: 'email' })] },
    ]);
    expect(maskFields(payload)).toEqual({ standardNo: 'Q/12HX 0001S-2020', product: '电水壶，客服 022-****6789', items: ['邮箱 a***@b.cn'], amount: 5 });
  });
});

describe('findPersonalData: what people write to slip past a check', () => {
  const first17 = '11010119900307777';
  const id = first17 + idNumberCheckCharacter(first17);
  it.each([
    ['138\u200b1234\u200b5678', 'mobile'],
    ['138\u00ad1234\u200d5678', 'mobile'],
    ['138.1234.5678', 'mobile'],
    ['138/1234/5678', 'mobile'],
    ['1381 234 5678', 'mobile'],
    ['138\u00a01234\u00a05678', 'mobile'],
    ['138\n1234\n5678', 'mobile'],
    ['1 3 8 1 2 3 4 5 6 7 8', 'mobile'],
    ['١٣٨١٢٣٤٥٦٧٨', 'mobile'],
    ['𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', 'mobile'],
    ['联系一三八一二三四五六七八', 'mobile'],
    [`${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`, 'id_number'],
    [`${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`, 'id_number'],
    [`${id.slice(0, 9)}\u200b${id.slice(9)}`, 'id_number'],
    ['6222.0212.3456.7890'.replace(/\d$/, withLuhn('622202123456789').slice(-1)), 'bank_card'],
    ['xn--fsqu00a.xn--fiqs8s', 'link'],
    ['例子.中国', 'link'],
    ['例子.com', 'link'],
    ['our-shop.dev', 'link'],
    ['evil.ai', 'link'],
    ['evil.example', 'link'],
    ['javascript:alert(document.cookie)', 'link'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'link'],
    ['//evil.example/x', 'link'],
    ['1.2.3.4:8080', 'link'],
    ['boss@example。com', 'email'],
    ['boss(at)example.com', 'email'],
    ['VX: boss_zhang88', 'im_account'],
    ['V信：boss_zhang88', 'im_account'],
  ])('%s', (text, kind) => {
    expect(kinds(`请联系 ${text} 核实`)).toContain(kind);
  });

  it('points at the original text, invisible characters and all, so masking removes the whole number', () => {
    const text = '热线 138\u200b1234\u200b5678 全天';
    const [f] = findPersonalData(text);
    expect(text.slice(f!.start, f!.end)).toBe('138\u200b1234\u200b5678');
    expect(maskPersonalData(text)).toBe('热线 138****5678 全天');
    expect(maskPersonalData('详见 javascript:alert(1) 页面')).toBe('详见 〔链接已屏蔽〕 页面');
  });

  it.each(['2026.12.07 13:00 召开质量工作会议', '二〇二五年十二月三十一日前完成', '合格率 99.5%，抽检 1,380 批次', 'Tianjin Haixin Co.,Ltd.'])('still leaves ordinary text alone: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('findPersonalData: the second round of evasions, and what ordinary text must keep', () => {
  it.each([
    '本企业严格执行国家标准。公司承诺不合格产品不出厂。',
    '经抽检不合格。公司拒不整改，依法列入。',
    '说明.公司承诺按期整改。',
    'Tianjin Haixin Tech.Co.,Ltd.',
    'Tianjin Haixin Co.Ltd',
    'Bohai Holdings.Group',
    '执行 GB 15763.2-2005 1号修改单',
    '批号 1906-1205-012',
    '软件版本 V2.1.0.3/2026',
    '合格 1,380 批次，金额 13,812,345 元',
  ])('leaves alone: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
    expect(maskPersonalData(text)).toBe(text);
  });

  it.each([
    ['138 - 1234 - 5678', 'mobile'],
    ['138—1234—5678', 'mobile'],
    ['138\u20091234\u20095678', 'mobile'],
    ['138，1234，5678', 'mobile'],
    ['幺三八幺二三四五六七八', 'mobile'],
    ['壹叁捌壹贰叁肆伍陆柒捌', 'mobile'],
    ['①③⑧①②③④⑤⑥⑦⑧', 'mobile'],
    ['1\ufe0f3\ufe0f8\ufe0f12345678', 'mobile'],
    ['Tel13812345678', 'mobile'],
    ['VX号：boss_zhang88', 'im_account'],
    ['boss at example dot com', 'email'],
    ['bit.ly/3xYzAb', 'link'],
    ['evil[.]com', 'link'],
  ])('finds %s', (text, kind) => {
    expect(kinds(`请联系 ${text} 核实`)).toContain(kind);
  });

  it('finds a phone number right after something that looked like one but was not', () => {
    expect(kinds('批号 1906-1205-012 13812345678')).toEqual(['mobile']);
  });
});
