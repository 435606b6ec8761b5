/**
 * Start-up shared by the server and the CLI, in the entry point's composition: open the
 * configured database, apply migrations, add missing built-ins, and on an empty database load the
 * demo city. Says what it did, once.
 */
import type { Config } from './config/config.js';
import { composeModules, type Composition } from './composition.js';
import { openDatabase, refreshStatistics, type Database, type DbHandle } from './db/client.js';
import { seedAssessmentDemo } from './modules/assessment/index.js';
import { seedCreditBuiltins } from './modules/credit/index.js';
import { seedDemoRegistry } from './demo/index.js';
import { backfillNamePinyin } from './modules/entities/index.js';
import { seedPlansDemo } from './modules/plans/index.js';
import { DEMO_USERNAMES, isDatabaseEmpty, seedBuiltins, seedDemo } from './modules/system/index.js';

export function openConfiguredDatabase(config: Config): Promise<DbHandle> {
  return openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.poolSize, dataDir: config.dataDir });
}

export interface PrepareResult {
  firstStart: boolean;
  messages: string[];
}

/**
 * The demo city's quality work: an action plan with tasks in every state, and last year's
 * assessment with its published 通报. Idempotent; says what it loaded in one line.
 */
export async function seedQualityWorkDemo(db: Database, composition: Composition): Promise<string> {
  const plans = await seedPlansDemo(db, composition.domain);
  const assessment = await seedAssessmentDemo(db, composition.domain, { year: plans.firstYear });
  if (plans.skipped && assessment.skipped) return '演示行动计划与考核已存在，未改动。';
  return (
    `已载入演示质量工作：行动计划 1 个、任务 ${plans.tasks} 项、进展报告 ${plans.reports} 份、督办 ${plans.reminders} 次；` +
    `${plans.firstYear} 年度考核 ${assessment.units} 个单位${assessment.docNumber ? `，通报 ${assessment.docNumber}` : ''}。`
  );
}

/** One part of the demo city after its people: loads what it loads and says so in one line. */
export type DemoPart = (db: Database, composition: Composition) => Promise<string>;

/** The demo city after its people: the registry with its archive and credit, then the quality work. */
export const DEMO_PARTS: readonly DemoPart[] = [
  async (db, composition) => {
    const credit = await seedDemoRegistry(composition.systemCtx(db));
    return `已载入演示市场主体：${credit.entitiesAdded} 户、档案记录 ${credit.recordsAdded} 条、名单记录 ${credit.listEntriesAdded} 条。`;
  },
  seedQualityWorkDemo,
];

/**
 * Migrate and seed. `demo`: load the demo city when the database was empty. The passwords are
 * said as soon as the accounts exist, and a part of the demo that fails is reported, not fatal:
 * the database is no longer empty after the first start, so a start that died here would never
 * print the generated passwords again (nobody could log in) and never finish the demo.
 * `npx zhiliang seed demo` loads what is missing.
 */
export async function prepareDatabase(
  handle: DbHandle,
  config: Config,
  opts: { demo: boolean; demoParts?: readonly DemoPart[]; /** The entry point's modules (composed here when not given). */ composition?: Composition },
): Promise<PrepareResult> {
  const composition = opts.composition ?? composeModules();
  await handle.migrate();
  const firstStart = await isDatabaseEmpty(handle.db);
  const adminPassword = config.adminPassword ?? (firstStart && opts.demo ? config.demoPassword : undefined);
  const builtins = await seedBuiltins(handle.db, { adminPassword });
  await seedCreditBuiltins(handle.db);
  const messages: string[] = [];
  // Entities registered before names had their pinyin (migration 0010): once, then a no-op.
  const pinyinFilled = await backfillNamePinyin(handle.db);
  if (pinyinFilled > 0) messages.push(`已为 ${pinyinFilled} 户市场主体补全名称拼音（拼音与近似检索）。`);
  if (builtins.generatedAdminPassword) {
    messages.push(
      `管理员 admin 的初始密码（仅显示这一次，首次登录后须修改）/ admin's initial password (shown once; change it at first login):`,
      `    ${builtins.generatedAdminPassword}`,
    );
  }
  if (firstStart && opts.demo) {
    const demo = await seedDemo(handle.db, { password: config.demoPassword });
    messages.push(`已载入演示城市（天津市）：${demo.districtsAdded} 个区划、${demo.departmentsAdded} 个部门、${demo.usersAdded} 名用户。`);
    const users = DEMO_USERNAMES.join(', ');
    if (demo.generatedPassword) {
      messages.push(`演示用户 (${users}) 的密码 / demo users' password:`, `    ${demo.generatedPassword}`);
    } else {
      messages.push(`演示用户 (${users}) 使用 ZHILIANG_DEMO_PASSWORD 作为密码 / use ZHILIANG_DEMO_PASSWORD.`);
    }
    messages.push(
      '各区局与成员单位的其余工作人员账号（如 tj120101-01、tj-miit-01）使用同一密码，首次登录须修改。',
      "The other staff accounts (e.g. tj120101-01, tj-miit-01) share that password and must change it at first login.",
    );
    for (const part of opts.demoParts ?? DEMO_PARTS) {
      try {
        messages.push(await part(handle.db, composition));
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        messages.push(
          `演示数据未能全部载入（${reason}）；系统照常可用，运行 npx zhiliang seed demo 可补全。`,
          `The demo city did not load completely (${reason}); the system works, and npx zhiliang seed demo loads the rest.`,
        );
        break;
      }
    }
    await refreshStatistics(handle.db);
  }
  return { firstStart, messages };
}
