/** Shared helpers for the benchmark scripts: medians, machine description, result lines. */
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = execSync("lscpu | sed -n 's/^Model name:[ ]*//p'", { encoding: 'utf8' }).trim() || model;
  } catch {
    // keep os.cpus()
  }
  return `${model}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

export function report(title: string, lines: Record<string, string | number>): void {
  console.log(`\n## ${title}`);
  for (const [k, v] of Object.entries(lines)) console.log(`- ${k}: ${v}`);
}

/**
 * The PostgreSQL server a benchmark uses: DATABASE_URL when set, else a throwaway cluster started
 * now; `stop()` removes the throwaway cluster (and does nothing for DATABASE_URL).
 */
export function benchPostgres(): { url: string; stop(): void } {
  const script = join(import.meta.dirname, '..', 'scripts', 'pg-throwaway.sh');
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => undefined };
  const out = execSync(`${script} start`, { encoding: 'utf8' });
  const dir = /PG_THROWAWAY_DIR=(\S+)/.exec(out)![1]!;
  return { url: /DATABASE_URL=(\S+)/.exec(out)![1]!, stop: () => execSync(`${script} stop ${dir}`) };
}

/**
 * A fresh database on the benchmark's PostgreSQL (a throwaway cluster unless DATABASE_URL is set),
 * named `<prefix>_<time>`; `drop()` removes it and stops the cluster.
 */
export async function benchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const postgres = benchPostgres();
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      postgres.stop();
    },
  };
}
