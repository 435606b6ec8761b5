/**
 * The CLI and `npm start` when PostgreSQL is not there: one line naming the database and the
 * reason, Chinese first, no stack, a non-zero exit code.
 */
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runServer } from '../main.js';
import { cli } from '../test/run-cli.js';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let saved: string | undefined;
let url: string;

beforeEach(async () => {
  saved = process.env.DATABASE_URL;
  url = `postgres://zhiliang:secret@127.0.0.1:${await closedPort()}/zhiliang`;
  process.env.DATABASE_URL = url;
});
afterEach(() => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
});

const expected = (target: string) => [
  `数据库无法连接（${target}：ECONNREFUSED），请确认 PostgreSQL 已启动、DATABASE_URL 正确 / Cannot reach the database (${target}: ECONNREFUSED); check that PostgreSQL is running and DATABASE_URL is right`,
  '',
].join('\n');

describe('an unreachable database', () => {
  it('makes the CLI print one line in Chinese and English and exit 1', async () => {
    const r = await cli('migrate');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(expected(url.replace(':secret@', ':***@')));
  });

  it('makes `npm start` print the same line and exit 1 instead of a stack', async () => {
    const err: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err.push(String(chunk));
      return true;
    });
    process.exitCode = 0;
    try {
      await runServer();
    } finally {
      spy.mockRestore();
    }
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(err.join('')).toBe(expected(url.replace(':secret@', ':***@')));
  });
});
