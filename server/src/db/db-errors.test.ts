import { describe, expect, it } from 'vitest';
import { databaseUnavailableLine, isDatabaseUnavailable, redactDatabaseUrl, unavailableReason } from './db-errors.js';

const withCode = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`failed: ${code}`), { code, ...extra });

describe('isDatabaseUnavailable', () => {
  it('recognises refused, reset and lost connections, shutdowns and pool timeouts', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08P01']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''))).toBe(true);
    expect(isDatabaseUnavailable(withCode('ENOENT', { syscall: 'connect' }))).toBe(true);
  });

  it('looks through the causes a query error wraps (Drizzle)', () => {
    const wrapped = new Error('Failed query: insert into archive_record …', { cause: withCode('57P01') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it('leaves every other failure alone', () => {
    for (const err of [new Error('boom'), withCode('23505'), withCode('40001'), withCode('22021'), withCode('ENOENT', { syscall: 'open' }), null, undefined, 'text']) {
      expect(isDatabaseUnavailable(err)).toBe(false);
    }
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: withCode('42P01') }))).toBe(false);
  });
});

describe('the line the CLI prints', () => {
  it('names the target without its password and the reason, in Chinese then English', () => {
    expect(redactDatabaseUrl('postgres://zl:secret@db.example:5432/zhiliang')).toBe('postgres://zl:***@db.example:5432/zhiliang');
    expect(unavailableReason(new Error('Failed query: select 1', { cause: withCode('ECONNREFUSED') }))).toBe('ECONNREFUSED');
    const line = databaseUnavailableLine(withCode('ECONNREFUSED'), 'postgres://zl:secret@db.example:5432/zhiliang');
    expect(line).toBe(
      '数据库无法连接（postgres://zl:***@db.example:5432/zhiliang：ECONNREFUSED），请确认 PostgreSQL 已启动、DATABASE_URL 正确 / ' +
        'Cannot reach the database (postgres://zl:***@db.example:5432/zhiliang: ECONNREFUSED); check that PostgreSQL is running and DATABASE_URL is right',
    );
    expect(line).not.toContain('\n');
  });
});
