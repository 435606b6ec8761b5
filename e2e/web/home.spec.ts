import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers.js';

// Home pages by role (issue 12 §4): each demo account sees its own work; only the administrator
// sees the directory's figures; 本企业信用档案 only for an account acting for an enterprise.

async function home(page: Page, user: string): Promise<void> {
  await signIn(page, user);
  // The first page of a fresh server loads its chunks: allow for a busy machine.
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
}

const menu = (page: Page) => page.locator('.ant-layout-sider');

test('admin: the directory and recent operations, no work cards, no 本企业信用档案', async ({ page }) => {
  await home(page, 'admin');
  await expect(page.getByText('各角色用户数')).toBeVisible();
  await expect(page.getByText('最近操作')).toBeVisible();
  await expect(page.getByTestId('todo-card')).toHaveCount(0);
  await expect(menu(page).getByText('本企业信用档案')).toHaveCount(0);
  await page.goto('/my-enterprise');
  await expect(page.getByTestId('no-enterprise')).toBeVisible({ timeout: 30_000 });
});

test('quality office: its to-do list, the credit clocks and the whole city’s entities, not the directory', async ({ page }) => {
  await home(page, 'quality-office');
  await expect(page.getByTestId('todo-card')).toBeVisible();
  await expect(page.getByTestId('home-credit-alerts')).toBeVisible();
  await expect(page.getByTestId('home-territory')).toContainText('本辖区市场主体（全市）');
  await expect(page.getByText('各角色用户数')).toHaveCount(0);
});

test('department user: its tasks, 督办 and round reports, not the directory', async ({ page }) => {
  await home(page, 'dept-user');
  await expect(page.getByTestId('home-who')).toContainText('天津市工业和信息化局');
  await expect(page.getByTestId('todo-card')).toBeVisible();
  await expect(page.getByTestId('todo-rounds')).toContainText('待报送报告');
  await expect(page.getByTestId('todo-reminders')).toBeVisible();
  await expect(page.getByText('各角色用户数')).toHaveCount(0);
  await expect(page.getByTestId('home-territory')).toHaveCount(0);
});

test('district user: its work and its district’s entities; a figure opens the registry filtered', async ({ page }) => {
  await home(page, 'district-user');
  await expect(page.getByTestId('todo-card')).toBeVisible();
  await expect(page.getByTestId('home-credit-alerts')).toBeVisible();
  const territory = page.getByTestId('home-territory');
  await expect(territory).toContainText('本辖区市场主体（和平区）');
  await expect(page.getByText('各角色用户数')).toHaveCount(0);
  await territory.getByText('信用等级 D 级').click();
  await expect(page).toHaveURL(/\/entities\?grade=D$/);
  const rows = page.locator('.ant-table-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  for (const row of await rows.all()) {
    await expect(row).toContainText('和平区');
    await expect(row).toContainText('D');
  }
});

test('inspector: what is coming, what it can do now, and its district’s entities (not an empty registry)', async ({ page }) => {
  await home(page, 'inspector');
  await expect(page.getByTestId('home-coming-inspector')).toContainText('双随机、一公开');
  const territory = page.getByTestId('home-territory');
  await expect(territory).toContainText('本辖区市场主体（南开区）');
  await expect(page.getByText('各角色用户数')).toHaveCount(0);
  await page.getByTestId('home-coming-inspector').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/entities$/);
  const rows = page.locator('.ant-table-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  for (const row of await rows.all()) await expect(row).toContainText('南开区');
});

test('lab: what is coming and the calendar, nothing empty', async ({ page }) => {
  await home(page, 'lab');
  await expect(page.getByTestId('home-coming-lab')).toContainText('抽检分离');
  await expect(page.getByTestId('home-coming-lab').getByRole('link', { name: /工作日历/ })).toBeVisible();
  await expect(page.getByText('各角色用户数')).toHaveCount(0);
});

test('enterprise: its own archive, and 本企业信用档案 in the menu', async ({ page }) => {
  await home(page, 'enterprise');
  await expect(page.getByTestId('home-my-enterprise')).toBeVisible();
  await expect(menu(page).getByText('本企业信用档案')).toBeVisible();
  await expect(page.getByText('各角色用户数')).toHaveCount(0);
});
