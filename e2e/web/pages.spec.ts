import { expect, test, type Page } from '@playwright/test';
import { apiAs, expectNoErrorToast, signIn } from './helpers.js';

// Every page of the web app opened once, by an account that may open it: it renders, it is not
// refused or missing, no error toast shows and no API call behind it answers 5xx. The user journeys
// in the other specs go deeper and run once in CI, on PostgreSQL; this tour (with the HTTP specs) is
// tagged @both-databases, so CI also proves the built product serves every page on PGlite — Vitest
// has already run every route and query there (docs/BENCHMARKS.md, "CI duration"). A new page gets
// a line here.

/** The administrator holds every permission: every staff page, by menu section (one test each). */
const STAFF_PAGES: Record<string, string[]> = {
  'quality work': ['/', '/dashboard', '/plans', '/tasks', '/assessment/schemes', '/assessment/scoring', '/assessment/mine'],
  'entities and credit': ['/entities', '/submissions', '/credit/overview', '/credit/lists', '/credit/honours', '/credit/repairs', '/credit/sanctions', '/credit/models'],
  'system and monitoring': ['/system/districts', '/system/departments', '/system/users', '/system/roles', '/system/dicts', '/system/calendar', '/system/documents', '/system/jobs', '/monitor/operlog', '/monitor/audit', '/change-password'],
};
const ENTERPRISE_PAGES = ['/', '/my-enterprise'];
const PUBLIC_PAGES = ['/login', '/credit-lookup', '/credit-lists'];

/** Open `path` and wait until it has settled; collect the API calls that failed on the server. */
async function openPage(page: Page, path: string): Promise<void> {
  const serverErrors: string[] = [];
  const onResponse = (res: { status(): number; url(): string }) => {
    if (res.status() >= 500 && new URL(res.url()).pathname.startsWith('/api/')) serverErrors.push(`${res.status()} ${res.url()}`);
  };
  page.on('response', onResponse);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  await expect(page.locator('#root')).not.toBeEmpty();
  await expect(page.locator('.ant-result-403, .ant-result-404, .ant-result-500')).toHaveCount(0);
  await expectNoErrorToast(page);
  expect(serverErrors, path).toEqual([]);
}

test.describe('every page once', { tag: '@both-databases' }, () => {
  test('the public pages', async ({ page }) => {
    for (const path of PUBLIC_PAGES) await test.step(path, () => openPage(page, path));
  });

  for (const [section, paths] of Object.entries(STAFF_PAGES)) {
    test(`the ${section} pages, as the administrator`, async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, 'admin');
      for (const path of paths) {
        await test.step(path, async () => {
          await openPage(page, path);
          await expect(page).toHaveURL(new RegExp(`${path === '/' ? '/$' : path}`));
        });
      }
    });
  }

  test('a plan’s and an entity’s detail page, as the administrator', async ({ page }) => {
    await signIn(page, 'admin');
    const admin = await apiAs('admin');
    const { items: entities } = await admin.get<{ items: { uscc: string }[] }>('/api/entities?pageSize=1');
    const { items: plans } = await admin.get<{ items: { id: number }[] }>('/api/plans?pageSize=1');
    await admin.dispose();
    for (const path of [`/entities/${entities[0]!.uscc}`, ...plans.slice(0, 1).map((p) => `/plans/${p.id}`)]) {
      await test.step(path, () => openPage(page, path));
    }
  });

  test('the enterprise’s own pages', async ({ page }) => {
    await signIn(page, 'enterprise');
    for (const path of ENTERPRISE_PAGES) await test.step(path, () => openPage(page, path));
  });
});
