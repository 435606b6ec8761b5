#!/usr/bin/env node
// Log in and take full-page screenshots of app pages with Debian's Chromium (a development aid).
//   node scripts/screenshot.mjs --base http://localhost:5173 --user admin --password '…' \
//        --out /tmp/shots /system/users /system/roles …   [--lang en] [--width 1440]
// Each path is saved as <out>/<path with / replaced by _>.png. Without --user, pages are shot signed out.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: 'http://localhost:3000' },
    user: { type: 'string' },
    password: { type: 'string' },
    out: { type: 'string', default: '/tmp/zl-shots' },
    lang: { type: 'string', default: 'zh' },
    width: { type: 'string', default: '1440' },
    height: { type: 'string', default: '900' },
    wait: { type: 'string', default: '800' },
  },
});
mkdirSync(values.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: Number(values.width), height: Number(values.height) }, locale: values.lang === 'en' ? 'en-US' : 'zh-CN' });
await context.addCookies([{ name: 'zl_lang', value: values.lang, url: values.base }]);
const page = await context.newPage();
if (values.user) {
  await page.goto(`${values.base}/login`);
  await page.locator('#username').fill(values.user);
  await page.locator('#password').fill(values.password ?? '');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15000 });
}
for (const path of positionals.length ? positionals : ['/']) {
  await page.goto(`${values.base}${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(Number(values.wait));
  const file = join(values.out, `${path.replace(/[/?=&]+/g, '_').replace(/^_/, '') || 'home'}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
