import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E } from '../e2e-env.js';
import { expectNoErrorToast, signIn } from './helpers.js';

/** The demo plan the server ships (天津市质量提升示范行动方案): 2 indicators ≥ 93% and ≥ 94%, one year-end round. */
const PLAN_FILE = fileURLToPath(new URL('../../server/src/modules/plans/fixtures/demo-plan.txt', import.meta.url));
const INDICATOR = '制造业产品质量合格率';
/** dept-user's unit. */
const DEPT = '天津市工业和信息化局';

interface Totals {
  plans: number;
  tasks: number;
  completed: number;
  overdue: number;
  awaitingReview: number;
}

/** An API session: the login cookies, and the CSRF header (the zl_csrf cookie) on writes. */
async function apiSession(username: string): Promise<{ api: APIRequestContext; csrf: Record<string, string> }> {
  const api = await request.newContext({ baseURL: E2E.baseUrl });
  const res = await api.post('/api/auth/login', { data: { username, password: E2E.demoPassword } });
  expect(res.status(), await res.text()).toBe(200);
  const cookie = (await api.storageState()).cookies.find((c) => c.name === 'zl_csrf');
  expect(cookie).toBeDefined();
  return { api, csrf: { 'x-csrf-token': decodeURIComponent(cookie!.value) } };
}

/** Import the demo plan as the quality office, map or ignore the unmapped names and publish it. */
async function publishDemoPlan(): Promise<number> {
  const { api, csrf } = await apiSession('quality-office');
  const imported = await api.post('/api/plans/import-text', { headers: csrf, data: { text: readFileSync(PLAN_FILE, 'utf8'), sourceName: 'demo-plan.txt' } });
  expect([200, 201], await imported.text()).toContain(imported.status());
  const plan = (await imported.json()) as {
    id: number;
    version: number;
    status: string;
    draft: { unitMappings: { name: string }[] };
    unitSuggestions: { name: string; status: string; candidates: { deptId: number }[] }[];
  };
  if (plan.status === 'draft') {
    const mapped = new Set(plan.draft.unitMappings.map((m) => m.name));
    const extra = plan.unitSuggestions
      .filter((s) => !mapped.has(s.name))
      .map((s) => (s.status === 'matched' ? { name: s.name, deptIds: s.candidates.map((c) => c.deptId), ignored: false } : { name: s.name, deptIds: [], ignored: true }));
    const saved = await api.put(`/api/plans/${plan.id}/draft`, { headers: csrf, data: { version: plan.version, draft: { ...plan.draft, unitMappings: [...plan.draft.unitMappings, ...extra] } } });
    expect(saved.status(), await saved.text()).toBe(200);
    // The demo plan's dates are fixed; on a later day they have passed, and publishing keeps them.
    const published = await api.post(`/api/plans/${plan.id}/publish`, { headers: csrf, data: { version: ((await saved.json()) as { version: number }).version, pastDue: 'keep' } });
    expect(published.status(), await published.text()).toBe(200);
  }
  await api.dispose();
  return plan.id;
}

async function dashboardTotals(username: string, planId?: number): Promise<Totals> {
  const { api } = await apiSession(username);
  const res = await api.get('/api/plans/dashboard', { params: planId ? { planId } : {} });
  expect(res.status(), await res.text()).toBe(200);
  const totals = ((await res.json()) as { totals: Totals }).totals;
  await api.dispose();
  return totals;
}

async function statValue(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));
}

async function expectTotals(page: Page, totals: Totals): Promise<void> {
  await expect.poll(() => statValue(page, 'stat-tasks')).toBe(totals.tasks);
  expect(await statValue(page, 'stat-completed')).toBe(totals.completed);
  expect(await statValue(page, 'stat-overdue')).toBe(totals.overdue);
}

async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
}

test('the dashboard shows totals, records an indicator value and keeps units to their own data', async ({ page }) => {
  test.setTimeout(120_000);
  const planId = await publishDemoPlan();

  // ── Quality office: all plans, then the demo plan ───────────────────────────────────────────────
  await switchUser(page, 'quality-office');
  await page.getByRole('menuitem', { name: '督办看板' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: '督办看板' })).toBeVisible();
  const all = await dashboardTotals('quality-office');
  expect(all.tasks).toBeGreaterThan(0);
  await expectTotals(page, all);
  await expect(page.getByTestId('stat-completed')).toContainText('完成率');

  // Choosing the plan puts it in the address.
  await page.getByTestId('plan-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '天津市质量提升示范行动方案' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?planId=${planId}$`));
  const one = await dashboardTotals('quality-office', planId);
  expect(one).toMatchObject({ plans: 1, completed: 0 });
  await expectTotals(page, one);
  await expect(page.getByText('各责任单位完成情况')).toBeVisible();
  await expect(page.getByText('任务状态分布')).toBeVisible();
  await expect(page.getByText('各区完成情况')).toBeVisible();
  await expect(page.getByTestId('rounds')).toContainText('年度工作总结');

  // ── Record an indicator value through the UI: 95% meets ≥ 93% ─────────────────────────────────
  const row = page.getByTestId('indicators').locator('.ant-table-row').filter({ hasText: INDICATOR });
  await expect(row).toContainText('≥ 93%');
  await expect(row.locator('.ant-tag')).toHaveText('待录入');
  await row.getByRole('button', { name: /录\s*入/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(INDICATOR);
  await dialog.locator('.ant-form-item').filter({ has: page.locator('label:text-is("数值")') }).locator('input').fill('95');
  await dialog.locator('textarea').fill('市统计局季度数据');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expectNoErrorToast(page);
  await expect(row.locator('.ant-tag')).toHaveText('达标');
  await expect(row).toContainText('95%');
  await expect(row).toContainText('手工录入');

  // ── dept-user: only their unit ─────────────────────────────────────────────────────────────────
  await switchUser(page, 'dept-user');
  await page.goto(`/dashboard?planId=${planId}`);
  const mine = await dashboardTotals('dept-user', planId);
  expect(mine.tasks).toBeGreaterThan(0);
  expect(mine.tasks).toBeLessThan(one.tasks);
  await expectTotals(page, mine);
  // The reporting round lists their unit alone, and they may report for it.
  const rounds = page.getByTestId('rounds');
  await rounds.locator('.ant-collapse-header').first().click();
  const unitRows = rounds.locator('.ant-table-row');
  await expect(unitRows).toHaveCount(1);
  await expect(unitRows.first()).toContainText(DEPT);
  await unitRows.first().getByRole('button', { name: /报\s*送/ }).click();
  const report = page.getByRole('dialog');
  await report.locator('textarea').fill('全年完成重点产品质量攻关任务，制造业产品质量合格率达到95%。');
  await report.getByRole('button', { name: /报\s*送/ }).click();
  await expect(report).toBeHidden();
  await expectNoErrorToast(page);
  await expect(unitRows.first().locator('.ant-tag')).toHaveText(/已报送|逾期报送/);
  await expect(unitRows.first()).toContainText('dept-user');
  await expect(rounds).toContainText('已报送 1/1');
  // The indicator recorded by the quality office shows here too, read-only.
  const theirRow = page.getByTestId('indicators').locator('.ant-table-row').filter({ hasText: INDICATOR });
  await expect(theirRow.locator('.ant-tag')).toHaveText('达标');
  await expect(theirRow.getByRole('button')).toHaveCount(0);
});
