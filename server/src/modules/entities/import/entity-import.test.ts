/** The entity and archive-record imports over HTTP, on the seeded demo city (PGlite or PostgreSQL). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRowError } from '../../../../../contracts/common.js';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { buildTestApp, errorCode, json, multipartBody, type Agent, type TestApp } from '../../../test/test-app.js';
import { xlsxOf } from '../../../test/zip-fixtures.js';
import { listAuditRows } from '../../../platform/audit/audit.repository.js';
import { findEntityByUscc } from '../entities.repository.js';
import { effectiveRecords } from '../index.js';
import { insertUnregistered, UsccRegisteredMeanwhile } from './entity-import.repository.js';
import { importEntities } from './entity-import.service.js';

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const U = (n: number) => uscc(`91120101MA0T${String(n).padStart(5, '0')}`);
const HEADER = '统一社会信用代码,名称,区划代码,行业代码,主体类型,法定代表人,登记状态,企业规模';

let t: TestApp;
let office: Agent;

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
});
afterAll(async () => {
  await t.close();
});

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

async function upload(agent: Agent, file: Buffer, opts: { url?: string; skipInvalid?: boolean; filename?: string } = {}) {
  const body = multipartBody(file, { filename: opts.filename ?? 'entities.csv' });
  const url = `${opts.url ?? '/api/entities/import'}${opts.skipInvalid ? '?skipInvalid=true' : ''}`;
  return agent.request('POST', url, { payload: body.payload, headers: body.headers });
}

type Result = { inserted: number; updated: number; unchanged: number; skipped: number; errors: ImportRowError[]; errorCount: number };

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('市场主体');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('template', () => {
  it('is an .xlsx whose header row names the columns in Chinese', async () => {
    const res = await office.get('/api/entities/import/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['统一社会信用代码*', '名称*', '区划代码*', '行业代码*', '曾用名']);
    expect(header).toContain('质量安全总监');
    // The template's example row imports cleanly.
    const r = await upload(office, res.rawPayload, { filename: 'template.xlsx' });
    expect(r.statusCode, r.body).toBe(200);
    expect(json<Result>(r)).toMatchObject({ inserted: 1, errors: [] });
  });
});

describe('file-level errors', () => {
  it('refuses a workbook whose sheet claims to unpack past the cap, importing nothing', async () => {
    const file = xlsxOf(['统一社会信用代码', '名称', '区划代码', '行业代码'], 3, (i) => [U(900 + i), `天津压缩炸弹${i}号有限公司`, '120101', 'C'], { declaredSheetSize: 3_500_000_000 });
    const res = await upload(office, file, { filename: 'bomb.xlsx' });
    expect(res.statusCode, res.body).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
    expect(json<{ error: { message: string } }>(res).error.message).toContain('xl/worksheets/sheet1.xml 超过 1536 MB 上限');
    expect(await findEntityByUscc(t.db, U(901))).toBeNull();
  });

  it('reads a workbook made by another writer (inline strings) through the worker', async () => {
    const file = xlsxOf(['统一社会信用代码', '名称', '区划代码', '行业代码'], 2, (i) => [U(910 + i), `天津内联字符串${i}号有限公司`, '120101', 'C']);
    const res = await upload(office, file, { filename: 'inline.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Result>(res)).toMatchObject({ inserted: 2, errors: [] });
  });

  it('names a missing required column', async () => {
    const res = await upload(office, csv(['统一社会信用代码,名称,区划代码', `${U(1)},甲公司,120101`]));
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('IMPORT_FILE_INVALID');
    expect(json<{ error: { message: string } }>(res).error.message).toContain('行业代码');
  });

  it('names an unknown header', async () => {
    const res = await upload(office, csv([`${HEADER},备注`, `${U(1)},甲公司,120101,C,企业,张三,存续,小型,x`]));
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('IMPORT_FILE_INVALID');
    expect(json<{ error: { message: string; details: { unknown: string[] } } }>(res).error).toMatchObject({ message: expect.stringContaining('备注'), details: { unknown: ['备注'] } });
  });
});

describe('row errors', () => {
  const badCheck = (u: string) => u.slice(0, 17) + (u[17] === 'A' ? 'B' : 'A');
  const lines = [
    HEADER,
    `${U(10)},甲有限公司,120101,C,企业,张三,存续,小型`,
    `${badCheck(U(11))},乙有限公司,120101,C,企业,,存续,`,
    `${U(10)},甲有限公司（重复）,120101,C,,,,`,
    `${U(12)},丙有限公司,129999,C,,,,`,
    `${U(13)},丁有限公司,120101,C01,,,,`,
    '',
    `${U(14)},戊有限公司,120101,13,企业,,注销,`,
  ];

  it('refuses the whole file and lists every error by row and column', async () => {
    const res = await upload(office, csv(lines));
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('IMPORT_INVALID');
    const details = json<{ error: { details: ImportRowError[] } }>(res).error.details;
    expect(details).toEqual([
      { row: 3, column: '统一社会信用代码', message: expect.stringContaining('checksum') },
      { row: 4, column: '统一社会信用代码', message: expect.stringMatching(/与第 2 行重复.*第 4 行/) },
      { row: 5, column: '区划代码', message: expect.stringContaining('129999') },
      { row: 6, column: '行业代码', message: expect.stringContaining('GB/T 4754') },
    ]);
    expect(await findEntityByUscc(t.db, U(10))).toBeNull();
    expect(await findEntityByUscc(t.db, U(14))).toBeNull();
  });

  it('imports the valid rows with skipInvalid', async () => {
    const res = await upload(office, csv(lines), { skipInvalid: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Result>(res)).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, skipped: 4, errorCount: 4 });
    expect(await findEntityByUscc(t.db, U(10))).toMatchObject({ name: '甲有限公司', legalRep: '张三', scale: 'small' });
    expect(await findEntityByUscc(t.db, U(14))).toMatchObject({ status: 'cancelled', industrySection: 'C', industryDivision: '13' });
  });
});

describe('upsert', () => {
  const base = [HEADER, `${U(20)},天津市津南食品有限公司,120112,14,企业,李一,存续,中型`, `${U(21)},天津二号机械厂,120101,C,企业,李二,存续,小型`, `${U(22)},天津三号商贸有限公司,120102,F,个体工商户,,停业,`];

  it('inserts new rows, leaves identical rows alone and updates changed ones', async () => {
    const first = await upload(office, csv(base));
    expect(json<Result>(first)).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    const e = await findEntityByUscc(t.db, U(20));
    expect(e).toMatchObject({ entityType: 'company', industrySection: 'C', industryDivision: '14', version: 1 });
    expect(e!.searchText).toContain('食品');

    const again = await upload(office, csv(base));
    expect(json<Result>(again)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect((await findEntityByUscc(t.db, U(20)))!.version).toBe(1);

    const changed = [...base.slice(0, 2), `${U(21)},天津二号机械厂,120101,C,企业,王二,存续,小型`, base[3]!];
    expect(json<Result>(await upload(office, csv(changed)))).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(await findEntityByUscc(t.db, U(21))).toMatchObject({ legalRep: '王二', version: 2 });
  });

  it('keeps stored values of columns the file does not have', async () => {
    const res = await upload(office, csv(['统一社会信用代码,名称,区划代码,行业代码', `${U(21)},天津二号机械厂,120101,C`]));
    expect(json<Result>(res)).toMatchObject({ unchanged: 1 });
    expect(await findEntityByUscc(t.db, U(21))).toMatchObject({ legalRep: '王二', scale: 'small' });
  });

  it('reads the same rows from .xlsx, with columns in another order', async () => {
    const file = await xlsx([
      ['行业代码', '名称', '统一社会信用代码', '区划代码', '企业规模', '法定代表人', '主体类型', '登记状态'],
      ['14', '天津市津南食品有限公司', U(20), 120112, '中型', '李一', '企业', '存续'],
      ['C', '天津二号机械厂', U(21), '120101', '小型', '王二', '企业', '存续'],
    ]);
    const res = await upload(office, file, { filename: 'entities.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Result>(res)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('reads GB18030 CSV and former names', async () => {
    const text = ['统一社会信用代码,名称,区划代码,行业代码,曾用名,成立日期', `${U(23)},天津四号纺织有限公司,120101,17,天津四号纺织厂；津四纺织,2001/5/8`].join('\r\n');
    const res = await upload(office, Buffer.from(new Uint8Array(encodeGb18030(text))));
    expect(res.statusCode, res.body).toBe(200);
    expect(await findEntityByUscc(t.db, U(23))).toMatchObject({ name: '天津四号纺织有限公司', formerNames: ['天津四号纺织厂', '津四纺织'], establishedOn: '2001-05-08' });
  });

  it('writes one audit row per import with the counts', async () => {
    const imports = () => listAuditRows(t.db, { action: 'entities.entity.import' }, { offset: 0, limit: 1 });
    const before = (await imports()).total;
    await upload(office, csv([HEADER, `${U(24)},天津五号有限公司,120101,C,,,,`, `${U(25)},天津六号有限公司,120101,C,,,,`]));
    const after = await imports();
    expect(after.total).toBe(before + 1);
    expect(after.rows[0]!.after).toEqual({ rows: 2, inserted: 2, updated: 0, unchanged: 0, skipped: 0, errors: 0 });
    // A refused file writes no audit row.
    await upload(office, csv([HEADER, `${U(26)},天津七号有限公司,129999,C,,,,`]));
    expect((await imports()).total).toBe(before + 1);
  });
});

describe('permissions and data scope', () => {
  it('is 403 for users without entities:entity:import', async () => {
    const ent = await t.as('enterprise');
    expect((await upload(ent, csv([HEADER, `${U(30)},某公司,120116,C,,,,`]))).statusCode).toBe(403);
    expect((await ent.get('/api/entities/import/template')).statusCode).toBe(403);
    expect((await upload(await t.as('lab'), csv([HEADER]), { url: '/api/entities/records/import' })).statusCode).toBe(403);
  });

  it('refuses rows of other districts for a district user', async () => {
    const district = await t.as('district-user');
    const lines = [HEADER, `${U(31)},和平区一号有限公司,120101,C,,,,`, `${U(32)},滨海一号有限公司,120116,C,,,,`];
    const res = await upload(district, csv(lines));
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { details: ImportRowError[] } }>(res).error.details).toEqual([{ row: 3, column: '区划代码', message: expect.stringContaining('数据权限') }]);
    // An entity already registered in another district cannot be pulled into 和平区 either.
    const takeover = await upload(district, csv([HEADER, `${U(22)},天津三号商贸有限公司,120101,F,,,,`]));
    expect(takeover.statusCode).toBe(400);
    expect(json<{ error: { details: ImportRowError[] } }>(takeover).error.details).toEqual([{ row: 2, column: '统一社会信用代码', message: expect.stringContaining('120102') }]);
    expect((await findEntityByUscc(t.db, U(22)))!.districtCode).toBe('120102');
    const skip = await upload(district, csv(lines), { skipInvalid: true });
    expect(json<Result>(skip)).toMatchObject({ inserted: 1, skipped: 1 });
  });

  it('skips rows of entities registered in another district with skipInvalid, listing them after the row errors', async () => {
    const district = await t.as('district-user');
    const lines = [HEADER, `${U(22)},天津三号商贸有限公司,120101,F,,,,`, `${U(33)},滨海二号有限公司,120116,C,,,,`, `${U(34)},和平区二号有限公司,120101,C,,,,`];
    const res = await upload(district, csv(lines), { skipInvalid: true });
    expect(res.statusCode).toBe(200);
    expect(json<Result>(res)).toMatchObject({
      inserted: 1,
      updated: 0,
      skipped: 2,
      errorCount: 2,
      errors: [
        { row: 3, column: '区划代码', message: expect.stringContaining('数据权限') },
        { row: 2, column: '统一社会信用代码', message: expect.stringContaining('120102') },
      ],
    });
    expect((await findEntityByUscc(t.db, U(22)))!.districtCode).toBe('120102');
    expect((await findEntityByUscc(t.db, U(34)))!.districtCode).toBe('120101');
    expect(await findEntityByUscc(t.db, U(33))).toBeFalsy();
  });
});

describe('files of several batches (5,000 rows each)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zl-entity-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const V = (n: number) => uscc(`91120101MB${String(n).padStart(7, '0')}`);
  const file = (lines: string[]) => {
    const p = join(dir, `f${lines.length}-${Math.random()}.csv`);
    writeFileSync(p, `${lines.join('\n')}\n`);
    return p;
  };
  /** Data row i is file row i + 2. */
  const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `${V(from + i)},天津批量${from + i}号有限公司,120101,C,企业,,存续,`);

  it('imports nothing from a file whose errors come after whole batches were loaded', async () => {
    const lines = [HEADER, ...rows(12_000)];
    lines[11_001] = `${V(11_000)},天津批量错误有限公司,129999,C,,,,`; // file row 11,002
    lines[11_501] = `${V(3)},天津批量重复有限公司,120101,C,,,,`; // file row 11,502 repeats file row 5
    const r = await importEntities(t.systemCtx(), file(lines), { skipInvalid: false });
    expect(r).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      imported: false,
      errorCount: 2,
      errors: [
        { row: 11_002, column: '区划代码', message: expect.stringContaining('129999') },
        { row: 11_502, column: '统一社会信用代码', message: expect.stringMatching(/与第 5 行重复.*第 11502 行/) },
      ],
    });
    expect(await findEntityByUscc(t.db, V(0))).toBeNull();
    expect(await findEntityByUscc(t.db, V(10_999))).toBeNull();
  });

  it('mixes new and registered entities in one batch and skips invalid rows on request', async () => {
    // Every third entity is registered first, with another legal representative for every ninth.
    const first = await importEntities(t.systemCtx(), file([HEADER, ...rows(7_000).filter((_, i) => i % 3 === 0)]), { skipInvalid: false });
    expect(first).toMatchObject({ imported: true, inserted: 2_334, errorCount: 0 });
    const lines = [HEADER, ...rows(7_000).map((l, i) => (i % 9 === 0 ? l.replace(',企业,,', ',企业,赵九,') : l))];
    lines[6_002] = `${V(6_001)},天,120101,C,,,,`; // name too short
    const r = await importEntities(t.systemCtx(), file(lines), { skipInvalid: true });
    expect(r).toEqual({ inserted: 4_665, updated: 778, unchanged: 1_556, skipped: 1, imported: true, errorCount: 1, errors: [{ row: 6_003, column: '名称', message: expect.stringContaining('至少 2 个字') }] });
    expect(await findEntityByUscc(t.db, V(9))).toMatchObject({ legalRep: '赵九', version: 2 });
    expect(await findEntityByUscc(t.db, V(1))).toMatchObject({ legalRep: null, version: 1 });
    expect(await findEntityByUscc(t.db, V(6_001))).toBeNull();
    const again = await importEntities(t.systemCtx(), file(lines), { skipInvalid: true });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 6_999, skipped: 1 });
  });

  it('stores text with quotes, backslashes, tabs, line breaks and braces exactly', async () => {
    const address = '天津市\\和平区\t"南京路"\r\n1 号 {A,B}';
    const former = ['旧名"甲"', '旧\\名{乙,丙}', 'NULL'];
    const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const p = file(['统一社会信用代码,名称,区划代码,行业代码,曾用名,住所', `${V(50_000)},天津\\特殊字符有限公司,120101,C,${quoted(former.join('；'))},${quoted(address)}`]);
    expect(await importEntities(t.systemCtx(), p, { skipInvalid: false })).toMatchObject({ inserted: 1, errorCount: 0 });
    expect(await findEntityByUscc(t.db, V(50_000))).toMatchObject({ name: '天津\\特殊字符有限公司', address, formerNames: former });
    expect(await importEntities(t.systemCtx(), p, { skipInvalid: false })).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('refuses to insert as new an entity registered meanwhile, so that the import starts over upserting', async () => {
    const row = { rowNo: 2, uscc: V(1), name: '天津批量1号有限公司', formerNames: [], entityType: 'company', legalRep: null, address: null, districtCode: '120101', industrySection: 'C', industryDivision: null, registeredCapital: null, establishedOn: null, status: 'active', scale: null, contactName: null, contactPhone: null, qualityOfficer: null, qualityOfficerSince: null, searchText: '天津', namePinyin: 'tianjin tj' };
    await expect(t.db.transaction((tx) => insertUnregistered(tx, [row]))).rejects.toBeInstanceOf(UsccRegisteredMeanwhile);
    expect((await findEntityByUscc(t.db, V(1)))!.searchText).not.toBe('天津');
  });
});

describe('archive-record import', () => {
  const RHEAD = '统一社会信用代码,记录类型,发生日期,标题,决定书文号,处罚种类,罚没金额（元）,处罚机关,违法行为,产品名称,检验结论,不合格项目';
  it('appends valid rows once, and names unknown entities', async () => {
    const lines = [
      RHEAD,
      `${U(20)},行政处罚,2023-06-30,,津南市监罚〔2023〕7号,警告；罚款,"20,000",天津市津南区市场监督管理局,生产不合格产品,,,`,
      `${U(20)},抽查检验,2024-04-12,,,,,,,速冻水饺,不合格,菌落总数`,
    ];
    const res = await upload(office, csv(lines), { url: '/api/entities/records/import' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Result>(res)).toMatchObject({ inserted: 2, unchanged: 0 });
    const e = (await findEntityByUscc(t.db, U(20)))!;
    const records = await effectiveRecords(t.db, e.id, { kinds: ['penalty', 'sampling'] });
    expect(records.map((r) => [r.kind, r.sourceModule])).toEqual(expect.arrayContaining([['penalty', 'import'], ['sampling', 'import']]));
    expect(records.find((r) => r.kind === 'penalty')!.payload).toMatchObject({ penaltyTypes: ['warning', 'fine'], amount: 20000 });

    const again = await upload(office, csv(lines), { url: '/api/entities/records/import' });
    expect(json<Result>(again)).toMatchObject({ inserted: 0, unchanged: 2 });

    const unknown = await upload(office, csv([RHEAD, `${U(99)},抽查检验,2024-04-12,,,,,,,水壶,合格,`]), { url: '/api/entities/records/import' });
    expect(unknown.statusCode).toBe(400);
    expect(json<{ error: { details: ImportRowError[] } }>(unknown).error.details).toEqual([{ row: 2, column: '统一社会信用代码', message: '市场主体不存在' }]);
  });

  it('has a template', async () => {
    const res = await office.get('/api/entities/records/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});

/** GB18030 bytes of a string (Node has no encoder: build the table from the decoder for the characters used). */
function encodeGb18030(text: string): number[] {
  const dec = new TextDecoder('gb18030');
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe && table.size < wanted.size; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const c = dec.decode(new Uint8Array([hi, lo]));
      if (wanted.has(c) && !table.has(c)) table.set(c, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) <= 0x7f) out.push(c.charCodeAt(0));
    else {
      const b = table.get(c);
      if (!b) throw new Error(`no GB18030 code for ${c}`);
      out.push(...b);
    }
  }
  return out;
}
