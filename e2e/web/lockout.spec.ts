import { expect, test } from '@playwright/test';
import { login } from './helpers.js';

test('five wrong passwords pause logging in from this address, and the login page says until when', async ({ page }) => {
  for (let i = 1; i <= 4; i++) {
    await login(page, 'lab', `wrong-password-${i}`);
    await expect(page.getByTestId('login-error')).toContainText(`用户名或密码错误，再错 ${5 - i} 次将暂停从当前网络地址登录 15 分钟`);
  }
  await login(page, 'lab', 'wrong-password-5');
  const error = page.getByTestId('login-error');
  await expect(error).toContainText('已暂停从此处登录');
  await expect(error).toContainText('从当前网络地址连续 5 次登录失败');
  await expect(error).toContainText(/请于 \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2} 后再试/);
  await expect(error).toContainText('也可请管理员解锁');
  // The right password is refused from here while the pause lasts.
  await login(page, 'lab');
  await expect(page.getByTestId('login-error')).toContainText('已暂停从此处登录');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown username gets the very answer a wrong password gets', async ({ page }) => {
  await login(page, 'no-such-person', 'Some-Guess-2026');
  const unknown = (await page.getByTestId('login-error').innerText()).trim();
  await login(page, 'enterprise', 'Some-Guess-2026');
  const wrong = (await page.getByTestId('login-error').innerText()).trim();
  expect(unknown).toBe('用户名或密码错误，再错 4 次将暂停从当前网络地址登录 15 分钟');
  expect(wrong).toBe(unknown);
  // The owner's right password still works (and clears the count).
  await login(page, 'enterprise');
  await expect(page).not.toHaveURL(/\/login/);
});

test('the login page switches to English', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: /Log in/ })).toBeVisible();
  await page.locator('#username').fill('nobody');
  await page.locator('#password').fill('whatever-Pass-1');
  await page.getByRole('button', { name: /Log in/ }).click();
  await expect(page.getByTestId('login-error')).toContainText('Wrong username or password');
});
