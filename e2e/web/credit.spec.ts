import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { acceptApplication, apiAs, expectNoErrorToast, fillField, pickOption, signIn } from './helpers.js';

mkdirSync('/tmp/shots-credit', { recursive: true });

interface EntityRow {
  uscc: string;
  name: string;
}
interface ListEntryRow {
  list: string;
  status: string;
}

/** An entity of 和平区 (the district user's scope) not yet on the serious-violation list, with a penalty decision number when it has one. */
async function pickEntity(page: Page): Promise<{ uscc: string; name: string; decisionNo: string }> {
  const res = await page.request.get('/api/entities?districtCode=120101&pageSize=50');
  expect(res.ok()).toBeTruthy();
  const { items } = (await res.json()) as { items: EntityRow[] };
  for (const e of items) {
    const lists = (await (await page.request.get(`/api/credit/entities/${e.uscc}/lists`)).json()) as ListEntryRow[];
    if (lists.some((l) => l.list === 'serious-violation' && ['pending_approval', 'listed', 'published'].includes(l.status))) continue;
    const recs = (await (await page.request.get(`/api/entities/${e.uscc}/records?kind=penalty&pageSize=5`)).json()) as { items: { payload: { decisionNo?: string } }[] };
    const decisionNo = recs.items[0]?.payload.decisionNo ?? `津和市监罚〔2026〕E2E${Date.now() % 1000}号`;
    return { ...e, decisionNo };
  }
  throw new Error('no entity of 和平区 available for the listing');
}

async function signOut(page: Page): Promise<void> {
  await page.context().clearCookies();
}

// Issue 4: a district officer decides a serious-violation listing, the quality office approves and
// publishes it (the statutory next steps and countdowns shown), then the demo enterprise applies
// for repair of its penalty publication, seeing the condition check first, and the office accepts it.
test('listing with statutory clocks, approval by another officer, repair application and acceptance', async ({ page }) => {
  test.setTimeout(120_000);
  const today = new Date().toISOString().slice(0, 10);

  // ── district-user decides the listing ──
  await signIn(page, 'district-user');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  const target = await pickEntity(page);
  await page.goto('/credit/lists');
  await expect(page.getByRole('heading', { name: '信用名单' })).toBeVisible();
  await page.getByRole('button', { name: /新增列入/ }).click();
  const dialog = page.getByRole('dialog');
  await fillField(page, dialog, '统一社会信用代码', target.uscc);
  await pickOption(page, dialog, '列入事由', '生产销售不符合强制性标准的产品（第七条）');
  const dateInput = dialog.locator('.ant-form-item').filter({ has: page.locator('label:text-is("决定日期")') }).locator('input');
  await dateInput.click();
  await dateInput.fill(today);
  await dateInput.press('Enter');
  // The listing decision's own 文号 (brackets as officers type them), then the penalty it rests on.
  const listingNo = `津和市监列严〔2026〕${(Date.now() % 900) + 100}号`;
  await fillField(page, dialog, '列入决定书文号', listingNo.replace('〔', '[').replace('〕', ']'));
  await fillField(page, dialog, '行政处罚决定书文号', target.decisionNo);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // What really happened (submitted for approval, not yet listed) and the statutory dates, at once.
  const created = page.getByTestId('created-dates');
  await expect(created).toBeVisible();
  await expect(page.getByTestId('created-result')).toContainText('待上级机关审批');
  await expect(page.getByRole('dialog', { name: '列入决定已提交审批' })).toBeVisible();
  await expect(created).toContainText(listingNo);
  await expect(created).toContainText('可申请提前移出日期');
  await expect(created).toContainText('审批');
  await expect(created).toContainText(/剩余 \d+ 个工作日|今天到期/);
  await page.getByRole('button', { name: /知道了|确\s*定|OK/ }).click();
  await expectNoErrorToast(page);

  // The district user may not approve: no 审批 action.
  await page.goto(`/credit/lists?keyword=${target.uscc}`);
  const pendingRow = page.locator('.ant-table-row').filter({ hasText: target.name }).first();
  await expect(pendingRow).toContainText('待审批');
  await expect(pendingRow).toContainText(listingNo);
  await expect(pendingRow).toContainText(`处罚决定：${target.decisionNo}`);
  await expect(pendingRow.getByRole('button', { name: /^审\s*批$/ })).toHaveCount(0);
  await signOut(page);

  // ── quality-office approves and publishes ──
  await signIn(page, 'quality-office');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  await page.goto(`/credit/lists?keyword=${target.uscc}`);
  const row = page.locator('.ant-table-row').filter({ hasText: target.name }).filter({ hasText: '待审批' }).first();
  await expect(row.getByTestId('next-step')).toContainText('审批');
  await row.getByRole('button', { name: /^审\s*批$/ }).click();
  const approve = page.getByRole('dialog');
  await fillField(page, approve, '审批文号', `津市监批〔2026〕E2E`);
  await approve.getByRole('button', { name: /确\s*定/ }).click();
  await expect(approve).toBeHidden();
  await expectNoErrorToast(page);
  const listed = page.locator('.ant-table-row').filter({ hasText: target.name }).filter({ hasText: '已列入' }).first();
  await expect(listed).toBeVisible();
  // Next step: publication by its statutory date, as a countdown.
  await expect(listed.getByTestId('next-step')).toContainText('公示');
  await listed.getByRole('button', { name: /^公\s*示$/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  const published = page.locator('.ant-table-row').filter({ hasText: target.name }).filter({ hasText: '已公示' }).first();
  await expect(published).toBeVisible();
  await expectNoErrorToast(page);
  // The detail drawer shows the steps with their dates.
  await published.getByRole('button', { name: /详\s*情/ }).click();
  const timeline = page.getByTestId('entry-timeline');
  await expect(timeline).toContainText('已公示');
  await expect(timeline).toContainText('可申请提前移出日期');
  await page.keyboard.press('Escape');

  // Overdue steps are flagged on the overview.
  await page.goto('/credit/overview');
  await expect(page.getByTestId('overview-list-overdue')).toBeVisible();
  await signOut(page);

  // ── the enterprise applies for repair of its penalty publication ──
  await signIn(page, 'enterprise');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  await page.goto('/credit/repairs');
  await page.getByRole('button', { name: /申请信用修复/ }).click();
  // By its exact title: the application's drawer, opened after submission, is a dialog too.
  const form = page.getByRole('dialog', { name: '申请信用修复', exact: true });
  await pickOption(page, form, '选择名单记录', await firstOption(page, form));
  // The dry run shows every condition before anything is submitted.
  await expect(form.getByTestId('repair-conditions')).toBeVisible();
  // Before the statement is written, only the form is missing: no "不满足" warning.
  await expect(form.getByTestId('repair-check')).toContainText('档案中的修复条件均已满足');
  const harm = form.locator('.ant-form-item').filter({ has: page.locator('label:text-is("消除不良影响情况")') }).locator('textarea');
  await harm.fill('已全额缴纳罚款，问题产品已全部召回销毁，并完成整改复查。');
  await harm.blur();
  await expect(form.getByTestId('repair-check')).toContainText('已满足全部修复条件');
  await form.locator('.ant-form-item').filter({ has: page.locator('label:text-is("理由")') }).locator('textarea').fill('处罚决定已履行完毕，公示期已满最短期限，申请提前停止公示。');
  await form.locator('.ant-form-item').filter({ has: page.locator('label:text-is("信用承诺书")') }).locator('textarea').fill('本企业承诺依法诚信经营，所提交材料真实有效。');
  await form.locator('input[type=file]').setInputFiles({ name: '罚款缴纳凭证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% receipt\n') });
  await form.getByRole('button', { name: /申请信用修复/ }).click();
  await expect(form).toBeHidden();
  await expectNoErrorToast(page);
  // The new application opens with its conditions and the proof file.
  await expect(page.locator('.ant-drawer').getByTestId('repair-conditions')).toBeVisible();
  await expect(page.locator('.ant-drawer')).toContainText('罚款缴纳凭证.pdf');
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-table-row').filter({ hasText: '待受理' }).first()).toBeVisible();
  await signOut(page);

  // ── quality-office accepts it ──
  await signIn(page, 'quality-office');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  await page.goto('/credit/repairs?status=submitted');
  const app = page.locator('.ant-table-row').filter({ hasText: '天津滨海示范食品有限公司' }).first();
  await expect(app).toContainText('待受理');
  await expect(app).toContainText(/剩余 \d+ 个工作日|今天到期/);
  await app.getByRole('button', { name: /^受\s*理$/ }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('repair-conditions')).toBeVisible();
  await acceptApplication(page, drawer);
  await expect(drawer.getByRole('button', { name: /^决\s*定$/ })).toBeVisible();
});

/** The label of the first option of a select in the form (the enterprise's repairable entry). */
async function firstOption(page: Page, scope: ReturnType<Page['getByRole']>): Promise<string> {
  const item = scope.locator('.ant-form-item').filter({ has: page.locator('label:text-is("选择名单记录")') });
  await item.locator('.ant-select').click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '行政处罚信息公示' }).first();
  await expect(option).toBeVisible();
  const title = (await option.getAttribute('title')) ?? (await option.innerText());
  await page.keyboard.press('Escape');
  return title;
}

// Issue 12 §3.4: the person who compiled a listing is not offered its approval; the button says why.
test('the compiler of a listing sees the approval disabled, with the reason', async ({ page }) => {
  test.setTimeout(90_000);
  const office = await apiAs('quality-office');
  const items = (await office.get<{ items: EntityRow[] }>('/api/entities?districtCode=120116&pageSize=50')).items;
  let target: EntityRow | null = null;
  for (const e of items) {
    const lists = await office.get<ListEntryRow[]>(`/api/credit/entities/${e.uscc}/lists`);
    if (!lists.some((l) => l.list === 'serious-violation' && ['pending_approval', 'listed', 'published'].includes(l.status))) {
      target = e;
      break;
    }
  }
  expect(target).not.toBeNull();
  const n = (Date.now() % 900) + 100;
  await office.post('/api/credit/lists', { list: 'serious-violation', uscc: target!.uscc, decisionDate: new Date().toISOString().slice(0, 10), grounds: 'fair_competition', decisionNo: `津市监列严〔2026〕${n}号`, penaltyDecisionNo: `津市监罚〔2026〕${n}号` }, 201);
  await signIn(page, 'quality-office');
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
  await page.goto(`/credit/lists?keyword=${target!.uscc}`);
  const row = page.locator('.ant-table-row').filter({ hasText: target!.name }).filter({ hasText: '待审批' }).first();
  const own = row.getByTestId('approve-own');
  await expect(own).toBeDisabled();
  await own.hover({ force: true });
  await expect(page.locator('.ant-tooltip')).toContainText('须由其他有审批权限的人员审批');
  await page.screenshot({ path: '/tmp/shots-credit/own-listing-approve-disabled.png', fullPage: true });
  await office.dispose();
});
