import { expect, test } from '@playwright/test';
import { E2E } from '../e2e-env.js';
import { chinaDay, expectNoErrorToast, pickOption, signIn } from './helpers.js';

/** A plan whose report date lies a year back: publishing it asks what to do with the past dates. */
const PLAN_TITLE = '督办演练行动方案';
const PLAN = `${PLAN_TITLE}
一、强化质量监管
（一）开展重点产品监督抽查。（市市场监管委牵头，各区人民政府配合）
（二）推进质量信用建设。（市市场监管委负责）
各责任单位于${Number(chinaDay().slice(0, 4)) - 1}年12月10日前将年度工作总结报市质量工作领导小组办公室。
`;
const AMR = '天津市市场监督管理委员会';

// Issue 12: a plan published late moves its past deadlines; the task list is filtered by the
// responsible unit (not by words in the items) and a batch of tasks gets one 督办 each.
test('publish a late plan moving its deadlines, filter tasks by unit and send a batch 督办', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'quality-office');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  const csrf = decodeURIComponent((await page.context().cookies()).find((c) => c.name === 'zl_csrf')!.value);
  const imported = await page.request.post(`${E2E.baseUrl}/api/plans/import-text`, { headers: { 'x-csrf-token': csrf }, data: { text: PLAN } });
  expect(imported.status(), await imported.text()).toBe(201);
  const planId = ((await imported.json()) as { id: number }).id;

  // ── Publishing warns that every task would be overdue and moves the past dates ──────────────
  await page.goto(`/plans/${planId}`);
  await page.getByTestId('publish').click();
  const publish = page.getByRole('dialog').filter({ hasText: '确认发布该计划吗？' });
  await expect(publish.getByTestId('publish-overdue')).toContainText('全部 18 项任务的完成期限均已过');
  await expect(publish.getByTestId('publish-confirm')).toBeDisabled();
  await publish.getByTestId('past-due-move').click();
  await publish.getByTestId('publish-confirm').click();
  await expect(page).toHaveURL(new RegExp(`/tasks\\?planId=${planId}$`));
  await expect(page.getByText(`已发布，已生成 18 项任务，其中 18 项已过的期限顺延至 ${chinaDay(30)}`)).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toContainText(chinaDay(30));
  await expect(page.getByTestId('batch-all')).toContainText('督办全部筛选结果（18）');

  // ── Filter by the responsible unit: its two tasks, nothing of the district governments ──────
  const search = page.locator('form#task-search');
  await pickOption(page, search, '责任单位', AMR, { search: '市场监督' });
  await search.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page).toHaveURL(/deptId=\d+/);
  await expect(page.locator('.ant-table-row')).toHaveCount(2);
  await expect(page.locator('.ant-table-row').filter({ hasNotText: AMR })).toHaveCount(0);

  // ── Tick both and send one 督办 to each ─────────────────────────────────────────────────────
  for (const box of await page.locator('.ant-table-row .ant-table-selection-column input[type=checkbox]').all()) await box.check();
  await expect(page.getByTestId('task-detail')).toHaveCount(0); // ticking does not open a task
  await page.getByTestId('batch-selected').click();
  const batch = page.getByRole('dialog').filter({ hasText: '督办所选任务' });
  await expect(batch.getByTestId('batch-count')).toContainText('将向 2 项任务的责任单位各发出一条督办');
  await expect(batch.getByTestId('batch-count')).toContainText(AMR);
  await batch.getByTestId('batch-message').fill('请于答复期限前报送监督抽查的最新进展。');
  await batch.getByTestId('batch-send').click();
  await expect(page.getByText(/已向 2 项任务发出督办，请于 \d{4}-\d{2}-\d{2} 前答复/)).toBeVisible();
  await expectNoErrorToast(page);
  await expect(page.locator('.ant-table-row').first().locator('.ant-badge')).toContainText('1');

  // ── "All that match" counts before anything is sent ─────────────────────────────────────────
  await search.getByRole('button', { name: /重\s*置/ }).click();
  await page.goto(`/tasks?planId=${planId}`);
  await page.getByTestId('batch-all').click();
  const all = page.getByRole('dialog').filter({ hasText: '督办全部筛选结果' });
  await expect(all.getByTestId('batch-count')).toContainText('将向 18 项任务的责任单位各发出一条督办');
  await all.getByRole('button', { name: /取\s*消/ }).click();
  const open = await page.request.get(`${E2E.baseUrl}/api/tasks`, { params: { planId, reminders: 'open' } });
  expect(((await open.json()) as { total: number }).total).toBe(2);
});
