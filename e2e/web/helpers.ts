import { expect, request, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { E2E } from '../e2e-env.js';

/** Log in through the login page: for the specs about logging in itself (lockout, logout, CSP of the login page). */
export async function login(page: Page, username: string, password = username === 'admin' ? E2E.adminPassword : E2E.demoPassword): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

type Cookies = Awaited<ReturnType<APIRequestContext['storageState']>>['cookies'];
/** One API login per account and Playwright worker; the specs of a run share its session cookies. */
const sessions = new Map<string, Promise<Cookies>>();

async function sessionOf(username: string): Promise<Cookies> {
  const api = await request.newContext({ baseURL: E2E.baseUrl });
  const res = await api.post('/api/auth/login', { data: { username, password: username === 'admin' ? E2E.adminPassword : E2E.demoPassword } });
  expect(res.status(), await res.text()).toBe(200);
  const { cookies } = await api.storageState();
  await api.dispose();
  return cookies;
}

/**
 * Be `username` in the browser and open the home page, where a login through the page lands. The
 * session comes from one API login per account shared by every spec (the login page and argon2
 * once, not in each spec; CI's e2e time is budgeted per module in docs/BENCHMARKS.md). Specs that
 * test logging in or out use `login()`.
 */
export async function signIn(page: Page, username: string): Promise<void> {
  let cookies = sessions.get(username);
  if (!cookies) {
    cookies = sessionOf(username);
    sessions.set(username, cookies);
    cookies.catch(() => sessions.delete(username));
  }
  // The new session's cookies replace the old ones, as the login response's Set-Cookie would.
  await page.context().addCookies(await cookies);
  await page.goto('/');
  // A full page load (the login page's SPA navigation had the bundle already): allow for a busy machine.
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible({ timeout: 30_000 });
}

/**
 * Pick an option of an antd Select (or TreeSelect) inside `scope`, by the field's label. A click that
 * did not take (the list was still being laid out) is tried again; an option already chosen is never
 * clicked twice (that would unselect it in a multiple select).
 */
export async function pickOption(page: Page, scope: Locator, label: string, option: string, opts: { search?: string } = {}): Promise<void> {
  const item = scope.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });
  const select = item.locator('.ant-select').first();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if (!(await select.innerText()).includes(option)) {
      if (!(await isOpen(select))) await select.click();
      if (opts.search) await item.locator('input').first().fill(opts.search);
      await dropdown.locator(`.ant-select-item-option[title="${option}"], .ant-select-tree-node-content-wrapper[title="${option}"]`).first().click({ timeout: 3000 });
    }
    await expect(select).toContainText(option, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // A multiple select stays open: close it. (Escape with no list open would close the dialog.)
  if (await isOpen(select)) await page.keyboard.press('Escape');
  await expect(select).toContainText(option);
}

async function isOpen(select: Locator): Promise<boolean> {
  return ((await select.getAttribute('class')) ?? '').includes('ant-select-open');
}

export async function fillField(page: Page, scope: Locator, label: string, value: string): Promise<void> {
  const item = scope.locator('.ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });
  await item.locator('input').first().fill(value);
}

export async function expectNoErrorToast(page: Page): Promise<void> {
  await expect(page.locator('.ant-notification-notice-error')).toHaveCount(0);
}

/** Accept a repair or objection application from its open detail drawer (confirming the accept dialog) and see it accepted. */
export async function acceptApplication(page: Page, drawer: Locator): Promise<void> {
  await drawer.getByRole('button', { name: /^受\s*理$/ }).click();
  const accept = page.getByRole('dialog').filter({ hasText: '不予受理' });
  await accept.getByRole('button', { name: /确\s*定/ }).click();
  await expect(accept).toBeHidden();
  await expectNoErrorToast(page);
  await expect(drawer).toContainText('已受理');
}

/** Today in China (the server's calendar day for every statutory date), shifted by whole days, as YYYY-MM-DD. */
export function chinaDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

/**
 * An API session of the administrator or a demo user that sends the CSRF header on writes; each
 * call asserts the status it expects (200 unless told) and returns the parsed body.
 */
export async function apiAs(username: string) {
  const api = await request.newContext({ baseURL: E2E.baseUrl });
  const res = await api.post('/api/auth/login', { data: { username, password: username === 'admin' ? E2E.adminPassword : E2E.demoPassword } });
  expect(res.status(), await res.text()).toBe(200);
  const csrf = decodeURIComponent((await api.storageState()).cookies.find((c) => c.name === 'zl_csrf')!.value);
  return {
    get: async <T>(url: string, status = 200): Promise<T> => {
      const r = await api.get(url);
      expect(r.status(), `${url}: ${await r.text()}`).toBe(status);
      return (await r.json()) as T;
    },
    post: async <T>(url: string, data: unknown, status = 200): Promise<T> => {
      const r = await api.post(url, { data, headers: { 'x-csrf-token': csrf } });
      expect(r.status(), `${url}: ${await r.text()}`).toBe(status);
      return (await r.json()) as T;
    },
    dispose: () => api.dispose(),
  };
}
export type Api = Awaited<ReturnType<typeof apiAs>>;
