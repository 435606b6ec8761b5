#!/usr/bin/env node
// Regenerate the README's screenshots (docs/screenshots/*.png): start the BUILT product on a fresh
// PGlite directory with the demo city and known passwords, sign in as the user each page is for, and
// take one screenshot per page — every module, so the README never shows an older product.
//   npm run build && node scripts/readme-screenshots.mjs [--only plans,tasks] [--port 3990]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ROOT } from './build-state.mjs';

const { values } = parseArgs({ options: { only: { type: 'string' }, port: { type: 'string', default: '3990' } } });
const ADMIN_PASSWORD = 'Shots-Admin-Pass-2026';
const DEMO_PASSWORD = 'Shots-Demo-Pass-2026';

/** One line per screenshot: file name, who looks, the page, and what must be on screen before the shot. */
const SHOTS = [
  { file: 'login', user: null, path: '/login', ready: '#username' },
  { file: 'home', user: 'quality-office', path: '/', ready: '.ant-card' },
  { file: 'plans', user: 'quality-office', path: '/plans', ready: '.ant-table-row' },
  { file: 'tasks', user: 'quality-office', path: '/tasks', ready: '.ant-table-row' },
  { file: 'dashboard', user: 'quality-office', path: '/dashboard', ready: 'canvas' },
  { file: 'assessment', user: 'quality-office', path: '/assessment/scoring', ready: '.ant-table' },
  { file: 'entities', user: 'quality-office', path: '/entities', ready: '.ant-table-row' },
  { file: 'credit-overview', user: 'quality-office', path: '/credit/overview', ready: 'canvas' },
  { file: 'credit-lists', user: 'quality-office', path: '/credit/lists', ready: '.ant-table-row' },
  { file: 'credit-honours', user: 'quality-office', path: '/credit/honours', ready: '.ant-table' },
  { file: 'credit-repairs', user: 'quality-office', path: '/credit/repairs', ready: '.ant-table' },
  { file: 'my-enterprise', user: 'enterprise', path: '/my-enterprise', ready: '.ant-card' },
  { file: 'home-district', user: 'district-user', path: '/', ready: '.ant-card' },
  { file: 'users', user: 'admin', path: '/system/users', ready: '.ant-table-row' },
  { file: 'roles', user: 'admin', path: '/system/roles', ready: '.ant-table-row' },
  { file: 'departments', user: 'admin', path: '/system/departments', ready: '.ant-table-row' },
  { file: 'calendar', user: 'admin', path: '/system/calendar', ready: '.ant-card' },
  { file: 'audit', user: 'admin', path: '/monitor/audit', ready: '.ant-table-row' },
  { file: 'home-inspector', user: 'inspector', path: '/', ready: '.ant-card' },
  { file: 'submissions', user: 'quality-office', path: '/submissions', ready: '.ant-table' },
  { file: 'documents', user: 'admin', path: '/system/documents', ready: '.ant-card, .ant-form' },
  { file: 'jobs', user: 'admin', path: '/system/jobs', ready: '.ant-table-row' },
  { file: 'portal', user: null, path: '/credit-lookup', ready: 'input' },
  { file: 'portal-lists', user: null, path: '/credit-lists', ready: '.ant-table' },
];

const only = values.only ? new Set(values.only.split(',')) : null;
const shots = SHOTS.filter((s) => !only || only.has(s.file));
const dataDir = mkdtempSync(join(tmpdir(), 'zl-shots-'));
Object.assign(process.env, {
  PORT: values.port,
  HOST: '127.0.0.1',
  ZHILIANG_DATA_DIR: dataDir,
  ZHILIANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
  ZHILIANG_DEMO_PASSWORD: DEMO_PASSWORD,
  LOG_LEVEL: 'warn',
});
delete process.env.DATABASE_URL;
const { startServer } = await import(join(ROOT, 'dist/server/src/server.js'));
const { loadConfig } = await import(join(ROOT, 'dist/server/src/config/config.js'));
const server = await startServer(loadConfig());
const base = `http://127.0.0.1:${values.port}`;
const out = join(ROOT, 'docs/screenshots');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const contexts = new Map();
  async function pageFor(user) {
    if (contexts.has(user)) return contexts.get(user);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    if (user) {
      await page.goto(`${base}/login`);
      await page.locator('#username').fill(user);
      await page.locator('#password').fill(user === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
    }
    contexts.set(user, page);
    return page;
  }
  for (const s of shots) {
    const page = await pageFor(s.user);
    await page.goto(`${base}${s.path}`);
    await page.locator(s.ready).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(600); // charts animate in
    const file = join(out, `${s.file}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(`${file}  (${s.user ?? '未登录 signed out'} ${s.path})`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
