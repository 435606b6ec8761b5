import { describe, expect, it } from 'vitest';
import { parseIndustryCode } from '../../../../contracts/industries.js';
import { defaultRecordTitle, entityFlags, licenceState, maskPhone, parsePayload } from './entities.rules.js';
import { searchText, tsQueryOf } from './entities.search.js';

describe('licenceState', () => {
  it('is expiring within 90 days, expired after the last valid day, revoked whatever the date', () => {
    expect(licenceState({ validUntil: null, revokedOn: null }, '2026-01-01')).toBe('valid');
    expect(licenceState({ validUntil: '2026-04-01', revokedOn: null }, '2026-01-01')).toBe('expiring');
    expect(licenceState({ validUntil: '2026-04-02', revokedOn: null }, '2026-01-01')).toBe('valid');
    expect(licenceState({ validUntil: '2026-01-01', revokedOn: null }, '2026-01-01')).toBe('expiring');
    expect(licenceState({ validUntil: '2025-12-31', revokedOn: null }, '2026-01-01')).toBe('expired');
    expect(licenceState({ validUntil: '2030-01-01', revokedOn: '2025-01-01' }, '2026-01-01')).toBe('revoked');
  });
});

describe('entityFlags', () => {
  const base = { scale: 'large', qualityOfficer: null, products: [], licences: [] };
  it('flags large and medium producers of licensed or CCC products without an officer (Order 75 Art. 5)', () => {
    const products = [{ name: '电线', licenceRequired: false, cccRequired: true }];
    const ccc = [{ kind: 'ccc', validUntil: '2030-01-01', revokedOn: null }];
    expect(entityFlags({ ...base, products, licences: ccc }, '2026-01-01').map((f) => f.code)).toEqual(['missing_officer']);
    expect(entityFlags({ ...base, scale: 'small', products, licences: ccc }, '2026-01-01')).toEqual([]);
    expect(entityFlags({ ...base, qualityOfficer: '李', products, licences: ccc }, '2026-01-01')).toEqual([]);
    expect(entityFlags(base, '2026-01-01')).toEqual([]);
  });
  it('flags a licensed product without a valid licence, counting expired ones as missing', () => {
    const products = [{ name: '饺子', licenceRequired: true, cccRequired: false }];
    const expired = [{ kind: 'production_licence', validUntil: '2025-01-01', revokedOn: null }];
    expect(entityFlags({ ...base, scale: 'micro', products, licences: expired }, '2026-01-01').map((f) => f.code)).toEqual(['missing_production_licence']);
    const food = [{ kind: 'food_production', validUntil: '2030-01-01', revokedOn: null }];
    expect(entityFlags({ ...base, scale: 'micro', products, licences: food }, '2026-01-01')).toEqual([]);
  });
});

describe('records', () => {
  it('titles records from their payload', () => {
    expect(defaultRecordTitle('sampling', { product: '电饭锅', result: 'fail' })).toBe('监督抽查：电饭锅 不合格');
    expect(defaultRecordTitle('commitment', { text: '承诺' })).toBe('质量承诺');
    expect(defaultRecordTitle('list_entry', { list: 'red', reason: '2026 红榜' })).toBe('列入名单：质量信用红榜');
    expect(defaultRecordTitle('list_removal', { list: 'serious-violation', reason: '期满' })).toBe('移出名单：严重违法失信名单');
  });
  it('validates payloads by kind', () => {
    expect(parsePayload('sampling', { product: '电饭锅', result: 'maybe' }).ok).toBe(false);
    const ok = parsePayload('sampling', { product: '电饭锅', result: 'fail' });
    expect(ok.ok && ok.value.failedItems).toEqual([]);
  });
  it('masks phone numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('search', () => {
  it('indexes search-mode words so the short form matches the long name', () => {
    const words = searchText(['天津市食品集团有限公司']).split(' ');
    expect(words).toEqual(expect.arrayContaining(['天津', '天津市', '食品', '集团']));
    expect(tsQueryOf('天津食品集团')).toBe("'天津' & '食品' & '集团'");
  });
  it('quotes tsquery operators and quotes as plain text, and gives null for nothing searchable', () => {
    expect(tsQueryOf("a'b & !c")).not.toMatch(/^[&!|]/);
    expect(tsQueryOf(' & | ! ')).toBeNull();
  });
});

describe('parseIndustryCode', () => {
  it('reads a section, a division and a section-prefixed division; refuses a mismatch', () => {
    expect(parseIndustryCode('c')).toEqual({ section: 'C', division: null });
    expect(parseIndustryCode('14')).toEqual({ section: 'C', division: '14' });
    expect(parseIndustryCode('C14')).toEqual({ section: 'C', division: '14' });
    expect(parseIndustryCode('A14')).toBeNull();
    expect(parseIndustryCode('99')).toBeNull();
    expect(parseIndustryCode('U')).toBeNull();
  });
});
