import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectNoErrorToast, signIn } from './helpers.js';

/** 盐城市贯彻实施质量发展纲要2014年行动计划 (a public document), as a user would upload it. */
const PLAN_FILE = fileURLToPath(new URL('../fixtures/yancheng-2014-plan.txt', import.meta.url));
const PLAN_TITLE = '盐城市贯彻实施质量发展纲要2014年行动计划';
/** The document's name for the economy and IT commission; the demo city calls it 天津市工业和信息化局 (dept-user's unit). */
const UNIT = '市经济信息化委';
const DEPT = '天津市工业和信息化局';
/** A Yancheng body the Tianjin directory does not know, mapped by hand in the review. */
const MAPPED_UNIT = '盐城质监局';
const MAPPED_DEPT = '天津市市场监督管理委员会';

async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
}

/** The number a to-do column shows (即将到期, 已逾期 …). */
async function todoCount(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).locator('.ant-statistic-content-value').first().innerText();
  return Number(text.replace(/\D/g, ''));
}

// The flow: the quality office imports a plan document, maps a unit, publishes; the unit
// reports progress; the quality office accepts it; the task and both to-do lists follow.
test('import a plan file, map a unit, publish, report progress and accept it', async ({ page }) => {
  test.setTimeout(120_000);

  // ── Quality office: import the document as a file ─────────────────────────────────────────────
  await switchUser(page, 'quality-office');
  // The demo city has quality work of its own (reports awaiting review): count from what is there.
  const reviewBefore = await todoCount(page, 'todo-review');
  await page.goto('/plans');
  await page.getByRole('button', { name: /导入文件/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles(PLAN_FILE);
  await expect(dialog.getByText('yancheng-2014-plan.txt')).toBeVisible();
  await dialog.getByRole('button', { name: /导入并解析/ }).click();
  await expect(page).toHaveURL(/\/plans\/\d+$/);
  const planId = Number(/\/plans\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByText('已导入，请核对解析结果')).toBeVisible();
  await expect(page.getByTestId('plan-title')).toHaveValue(PLAN_TITLE);
  // The items and the source text are shown; choosing an item highlights its text in the source.
  await expect(page.getByTestId('item-tree')).toContainText('加快质量诚信体系建设');
  await page.getByTestId('item-tree').getByText('整顿和规范市场竞争秩序').click();
  await expect(page.getByTestId('plan-source').locator('mark')).toContainText('严厉打击商标侵权');

  // ── 市经济信息化委 is found without its 和; map a unit the directory does not know, ignore the rest ──
  await page.getByRole('tab', { name: /责任单位映射/ }).click();
  const table = page.getByTestId('unit-mapping-table');
  await expect(table.locator('tr').filter({ hasText: UNIT }).first()).toContainText(DEPT);
  const row = table.locator('tr').filter({ hasText: MAPPED_UNIT }).first();
  await expect(row).toContainText('未知');
  await expect(row).toContainText('目录中无此单位');
  await expect(async () => {
    await row.locator('.ant-select').click();
    await row.locator('.ant-select input').fill('市场监督管理委员会');
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${MAPPED_DEPT}"]`).click({ timeout: 3000 });
    await expect(row.locator('.ant-select')).toContainText(MAPPED_DEPT, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  await expect(row).toContainText('1 个部门');
  await page.getByRole('button', { name: '其余未处理的全部忽略' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /忽\s*略/ }).click();
  await expect(page.getByText('全部责任单位均已处理')).toBeVisible();

  // ── Publish (the unsaved mapping is saved first). The plan fell due in 2014: the dialog says how
  // many tasks would be overdue at once and wants a choice before it publishes ─────────────────
  await page.getByTestId('publish').click();
  const publishDialog = page.getByRole('dialog').filter({ hasText: '确认发布该计划吗？' });
  await expect(publishDialog).toContainText('条目 × 责任单位');
  await expect(publishDialog.getByTestId('publish-overdue')).toContainText(/完成期限均?已过，发布后将立即显示为逾期/);
  await expect(publishDialog.getByTestId('publish-overdue')).toContainText('2014-12-31');
  await expect(publishDialog.getByTestId('publish-confirm')).toBeDisabled();
  await publishDialog.getByTestId('past-due-keep').click();
  await expect(publishDialog.getByTestId('publish-confirm')).toBeEnabled();
  await publishDialog.getByTestId('publish-confirm').click();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?planId=${planId}$`));
  await expect(page.getByText(/已发布，已生成 \d+ 项任务/)).toBeVisible();
  await expectNoErrorToast(page);
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expect(page.locator('.ant-table-row').filter({ hasText: DEPT }).first()).toBeVisible();

  // ── The unit reports progress on one of its tasks ──────────────────────────────────────────────
  await switchUser(page, 'dept-user');
  const overdueBefore = await todoCount(page, 'todo-overdue');
  expect(overdueBefore).toBeGreaterThan(0); // the plan fell due at the end of 2014
  await page.goto('/tasks');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  // Only the unit's own tasks are listed.
  await expect(page.locator('.ant-table-row').filter({ hasNotText: DEPT })).toHaveCount(0);
  await page.locator('.ant-table-row').filter({ hasText: '加快质量诚信体系建设' }).first().click();
  const drawer = page.getByTestId('task-detail');
  await expect(drawer).toContainText('建立和完善企业质量信用档案数据库系统');
  const form = drawer.getByTestId('report-form');
  await form.locator('textarea').fill('已建成企业质量信用档案数据库，发布质量信用“红黑榜”两期。');
  await form.locator('input.ant-input-number-input').fill('100');
  await form.locator('input.ant-input-number-input').blur();
  await form.locator('input[type=file]').setInputFiles({ name: '进展材料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 e2e evidence') });
  await form.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByText('已报送，等待质量办审核')).toBeVisible();
  await expect(drawer.getByText(/进展材料\.pdf/)).toBeVisible();
  await expect(drawer.locator('.ant-descriptions')).toContainText('待审核');
  await expect(drawer).toContainText('李工信（天津市工业和信息化局） 报送，完成 100%');
  await expectNoErrorToast(page);

  // ── The quality office sees a report to review and accepts it ─────────────────────────────────
  await switchUser(page, 'quality-office');
  await expect.poll(() => todoCount(page, 'todo-review')).toBe(reviewBefore + 1);
  await page.getByTestId('todo-review').getByRole('button', { name: /去审核/ }).click();
  await expect(page).toHaveURL(/\/tasks\?status=submitted/);
  const submitted = page.locator('.ant-table-row').filter({ hasText: '加快质量诚信体系建设' });
  await expect(submitted).toHaveCount(1);
  await submitted.click();
  await expect(drawer).toContainText('已建成企业质量信用档案数据库');
  await drawer.getByRole('button', { name: /采\s*纳/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /采\s*纳/ }).click();
  await expect(page.getByText('已采纳', { exact: true }).first()).toBeVisible();
  await expect(drawer.locator('.ant-descriptions')).toContainText('已完成');
  await expectNoErrorToast(page);
  await page.goto('/');
  await expect.poll(() => todoCount(page, 'todo-review')).toBe(reviewBefore);

  // ── The dashboard counts the completed task (of this plan) ────────────────────────────────────
  await page.goto(`/dashboard?planId=${planId}`);
  await expect(page.getByTestId('stat-completed').locator('.ant-statistic-content-value')).toHaveText('1');
  await expect(page.getByTestId('stat-review').locator('.ant-statistic-content-value')).toHaveText('0');

  // ── The unit sees the task completed, and one overdue task fewer ──────────────────────────────
  await switchUser(page, 'dept-user');
  await expect.poll(() => todoCount(page, 'todo-overdue')).toBe(overdueBefore - 1);
  await page.goto('/tasks?status=completed');
  const done = page.locator('.ant-table-row').filter({ hasText: '加快质量诚信体系建设' });
  await expect(done).toHaveCount(1);
  await expect(done).toContainText('已完成');
  await expect(done.locator('.ant-progress-status-success')).toBeVisible();
});
