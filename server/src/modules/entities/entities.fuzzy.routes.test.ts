/**
 * The registry search beyond the exact name (issue 12 §3.6): near matches when nothing matches as
 * typed (one wrong character), pinyin and initials for names, polyphonic characters read either
 * way — written at every entry point (form, rename, import, backfill) and bounded by data scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDetail, EntityListResponse } from '../../../../contracts/entities.js';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { buildTestApp, json, multipartBody, type Agent, type TestApp } from '../../test/test-app.js';
import { findEntityByUscc, insertEntity } from './entities.repository.js';
import { backfillNamePinyin } from './entity.service.js';
import { searchText } from './entities.search.js';

let t: TestApp;
let office: Agent;

const uscc = (n: number) => {
  const body = `91120101PY${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};
const DEZE = { uscc: uscc(1), name: '天津德泽调味品有限公司', districtCode: '120101', industry: 'C' };
const GREAT_WALL = { uscc: uscc(2), name: '天津市长城汽车销售有限公司', districtCode: '120104', industry: 'F' };

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
  for (const body of [DEZE, GREAT_WALL]) {
    const res = await office.post('/api/entities', body);
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

async function search(agent: Agent, keyword: string): Promise<EntityListResponse> {
  const res = await agent.get(`/api/entities?keyword=${encodeURIComponent(keyword)}&pageSize=50`);
  expect(res.statusCode, res.body).toBe(200);
  return json<EntityListResponse>(res);
}
const names = (r: EntityListResponse) => r.items.map((e) => e.name);

describe('near matches', () => {
  it('finds 德泽 as typed, not flagged as near', async () => {
    const r = await search(office, '德泽调味');
    expect(names(r)).toContain(DEZE.name);
    expect(r.near).toBe(false);
  });

  it('offers 天津德泽调味品有限公司 for 天津得泽调味品 (one wrong character), flagged as near matches, best first', async () => {
    const r = await search(office, '天津得泽调味品');
    expect(r.near).toBe(true);
    expect(r.items[0]?.name).toBe(DEZE.name);
    expect(r.total).toBe(r.items.length);
    expect(r.total).toBeLessThanOrEqual(50);
  });

  it('offers it for a wrong character that does not sound alike too (德译 for 德泽)', async () => {
    const r = await search(office, '德译调味品');
    expect(r.near).toBe(true);
    expect(names(r)).toContain(DEZE.name);
  });

  it('keeps near matches inside the data scope: 南开区 officers are not offered a 和平区 entity', async () => {
    const inspector = await t.as('inspector');
    const r = await search(inspector, '天津得泽调味品');
    expect(names(r)).not.toContain(DEZE.name);
    for (const e of r.items) expect(e.districtCode).toBe('120104');
  });

  it('offers nothing for a keyword like no name, and says it found nothing (not near)', async () => {
    const r = await search(office, '量子引力研究所');
    expect(r).toMatchObject({ total: 0, items: [], near: false });
  });
});

describe('pinyin and initials', () => {
  for (const keyword of ['tjdz', 'tianjin deze', 'TianJin DeZe', 'dezetiaowei', 'tjdztwp']) {
    it(`finds 天津德泽调味品有限公司 by «${keyword}»`, async () => {
      const r = await search(office, keyword);
      expect(r.near).toBe(false);
      expect(names(r)).toContain(DEZE.name);
    });
  }

  it('accepts either reading of a polyphonic character (长城: changcheng in context, zhangcheng too)', async () => {
    for (const keyword of ['changcheng qiche', 'zhangchengqiche', 'tjsccq', 'tjszcq']) {
      expect(names(await search(office, keyword)), keyword).toContain(GREAT_WALL.name);
    }
  });

  it('keeps pinyin matches inside the data scope', async () => {
    const district = await t.as('district-user'); // 和平区
    expect(names(await search(district, 'tjdz'))).toContain(DEZE.name);
    expect(names(await search(district, 'changcheng qiche'))).not.toContain(GREAT_WALL.name);
  });

  it('follows a rename: the new name by pinyin, the old one as a former name', async () => {
    const before = json<EntityDetail>(await office.get(`/api/entities/${DEZE.uscc}`));
    const { uscc: _uscc, ...fields } = DEZE;
    const res = await office.put(`/api/entities/${DEZE.uscc}`, { ...fields, name: '天津鑫泽食品有限公司', formerNames: [], version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(names(await search(office, 'xinze shipin'))).toContain('天津鑫泽食品有限公司');
    expect(names(await search(office, 'tjdz'))).toContain('天津鑫泽食品有限公司'); // the former name's initials
    const row = await findEntityByUscc(t.db, DEZE.uscc);
    expect(row!.namePinyin).toContain('tianjinxinzeshipinyouxiangongsi');
    expect(row!.namePinyin).toContain('tianjindezetiaoweipinyouxiangongsi');
  });

  it('is written by the import', async () => {
    const csv = Buffer.from(`统一社会信用代码,名称,区划代码,行业代码\r\n${uscc(3)},天津重庆银行和平支行,120101,J\r\n`);
    const body = multipartBody(csv, { filename: 'entities.csv' });
    const res = await office.request('POST', '/api/entities/import', { payload: body.payload, headers: body.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect((await findEntityByUscc(t.db, uscc(3)))!.namePinyin).toMatch(/^tianjinchongqingyinhanghepingzhihang /);
    expect(names(await search(office, 'chongqing yinhang'))).toContain('天津重庆银行和平支行');
  });
});

describe('backfill of entities registered before the pinyin existed', () => {
  it('fills every row without pinyin, once, with an audit row, and makes them findable', async () => {
    const old = await insertEntity(t.db, {
      uscc: uscc(4),
      name: '天津旧档科技有限公司',
      entityType: 'company',
      districtCode: '120101',
      industrySection: 'I',
      status: 'active',
      searchText: searchText(['天津旧档科技有限公司']),
    });
    expect(old.namePinyin).toBeNull();
    expect(names(await search(office, 'jiudang keji'))).not.toContain(old.name);
    const seq = (await auditHeadRow(t.db))?.seq ?? 0;
    expect(await backfillNamePinyin(t.db)).toBe(1);
    expect((await findEntityByUscc(t.db, old.uscc))!.namePinyin).toMatch(/^tianjinjiudangkejiyouxiangongsi tjjdkjyxgs/);
    expect((await auditRowsAfter(t.db, seq, 10)).map((r) => r.action)).toEqual(['entities.entity.pinyin']);
    expect(names(await search(office, 'jiudang keji'))).toContain(old.name);
    expect(await backfillNamePinyin(t.db)).toBe(0);
  });
});
