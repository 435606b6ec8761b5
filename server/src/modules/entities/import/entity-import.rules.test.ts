import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../../../contracts/common.js';
import { createEntityBody } from '../../../../../contracts/entities.js';
import { USCC_CHARSET, usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { Prng } from '../../../platform/random/prng.js';
import { readCsvRows, sniffEncoding } from './entity-import.reader.js';
import { arrayLiteral } from './entity-import.repository.js';
import { acceptedEntityBody, DuplicateTracker, ENTITY_IMPORT_COLUMNS, ErrorCollector, mapHeader, normalizeDate, parseEntityRow, RowSet, rowValues } from './entity-import.rules.js';
import { parseRecordRow, recordSourceId } from './record-import.rules.js';

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const GOOD = uscc('91120101MA05AB123');

describe('mapHeader', () => {
  it('maps Chinese headers in any order, ignoring required markers and bracket width', () => {
    const r = mapHeader(['名称*', '注册资本(万元)', '行业代码', ' 统一社会信用代码 ', '区划代码'], ENTITY_IMPORT_COLUMNS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.map.positions]).toEqual([
      [0, 'name'],
      [1, 'registeredCapital'],
      [2, 'industry'],
      [3, 'uscc'],
      [4, 'districtCode'],
    ]);
  });

  it('names missing required columns, unknown and repeated headers', () => {
    const r = mapHeader(['名称', '名称', '区划代码', '行业', '统一社会信用代码'], ENTITY_IMPORT_COLUMNS);
    expect(r).toEqual({ ok: false, problem: { unknown: ['行业'], missing: ['行业代码'], duplicate: ['名称'] } });
  });
});

describe('parseEntityRow', () => {
  const row = (extra: Record<string, string> = {}) => ({ uscc: GOOD, name: '天津测试有限公司', districtCode: '120101', industry: '14', ...extra });

  it('turns labels into codes and applies the form defaults', () => {
    const r = parseEntityRow(row({ entityType: '个体工商户', status: '吊销', scale: '中型', formerNames: '旧名一；旧名二;旧名三', registeredCapital: '1,200.5', establishedOn: '2015/3/2' }));
    expect(r).toMatchObject({ ok: true, value: { entityType: 'individual', status: 'revoked', scale: 'medium', formerNames: ['旧名一', '旧名二', '旧名三'], registeredCapital: 1200.5, establishedOn: '2015-03-02' } });
    expect(parseEntityRow(row())).toMatchObject({ ok: true, value: { entityType: 'company', status: 'active', scale: null, uscc: GOOD } });
  });

  it('names the failed USCC rule, like the form', () => {
    const bad = GOOD.slice(0, 17) + (GOOD[17] === '0' ? '1' : '0');
    const r = parseEntityRow(row({ uscc: bad }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.column).toBe('统一社会信用代码');
    expect(r.errors[0]!.message).toContain('checksum');
    const short = parseEntityRow(row({ uscc: '9112' }));
    expect(!short.ok && short.errors[0]!.message).toContain('length');
  });

  it('reports bad industry codes, dictionary labels, numbers and empty required cells by column', () => {
    const r = parseEntityRow({ uscc: GOOD, districtCode: '120101', industry: 'C01', status: '正常', registeredCapital: '五百' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.column).sort()).toEqual(['名称', '注册资本（万元）', '登记状态'].sort());
    const ind = parseEntityRow(row({ industry: 'C01' }));
    expect(!ind.ok && ind.errors).toEqual([{ column: '行业代码', message: expect.stringContaining('GB/T 4754') }]);
  });

  it('reads cells by header position', () => {
    const m = mapHeader(['名称', '统一社会信用代码', '区划代码', '行业代码'], ENTITY_IMPORT_COLUMNS);
    if (!m.ok) throw new Error('header');
    expect(rowValues(['甲公司', ` ${GOOD} `, '', null], m.map)).toEqual({ name: '甲公司', uscc: GOOD });
  });
});

describe('acceptedEntityBody (the fast path of the form schema)', () => {
  const tomorrow = new Date(Date.now() + 86_400_000 * 2);
  const today = todayInChina();
  /** Values per field: accepted ones, edge cases and refused ones, as the import hands them over. */
  const choices: Record<string, unknown[]> = {
    uscc: [GOOD, GOOD.toLowerCase(), ` ${GOOD} `, GOOD.slice(0, 17), `${GOOD.slice(0, 17)}${GOOD[17] === '0' ? '1' : '0'}`, `${GOOD.slice(0, 2)}A${GOOD.slice(3)}`, `${GOOD.slice(0, 5)}I${GOOD.slice(6)}`, '', 12, undefined],
    name: ['天津测试有限公司', '甲乙', '甲', ' 甲 ', '  ', 'x'.repeat(200), 'x'.repeat(201), ` ${'x'.repeat(200)} `, undefined],
    formerNames: [undefined, [], ['旧名'], [' 旧名 '], [''], ['  '], ['x'.repeat(201)], Array.from({ length: 20 }, (_, i) => `名${i}`), Array.from({ length: 21 }, (_, i) => `名${i}`), [1]],
    entityType: [undefined, 'company', 'individual', 'other', 'Company', null],
    legalRep: [undefined, '张三', ' 张三 ', '', '  ', 'x'.repeat(100), 'x'.repeat(101), null, 5],
    address: [undefined, '天津市和平区', 'x'.repeat(300), 'x'.repeat(301)],
    districtCode: ['120101', '12010', '1201011', ' 120101', '12010a', '１２０１０１', undefined],
    industry: ['C', '14', 'C14', ' c14 ', 'c', 'A14', 'C01', 'U', '00', '', 14, undefined],
    registeredCapital: [undefined, null, 0, -0, 500, 1200.5, 1e12, 1e12 + 1, -1, Number.NaN, Number.POSITIVE_INFINITY, '500'],
    establishedOn: [undefined, null, '2015-03-20', '2016-02-29', '2015-02-29', '1900-02-29', '2000-02-29', '2015-04-31', '2015-13-01', '2015-00-10', '2015-01-00', '1899-12-31', '0000-02-29', today, todayInChina(tomorrow), '2015-3-20', '20150320'],
    status: [undefined, 'active', 'moved_out', 'Active', 'gone'],
    scale: [undefined, null, 'large', 'micro', 'huge'],
    contactName: [undefined, '李四', 'x'.repeat(50), 'x'.repeat(51)],
    contactPhone: [undefined, '022-12345678', 'x'.repeat(30), 'x'.repeat(31)],
    qualityOfficer: [undefined, '王五', ' ', 'x'.repeat(51)],
  };
  const keys = Object.keys(choices);

  it('gives the output of the schema whenever it answers, and answers for ordinary rows', () => {
    const rng = new Prng(20261203);
    const disagreeing: unknown[] = [];
    let answered = 0;
    for (let i = 0; i < 20_000; i++) {
      const input: Record<string, unknown> = {};
      // Mostly the first (ordinary) value of each field, sometimes another one.
      for (const k of keys) {
        const v = rng.next() < 0.8 ? choices[k]![0] : choices[k]![rng.int(0, choices[k]!.length - 1)];
        if (v !== undefined) input[k] = v;
      }
      const fast = acceptedEntityBody(input);
      if (fast === null) continue;
      answered++;
      const schema = createEntityBody.safeParse(input);
      if (!schema.success || JSON.stringify(schema.data) !== JSON.stringify(fast)) disagreeing.push({ input, fast, schema: schema.success ? schema.data : schema.error.issues });
    }
    expect(disagreeing).toEqual([]);
    expect(answered).toBeGreaterThan(2_000);
  });

  it('leaves every single-field deviation the schema refuses to the schema', () => {
    const base: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, choices[k]![0]]).filter(([, v]) => v !== undefined));
    expect(acceptedEntityBody(base)).not.toBeNull();
    const wrong: unknown[] = [];
    for (const k of keys) {
      for (const v of choices[k]!) {
        const input = { ...base, [k]: v };
        if (v === undefined) delete input[k];
        const fast = acceptedEntityBody(input);
        const schema = createEntityBody.safeParse(input);
        if (fast !== null && (!schema.success || JSON.stringify(schema.data) !== JSON.stringify(fast))) wrong.push({ k, v, fast });
      }
    }
    expect(wrong).toEqual([]);
    // Keys the form does not know go to the schema (which refuses them).
    expect(acceptedEntityBody({ ...base, qualityOfficerSince: '2020-01-01' })).toBeNull();
    expect(acceptedEntityBody({ ...base, extra: 'x' })).toBeNull();
  });
});

describe('duplicates and error caps', () => {
  it('remembers the first row of each USCC', () => {
    const d = new DuplicateTracker();
    expect(d.seen(GOOD, 2)).toBeNull();
    expect(d.seen(GOOD, 12)).toBe(2);
  });

  /** The i-th code of a registry issuing bodies in sequence (base 31 in the charset), as real files look. */
  const sequential = (i: number, check = true) => {
    let body = '';
    for (let k = 0, n = i; k < 9; k++, n = Math.floor(n / 31)) body = USCC_CHARSET[n % 31] + body;
    return check ? uscc(`91120116${body}`) : `91120116${body}0`;
  };

  it('stays exact over many codes, through every growth of its table', () => {
    const d = new DuplicateTracker();
    const n = 300_000;
    let firstSeen = 0;
    for (let i = 0; i < n; i++) if (d.seen(sequential(i), i + 2) === null) firstSeen++;
    expect(firstSeen).toBe(n);
    expect(d.size).toBe(n);
    const wrong: number[] = [];
    for (let i = 0; i < n; i += 3) if (d.seen(sequential(i), n + i) !== i + 2) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(d.size).toBe(n);
  });

  it('agrees with a Map on random codes with many repeats', () => {
    const rng = new Prng(7);
    const d = new DuplicateTracker();
    const ref = new Map<string, number>();
    // 2^15 possible codes, varying in all three packed words: about half the draws repeat one.
    const code = () => Array.from({ length: 18 }, (_, k) => (k < 14 ? USCC_CHARSET[rng.int(0, 1)] : k === 17 ? 'Y0'[rng.int(0, 1)] : '5')).join('');
    const disagreeing: number[] = [];
    for (let row = 0; row < 50_000; row++) {
      const c = code();
      const expected = ref.get(c) ?? null;
      if (expected === null) ref.set(c, row);
      if (d.seen(c, row) !== expected) disagreeing.push(row);
    }
    expect(disagreeing).toEqual([]);
    expect(d.size).toBe(ref.size);
    expect(ref.size).toBeLessThan(50_000);
  });

  it('tells apart codes that differ in any one character, the check character included', () => {
    const d = new DuplicateTracker();
    const base = sequential(123_456);
    expect(d.seen(base, 2)).toBeNull();
    let row = 3;
    for (let pos = 0; pos < 18; pos++) {
      for (const ch of USCC_CHARSET) {
        if (ch === base[pos]) continue;
        const other = base.slice(0, pos) + ch + base.slice(pos + 1);
        expect(d.seen(other, row++)).toBeNull();
      }
    }
    expect(d.size).toBe(1 + 18 * 30);
    expect(d.seen(base, row)).toBe(2);
    // The first character (high bits of the first word) changed to Y, the last one in the charset:
    // the 30th variant tried, '9' being skipped.
    expect(d.seen(`Y${base.slice(1)}`, row)).toBe(3 + 29);
  });

  it('keeps strings that do not pack apart and exact (lower case, other lengths, letters outside the charset)', () => {
    const d = new DuplicateTracker();
    const good = sequential(5);
    const odd = [good.toLowerCase(), good.slice(0, 17), `${good}0`, `${good.slice(0, 17)}I`, `${good.slice(0, 17)}O`, `天${good.slice(1)}`, ''];
    odd.forEach((c, i) => expect(d.seen(c, 10 + i)).toBeNull());
    expect(d.seen(good, 2)).toBeNull();
    odd.forEach((c, i) => expect(d.seen(c, 99)).toBe(10 + i));
    expect(d.seen(good, 99)).toBe(2);
    expect(d.size).toBe(odd.length + 1);
  });

  it('keeps row 0 and the largest row, and refuses rows it cannot store', () => {
    const d = new DuplicateTracker();
    expect(d.seen(sequential(1), 0)).toBeNull();
    expect(d.seen(sequential(1), 5)).toBe(0);
    expect(d.seen(sequential(2), 0xfffffffe)).toBeNull();
    expect(d.seen(sequential(2), 5)).toBe(0xfffffffe);
    expect(() => d.seen(sequential(3), -1)).toThrow(RangeError);
    expect(() => d.seen(sequential(3), 1.5)).toThrow(RangeError);
    expect(() => d.seen(sequential(3), 0xffffffff)).toThrow(RangeError);
    expect(d.size).toBe(2);
  });

  it('counts the rows of a RowSet once, growing with the largest row', () => {
    const r = new RowSet();
    expect(r.has(2)).toBe(false);
    for (const row of [2, 3, 2, 31, 32, 1_000_000, 3, 0, 0xffffffff]) r.add(row);
    expect(r.size).toBe(7);
    for (const row of [0, 2, 3, 31, 32, 1_000_000, 0xffffffff]) expect(r.has(row)).toBe(true);
    for (const row of [1, 4, 33, 999_999, 1_000_001, 5_000_000, -1, 2.5]) expect(r.has(row)).toBe(false);
    expect(() => r.add(-1)).toThrow(RangeError);
    expect(() => r.add(0x100000000)).toThrow(RangeError);
  });

  it('lists the first errors and counts them all', () => {
    const c = new ErrorCollector(2);
    for (let i = 2; i < 7; i++) c.add(i, '名称', 'x');
    expect(c.items).toHaveLength(2);
    expect(c.total).toBe(5);
    expect(c.invalidRows.size).toBe(5);
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2015-03-20', '2015-03-20'],
    ['2015年3月2日', '2015-03-02'],
    ['20150320', '2015-03-20'],
    ['2015.3.20', '2015-03-20'],
    ['15-3-20', null],
  ])('%s → %s', (raw, expected) => expect(normalizeDate(raw)).toBe(expected));
});

describe('CSV reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zl-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rowsOf = async (bytes: Buffer) => {
    const p = join(dir, `f${Math.random()}.csv`);
    writeFileSync(p, bytes);
    const out = [];
    for await (const r of readCsvRows(p)) out.push(r);
    return out;
  };

  it('reads quotes, doubled quotes, embedded line breaks, CRLF and a BOM', async () => {
    const text = '\uFEFF名称,住所\r\n"甲,公司","他说""好""\r\n第二行"\r\n乙,\n';
    expect(await rowsOf(Buffer.from(text))).toEqual([
      { row: 1, cells: ['名称', '住所'] },
      { row: 2, cells: ['甲,公司', '他说"好"\r\n第二行'] },
      { row: 3, cells: ['乙', null] },
    ]);
  });

  it('reads GB18030 text (Excel on Chinese Windows)', async () => {
    // "名称,区划\n天津,120101\n" in GBK.
    const gbk = Buffer.from('c3fbb3c62cc7f8bbae0accecbdf22c3132303130310a', 'hex');
    expect(sniffEncoding(gbk).encoding).toBe('gb18030');
    expect(await rowsOf(gbk)).toEqual([
      { row: 1, cells: ['名称', '区划'] },
      { row: 2, cells: ['天津', '120101'] },
    ]);
  });

  it('reads a file larger than one chunk with quotes across chunk borders', async () => {
    const lines = ['名称,住所'];
    for (let i = 0; i < 20000; i++) lines.push(`"公司""${i}""",地址${i}`);
    const rows = await rowsOf(Buffer.from(lines.join('\r\n')));
    expect(rows).toHaveLength(20001);
    expect(rows[12345]).toEqual({ row: 12346, cells: [`公司"${12344}"`, `地址${12344}`] });
  });
});

describe('arrayLiteral', () => {
  it('quotes and escapes values for a text[] parameter', () => {
    expect(arrayLiteral(['a', 'b"c', 'd\\e', null, '{x,y}'])).toBe('{"a","b\\"c","d\\\\e",NULL,"{x,y}"}');
  });
});

describe('parseRecordRow', () => {
  it('builds a penalty payload from labels and names missing kind-specific cells', () => {
    const ok = parseRecordRow({ uscc: GOOD, kind: '行政处罚', occurredOn: '2023-06-30', decisionNo: '津市监罚〔2023〕12号', penaltyTypes: '警告、罚款', amount: '50,000', authority: '某局', violation: '某行为' }, '2025-01-01');
    expect(ok).toMatchObject({ ok: true, value: { kind: 'penalty', payload: { penaltyTypes: ['warning', 'fine'], amount: 50000, domain: 'product' } } });
    const missing = parseRecordRow({ uscc: GOOD, kind: '行政处罚', occurredOn: '2023-06-30', penaltyTypes: '警告' }, '2025-01-01');
    expect(!missing.ok && missing.errors.map((e) => e.column).sort()).toEqual(['决定书文号', '处罚机关', '违法行为'].sort());
  });

  it('refuses kinds with workflows, future dates and bad sampling conclusions', () => {
    expect(parseRecordRow({ uscc: GOOD, kind: '列入名单', occurredOn: '2023-06-30' }, '2025-01-01')).toMatchObject({ ok: false, errors: [{ column: '记录类型' }] });
    expect(parseRecordRow({ uscc: GOOD, kind: '抽查检验', occurredOn: '2026-06-30', product: '水壶', samplingResult: '合格' }, '2025-01-01')).toMatchObject({ ok: false, errors: [{ column: '发生日期' }] });
    expect(parseRecordRow({ uscc: GOOD, kind: '抽查检验', occurredOn: '2023-06-30', product: '水壶', samplingResult: '基本合格' }, '2025-01-01')).toMatchObject({ ok: false, errors: [{ column: '检验结论' }] });
  });

  it('gives the same row the same source id', () => {
    const a = parseRecordRow({ uscc: GOOD, kind: '荣誉奖励', occurredOn: '2022-12-01', awardName: '质量奖', category: '质量奖', level: '省级' }, '2025-01-01');
    const b = parseRecordRow({ uscc: GOOD, kind: '荣誉奖励', occurredOn: '2022-12-01', awardName: '质量奖', category: '质量奖', level: '市级' }, '2025-01-01');
    if (!a.ok || !b.ok) throw new Error('parse');
    expect(recordSourceId(a.value)).toBe(recordSourceId({ ...a.value }));
    expect(recordSourceId(a.value)).not.toBe(recordSourceId(b.value));
    expect(recordSourceId(a.value)).toHaveLength(64);
  });
});
