import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers.js';

/**
 * The built web app under its Content-Security-Policy, in a real browser: no page breaks the
 * policy (a blocked style, script or eval would show as a `securitypolicyviolation` event or a
 * console error), and the policy is really the one the server sends.
 */

interface ViolationEvent {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
}
interface BrowserGlobals {
  __csp: string[];
  document: { addEventListener(type: 'securitypolicyviolation', listener: (e: ViolationEvent) => void): void };
}

async function watchViolations(page: Page): Promise<{ violations: () => Promise<string[]>; consoleErrors: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    // A 401 before login is the app asking who is logged in, not a policy failure.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) consoleErrors.push(m.text());
  });
  // Runs in the page (the e2e project compiles without the DOM library, hence the local types).
  await page.addInitScript(() => {
    const seen: string[] = [];
    const g = globalThis as unknown as BrowserGlobals;
    g.__csp = seen;
    g.document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return {
    consoleErrors,
    violations: () => page.evaluate(() => (globalThis as unknown as BrowserGlobals).__csp),
  };
}

/** Move the mouse over the first chart so its tooltip (HTML with inline styles) is drawn. */
async function hoverChart(page: Page): Promise<void> {
  const canvas = page.locator('canvas').first();
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
}

test.describe('Content-Security-Policy', () => {
  test('the server sends it with the web app: scripts only from the server, no framing', async ({ request }) => {
    const res = await request.get('/login');
    const csp = res.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers()['x-frame-options']).toBe('DENY');
  });

  test('login, home, lists and charts run without a single violation', async ({ page }) => {
    // Six pages in one test: allow a loaded machine its time.
    test.setTimeout(180_000);
    const watch = await watchViolations(page);
    await page.goto('/login');
    await expect(page.locator('#username')).toBeVisible();
    expect(await watch.violations()).toEqual([]);

    await login(page, 'admin');
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page.locator('.ant-layout-sider')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await watch.violations(), 'home').toEqual([]);

    // A page with charts (the credit overview: grades and risk classes), its tooltip drawn.
    await page.goto('/credit/overview');
    await page.waitForLoadState('networkidle');
    await hoverChart(page);
    await page.waitForTimeout(300);
    expect(await watch.violations(), '/credit/overview').toEqual([]);

    // List pages, with a dropdown opened (popups are positioned with inline styles).
    for (const path of ['/entities', '/tasks', '/system/users']) {
      await page.goto(path);
      await expect(page.locator('.ant-table').first()).toBeVisible({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      await page.locator('.ant-select').first().click();
      await page.keyboard.press('Escape');
      expect(await watch.violations(), path).toEqual([]);
    }
    expect(watch.consoleErrors).toEqual([]);
  });

  test('the API docs run under their own policy without a violation', async ({ page }) => {
    const watch = await watchViolations(page);
    await page.goto('/api/docs');
    await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible({ timeout: 30_000 });
    expect(await watch.violations()).toEqual([]);
  });
});
