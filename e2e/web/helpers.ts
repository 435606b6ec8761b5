import { expect, type Locator, type Page } from '@playwright/test';
import { E2E } from '../e2e-env.js';

export async function login(page: Page, username: string, password = username === 'admin' ? E2E.adminPassword : E2E.demoPassword): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Pick an option of an antd Select (or TreeSelect) inside `scope`, by the field's label. */
export async function pickOption(page: Page, scope: Locator, label: string, option: string, opts: { search?: string } = {}): Promise<void> {
  const item = scope.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });
  await item.locator('.ant-select').click();
  if (opts.search) await item.locator('input').first().fill(opts.search);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.locator(`.ant-select-item-option[title="${option}"], .ant-select-tree-node-content-wrapper[title="${option}"]`).first().click();
  // A multiple select stays open: close it. (Escape with no dropdown open would close the dialog.)
  if ((await page.locator('.ant-select-dropdown:visible').count()) > 0) await page.keyboard.press('Escape');
  await expect(item.locator('.ant-select')).toContainText(option);
}

export async function fillField(page: Page, scope: Locator, label: string, value: string): Promise<void> {
  const item = scope.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });
  await item.locator('input').first().fill(value);
}

export async function expectNoErrorToast(page: Page): Promise<void> {
  await expect(page.locator('.ant-notification-notice-error')).toHaveCount(0);
}
