import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the nearest folder above this file holding zhiliang's package.json. Works the
 * same from `server/src` (tsx, vitest) and from `dist/server/src` (the built server).
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'zhiliang') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the zhiliang project root');
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot();
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'server', 'src', 'db', 'migrations');
export const WEB_DIST_DIR = join(PROJECT_ROOT, 'dist', 'web');
export const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
