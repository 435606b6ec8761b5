import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { expectNoErrorToast, signIn } from './helpers.js';

async function switchUser(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
}

// The flow: the quality office creates a district scheme (weights totalling 100), enters an
// expert score and a deduction for 和平区, scores, publishes and downloads the Word 通报; the
// district user sees 我的考核 and submits the rectification report.
test('create a district scheme, enter figures, score, publish, download the notice, rectify', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `端到端考核方案${Date.now().toString(36)}`;

  // ── Quality office: a new district scheme ─────────────────────────────────────────────────────
  await switchUser(page, 'quality-office');
  await page.goto('/assessment/schemes');
  await page.getByTestId('new-scheme').click();
  const form = page.getByTestId('scheme-form');
  await expect(form).toBeVisible();
  await form.locator('.ant-form-item').filter({ has: page.locator('label:text-is("方案名称")') }).locator('input').fill(name);
  // Sixteen district governments by default; the running sum follows the weights.
  await expect(form).toContainText('已选 16 个单位');
  const weights = form.getByTestId('indicator-row').locator('input[aria-label="权重"]');
  await weights.nth(0).fill('25');
  await expect(page.getByTestId('weight-sum')).toHaveText('权重合计 95%，应为 100%');
  await weights.nth(0).fill('30');
  await expect(page.getByTestId('weight-sum')).toHaveText('权重合计 100%');
  await page.getByTestId('scheme-save').click();
  await expect(page).toHaveURL(/\/assessment\/scoring\?schemeId=\d+/);
  await expectNoErrorToast(page);

  // ── Enter 和平区's expert score and a deduction ───────────────────────────────────────────────
  const grid = page.getByTestId('input-grid');
  const row = grid.locator('tr').filter({ hasText: '天津市和平区人民政府' });
  await row.locator('input[aria-label="天津市和平区人民政府 专家评审"]').fill('92');
  await page.getByTestId('save-inputs').click();
  await expect(page.getByText('已保存 1 个单位的录入数据')).toBeVisible();
  await row.getByRole('button', { name: /编\s*辑/ }).click();
  const entries = page.getByTestId('entries-form');
  await expect(entries).toBeVisible();
  const deductionCard = entries.locator('.ant-card').filter({ hasText: '扣分项' });
  await deductionCard.getByRole('button', { name: /添\s*加/ }).click();
  const deductionRow = entries.getByTestId('deductions-row');
  await deductionRow.locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '工作材料报送不及时' }).click();
  await deductionRow.locator('input[aria-label="分值"]').fill('1');
  await deductionRow.locator('input[aria-label="理由"]').fill('三季度进展报告迟报 3 个工作日');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(entries).toBeHidden();
  await expect(row).toContainText('−1');
  await expectNoErrorToast(page);

  // ── Score (the other districts lack figures: a warning lists them), publish ──────────────────
  await page.getByTestId('score').click();
  const warning = page.locator('.ant-modal-confirm');
  await expect(warning).toContainText('未录入，按 0 分计');
  await warning.locator('.ant-btn-primary').click();
  const results = page.getByTestId('results-table');
  await expect(results.locator('tr').filter({ hasText: '天津市和平区人民政府' })).toContainText('需整改');
  await page.getByTestId('publish').click();
  await page.locator('.ant-popover').getByRole('button', { name: /发布结果/ }).click();
  await expect(page.getByText(/结果已于 .* 发布/)).toBeVisible();
  await expectNoErrorToast(page);

  // ── The Word 通报: a real .docx naming 和平区 ─────────────────────────────────────────────────
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-notice').click()]);
  expect(download.suggestedFilename()).toMatch(/关于\d{4}年度质量工作考核结果的通报\.docx/);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('和平区');
  expect(xml).toContain('质量工作考核结果的通报');

  // ── District user: 我的考核 and the rectification report ──────────────────────────────────────
  await switchUser(page, 'district-user');
  await page.goto('/assessment/mine');
  const card = page.getByTestId('my-result').filter({ hasText: name });
  await expect(card).toBeVisible();
  await expect(card).toContainText('工作材料报送不及时');
  await expect(card).toContainText('需报送整改报告');
  const rect = card.getByTestId('rectification-form');
  await rect.locator('textarea').nth(0).fill('已对三季度进展迟报问题进行内部通报，查明原因为材料审核环节过长。');
  await rect.locator('textarea').nth(1).fill('建立进展报送台账，指定专人负责，提前两个工作日完成审核。');
  await rect.locator('.ant-picker input').click();
  await rect.locator('.ant-picker input').fill('2026-12-31');
  await rect.locator('.ant-picker input').press('Enter');
  await card.getByTestId('rectification-submit').click();
  await expect(page.getByText('整改报告已报送，等待质量办审核')).toBeVisible();
  await expect(card).toContainText('待审核');
  await expectNoErrorToast(page);
});
