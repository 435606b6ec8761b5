/**
 * `npx zhiliang …`: the command line, calling module services in-process on the configured
 * database (PGlite data directory or DATABASE_URL). Exit codes: 0 ok, 1 failure, 2 bad usage.
 */
import { access, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { openConfiguredDatabase, prepareDatabase, seedQualityWorkDemo } from '../bootstrap.js';
import { loadConfig } from '../config/config.js';
import { VERSION } from '../config/paths.js';
import { pickLang } from '../../../contracts/i18n.js';
import { chinaDateTime } from '../../../contracts/common.js';
import { refreshStatistics, type DbHandle } from '../db/client.js';
import { databaseUnavailableLine, isDatabaseUnavailable } from '../db/db-errors.js';
import { seedDemoRegistry } from '../demo/index.js';
import { createUser, findDepartmentsByName, findRoleByKey, findUserByUsername, resetUserPassword, seedDemo } from '../modules/system/index.js';
import { verifyAuditChain } from '../platform/audit/audit.service.js';
import { notifyAuthChanged } from '../platform/auth/auth-channel.js';
import { onAuthChanged } from '../platform/auth/auth-events.js';
import { generatePassword } from '../platform/auth/password.js';
import { composeModules } from '../composition.js';
import { AppError, localizeIssues } from '../platform/http/errors.js';
import { type z } from 'zod';
import { createUserBody, resetPasswordBody } from '../../../contracts/system.js';
import { runServer } from '../main.js';
import { extractDocumentText, parsePlan, planParseSummary } from '../modules/plans/index.js';
import { importEntities } from '../modules/entities/index.js';
import type { ParsedPlan } from '../../../contracts/plans.js';
import { recomputeEvaluations, runListClock, seedCreditModels } from '../modules/credit/index.js';
import { createScheduler } from '../platform/jobs/scheduler.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** Open the database, make sure it is migrated and has its built-ins, run `fn`, close. */
async function withDatabase<T>(fn: (handle: DbHandle) => Promise<T>, opts: { demo?: boolean; quiet?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  // Auth written here (a password reset, a new user) is told to running servers on PostgreSQL.
  let authWritten = false;
  const unsubscribe = onAuthChanged(() => {
    authWritten = true;
  });
  try {
    const prepared = await prepareDatabase(handle, config, { demo: opts.demo ?? false, composition });
    // --json output must stay parseable: preparation notes go to stderr then.
    for (const m of prepared.messages) (opts.quiet ? err : out)(m);
    const result = await fn(handle);
    if (authWritten && handle.kind === 'postgres' && config.databaseUrl) {
      await notifyAuthChanged(config.databaseUrl).catch((e: unknown) => err(`未能通知运行中的服务器（其缓存 5 秒内过期）/ running servers not notified (their cache expires within 5 s): ${describeError(e)}`));
    }
    return result;
  } finally {
    unsubscribe();
    await handle.close();
  }
}

/**
 * The CLI's modules, composed like the server's (composition.ts): an entity imported here is graded
 * and a penalty recorded here opens its publication, exactly as through the API.
 */
const composition = composeModules();

function cliCtx(handle: DbHandle) {
  return composition.systemCtx(handle.db, { username: `cli:${userInfo().username}`.slice(0, 64) });
}

/** Validate CLI input with a contract schema; bad input is reported like a 400, per field. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', { details: localizeIssues(result.error.issues, 'zh').map((d) => `${d.path}: ${d.message}`) });
  }
  return result.data;
}

function describeError(e: unknown): string {
  if (isDatabaseUnavailable(e)) {
    let url: string | undefined;
    try {
      url = loadConfig().databaseUrl;
    } catch {
      url = process.env.DATABASE_URL;
    }
    return databaseUnavailableLine(e, url);
  }
  if (e instanceof AppError) {
    const details = e.details ? ` ${JSON.stringify(e.details)}` : '';
    return `${e.code}: ${e.messageIn('zh')} / ${e.messageIn('en')}${details}`;
  }
  return e instanceof Error ? e.message : String(e);
}

export function buildCli(): Command {
  const program = new Command('zhiliang')
    .description('Zhiliang 质量强市 command line')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description('start the server (same as npm start)')
    .action(async () => {
      await runServer();
    });

  program
    .command('migrate')
    .description('apply pending database migrations and add missing built-ins')
    .action(async () => {
      await withDatabase(async (h) => out(`数据库已是最新 / database is up to date (${h.kind})`));
    });

  const seed = program.command('seed').description('load data');
  seed
    .command('demo')
    .description('load the demo city (Tianjin) with its market entities, an action plan with tasks and last year\'s assessment; running it again changes nothing')
    .option('--password <password>', 'password for the demo users (default: $ZHILIANG_DEMO_PASSWORD, else generated)')
    .option('--entities <count>', 'number of demo market entities (default: $ZHILIANG_DEMO_ENTITIES, else 20000)')
    .action(async (o: { password?: string; entities?: string }) => {
      await withDatabase(async (h) => {
        const r = await seedDemo(h.db, { password: o.password ?? loadConfig().demoPassword });
        out(`演示城市 demo city: +${r.districtsAdded} 区划 districts, +${r.departmentsAdded} 部门 departments, +${r.usersAdded} 用户 users`);
        const c = await seedDemoRegistry(cliCtx(h), { entities: o.entities === undefined ? undefined : Number(o.entities) });
        await refreshStatistics(h.db);
        out(`演示主体 demo entities: +${c.entitiesAdded} 主体 entities, +${c.recordsAdded} 档案记录 records, +${c.listEntriesAdded} 名单记录 list entries`);
        out(await seedQualityWorkDemo(h.db, composition));
        if (r.generatedPassword) out(`演示用户密码 demo users' password: ${r.generatedPassword}`);
      });
    });

  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user (the password must be changed at first login)')
    .requiredOption('--username <username>', 'login name')
    .requiredOption('--name <displayName>', 'display name')
    .requiredOption('--role <key...>', 'role key(s): admin, quality_office, dept_user, district_user, inspector, lab, enterprise …')
    .option('--dept <department>', 'department name, short name or id')
    .option('--district <code>', 'GB/T 2260 district code')
    .option('--phone <phone>', 'mobile or landline')
    .option('--password <password>', 'initial password (default: generated and printed)')
    .action(async (o: { username: string; name: string; role: string[]; dept?: string; district?: string; phone?: string; password?: string }) => {
      await withDatabase(async (h) => {
        const roleIds: number[] = [];
        for (const key of o.role) {
          const r = await findRoleByKey(h.db, key);
          if (!r) throw new Error(`角色不存在 / no such role: ${key}`);
          roleIds.push(r.id);
        }
        let deptId: number | null = null;
        if (o.dept) {
          if (/^\d+$/.test(o.dept)) deptId = Number(o.dept);
          else {
            const matches = await findDepartmentsByName(h.db, o.dept);
            if (matches.length !== 1) throw new Error(`部门「${o.dept}」${matches.length ? '不唯一，请用编号' : '不存在'} / department ${matches.length ? 'is ambiguous; use its id' : 'not found'}`);
            deptId = matches[0]!.id;
          }
        }
        const password = o.password ?? generatePassword();
        // The CLI is an edge like HTTP: its input goes through the same contract.
        const body = parseInput(createUserBody, {
          username: o.username,
          password,
          displayName: o.name,
          deptId,
          districtCode: o.district ?? null,
          phone: o.phone ?? null,
          status: 'active',
          roleIds,
        });
        const created = await createUser(cliCtx(h), body);
        out(`已创建用户 created user #${created.id} ${created.username} (${created.roles.map((r) => r.name).join('、')})`);
        if (!o.password) out(`初始密码 initial password (change at first login): ${password}`);
      });
    });

  user
    .command('reset-password')
    .description('set a new password for a user, unlock them and end their sessions')
    .argument('<username>')
    .option('--password <password>', 'new password (default: generated and printed)')
    .action(async (username: string, o: { password?: string }) => {
      await withDatabase(async (h) => {
        const found = await findUserByUsername(h.db, username.toLowerCase());
        if (!found) throw new Error(`用户不存在 / no such user: ${username}`);
        const { password } = parseInput(resetPasswordBody, { password: o.password ?? generatePassword() });
        await resetUserPassword(cliCtx(h), found.id, password);
        out(`已重置 ${found.username} 的密码，下次登录须修改 / password reset; it must be changed at next login`);
        if (!o.password) out(`新密码 new password: ${password}`);
      });
    });

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check the hash chain; exits 1 naming the first bad row')
    .action(async () => {
      const result = await withDatabase((h) => verifyAuditChain(h.db));
      if (result.ok) {
        out(`审计链完整 / audit chain intact: ${result.checked} rows`);
      } else {
        const reason = result.reason ?? '';
        err(`审计链被破坏：第 ${result.firstBadSeq} 行 — ${pickLang(reason, 'zh')}`);
        err(`audit chain broken at row ${result.firstBadSeq}: ${pickLang(reason, 'en')} (${result.checked} rows verified before it)`);
        process.exitCode = 1;
      }
    });

  const plan = program.command('plan').description('action plans (行动计划)');
  plan
    .command('parse')
    .description('parse a policy document (.txt or .docx) into a structured plan; does not touch the database')
    .argument('<file>')
    .option('--json', 'print only the parsed plan as JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch {
        throw new Error(`无法读取文件 / cannot read the file: ${file}`);
      }
      const extracted = await extractDocumentText({ filename: basename(file), data });
      if (!extracted.ok) throw new Error(`${extracted.code}: ${extracted.message} / ${extracted.messageEn}`);
      const parsed = parsePlan(extracted.text).plan;
      if (o.json) out(JSON.stringify(parsed, null, 2));
      else for (const line of describePlan(parsed)) out(line);
    });

  const entities = program.command('entities').description('market entities (市场主体)');
  entities
    .command('import')
    .description('import entities from a CSV (UTF-8 or GB18030) or .xlsx file; upserts by USCC. Exits 1 when the file has errors and nothing was imported')
    .argument('<file>')
    .option('--skip-invalid', 'import the valid rows and report the others')
    .option('--json', 'print only the result as JSON: { inserted, updated, unchanged, errors }')
    .action(async (file: string, o: { skipInvalid?: boolean; json?: boolean }) => {
      try {
        await access(file);
      } catch {
        throw new Error(`无法读取文件 / cannot read the file: ${file}`);
      }
      const r = await withDatabase((h) => importEntities(cliCtx(h), file, { skipInvalid: o.skipInvalid ?? false }), { quiet: o.json ?? false });
      if (o.json) {
        out(JSON.stringify({ inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, errors: r.errors }, null, 2));
      } else {
        if (r.imported) out(`导入完成 imported: 新增 inserted ${r.inserted}，更新 updated ${r.updated}，未变 unchanged ${r.unchanged}，跳过 skipped ${r.skipped}`);
        else out(`文件有 ${r.errorCount} 处错误，未导入任何数据 / ${r.errorCount} errors, nothing was imported (use --skip-invalid to import the valid rows)`);
        for (const e of r.errors.slice(0, 50)) out(`  第 ${e.row} 行 row ${e.row} · ${e.column}：${e.message}`);
        if (r.errorCount > 50) out(`  … 另有 ${r.errorCount - 50} 处错误 / ${r.errorCount - 50} more errors (see --json)`);
      }
      if (!r.imported) process.exitCode = 1;
    });

  const credit = program.command('credit').description('quality credit (质量信用)');
  credit
    .command('recompute')
    .description('recompute every entity\'s evaluation with the active model (one set-based SQL statement per kind)')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(['grade', 'risk']))
    .action(async (o: { kind?: 'grade' | 'risk' }) => {
      const { results } = await withDatabase(async (h) => {
        await seedCreditModels(h.db);
        return recomputeEvaluations(cliCtx(h), { kind: o.kind, trigger: 'cli' });
      });
      for (const r of results) {
        out(`${r.kind === 'grade' ? '质量信用等级' : '信用风险分类'} ${r.kind} v${r.modelVersion}：${r.entities} 个主体（${r.changed} 个有变化），评价日 ${r.asOf}，用时 ${(r.ms / 1000).toFixed(1)} 秒 / ${r.entities} entities (${r.changed} changed) in ${(r.ms / 1000).toFixed(1)} s`);
      }
    });
  credit
    .command('clock')
    .description('run the credit-list clock: automatic removals, ends of publication, scheduled red/black rounds, overdue flags (idempotent)')
    .action(async () => {
      const r = await withDatabase((h) => runListClock(cliCtx(h)));
      out(`名单期限处理 ${r.today}：自动移出严重违法失信名单 ${r.autoRemoved} 条，处罚信息公示期满 ${r.publicationsEnded} 条，红黑榜到期 ${r.honoursExpired} 条，按工作日历重算期限 ${r.deadlinesRecomputed} 条，新增逾期提示 ${r.flagged} 条`);
      out(`list clock ${r.today}: ${r.autoRemoved} removed, ${r.publicationsEnded} publications ended, ${r.honoursExpired} honours expired, ${r.deadlinesRecomputed} deadlines recomputed, ${r.flagged} newly overdue`);
    });

  const jobs = program.command('jobs').description('periodic jobs (定时任务): a CLI run never overlaps a run of the same job on a server');
  const schedulerOf = (h: DbHandle) => createScheduler({ db: h.db, dbKind: h.kind, jobs: composition.jobs });
  jobs
    .command('list')
    .description('every job with its last run')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const items = await withDatabase((h) => schedulerOf(h).list(), { quiet: o.json });
      if (o.json) {
        out(JSON.stringify(items, null, 2));
        return;
      }
      for (const j of items) {
        const r = j.lastRun;
        const last = r ? `${JOB_STATUS_WORDS[r.status]} ${chinaDateTime(r.startedAt)} (北京时间 / China time)${r.durationMs !== null ? ` ${r.durationMs} ms` : ''} ${JOB_TRIGGER_WORDS[r.trigger]}${r.actor ? ` ${r.actor}` : ''}` : '从未执行 / never run';
        out(`${j.name}  ${j.title.zh} / ${j.title.en}`);
        out(`  上次 last: ${last}${r?.error ? `  ${r.error}` : ''}`);
      }
    });
  jobs
    .command('run')
    .description('run a job now and wait for it (exits 1 when it fails; 1 with JOB_RUNNING when it is running elsewhere)')
    .argument('<name>', 'job name, e.g. credit.list-clock')
    .action(async (name: string) => {
      if (!composition.jobs.some((j) => j.name === name)) {
        err(`JOB_NOT_FOUND: 没有这个定时任务 / No such job: ${name}`);
        err(`可用的任务 / jobs: ${composition.jobs.map((j) => j.name).join(', ')}`);
        process.exitCode = 1;
        return;
      }
      const run = await withDatabase(async (h) => {
        const { done } = await schedulerOf(h).runNow(name, cliCtx(h), 'cli');
        return done;
      });
      out(`${run.job} #${run.id}: ${run.status} (${run.durationMs ?? 0} ms)`);
      if (run.summary !== null) out(JSON.stringify(run.summary));
      if (run.status !== 'ok') {
        err(run.error ?? run.status);
        process.exitCode = 1;
      }
    });

  return program;
}

/** A run's status and trigger in words, Chinese first. */
const JOB_STATUS_WORDS: Record<string, string> = { running: '执行中/running', ok: '成功/ok', failed: '失败/failed', abandoned: '已放弃/abandoned' };
const JOB_TRIGGER_WORDS: Record<string, string> = { schedule: '定时/schedule', manual: '手动/manual', cli: '命令行/cli' };

/** Where text outside the items stands, in words. */
function placeLabel(position: 'preamble' | 'closing' | undefined): string {
  return position === 'closing' ? '文末' : position === 'preamble' ? '正文前' : '条目外';
}

/** The human summary of `plan parse`: header, counts per level, units, targets, deadlines, warnings. */
function describePlan(plan: ParsedPlan): string[] {
  const s = planParseSummary(plan);
  const none = '（无）';
  const lines = [
    `标题：${plan.title || none}`,
    `文号：${plan.docNumber ?? none}`,
    `发文机关：${plan.issuer ?? none}`,
    `成文日期：${plan.issuedDate ?? none}`,
    `条目：一级 ${s.itemsPerLevel[1]} 项，二级 ${s.itemsPerLevel[2]} 项，三级 ${s.itemsPerLevel[3]} 项，四级 ${s.itemsPerLevel[4]} 项；其中 ${s.itemsWithUnits} 项列明责任单位`,
    `责任单位：${plan.units.length} 个${plan.units.length ? `（${plan.units.slice(0, 10).map((u) => `${u.name} ${u.items}`).join('、')}${plan.units.length > 10 ? ' …' : ''}）` : ''}`,
    `量化指标：${s.targets} 项`,
    ...plan.targets.map((t) => `  ${t.path || placeLabel(t.position)}：${t.indicator} ${t.comparator} ${t.value}${t.unit ?? ''}${t.year ? `（${t.year}年）` : ''}`),
    `时限：${s.deadlines} 项`,
    ...plan.deadlines.map((d) => `  ${d.path ?? placeLabel(d.position)}：${d.date}`),
    `警告：${plan.warnings.length ? '' : none}`,
    ...plan.warnings.map((w) => `  ${w}`),
  ];
  return lines;
}

export async function runCli(argv: string[]): Promise<void> {
  const program = buildCli();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    err(describeError(e));
    process.exitCode = 1;
  }
}
