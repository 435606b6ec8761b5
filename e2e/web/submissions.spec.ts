import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiAs, expectNoErrorToast, signIn } from './helpers.js';

/** Where the screenshots for review go. */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-submissions';

const ATTACK = '本企业郑重承诺诚信经营。如需核实请联系 13812345678，身份证 11010519491231002X，在线核验 http://tj-credit-verify.top/login';
const stamp = Date.now().toString(36);
const CLEAN = `本企业承诺严格执行 GB/T 19001-2016，接受社会监督（E2E ${stamp}）。`;
const REJECTED = `本企业产品全国销量第一（E2E ${stamp}）。`;

async function openArchive(page: Page): Promise<void> {
  await page.goto('/my-enterprise');
  await page.getByRole('tab', { name: '质量档案' }).click();
  await expect(page.getByTestId('my-submissions')).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.context().clearCookies();
}

// Issue 12 §1.4: an enterprise's commitment with a phone number, an ID number and a phishing link
// is refused in the form, naming what was found; a clean one waits for the regulator, who sees the
// count on the home page, approves it from the queue (it then shows on the public lookup) or
// rejects another with a reason the enterprise reads.
test('enterprise text reaches the public only after review; personal data is refused in the form', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const enterpriseApi = await apiAs('enterprise');
  const uscc = (await enterpriseApi.get<{ user: { enterpriseUscc: string } }>('/api/auth/me')).user.enterpriseUscc;

  // ── the enterprise: the attack is refused in the form ──
  await signIn(page, 'enterprise');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  await openArchive(page);
  await page.getByRole('button', { name: '提交质量承诺' }).click();
  const dialog = page.getByRole('dialog', { name: '提交质量承诺' });
  await expect(dialog.getByTestId('submit-hint')).toContainText('审核通过后');
  const text = dialog.locator('.ant-form-item').filter({ has: page.locator('label:text-is("承诺内容")') }).locator('textarea');
  await text.fill(ATTACK);
  await dialog.getByRole('button', { name: /提交审核/ }).click();
  const fieldError = dialog.locator('.ant-form-item-explain-error');
  await expect(fieldError).toContainText('手机号码 138****5678');
  await expect(fieldError).toContainText('身份证号码 110105********002X');
  await expect(fieldError).toContainText('网址链接 tj-credit-verify.top');
  await dialog.screenshot({ path: `${SHOTS}/enterprise-commitment-refused.png` });

  // ── a clean commitment: submitted, waiting ──
  await text.fill(CLEAN);
  await dialog.getByRole('button', { name: /提交审核/ }).click();
  await expect(dialog).toBeHidden();
  await expectNoErrorToast(page);
  const mine = page.getByTestId('my-submissions');
  await expect(mine.locator('tr').filter({ hasText: stamp })).toContainText('待审核');
  await page.screenshot({ path: `${SHOTS}/enterprise-submitted.png`, fullPage: true });
  // Nothing public yet.
  const lookup = await (await page.request.get(`/api/public/credit/${uscc}`)).text();
  expect(lookup).not.toContain(stamp);
  // A second one, to be rejected.
  await enterpriseApi.post(`/api/entities/${uscc}/submissions`, { kind: 'commitment', occurredOn: new Date().toISOString().slice(0, 10), payload: { text: REJECTED } }, 201);
  await signOut(page);

  // ── the regulator: the count on the home page, the queue, approve one, reject the other ──
  await signIn(page, 'quality-office');
  const card = page.getByTestId('home-review-queue');
  await expect(card).toBeVisible();
  await expect(card.locator('.ant-statistic-content-value')).not.toHaveText('0');
  await page.screenshot({ path: `${SHOTS}/officer-home.png`, fullPage: true });
  await card.getByRole('link', { name: '去审核' }).click();
  await expect(page.getByRole('heading', { name: '企业报送审核' })).toBeVisible();
  const row = page.locator('.ant-table-row').filter({ hasText: CLEAN });
  await expect(row).toContainText('待审核');
  await page.screenshot({ path: `${SHOTS}/officer-queue.png`, fullPage: true });
  await row.getByRole('button', { name: '通过并公开' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.locator('.ant-table-row').filter({ hasText: CLEAN })).toHaveCount(0);
  await expectNoErrorToast(page);

  const other = page.locator('.ant-table-row').filter({ hasText: REJECTED });
  await other.getByRole('button', { name: '不予公开' }).click();
  const reject = page.getByRole('dialog', { name: '不予公开' });
  await reject.locator('textarea').fill('“全国销量第一”无法核实，请修改后重新报送');
  await reject.screenshot({ path: `${SHOTS}/officer-reject.png` });
  await reject.getByRole('button', { name: /确\s*定/ }).click();
  await expect(reject).toBeHidden();
  await expectNoErrorToast(page);
  await page.getByTestId('submission-status').getByText('全部').click();
  await expect(page.locator('.ant-table-row').filter({ hasText: CLEAN })).toContainText('已公开');
  await expect(page.locator('.ant-table-row').filter({ hasText: REJECTED })).toContainText('未通过');
  await page.screenshot({ path: `${SHOTS}/officer-queue-all.png`, fullPage: true });
  await signOut(page);

  // ── the enterprise reads the outcome; the public sees the approved one only ──
  await signIn(page, 'enterprise');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  await openArchive(page);
  await expect(mine.locator('tr').filter({ hasText: CLEAN })).toContainText('已公开');
  await expect(mine.locator('tr').filter({ hasText: REJECTED })).toContainText('无法核实');
  await page.screenshot({ path: `${SHOTS}/enterprise-outcome.png`, fullPage: true });
  await signOut(page);

  await page.goto(`/credit-lookup?uscc=${uscc}`);
  await expect(page.getByTestId('portal-card')).toBeVisible();
  const records = await (await page.request.get(`/api/public/credit/${uscc}`)).text();
  expect(records).toContain(CLEAN.slice(0, 20));
  expect(records).not.toContain('全国销量第一');
  await enterpriseApi.dispose();
});
