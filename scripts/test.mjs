#!/usr/bin/env node
// `npm test`: unit and integration tests (Vitest, on PGlite — or on PostgreSQL when DATABASE_URL
// is set), then end-to-end tests (Playwright driving Debian's Chromium against the built app).
// Without Chromium the e2e part is skipped with a loud message; with CI=true that is an error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isBuildFresh, markBuilt, ROOT } from './build-state.mjs';

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return r.status ?? 1;
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

const only = process.argv[2]; // optional: "unit" or "e2e"
// Anything after it goes to the runner: `node scripts/test.mjs e2e --grep @both-databases` (CI's PGlite e2e pass).
const extra = process.argv.slice(3);
const db = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite';

if (only !== 'e2e') {
  console.log(`\n▶ 单元与集成测试 / unit and integration tests on ${db}\n`);
  const status = run('npx', ['vitest', 'run', ...extra]);
  if (status !== 0) process.exit(status);
}

if (only !== 'unit') {
  const chromium = findChromium();
  if (!chromium) {
    const banner = [
      '',
      '!'.repeat(78),
      '!!  端到端测试已跳过：未找到 Chromium。请安装 Debian 软件包 chromium（apt-get install chromium）。',
      '!!  E2E TESTS SKIPPED: no Chromium found. Install Debian\'s chromium package or set CHROMIUM_PATH.',
      '!'.repeat(78),
      '',
    ].join('\n');
    if (process.env.CI === 'true') {
      console.error(`${banner}\nCI=true: a missing browser is an error.`);
      process.exit(1);
    }
    console.warn(banner);
    process.exit(0);
  }
  if (!isBuildFresh()) {
    console.log('\n▶ 构建网页端 / building the app for the e2e tests\n');
    const status = run('npm', ['run', 'build']);
    if (status !== 0) process.exit(status);
    markBuilt();
  }
  console.log(`\n▶ 端到端测试 / end-to-end tests (Chromium: ${chromium}, ${db})\n`);
  process.exit(run('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...extra], { CHROMIUM_PATH: chromium }));
}
