/**
 * The first start on an empty database: the passwords are said as soon as the accounts exist, and
 * a part of the demo city that fails is reported without taking the start down. Once a first start
 * died in the demo's quality work; the database was no longer empty, so no later start printed the
 * generated passwords again and nobody could log in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase, type DemoPart } from './bootstrap.js';
import { loadConfig } from './config/config.js';
import { openDatabase, type DbHandle } from './db/client.js';
import { findUserByUsername } from './modules/system/index.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openDatabase({ memory: true });
}, 120_000);
afterAll(() => handle.close());

describe('prepareDatabase on an empty database', () => {
  it('prints the generated passwords and says which part of the demo failed, then serves; the next start is not a first start', async () => {
    const called: string[] = [];
    const failing: DemoPart = async () => {
      called.push('failing');
      throw new Error('磁盘空间不足');
    };
    const after: DemoPart = async () => {
      called.push('after');
      return 'never';
    };
    const config = loadConfig({});
    const first = await prepareDatabase(handle, config, { demo: true, demoParts: [failing, after] });
    expect(first.firstStart).toBe(true);
    const text = first.messages.join('\n');
    expect(text).toContain("admin's initial password");
    expect(text).toContain("demo users' password");
    expect(text).toContain('演示数据未能全部载入（磁盘空间不足）');
    expect(text).toContain('npx zhiliang seed demo');
    // The parts after the failing one are not tried on a half-loaded city.
    expect(called).toEqual(['failing']);
    // The accounts exist: the password printed logs in.
    expect(await findUserByUsername(handle.db, 'quality-office')).not.toBeNull();
    const second = await prepareDatabase(handle, config, { demo: true, demoParts: [after] });
    expect(second.firstStart).toBe(false);
    expect(called).toEqual(['failing']);
  }, 300_000);
});
