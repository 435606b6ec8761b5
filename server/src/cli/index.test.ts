/**
 * The command line in-process (runCli), on its own database: a fresh PGlite data directory, or a
 * fresh PostgreSQL database when the suite runs on PostgreSQL. Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfiguredDatabase } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { VERSION } from '../config/paths.js';
import type { DbHandle } from '../db/client.js';
import { findUserByUsername } from '../modules/system/index.js';
import { auditHeadRow, auditRowsAfter } from '../platform/audit/audit.repository.js';
import { verifyPassword } from '../platform/auth/password.js';
import { cli } from '../test/run-cli.js';
import { cliDatabase } from '../test/cli-db.js';

const db = cliDatabase('cli-t');

beforeAll(() => db.setup());
afterAll(() => db.teardown());


/** Open the CLI's database directly (after the CLI has closed it). */
async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openConfiguredDatabase(loadConfig());
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

describe('usage', () => {
  it('prints the version and help with exit code 0', async () => {
    const version = await cli('--version');
    expect(version.code).toBe(0);
    expect(version.out).toContain(VERSION);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('user');
    expect(help.out).toContain('audit');
  });

  it('exits with 2 on an unknown command or a missing required option', async () => {
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('frobnicate');
    const missing = await cli('user', 'create', '--username', 'x-user');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/required option/);
  });
});

describe('migrate and seed', () => {
  it('migrates an empty database and adds the built-ins, the admin with the configured password', async () => {
    const res = await cli('migrate');
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(/database is up to date \((pglite|postgres)\)/);
    expect(res.out).not.toContain('initial password');
    await withDb(async (h) => {
      const admin = (await findUserByUsername(h.db, 'admin'))!;
      expect(admin.mustChangePassword).toBe(false);
      expect(await verifyPassword(admin.passwordHash, 'Cli-Admin-Pass-2026')).toBe(true);
    });
  });

  it('loads the demo city once, with its quality work; running it again changes nothing', async () => {
    const first = await cli('seed', 'demo', '--password', 'Cli-Demo-Pass-2026');
    expect(first.code).toBe(0);
    expect(first.out).toContain('+17 区划 districts');
    expect(first.out).toMatch(/已载入演示质量工作：行动计划 1 个、任务 \d+ 项、进展报告 \d+ 份、督办 \d+ 次；\d{4} 年度考核 16 个单位，通报 津质强办〔\d{4}〕\d+号。/);
    const head = await withDb(async (h) => (await auditHeadRow(h.db))!.seq);
    const again = await cli('seed', 'demo', '--password', 'Cli-Demo-Pass-2026');
    expect(again.code).toBe(0);
    expect(again.out).toContain('+0 区划 districts, +0 部门 departments, +0 用户 users');
    expect(again.out).toContain('演示行动计划与考核已存在，未改动。');
    // Nothing was written the second time: not one audit row.
    expect(await withDb(async (h) => (await auditHeadRow(h.db))!.seq)).toBe(head);
  });
});

describe('user create / reset-password', () => {
  it('creates a user who must change the password, audited as the CLI operator', async () => {
    // (The password may not contain the username: "Cli-User-Pass-2026" is refused for cli-user.)
    const res = await cli('user', 'create', '--username', 'CLI-User', '--name', '命令行用户', '--role', 'lab', 'inspector', '--dept', '市质检院', '--password', 'Cli-Operator-Pass-2026');
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(/created user #\d+ cli-user \(执法人员、检验机构\)/);
    expect(res.out).not.toContain('Cli-Operator-Pass-2026');
    await withDb(async (h) => {
      const u = (await findUserByUsername(h.db, 'cli-user'))!;
      expect(u).toMatchObject({ displayName: '命令行用户', mustChangePassword: true, districtCode: '120000' });
      const head = (await auditHeadRow(h.db))!;
      const [last] = await auditRowsAfter(h.db, head.seq - 1, 1);
      expect(last).toMatchObject({ action: 'system.user.create', targetId: String(u.id), actorId: null, actorRoles: ['system'] });
      expect(last!.actorUsername).toMatch(/^cli:/);
    });
  });

  it('fails with exit code 1 and says why: taken username, unknown role, unknown department', async () => {
    const taken = await cli('user', 'create', '--username', 'cli-user', '--name', 'x', '--role', 'lab', '--password', 'Cli-User-Pass-2026');
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('USERNAME_TAKEN');
    const role = await cli('user', 'create', '--username', 'cli-two', '--name', 'x', '--role', 'superuser', '--password', 'Cli-User-Pass-2026');
    expect(role.code).toBe(1);
    expect(role.err).toContain('no such role: superuser');
    const dept = await cli('user', 'create', '--username', 'cli-two', '--name', 'x', '--role', 'lab', '--dept', '不存在的部门', '--password', 'Cli-User-Pass-2026');
    expect(dept.code).toBe(1);
    expect(dept.err).toContain('department not found');
    const weak = await cli('user', 'create', '--username', 'cli-two', '--name', 'x', '--role', 'lab', '--password', 'weak');
    expect(weak.code).toBe(1);
    await withDb(async (h) => expect(await findUserByUsername(h.db, 'cli-two')).toBeNull());
  });

  // Each CLI call opens the database afresh: slow on a loaded machine, hence the longer timeouts.
  it('refuses a common password, or one holding the username, as the web does', async () => {
    const common = await cli('user', 'create', '--username', 'cli-two', '--name', 'x', '--role', 'lab', '--password', 'Password123!');
    expect(common.code).toBe(1);
    expect(common.err).toContain('PASSWORD_POLICY: 密码不符合安全要求：密码太容易被猜到');
    const named = await cli('user', 'create', '--username', 'cli-two', '--name', 'x', '--role', 'lab', '--password', 'Cli-Two-Harbor-2026');
    expect(named.err).toContain('密码不能包含用户名');
    await withDb(async (h) => expect(await findUserByUsername(h.db, 'cli-two')).toBeNull());
  }, 120_000);

  it('refuses to reset a password to a guessable one', async () => {
    const before = await withDb(async (h) => (await findUserByUsername(h.db, 'cli-user'))!.passwordHash);
    const res = await cli('user', 'reset-password', 'cli-user', '--password', 'Qwerty123456!');
    expect(res.code).toBe(1);
    expect(res.err).toContain('PASSWORD_POLICY');
    await withDb(async (h) => expect((await findUserByUsername(h.db, 'cli-user'))!.passwordHash).toBe(before));
  }, 120_000);

  it('resets a password to a generated one it prints once', async () => {
    const res = await cli('user', 'reset-password', 'CLI-USER');
    expect(res.code).toBe(0);
    const printed = /new password: (\S+)/.exec(res.out)?.[1];
    expect(printed).toMatch(/^.{16}$/);
    await withDb(async (h) => {
      const u = (await findUserByUsername(h.db, 'cli-user'))!;
      expect(await verifyPassword(u.passwordHash, printed!)).toBe(true);
      expect(u.mustChangePassword).toBe(true);
    });
    const nobody = await cli('user', 'reset-password', 'nobody');
    expect(nobody.code).toBe(1);
    expect(nobody.err).toContain('no such user: nobody');
  });
});

describe('audit verify', () => {
  it('exits 0 on an intact chain and 1 naming the first bad row after tampering', async () => {
    const ok = await cli('audit', 'verify');
    expect(ok.code).toBe(0);
    const rows = await withDb(async (h) => (await auditHeadRow(h.db))!.seq);
    expect(ok.out).toContain(`audit chain intact: ${rows} rows`);

    await withDb(async (h) => {
      await h.db.execute('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await h.db.execute(`UPDATE audit_log SET actor_username = 'mallory' WHERE seq = 2`);
      await h.db.execute('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
    const bad = await cli('audit', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('审计链被破坏：第 2 行');
    expect(bad.err).toContain('audit chain broken at row 2: row 2 was altered');
    expect(bad.err).toContain('(1 rows verified before it)');
  });
});
