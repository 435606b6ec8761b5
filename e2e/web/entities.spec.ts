import { expect, request, test } from '@playwright/test';
import { usccCheckCharacter } from '../../contracts/uscc.js';
import { E2E } from '../e2e-env.js';
import { expectNoErrorToast, fillField, pickOption, signIn } from './helpers.js';

const NAME = '天津市食品集团有限公司';

/**
 * Make sure the food group is registered (the demo data has it; an older data set may not): look it up
 * as the quality office and register it if absent.
 */
async function ensureFoodGroup(): Promise<void> {
  const api = await request.newContext({ baseURL: E2E.baseUrl });
  const login = await api.post('/api/auth/login', { data: { username: 'quality-office', password: E2E.demoPassword } });
  expect(login.status(), await login.text()).toBe(200);
  const found = await api.get(`/api/entities?keyword=${encodeURIComponent(NAME)}&pageSize=50`);
  expect(found.status(), await found.text()).toBe(200);
  const { items } = (await found.json()) as { items: { name: string }[] };
  if (!items.some((e) => e.name === NAME)) {
    const csrf = (await api.storageState()).cookies.find((c) => c.name === 'zl_csrf');
    const first17 = '91120102MA05FG01X';
    const created = await api.post('/api/entities', {
      headers: { 'x-csrf-token': decodeURIComponent(csrf!.value) },
      data: { uscc: first17 + usccCheckCharacter(first17), name: NAME, formerNames: ['天津市副食品公司'], districtCode: '120101', industry: '14', scale: 'large' },
    });
    expect(created.status(), await created.text()).toBe(201);
  }
  await api.dispose();
}

/** A logged-in API client for `username` that sends the CSRF header on writes. */
async function apiAs(username: string) {
  const api = await request.newContext({ baseURL: E2E.baseUrl });
  const res = await api.post('/api/auth/login', { data: { username, password: username === 'admin' ? E2E.adminPassword : E2E.demoPassword } });
  expect(res.status(), await res.text()).toBe(200);
  const csrf = decodeURIComponent((await api.storageState()).cookies.find((c) => c.name === 'zl_csrf')!.value);
  return {
    get: (url: string) => api.get(url),
    post: (url: string, data: unknown) => api.post(url, { data, headers: { 'x-csrf-token': csrf } }),
    dispose: () => api.dispose(),
  };
}

type Evaluation = { grade: { score: number; grade: string; indicators: { key: string; records: { recordId: number }[] }[] } | null };

// Issue 4 §1–3 in the browser: fuzzy search, the entity's archive, a penalty added by hand.
test('quality office finds the food group by a fuzzy name, adds a penalty and sees it in the archive', async ({ page }) => {
  // The machine is shared with other builds: allow for slow first loads.
  test.setTimeout(180_000);
  page.setDefaultTimeout(20_000);
  await ensureFoodGroup();
  const decisionNo = `津市监罚〔2026〕E2E${Date.now().toString(36)}号`;

  const office = await apiAs('quality-office');
  const found = (await (await office.get(`/api/entities?keyword=${encodeURIComponent(NAME)}`)).json()) as { items: { uscc: string; name: string }[] };
  const uscc = found.items.find((e) => e.name === NAME)!.uscc;
  const before = (await (await office.get(`/api/credit/entities/${uscc}/evaluation`)).json()) as Evaluation;

  await signIn(page, 'quality-office');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible({ timeout: 30_000 });
  await page.goto('/entities');
  await page.getByPlaceholder(/统一社会信用代码/).fill('天津食品集团');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByRole('link', { name: NAME }).first().click();
  await expect(page.getByTestId('entity-name')).toHaveText(NAME, { timeout: 20_000 });

  await page.getByRole('tab', { name: '质量档案' }).click();
  await page.getByRole('button', { name: /添加记录/ }).click();
  const dialog = page.getByRole('dialog');
  await pickOption(page, dialog, '记录类型', '行政处罚');
  await fillField(page, dialog, '处罚决定书文号', decisionNo);
  await pickOption(page, dialog, '处罚种类', '罚款');
  await fillField(page, dialog, '罚没金额（元）', '50000');
  await fillField(page, dialog, '处罚机关', '天津市市场监督管理委员会');
  await dialog.locator('.ant-form-item').filter({ has: page.locator('label:text-is("违法行为")') }).locator('textarea').fill('生产不符合食品安全标准的食品');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expectNoErrorToast(page);

  const row = page.locator('.ant-table-row').filter({ hasText: decisionNo });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('行政处罚');
  await expect(row).toContainText('罚款');

  // Filtering the archive by kind keeps the penalty.
  await page.getByRole('combobox', { name: '记录类型' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="行政处罚"]').click();
  await expect(page.locator('.ant-table-row').filter({ hasText: decisionNo })).toBeVisible();
  await expect(page.locator('.ant-table-row').filter({ hasNotText: '行政处罚' })).toHaveCount(0);

  // The grade moved at once, and its explanation names the new penalty record.
  const after = (await (await office.get(`/api/credit/entities/${uscc}/evaluation`)).json()) as Evaluation;
  expect(after.grade!.score).toBeLessThan(before.grade!.score);
  const penaltyIds = after.grade!.indicators.flatMap((i) => i.records.map((r) => r.recordId));
  const records = (await (await office.get(`/api/entities/${uscc}/records?kind=penalty&pageSize=5`)).json()) as { items: { id: number; title: string }[] };
  const added = records.items.find((r) => r.title.includes(decisionNo))!;
  expect(penaltyIds).toContain(added.id);
  await page.getByRole('tab', { name: '信用评价' }).click();
  await expect(page.getByText(after.grade!.score.toFixed(1), { exact: true }).first()).toBeVisible();

  // One click: the Word credit report.
  const download = page.waitForEvent('download');
  await page.getByTestId('report-download').locator('button').first().click();
  expect((await download).suggestedFilename()).toMatch(/\.docx$/);

  // Listed on 严重违法失信名单 by the office, approved by another user, published: the public lookup shows it.
  const listed = await office.post('/api/credit/lists', { list: 'serious-violation', uscc, decisionDate: '2026-01-05', grounds: 'food_safety', decisionNo: '津市监列严〔2026〕98号', penaltyDecisionNo: decisionNo });
  if (listed.status() === 201) {
    const entry = (await listed.json()) as { id: number; publishBy: string; autoRemoveOn: string };
    expect(entry.autoRemoveOn).toBe('2029-01-05');
    const admin = await apiAs('admin');
    const approved = await admin.post(`/api/credit/lists/${entry.id}/approve`, { approve: true, approvalNo: '津市监审〔2026〕1号' });
    expect(approved.status(), await approved.text()).toBe(200);
    await admin.dispose();
    const published = await office.post(`/api/credit/lists/${entry.id}/publish`, {});
    expect(published.status(), await published.text()).toBe(200);
  } else {
    // Listed by an earlier run of this spec on the same server.
    expect(listed.status(), await listed.text()).toBe(409);
  }
  await office.dispose();
  const anon = await page.context().browser()!.newPage();
  await anon.goto(`${E2E.baseUrl}/credit-lookup?q=${uscc}`);
  const card = anon.getByTestId('portal-card');
  await expect(card).toContainText(NAME, { timeout: 20_000 });
  await expect(card).toContainText('严重违法失信名单');
  await anon.close();
});
