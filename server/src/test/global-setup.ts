/**
 * Vitest global setup: build one migrated and seeded database (the demo city) and hand it to every
 * test file as a template. PGlite: a dump of the data directory, loaded per file in memory.
 * PostgreSQL (DATABASE_URL): a template database, cloned per file with CREATE DATABASE … TEMPLATE.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { composeModules } from '../composition.js';
import { openDatabase } from '../db/client.js';
import { seedCreditBuiltins } from '../modules/credit/index.js';
import { seedDemoRegistry } from '../demo/index.js';
import { seedBuiltins, seedDemo } from '../modules/system/index.js';
import { TEST_ADMIN_PASSWORD, TEST_DEMO_PASSWORD } from './constants.js';

/** A small demo registry keeps the template quick; the special entities are always included. */
const TEST_DEMO_ENTITIES = 300;

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplateDb: string;
    databaseUrl: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The template's accounts are hashed at the cost the test files run at (vitest.config.ts `env`
  // reaches the workers, not this process): every login of every file verifies one of these hashes.
  if (project.config.env.ZHILIANG_PASSWORD_HASH) process.env.ZHILIANG_PASSWORD_HASH = project.config.env.ZHILIANG_PASSWORD_HASH;
  const databaseUrl = process.env.DATABASE_URL ?? '';
  project.provide('databaseUrl', databaseUrl);
  if (databaseUrl) {
    const name = `zl_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const handle = await openDatabase({ databaseUrl: withDatabase(databaseUrl, name), poolSize: 2 });
    await handle.migrate();
    await seedBuiltins(handle.db, { adminPassword: TEST_ADMIN_PASSWORD });
    await seedCreditBuiltins(handle.db);
    await seedDemo(handle.db, { password: TEST_DEMO_PASSWORD });
    await seedDemoRegistry(composeModules().systemCtx(handle.db), { entities: TEST_DEMO_ENTITIES });
    await handle.close();
    project.provide('pgTemplateDb', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const handle = await openDatabase({ memory: true });
  await handle.migrate();
  await seedBuiltins(handle.db, { adminPassword: TEST_ADMIN_PASSWORD });
  await seedCreditBuiltins(handle.db);
  await seedDemo(handle.db, { password: TEST_DEMO_PASSWORD });
  await seedDemoRegistry(composeModules().systemCtx(handle.db), { entities: TEST_DEMO_ENTITIES });
  const dir = mkdtempSync(join(tmpdir(), 'zl-test-'));
  const file = join(dir, 'template.tar');
  const dump = await handle.dump!();
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplateDb', '');
  return async () => rmSync(dir, { recursive: true, force: true });
}
