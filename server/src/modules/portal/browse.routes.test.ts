/**
 * Public browsing of the lists (issue 12 §4), without login, on the seeded demo city: only entries
 * published now and within their period, filtered server-side by district, industry, grounds and
 * date, paged, with no personal data, under the lookup's per-IP limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import type { ListEntry } from '../../../../contracts/credit-lists.js';
import type { PublicListItem } from '../../../../contracts/portal.js';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { addMonths, creditListEntry } from '../credit/index.js';
import { findEntityByUscc } from '../entities/index.js';

let t: TestApp;
let office: Agent;
let district: Agent;
let ipSeq = 0;
const today = todayInChina();
const code = (body: string) => body + usccCheckCharacter(body);
const LISTED = code('91120101MA05PB1Q0'.slice(0, 17));
const NAME = '天津公示浏览测试食品有限公司';

/** An anonymous GET from its own IP. */
function get(url: string, ip = `10.3.0.${++ipSeq}`) {
  return t.app.inject({ method: 'GET', url, remoteAddress: ip });
}
const page = async (url: string) => {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<Page<PublicListItem>>(res);
};
const usccs = async (url: string) => (await page(url)).items.map((i) => i.uscc);

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
  district = await t.as('district-user');
  expect((await office.post('/api/entities', { uscc: LISTED, name: NAME, districtCode: '120101', industry: '14', legalRep: '钱法人', contactName: '孙联系', contactPhone: '13900002222' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('GET /api/public/lists/:list', () => {
  it('shows the published serious-violation entries of the demo city, never the pending one, with public columns only', async () => {
    const published = json<Page<ListEntry>>(await office.get('/api/credit/lists?list=serious-violation&status=published&pageSize=100'));
    const body = await page('/api/public/lists/serious-violation');
    expect(body.total).toBe(published.total);
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.map((i) => i.uscc).sort()).toEqual(published.items.map((i) => i.uscc).sort());
    const pending = json<Page<ListEntry>>(await office.get('/api/credit/lists?list=serious-violation&status=pending_approval')).items.map((i) => i.uscc);
    for (const p of pending) expect(body.items.map((i) => i.uscc)).not.toContain(p);
    const item = body.items[0]!;
    expect(Object.keys(item).sort()).toEqual(['decisionNo', 'district', 'districtCode', 'groundsCode', 'grounds', 'industry', 'name', 'penaltyDecisionNo', 'round', 'since', 'uscc', 'until'].sort());
    expect(item.decisionNo).toMatch(/^津市监列严〔\d{4}〕\d+号$/);
    expect(item.grounds).toMatch(/第[五六七八九十]+条/);
  });

  it('shows a listing only from its publication, with the filters server-side, until it is removed', async () => {
    const created = await district.post('/api/credit/lists', {
      list: 'serious-violation',
      uscc: LISTED,
      decisionDate: today,
      grounds: 'food_safety',
      groundsText: '生产经营添加非食用物质的食品',
      decisionNo: '津和市监列严〔2026〕41号',
      penaltyDecisionNo: '津和市监罚〔2026〕41号',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = json<ListEntry>(created).id;
    const all = '/api/public/lists/serious-violation?pageSize=20';
    expect(await usccs(all)).not.toContain(LISTED);
    expect((await (await t.as('quality-chief')).post(`/api/credit/lists/${id}/approve`, { approve: true })).statusCode).toBe(200);
    // Approved (已列入) is not yet public (Order 44 Art. 14).
    expect(await usccs(all)).not.toContain(LISTED);
    expect((await district.post(`/api/credit/lists/${id}/publish`, {})).statusCode).toBe(200);
    const shown = (await page(all)).items.find((i) => i.uscc === LISTED);
    expect(shown).toEqual({
      uscc: LISTED,
      name: NAME,
      districtCode: '120101',
      district: '和平区',
      industry: expect.stringContaining('食品制造业'),
      groundsCode: 'food_safety',
      grounds: '食品安全领域严重违法（第五条）：生产经营添加非食用物质的食品',
      decisionNo: '津和市监列严〔2026〕41号',
      penaltyDecisionNo: '津和市监罚〔2026〕41号',
      since: today,
      until: addMonths(today, 36),
      round: null,
    });
    expect(JSON.stringify(await page(all))).not.toMatch(/钱法人|孙联系|13900002222|district-user|赵和平/);

    const q = (filters: string) => usccs(`/api/public/lists/serious-violation?${filters}`);
    expect(await q('districtCode=120101')).toContain(LISTED);
    expect(await q('districtCode=120000')).toContain(LISTED);
    expect(await q('districtCode=120116')).not.toContain(LISTED);
    expect(await q('industry=C')).toContain(LISTED);
    expect(await q('industry=14')).toContain(LISTED);
    expect(await q('industry=13')).not.toContain(LISTED);
    expect(await q('industry=F')).not.toContain(LISTED);
    expect(await q('grounds=food_safety')).toContain(LISTED);
    expect(await q('grounds=quality_safety')).not.toContain(LISTED);
    expect(await q(`from=${today}&to=${today}`)).toContain(LISTED);
    expect(await q(`to=${addMonths(today, -1)}`)).not.toContain(LISTED);
    const filtered = await page(`/api/public/lists/serious-violation?districtCode=120101&industry=14&grounds=food_safety&from=${today}`);
    expect(filtered.items.map((i) => i.uscc)).toEqual([LISTED]);
    expect(filtered.total).toBe(1);

    expect((await district.post(`/api/credit/lists/${id}/revoke`, { reason: '处罚决定被撤销' })).statusCode).toBe(200);
    expect(await usccs(all)).not.toContain(LISTED);
  });

  it('a group of grounds covers its sub-grounds (第七条 quality and safety)', async () => {
    const body = await page('/api/public/lists/serious-violation?grounds=quality_safety');
    expect(body.items.every((i) => i.groundsCode.startsWith('quality_safety.'))).toBe(true);
  });

  it('shows an abnormal-list entry from listing: public at once (Order 101), no end date', async () => {
    const created = await office.post('/api/credit/lists', { list: 'abnormal', uscc: LISTED, grounds: 'unreachable', triggerDate: addMonths(today, -1), decisionDate: today, decisionNo: '津和市监异〔2026〕42号' });
    expect(created.statusCode, created.body).toBe(201);
    const item = (await page('/api/public/lists/abnormal?grounds=unreachable')).items.find((i) => i.uscc === LISTED);
    expect(item).toMatchObject({ decisionNo: '津和市监异〔2026〕42号', since: today, until: null, penaltyDecisionNo: null });
  });

  it('shows red and black members while their round is valid, naming the round', async () => {
    const red = await page('/api/public/lists/red');
    expect(red.total).toBeGreaterThan(0);
    expect(red.items[0]!.round).toMatchObject({ title: expect.stringContaining('红榜') });
    expect(red.items.every((i) => i.groundsCode.startsWith('grade:'))).toBe(true);
    const black = await page('/api/public/lists/black?grounds=list:serious-violation');
    expect(black.items.every((i) => i.groundsCode === 'list:serious-violation')).toBe(true);
    // The round has run out: its members leave the portal the same day.
    await t.db.execute(`update credit_honour_round set valid_until = '${addMonths(today, -1)}' where list = 'red'`);
    expect((await page('/api/public/lists/red')).total).toBe(0);
  });

  it('masks personal data an older entry’s grounds carry', async () => {
    const e = (await findEntityByUscc(t.db, LISTED))!;
    await t.db.insert(creditListEntry).values({ entityId: e.id, list: 'serious-violation', districtCode: '120101', grounds: 'consumer_rights', groundsText: '拒不退款，投诉人 13612345678', decisionDate: today, decisionNo: '津和市监列严〔2026〕43号', status: 'published', publishedOn: today, createdBy: 'test' });
    const item = (await page('/api/public/lists/serious-violation?grounds=consumer_rights')).items.find((i) => i.decisionNo === '津和市监列严〔2026〕43号')!;
    expect(item.grounds).toBe('侵害消费者权益（第八条）：拒不退款，投诉人 136****5678');
  });

  it('refuses bad input with 400: an unknown list, a page too large, a malformed district or date range', async () => {
    for (const url of [
      '/api/public/lists/penalty-publication',
      '/api/public/lists/nonsense',
      '/api/public/lists/red?pageSize=21',
      '/api/public/lists/red?page=0',
      '/api/public/lists/red?districtCode=12',
      '/api/public/lists/red?industry=ZZ',
      `/api/public/lists/red?from=${today}&to=${addMonths(today, -1)}`,
      "/api/public/lists/red?grounds=x' or 1=1",
      '/api/public/lists/red?keyword=x',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorCode(res), url).toBe('VALIDATION_FAILED');
    }
  });

  it('pages the list: the same total on every page, pages apart', async () => {
    const first = await page('/api/public/lists/black?pageSize=1&page=1');
    const second = await page('/api/public/lists/black?pageSize=1&page=2');
    expect(first.total).toBeGreaterThan(1);
    expect(second.total).toBe(first.total);
    expect(second.items[0]!.uscc).not.toBe(first.items[0]!.uscc);
  });

  it('lists the districts for the filters without login', async () => {
    const res = await get('/api/public/districts');
    expect(res.statusCode).toBe(200);
    expect(json<{ code: string; name: string }[]>(res)).toContainEqual({ code: '120101', name: '和平区' });
  });
});

describe('rate limit', () => {
  it('shares the lookup’s per-IP budget: browsing after 30 lookups from one IP answers 429', async () => {
    const ip = '10.9.8.7';
    let served = 0;
    let res = await get('/api/public/lists/abnormal', ip);
    while (res.statusCode === 200 && served < 100) {
      served++;
      res = await get(served % 2 ? '/api/public/credit?name=%E5%A4%A9%E6%B4%A5' : '/api/public/lists/abnormal', ip);
    }
    expect(served).toBeGreaterThanOrEqual(30);
    expect(served).toBeLessThan(60);
    expect(res.statusCode).toBe(429);
    expect(errorCode(res)).toBe('RATE_LIMITED');
    expect((await get('/api/public/lists/abnormal', '10.9.8.8')).statusCode).toBe(200);
  });
});
