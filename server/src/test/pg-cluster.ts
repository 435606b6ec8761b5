/**
 * A PostgreSQL cluster of a test's own (scripts/pg-throwaway.sh), which the test may stop, kill
 * and start again: the database-outage drills. `null` when the PostgreSQL binaries are missing.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../config/paths.js';

const run = promisify(execFile);
const SCRIPT = join(PROJECT_ROOT, 'scripts', 'pg-throwaway.sh');

export interface PgCluster {
  readonly url: string;
  readonly dir: string;
  /** Fast shutdown (`pg_ctl stop -m fast`): connections get 57P01 admin_shutdown. */
  halt(): Promise<void>;
  /** SIGKILL to the postmaster, as the issue did: its backends die when they notice. */
  killPostmaster(): void;
  /** Start again on the same port and data. */
  resume(): Promise<void>;
  /** Stop and delete everything. */
  destroy(): Promise<void>;
}

/** Whether the PostgreSQL server binaries are installed (the script's own test). */
export async function postgresInstalled(): Promise<boolean> {
  try {
    await run('bash', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb'], { env: process.env });
    return true;
  } catch {
    return Boolean(process.env.PG_BIN);
  }
}

export async function startPgCluster(): Promise<PgCluster> {
  const { stdout } = await run(SCRIPT, ['start'], { env: process.env });
  const value = (name: string) => {
    const m = new RegExp(`export ${name}=(\\S+)`).exec(stdout);
    if (!m) throw new Error(`pg-throwaway.sh printed no ${name}: ${stdout}`);
    return m[1]!;
  };
  const dir = value('PG_THROWAWAY_DIR');
  const url = value('DATABASE_URL');
  return {
    url,
    dir,
    halt: async () => {
      await run(SCRIPT, ['halt', dir]);
    },
    killPostmaster: () => {
      // postmaster.pid: the first line is the postmaster's process id.
      const pid = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
    },
    resume: async () => {
      await run(SCRIPT, ['resume', dir]);
    },
    destroy: async () => {
      await run(SCRIPT, ['stop', dir]);
    },
  };
}
