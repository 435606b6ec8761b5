import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E } from '../e2e-env.js';
import { acceptApplication, apiAs, chinaDay, expectNoErrorToast, signIn, type Api } from './helpers.js';

/** Where the screenshots for review go (the enterprise's and the officer's views). */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-obj';

interface Entry {
  id: number;
  list: string;
  status: string;
  removalKind: string | null;
}

/** As the office: put the enterprise on the abnormal list (in force at once), published `daysAgo` days ago. */
async function listAbnormal(office: Api, uscc: string, daysAgo: number, tag: string): Promise<number> {
  const publishedOn = chinaDay(-daysAgo);
  const body = { list: 'abnormal', uscc, grounds: 'unreachable', groundsText: '通过登记的住所无法联系（E2E）', triggerDate: chinaDay(-daysAgo - 5), decisionDate: publishedOn, decisionNo: `津市监异〔2026〕${tag.charCodeAt(0)}${Date.now() % 1000}号` };
  const entry = await office.post<Entry>('/api/credit/lists', body, 201);
  expect(entry.status).toBe('listed');
  await office.post(`/api/credit/lists/${entry.id}/publish`, { publishedOn });
  return entry.id;
}

/** The row of the enterprise's abnormal-list entry on 本企业信用档案, and its 提出异议 button. */
function abnormalRow(page: Page): Locator {
  return page.getByTestId('my-lists').locator('.ant-table-row').filter({ hasText: '经营异常名录' }).filter({ hasText: '已公示' });
}

async function fillTextArea(page: Page, scope: Locator, label: string, value: string): Promise<void> {
  await scope.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) }).locator('textarea').fill(value);
}

async function signOut(page: Page): Promise<void> {
  await page.context().clearCookies();
}

// The enterprise objects to its abnormal-list listing: first too late (the server's refusal is shown
// in the form), then in time with a proof file; the office accepts and upholds it, which removes the
// listing, and both sides see the statuses and the statutory deadlines.
test('enterprise objects to its abnormal-list listing, the office accepts and upholds it', async ({ page }) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(20_000);
  mkdirSync(SHOTS, { recursive: true });
  const enterprise = await apiAs('enterprise');
  const uscc = (await enterprise.get<{ user: { enterpriseUscc: string } }>('/api/auth/me')).user.enterpriseUscc;
  expect(uscc).toBeTruthy();
  const office = await apiAs('quality-office');

  // A clean start: no abnormal listing in force for the demo enterprise.
  for (const e of await office.get<Entry[]>(`/api/credit/entities/${uscc}/lists`)) {
    if (e.list === 'abnormal' && ['listed', 'published'].includes(e.status)) await office.post(`/api/credit/lists/${e.id}/revoke`, { reason: 'E2E 准备数据' });
  }
  // Published 60 days ago: the 30-day objection period is over.
  const lateId = await listAbnormal(office, uscc, 60, 'A');

  // ── the enterprise tries to object too late: the server's reason is shown in the form ──
  await signIn(page, 'enterprise');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible({ timeout: 30_000 });
  await page.goto('/my-enterprise');
  await expect(abnormalRow(page)).toBeVisible();
  await abnormalRow(page).getByRole('button', { name: /提出异议/ }).click();
  await expect(page).toHaveURL(/\/credit\/repairs\?kind=objection&apply=\d+/);
  const late = page.getByRole('dialog', { name: '提出异议', exact: true });
  await expect(late.getByTestId('objection-window')).toContainText(`${chinaDay(-60)} 公示`);
  await fillTextArea(page, late, '异议理由', '本企业一直在登记住所正常经营，可以联系。');
  await late.getByRole('button', { name: /提出异议/ }).click();
  await expect(late.getByTestId('application-refusal')).toContainText('异议期限已于');
  await late.screenshot({ path: `${SHOTS}/enterprise-objection-refused.png` });
  await late.getByRole('button', { name: /取\s*消/ }).click();
  await expect(late).toBeHidden();

  // ── the office revokes that listing and lists the enterprise again, published today ──
  await office.post(`/api/credit/lists/${lateId}/revoke`, { reason: 'E2E：重新作出列入决定' });
  const entryId = await listAbnormal(office, uscc, 0, 'B');

  // ── the enterprise objects in time, with a proof file ──
  await page.goto('/my-enterprise');
  const row = abnormalRow(page);
  await expect(row).toBeVisible();
  await page.getByTestId('my-lists').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/enterprise-my-lists.png`, fullPage: true });
  await row.getByRole('button', { name: /提出异议/ }).click();
  const form = page.getByRole('dialog', { name: '提出异议', exact: true });
  await expect(form.getByTestId('objection-window')).toContainText(`${chinaDay(0)} 公示`);
  await fillTextArea(page, form, '异议理由', '本企业已于列入前在登记住所恢复经营，市场监管所电话可联系，列入事由与事实不符。');
  await form.locator('input[type=file]').setInputFiles({ name: '住所租赁合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% lease\n') });
  await form.screenshot({ path: `${SHOTS}/enterprise-objection-form.png` });
  await form.getByRole('button', { name: /提出异议/ }).click();
  await expect(form).toBeHidden();
  await expectNoErrorToast(page);
  // The new objection opens with the period check and the proof file.
  const drawer = page.locator('.ant-drawer');
  await expect(drawer).toContainText('名单异议 #');
  await expect(drawer).toContainText('住所租赁合同.pdf');
  await expect(drawer.getByTestId('repair-conditions')).toContainText('异议期至');
  await page.screenshot({ path: `${SHOTS}/enterprise-objection-drawer.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tab', { name: /名单异议/, selected: true })).toBeVisible();
  const mine = page.locator('.ant-table-row').filter({ hasText: '待受理' }).first();
  await expect(mine).toBeVisible();
  await expect(mine).toContainText(/剩余 \d+ 个工作日|今天到期/);
  await page.screenshot({ path: `${SHOTS}/enterprise-objections.png`, fullPage: true });
  // Back on the archive, the entry says the objection is in progress instead of offering another.
  await page.goto('/my-enterprise');
  await expect(abnormalRow(page).getByTestId('entry-objection')).toContainText('异议：待受理');
  await expect(abnormalRow(page).getByRole('button', { name: /提出异议/ })).toHaveCount(0);
  await signOut(page);

  // ── the office accepts and upholds it ──
  await signIn(page, 'quality-office');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible({ timeout: 30_000 });
  await page.goto('/credit/repairs');
  await expect(page.getByRole('heading', { name: '信用修复与异议' })).toBeVisible();
  await page.getByRole('tab', { name: /名单异议/ }).click();
  await expect(page).toHaveURL(/kind=objection/);
  const app = page.locator('.ant-table-row').filter({ hasText: '天津滨海示范食品有限公司' }).filter({ hasText: '待受理' }).first();
  await expect(app).toContainText(/剩余 \d+ 个工作日|今天到期/);
  await page.screenshot({ path: `${SHOTS}/officer-objections.png`, fullPage: true });
  await app.getByRole('button', { name: /^受\s*理$/ }).click();
  await expect(drawer).toContainText('异议期限核查');
  await expect(drawer).toContainText('住所租赁合同.pdf');
  await acceptApplication(page, drawer);
  await drawer.getByRole('button', { name: /^决\s*定$/ }).click();
  const decide = page.getByRole('dialog').filter({ hasText: '异议成立（移出名录）' });
  await expect(decide).toContainText('异议不成立（维持列入）');
  await fillTextArea(page, decide, '决定意见', '经实地核查，企业可通过登记住所联系，异议成立，移出经营异常名录。');
  await decide.screenshot({ path: `${SHOTS}/officer-objection-decide.png` });
  await decide.getByRole('button', { name: /确\s*定/ }).click();
  await expect(decide).toBeHidden();
  await expectNoErrorToast(page);
  await expect(drawer.locator('.ant-tag').filter({ hasText: '异议成立' })).toBeVisible();
  await expect(drawer).toContainText('更正期限');
  await page.screenshot({ path: `${SHOTS}/officer-objection-decided.png` });

  // English is there too (for the review screenshot).
  await page.context().addCookies([{ name: 'zl_lang', value: 'en', url: E2E.baseUrl }]);
  await page.goto('/credit/repairs?kind=objection');
  await expect(page.getByRole('tab', { name: /Objections to listings/, selected: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/officer-objections-en.png`, fullPage: true });

  // The listing is off the abnormal list, removed on the objection.
  const after = (await office.get<Entry[]>(`/api/credit/entities/${uscc}/lists`)).find((e) => e.id === entryId)!;
  expect(after.status).toBe('removed');
  expect(after.removalKind).toBe('objection');
  await enterprise.dispose();
  await office.dispose();
});
