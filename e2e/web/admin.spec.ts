import { expect, test } from '@playwright/test';
import { expectNoErrorToast, fillField, login, pickOption } from './helpers.js';

// The acceptance flow: log in as admin, create a department and a user, find the audit entry, log out.
test('admin creates a department and a user, finds the audit entry, logs out', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const deptName = `端到端测试科${stamp}`;
  const username = `e2e-${stamp}`;

  await login(page, 'admin');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  await expect(page.getByText('各角色用户数')).toBeVisible();

  // A department under 天津市市场监督管理委员会.
  await page.goto('/system/departments');
  await page.getByRole('button', { name: /新\s*增/ }).first().click();
  const deptDialog = page.getByRole('dialog');
  await pickOption(page, deptDialog, '上级部门', '天津市市场监督管理委员会', { search: '市场监督管理委员会' });
  await fillField(page, deptDialog, '部门名称', deptName);
  await pickOption(page, deptDialog, '部门类型', '内设机构');
  await deptDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(deptDialog).toBeHidden();
  await expectNoErrorToast(page);
  await expect(page.getByText(deptName).first()).toBeVisible();

  // A user in that department.
  await page.goto('/system/users');
  await page.getByRole('button', { name: /新\s*增/ }).first().click();
  const userDialog = page.getByRole('dialog');
  await fillField(page, userDialog, '用户名', username);
  await fillField(page, userDialog, '姓名', '端到端');
  await pickOption(page, userDialog, '所属部门', deptName, { search: deptName });
  await pickOption(page, userDialog, '角色', '部门用户');
  await userDialog.locator('.ant-form-item').filter({ has: page.locator('label:text-is("初始密码")') }).locator('input').fill('E2e-User-Pass-2026');
  await userDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(userDialog).toBeHidden();
  await expectNoErrorToast(page);
  await page.locator('input[placeholder="用户名、姓名、电话或邮箱"]').fill(username);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByRole('cell', { name: username })).toBeVisible();
  await expect(page.getByRole('cell', { name: deptName.slice(0, 6) }).first()).toBeVisible();

  // The audit trail has the creation, with who did it.
  await page.goto('/monitor/audit');
  await page.locator('.ant-form-item').filter({ has: page.locator('label:text-is("关键字")') }).locator('input').fill(username);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.locator('.ant-table-row').filter({ hasText: '新增用户' }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('admin');

  // Log out: back to the login page, and the app no longer answers as admin.
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/system/users');
  await expect(page).toHaveURL(/\/login/);
});
