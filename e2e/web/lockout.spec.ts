import { expect, test } from '@playwright/test';
import { login } from './helpers.js';

test('five wrong passwords lock the account and the login page says until when', async ({ page }) => {
  for (let i = 1; i <= 4; i++) {
    await login(page, 'lab', `wrong-password-${i}`);
    await expect(page.getByTestId('login-error')).toContainText(`再错 ${5 - i} 次`);
  }
  await login(page, 'lab', 'wrong-password-5');
  const error = page.getByTestId('login-error');
  await expect(error).toContainText('账号已锁定');
  await expect(error).toContainText(/请于 \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2} 后再试/);
  // The right password is refused while the lock lasts.
  await login(page, 'lab');
  await expect(page.getByTestId('login-error')).toContainText('账号已锁定');
  await expect(page).toHaveURL(/\/login/);
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
