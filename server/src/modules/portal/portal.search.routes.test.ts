/**
 * The public search by name when no word matches (issue 12 §7): one statement whose fallback
 * looks for the keyword's rare part — the words left once those in most names (天津, 有限公司) are
 * dropped — by substring and by word similarity, through the trigram index. Run with the
 * registry's statistics in place, as a registry in service has them, so the common words are known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import type { PublicSearchItem } from '../../../../contracts/portal.js';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import { refreshStatistics } from '../../db/client.js';
import { buildTestApp, json, type TestApp } from '../../test/test-app.js';
import { commonSearchWords } from '../entities/index.js';

let t: TestApp;
let ip = 0;
const uscc = (n: number) => {
  const body = `91120101PQ${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};
const PRECISION = '天津华诚精密机械制造有限公司';

async function search(name: string): Promise<Page<PublicSearchItem>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/credit?name=${encodeURIComponent(name)}&pageSize=20`, remoteAddress: `10.2.0.${++ip}` });
  expect(res.statusCode, res.body).toBe(200);
  return json<Page<PublicSearchItem>>(res);
}

beforeAll(async () => {
  t = await buildTestApp();
  const office = await t.as('quality-office');
  for (const [n, name] of [
    [1, PRECISION],
    [2, '天津恒远机械有限公司'],
    [3, '天津华远机械有限公司'],
  ] as const) {
    const res = await office.post('/api/entities', { uscc: uscc(n), name, districtCode: '120101', industry: '34' });
    expect(res.statusCode, res.body).toBe(201);
  }
  await refreshStatistics(t.db);
});
afterAll(() => t.close());

describe('GET /api/public/credit?name= when no word matches', () => {
  it('knows the registry’s common words (the premise of these tests)', async () => {
    const common = await commonSearchWords(t.db);
    expect(common.has('天津')).toBe(true);
    expect(common.has('有限公司')).toBe(true);
  });

  it('finds a name containing the keyword even where the words are cut differently (诚精密机)', async () => {
    const page = await search('诚精密机');
    expect(page.items.map((i) => i.name)).toEqual([PRECISION]);
    expect(page.total).toBe(1);
  });

  it('finds a name whose distinctive part is close to the keyword’s (有限责任公司 for 有限公司)', async () => {
    const page = await search('天津华诚精密机械制造有限责任公司');
    expect(page.items[0]?.name).toBe(PRECISION);
  });

  it('does not offer names that share only 天津…机械有限公司 with the keyword', async () => {
    for (const nothing of ['天津市僮僳机械有限公司', '天津僮僳机械']) {
      expect(await search(nothing), nothing).toMatchObject({ items: [], total: 0 });
    }
  });

  it('hands out no cookie with a public lookup (API clients keep none; a token and a Set-Cookie per request cost time)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/credit?name=${encodeURIComponent('华诚')}`, remoteAddress: `10.2.0.${++ip}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    // Other routes still give a browser its CSRF cookie before login.
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.cookies.map((c) => c.name)).toContain('zl_csrf');
  });

  it('still ranks the exact name first when words match', async () => {
    const page = await search(PRECISION);
    expect(page.items[0]?.name).toBe(PRECISION);
  });
});
