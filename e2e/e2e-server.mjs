#!/usr/bin/env node
// The server the e2e tests drive: the BUILT app on a fresh PGlite data directory (or a fresh
// database on the PostgreSQL server of DATABASE_URL), with known passwords.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const port = process.env.E2E_PORT ?? '3947';
const env = {
  PORT: port,
  HOST: '127.0.0.1',
  ZHILIANG_ADMIN_PASSWORD: 'E2e-Admin-Pass-2026',
  ZHILIANG_DEMO_PASSWORD: 'E2e-Demo-Pass-2026',
  LOG_LEVEL: 'warn',
};
const dataDir = mkdtempSync(join(tmpdir(), 'zl-e2e-'));
let dropDb = null;
if (process.env.DATABASE_URL) {
  const name = `zl_e2e_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDb = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
} else {
  env.ZHILIANG_DATA_DIR = dataDir;
}
Object.assign(process.env, env);
const { startServer } = await import('../dist/server/src/server.js');
const { loadConfig } = await import('../dist/server/src/config/config.js');
const server = await startServer(loadConfig());
const stop = async () => {
  await server.close();
  if (dropDb) await dropDb();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
