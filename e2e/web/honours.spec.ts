import { expect, request, test, type Locator, type Page } from '@playwright/test';
import { E2E } from '../e2e-env.js';
import { apiAs, chinaDay, expectNoErrorToast, fillField, signIn, type Api } from './helpers.js';

interface RoundEntry {
  uscc: string;
  entityName: string;
  status: string;
}
interface RoundDetail {
  id: number;
  list: string;
  title: string;
  status: string;
  members: number;
  criteria: { grades: string[]; noPenaltyYears?: number; notListed?: boolean };
  publishedOn: string | null;
  validUntil: string | null;
  createdBy: string;
  createdByName: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  entries: RoundEntry[];
}
interface ErrorBody {
  error: { code: string; message: string };
}
interface PublicCredit {
  uscc: string;
  name: string;
  lists: { type: string; since: string | null; until: string | null }[];
}

/** The lists an entity is publicly on, read without logging in. */
async function publicLists(uscc: string): Promise<PublicCredit['lists']> {
  const anon = await request.newContext({ baseURL: E2E.baseUrl });
  try {
    const r = await anon.get(`/api/public/credit/${uscc}`);
    expect(r.status(), await r.text()).toBe(200);
    return ((await r.json()) as PublicCredit).lists;
  } finally {
    await anon.dispose();
  }
}

/** Every entity graded `grade`, page by page. */
async function entitiesGraded(api: Api, grade: string): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await api.get<{ items: { uscc: string }[]; total: number }>(`/api/entities?grade=${grade}&pageSize=200&page=${page}`);
    out.push(...items.map((e) => e.uscc));
    if (out.length >= total || items.length === 0) return out;
  }
}

/** Why the default red criteria leave an entity out: a penalty within three years, or an active credit list. */
async function excludedFromRed(api: Api, uscc: string, since: string): Promise<boolean> {
  const penalties = await api.get<{ total: number }>(`/api/entities/${uscc}/records?kind=penalty&from=${since}&pageSize=1`);
  if (penalties.total > 0) return true;
  const lists = await api.get<{ list: string; status: string }[]>(`/api/credit/entities/${uscc}/lists`);
  return lists.some((l) => ['serious-violation', 'abnormal', 'penalty-publication'].includes(l.list) && ['listed', 'published'].includes(l.status));
}

async function signInAs(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
}

async function openHonours(page: Page): Promise<void> {
  await page.goto('/credit/honours');
  await expect(page.getByRole('heading', { name: '红黑榜' })).toBeVisible();
}

function roundRow(page: Page, title: string): Locator {
  return page.locator('.ant-table-row').filter({ hasText: title });
}

async function confirmPopover(page: Page): Promise<void> {
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
}

// The city quality office (质量办, credit:honour:manage + approve) compiles a red-list round from the
// grades and archive records, submits it; it may not approve its own round, a district officer and an
// enterprise are refused, nothing is public yet; the administrator (the other holder of
// credit:honour:approve in the seed) approves; the office publishes; the entity shows on the portal.
test('a red-list round: compiled, submitted, approved by another officer, published, public', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const today = chinaDay();
  const year = today.slice(0, 4);
  const title = `${year}年度质量信用红榜（e2e-${Date.now().toString(36)}）`;
  const apis: Api[] = [];
  try {
    const office = await apiAs('quality-office');
    apis.push(office);

    // Who was already on a published red list before this round (the demo city has one round).
    const published = await office.get<{ items: { id: number }[] }>('/api/credit/honours?list=red&status=published&pageSize=100');
    const alreadyRed = new Set<string>();
    for (const r of published.items) for (const e of (await office.get<RoundDetail>(`/api/credit/honours/${r.id}`)).entries) alreadyRed.add(e.uscc);

    // ── quality-office compiles the round from the credit lists page's menu ──
    await signInAs(page, 'quality-office');
    await page.goto('/credit/lists');
    await expect(page.getByRole('heading', { name: '信用名单' })).toBeVisible();
    await page.getByRole('menuitem', { name: '红黑榜' }).click();
    await expect(page).toHaveURL(/\/credit\/honours$/);
    await expect(page.getByRole('heading', { name: '红黑榜' })).toBeVisible();

    await page.getByRole('button', { name: /编\s*制/ }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '编制红黑榜' });
    await expect(modal).toBeVisible();
    await expect(modal.locator('.ant-form-item').filter({ has: page.locator('label:text-is("榜单")') })).toContainText('红榜');
    await expect(modal).toContainText('不填则使用默认条件：红榜 AAA、AA 级且三年内无处罚、未列入名单');
    await fillField(page, modal, '周期', year);
    await fillField(page, modal, '标题', title);
    const compiled = page.waitForResponse((r) => r.url().endsWith('/api/credit/honours') && r.request().method() === 'POST');
    await modal.getByRole('button', { name: /^编\s*制$/ }).click();
    const compileRes = await compiled;
    expect(compileRes.status(), await compileRes.text()).toBe(201);
    const round = (await compileRes.json()) as RoundDetail;
    await expect(modal).toBeHidden();
    await expectNoErrorToast(page);
    expect(round).toMatchObject({ list: 'red', title, status: 'draft', createdBy: 'quality-office', approvedBy: null, publishedOn: null });
    expect(round.createdByName).toBe('王质量（天津市质量强市建设协调推进领导小组办公室）');
    expect(round.criteria).toEqual({ grades: ['AAA', 'AA'], noPenaltyYears: 3, notListed: true });
    expect(round.members).toBe(round.entries.length);
    expect(round.members).toBeGreaterThan(0);

    // The proposed members, shown at once in the round's drawer.
    const drawer = page.locator('.ant-drawer').filter({ hasText: title });
    await expect(drawer.locator('.ant-drawer-title')).toHaveText(title);
    await expect(drawer).toContainText('草稿');
    await expect(drawer).toContainText(`${round.members} 家`);
    await expect(drawer).toContainText('信用等级：AAA 级（信用优秀）、AA 级（信用良好）');
    await expect(drawer).toContainText('近 3 年内无行政处罚');
    await expect(drawer).toContainText('未被列入任何信用名单');
    const memberRows = drawer.getByTestId('round-members').locator('.ant-table-row');
    await expect(memberRows).toHaveCount(Math.min(20, round.members));
    for (const [i, e] of round.entries.slice(0, 3).entries()) {
      await expect(memberRows.nth(i)).toContainText(e.entityName);
      await expect(memberRows.nth(i)).toContainText(e.uscc);
    }

    // The proposal is right: every member is graded AAA or AA, and every such entity left out has a
    // penalty within three years or an active credit listing.
    const graded = new Set([...(await entitiesGraded(office, 'AAA')), ...(await entitiesGraded(office, 'AA'))]);
    const members = new Set(round.entries.map((e) => e.uscc));
    expect(round.entries.filter((e) => !graded.has(e.uscc))).toEqual([]);
    const threeYearsAgo = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
    for (const uscc of [...graded].filter((u) => !members.has(u))) expect(await excludedFromRed(office, uscc, threeYearsAgo), `${uscc} left out without a reason`).toBe(true);

    // The entity followed to the portal: shown on the drawer's first page, not yet on any red list.
    const target = round.entries.slice(0, 20).find((e) => !alreadyRed.has(e.uscc));
    expect(target, 'a member on the first page not already on the demo red list').toBeTruthy();
    const who = target!;
    expect(await excludedFromRed(office, who.uscc, threeYearsAgo)).toBe(false);
    await expect(drawer.getByTestId('round-members').locator('.ant-table-row').filter({ hasText: who.uscc })).toContainText(who.entityName);
    // A draft's members are not public.
    expect((await publicLists(who.uscc)).map((l) => l.type)).not.toContain('red');
    await drawer.locator('.ant-drawer-close').click();
    await expect(drawer).toBeHidden();

    const row = roundRow(page, title);
    await expect(row).toContainText('草稿');
    // The compiler as a person, the login name (the audit log's) on hover.
    await expect(row).toContainText('编制：王质量');
    await expect(row).not.toContainText('quality-office');
    await expect(row.getByTestId('person-name')).toHaveAttribute('data-username', 'quality-office');
    await expect(row).toContainText(`${round.members} 家`);
    await expect(row.getByRole('button', { name: /^发\s*布$/ })).toHaveCount(0);
    await expect(row.getByRole('button', { name: /^审\s*批$/ })).toHaveCount(0);

    // A draft cannot be approved (not submitted) nor published (not approved), even by the administrator.
    const admin = await apiAs('admin');
    apis.push(admin);
    expect((await admin.post<ErrorBody>(`/api/credit/honours/${round.id}/approve`, { approve: true }, 409)).error.code).toBe('LIST_STEP_INVALID');
    expect((await office.post<ErrorBody>(`/api/credit/honours/${round.id}/publish`, {}, 409)).error.code).toBe('LIST_STEP_INVALID');

    // ── submitted for approval ──
    await row.getByRole('button', { name: '提交审批' }).click();
    await confirmPopover(page);
    await expect(page.locator('.ant-message')).toContainText('已提交审批');
    await expect(row).toContainText('待审批');
    await expectNoErrorToast(page);
    // The compiler holds the approval permission but not for its own round: the button is disabled, and the server refuses.
    const ownApprove = row.getByRole('button', { name: /^审\s*批$/ });
    await expect(ownApprove).toBeDisabled();
    await expect(ownApprove).toHaveAttribute('title', '红黑榜须由编制人以外的人员审批，请由其他有审批权限的人员办理。');
    await expect(row.getByRole('button', { name: /^发\s*布$/ })).toHaveCount(0);
    const self = await office.post<ErrorBody>(`/api/credit/honours/${round.id}/approve`, { approve: true }, 409);
    expect(self.error.code).toBe('APPROVAL_SELF');
    // Not approved yet: publishing is refused.
    expect((await office.post<ErrorBody>(`/api/credit/honours/${round.id}/publish`, {}, 409)).error.code).toBe('LIST_STEP_INVALID');

    // A district officer and an enterprise hold no credit:honour:approve: refused.
    const district = await apiAs('district-user');
    const enterprise = await apiAs('enterprise');
    apis.push(district, enterprise);
    expect((await district.post<ErrorBody>(`/api/credit/honours/${round.id}/approve`, { approve: true }, 403)).error.code).toBe('FORBIDDEN');
    expect((await district.post<ErrorBody>(`/api/credit/honours/${round.id}/publish`, {}, 403)).error.code).toBe('FORBIDDEN');
    expect((await enterprise.post<ErrorBody>(`/api/credit/honours/${round.id}/approve`, { approve: true }, 403)).error.code).toBe('FORBIDDEN');
    expect((await enterprise.get<ErrorBody>(`/api/credit/honours/${round.id}`, 403)).error.code).toBe('FORBIDDEN');
    expect((await office.get<RoundDetail>(`/api/credit/honours/${round.id}`)).status).toBe('pending_approval');
    // The district officer has no red/black page: not in the menu, and a 403 page at its address.
    const districtContext = await browser.newContext();
    try {
      const districtPage = await districtContext.newPage();
      await signInAs(districtPage, 'district-user');
      await districtPage.goto('/credit/lists');
      await expect(districtPage.getByRole('heading', { name: '信用名单' })).toBeVisible();
      await expect(districtPage.getByRole('menuitem', { name: '信用名单' })).toBeVisible();
      await expect(districtPage.getByRole('menuitem', { name: '红黑榜' })).toHaveCount(0);
      await districtPage.goto('/credit/honours');
      await expect(districtPage.getByText('没有访问此页面的权限')).toBeVisible();
    } finally {
      await districtContext.close();
    }
    // Awaiting approval: still not public.
    expect((await publicLists(who.uscc)).map((l) => l.type)).not.toContain('red');

    // ── the administrator approves ──
    await signInAs(page, 'admin');
    await openHonours(page);
    await expect(row).toContainText('待审批');
    await row.getByRole('button', { name: /^审\s*批$/ }).click();
    const approve = page.getByRole('dialog').filter({ hasText: '审批该红黑榜（不能审批自己编制的）' });
    await expect(approve).toContainText(title);
    await expect(approve.getByRole('radio', { name: '批准发布' })).toBeChecked();
    await approve.locator('textarea').fill('经审核，入榜主体符合红榜条件，同意发布。');
    await approve.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(approve).toBeHidden();
    await expectNoErrorToast(page);
    await expect(row).toContainText('已批准');
    const approved = await office.get<RoundDetail>(`/api/credit/honours/${round.id}`);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'admin', publishedOn: null });
    // Approved but not published: still not public, on the API nor on the portal page.
    expect((await publicLists(who.uscc)).map((l) => l.type)).not.toContain('red');
    const portal = await browser.newPage();
    try {
      await portal.goto(`/credit-lookup?uscc=${who.uscc}`);
      const card = portal.getByTestId('portal-card');
      await expect(card).toContainText(who.entityName);
      await expect(card).not.toContainText('质量信用红榜');
    } finally {
      await portal.close();
    }

    // ── the quality office publishes ──
    await signInAs(page, 'quality-office');
    await openHonours(page);
    await expect(row).toContainText('已批准');
    await row.getByRole('button', { name: /^发\s*布$/ }).click();
    await confirmPopover(page);
    await expect(row).toContainText('已发布');
    await expectNoErrorToast(page);
    const done = await office.get<RoundDetail>(`/api/credit/honours/${round.id}`);
    expect(done).toMatchObject({ status: 'published', publishedOn: today, approvedBy: 'admin', members: round.members });
    expect(done.validUntil! > today).toBe(true);
    expect(done.entries.filter((e) => e.status !== 'published')).toEqual([]);
    await expect(row).toContainText(today);
    await expect(row).toContainText(done.validUntil!);
    await expect(row.getByRole('button', { name: /^发\s*布$/ })).toHaveCount(0);
    await page.screenshot({ path: '/tmp/honours-published.png', fullPage: true });
    // Once published it cannot be published again.
    expect((await office.post<ErrorBody>(`/api/credit/honours/${round.id}/publish`, {}, 409)).error.code).toBe('LIST_STEP_INVALID');

    await row.getByText(title).click();
    await expect(drawer).toContainText('已发布');
    await expect(drawer.locator('.ant-descriptions')).toContainText('系统管理员（信息中心）');
    await expect(drawer.locator('.ant-descriptions').getByTestId('person-name').filter({ hasText: '系统管理员' })).toHaveAttribute('data-username', 'admin');
    await expect(drawer.getByTestId('round-members').locator('.ant-table-row').first()).toContainText('已公示');
    await page.screenshot({ path: '/tmp/honours-published-drawer.png', fullPage: true });
    await drawer.locator('.ant-drawer-close').click();

    // The member shows on the red tab of the credit lists.
    await page.goto(`/credit/lists?list=red&keyword=${who.uscc}`);
    await expect(page.locator('.ant-table-row').filter({ hasText: who.entityName }).filter({ hasText: '已公示' })).toHaveCount(1);

    // ── public: the API and the portal page, without logging in ──
    const lists = await publicLists(who.uscc);
    expect(lists.filter((l) => l.type === 'red')).toEqual([expect.objectContaining({ type: 'red', since: today, until: done.validUntil })]);
    const portalAfter = await browser.newPage();
    try {
      await portalAfter.goto(`/credit-lookup?uscc=${who.uscc}`);
      const card = portalAfter.getByTestId('portal-card');
      await expect(card).toContainText(who.entityName);
      const redRow = card.locator('.ant-table-row').filter({ hasText: '质量信用红榜' });
      await expect(redRow).toHaveCount(1);
      await expect(redRow).toContainText(today);
      await expect(redRow).toContainText(done.validUntil!);
      await portalAfter.screenshot({ path: '/tmp/honours-portal.png', fullPage: true });
    } finally {
      await portalAfter.close();
    }
  } finally {
    for (const a of apis) await a.dispose();
  }
});
