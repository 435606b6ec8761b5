import { expect, request, test, type Locator, type Page } from '@playwright/test';
import { E2E } from '../e2e-env.js';
import { expectNoErrorToast, signIn } from './helpers.js';

const DEFAULTS = { lowFineThresholdYuan: 100_000, lowFinePersonThresholdYuan: 10_000 };

/** Open the penalty-publication tab and the thresholds drawer from its summary line. */
async function openSettings(page: Page, link: RegExp): Promise<Locator> {
  await page.goto('/credit/lists?list=penalty-publication');
  await expect(page.getByRole('heading', { name: '信用名单' })).toBeVisible();
  const summary = page.getByTestId('threshold-summary');
  await expect(summary).toBeVisible();
  await summary.getByRole('button', { name: link }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: '较低数额罚款标准与公示期限' });
  await expect(drawer.getByTestId('credit-settings')).toBeVisible();
  return drawer;
}

/** Whatever happens above, the next spec finds the coded defaults' values in force. */
test.afterAll(async () => {
  const api = await request.newContext({ baseURL: E2E.baseUrl });
  await api.post('/api/auth/login', { data: { username: 'quality-office', password: E2E.demoPassword } });
  const csrf = decodeURIComponent((await api.storageState()).cookies.find((c) => c.name === 'zl_csrf')?.value ?? '');
  await api.put('/api/credit/lists/settings', { data: { lowFineThresholdYuan: null, lowFinePersonThresholdYuan: null }, headers: { 'x-csrf-token': csrf } });
  await api.dispose();
});

// The quality office (credit:model:update) changes the organisations' 较低数额罚款 threshold, sees
// it after a reload, is refused an invalid amount by the form and by the server, and restores the default.
test('the quality office changes the lower-amount fine threshold and restores the default', async ({ page }) => {
  await signIn(page, 'quality-office');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  let drawer = await openSettings(page, /查看或修改/);
  await expect(drawer).toContainText('公示 3 个月');
  await expect(drawer).toContainText('公示 3 年');
  await expect(drawer.getByTestId('threshold-org')).toHaveText('罚款低于 100,000 元（10 万元）');
  await expect(drawer.getByTestId('threshold-person')).toHaveText('罚款低于 10,000 元（1 万元）');
  await expect(drawer.getByText('系统默认值')).toHaveCount(2);
  const org = drawer.locator('#credit-settings_lowFineThresholdYuan');
  const save = drawer.getByRole('button', { name: /保\s*存/ });

  // The form refuses zero and an empty field, in place.
  await org.fill('0');
  await save.click();
  await expect(drawer.locator('.ant-form-item-explain-error')).toHaveText('金额须大于 0 元');
  await org.fill('');
  await save.click();
  await expect(drawer.locator('.ant-form-item-explain-error')).toHaveText('请输入金额');

  // A value the server refuses (forced past the form here) is shown with the server's Chinese message.
  await page.route('**/api/credit/lists/settings', (route) =>
    route.request().method() === 'PUT' ? route.continue({ postData: JSON.stringify({ lowFineThresholdYuan: -1 }) }) : route.continue(),
  );
  await org.fill('250000');
  await save.click();
  await expect(page.locator('.ant-notification-notice-error')).toContainText('请求参数不合法');
  await page.unrouteAll();
  await page.locator('.ant-notification-notice-close').first().click();
  await expect(drawer.getByTestId('threshold-org')).toContainText('100,000');

  // A valid change is saved and shown at once, and after a reload.
  await org.fill('300000');
  await save.click();
  await expect(page.locator('.ant-message')).toContainText('较低数额罚款标准已保存');
  await expect(drawer.getByTestId('threshold-org')).toHaveText('罚款低于 300,000 元（30 万元）');
  await expect(drawer.getByText('本地设定')).toBeVisible();
  await expectNoErrorToast(page);
  await page.reload();
  await expect(page.getByTestId('threshold-summary')).toContainText('单位罚款低于 300,000 元');
  drawer = await openSettings(page, /查看或修改/);
  await expect(drawer.getByTestId('threshold-org')).toContainText('300,000');
  await expect(drawer.locator('#credit-settings_lowFineThresholdYuan')).toHaveValue('300,000');
  await expect(drawer.getByTestId('threshold-person')).toContainText('10,000');

  // Restore the default with the field's own link.
  await drawer
    .locator('.ant-form-item')
    .filter({ has: page.locator('#credit-settings_lowFineThresholdYuan') })
    .getByRole('button', { name: '恢复默认值' })
    .click();
  await expect(drawer.locator('#credit-settings_lowFineThresholdYuan')).toHaveValue('100,000');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator('.ant-message')).toContainText('较低数额罚款标准已保存');
  await expect(drawer.getByTestId('threshold-org')).toHaveText('罚款低于 100,000 元（10 万元）');
  await expect(drawer.getByText('系统默认值')).toHaveCount(2);
  await expectNoErrorToast(page);
  const settings = (await (await page.request.get('/api/credit/lists/settings')).json()) as typeof DEFAULTS;
  // Restoring sent null: the provincial value is gone, not stored as a copy of the default.
  expect(settings).toMatchObject({ ...DEFAULTS, lowFineThresholdIsDefault: true });
});

// A district officer (credit:list:list, not credit:model:update) reads the thresholds but has no form.
test('a district officer sees the thresholds read-only', async ({ page }) => {
  await signIn(page, 'district-user');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  const drawer = await openSettings(page, /查看说明/);
  await expect(drawer.getByTestId('threshold-org')).toContainText('100,000');
  await expect(drawer.getByTestId('threshold-person')).toContainText('10,000');
  await expect(drawer.getByTestId('settings-read-only')).toContainText('没有修改权限');
  await expect(drawer.locator('input')).toHaveCount(0);
  await expect(drawer.getByRole('button', { name: /保\s*存/ })).toHaveCount(0);
  // The header button opens the same read-only view.
  await drawer.locator('.ant-drawer-close').click();
  await page.getByRole('button', { name: /较低数额罚款标准/ }).click();
  await expect(page.getByTestId('settings-read-only')).toBeVisible();
});
