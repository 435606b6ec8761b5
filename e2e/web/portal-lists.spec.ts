import { mkdirSync } from 'node:fs';
import { expect, request, test } from '@playwright/test';
import { E2E } from '../e2e-env.js';
import { apiAs, chinaDay, pickOption } from './helpers.js';

/** Where the screenshots for review go. */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-portal';

interface Item {
  uscc: string;
  name: string;
  district: string | null;
  districtCode: string;
}

// Issue 12 §4: the public, without login, goes from the lookup to the published lists, switches
// between the four lists, filters by district (server-side) and opens an entity's credit page.
test('the public browses the published lists without login', async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  await page.goto('/credit-lookup');
  await page.getByTestId('portal-nav').getByRole('link', { name: '名单公示' }).click();
  await expect(page).toHaveURL(/\/credit-lists/);
  await expect(page.getByRole('heading', { name: '信用名单公示' })).toBeVisible();
  const table = page.getByTestId('portal-list-table');
  await expect(table.locator('.ant-table-row').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/lists-serious.png`, fullPage: true });

  // Filter by the district of a listed entity: every row is of that district.
  const anon = await request.newContext({ baseURL: E2E.baseUrl });
  const all = (await (await anon.get('/api/public/lists/serious-violation')).json()) as { items: Item[]; total: number };
  const first = all.items[0]!;
  await pickOption(page, page.getByTestId('portal-lists'), '所属区划', first.district!, { search: first.district! });
  await page.getByTestId('portal-list-filter').click();
  await expect(page).toHaveURL(new RegExp(`districtCode=${first.districtCode}`));
  const rows = table.locator('.ant-table-row');
  await expect(rows.filter({ hasText: first.name })).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain(first.district!);
  await page.screenshot({ path: `${SHOTS}/lists-serious-district.png`, fullPage: true });

  for (const [tab, file] of [
    ['质量信用红榜', 'lists-red'],
    ['质量信用黑榜', 'lists-black'],
    ['经营异常名录', 'lists-abnormal'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await expect(table.locator('.ant-table-row').first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/${file}.png`, fullPage: true });
  }
  // From the list to the entity's credit page.
  const name = (await table.locator('.ant-table-row').first().locator('a').first().innerText()).trim();
  await table.locator('.ant-table-row').first().locator('a').first().click();
  await expect(page.getByTestId('portal-card')).toContainText(name);
  await anon.dispose();
});

// Issue 12 §3.2 in the browser: between approval and publication of a serious-violation listing the
// public page says 评价更新中 instead of a D without its cause; after publication, D with the entry.
test('the public grade waits for the listing to be published', async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const district = await apiAs('district-user');
  const chief = await apiAs('quality-chief');
  const entities = await district.get<{ items: { uscc: string; name: string; grade: string | null }[] }>('/api/entities?districtCode=120101&pageSize=50');
  let target: { uscc: string; name: string } | null = null;
  for (const e of entities.items) {
    const lists = await district.get<{ list: string; status: string }[]>(`/api/credit/entities/${e.uscc}/lists`);
    if (e.grade && e.grade !== 'D' && !lists.some((l) => l.list === 'serious-violation' && ['pending_approval', 'listed', 'published'].includes(l.status))) {
      target = e;
      break;
    }
  }
  expect(target).not.toBeNull();
  const n = (Date.now() % 900) + 100;
  const entry = await district.post<{ id: number }>(
    '/api/credit/lists',
    { list: 'serious-violation', uscc: target!.uscc, decisionDate: chinaDay(), grounds: 'quality_safety.mandatory_standard', decisionNo: `津和市监列严〔2026〕${n}号`, penaltyDecisionNo: `津和市监罚〔2026〕${n}号` },
    201,
  );
  await chief.post(`/api/credit/lists/${entry.id}/approve`, { approve: true });

  await page.goto(`/credit-lookup?uscc=${target!.uscc}`);
  await expect(page.getByTestId('portal-grade-updating')).toHaveText('评价更新中');
  await expect(page.getByTestId('portal-grade-updating-note')).toContainText('公示后更新');
  await expect(page.getByTestId('portal-card')).not.toContainText('严重违法失信名单');
  await page.screenshot({ path: `${SHOTS}/lookup-grade-updating.png`, fullPage: true });

  await district.post(`/api/credit/lists/${entry.id}/publish`, {});
  await page.reload();
  await expect(page.getByTestId('portal-grade')).toContainText('D');
  await expect(page.getByTestId('portal-card')).toContainText('严重违法失信名单');
  await expect(page.getByTestId('portal-card')).toContainText(`津和市监列严〔2026〕${n}号`);
  await page.screenshot({ path: `${SHOTS}/lookup-grade-published.png`, fullPage: true });
  await district.dispose();
  await chief.dispose();
});
