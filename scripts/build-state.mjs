// Is dist/ up to date with the sources? Compares the newest source mtime with the build stamp.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const STAMP = join(ROOT, 'dist', '.build-stamp');
const SOURCES = ['server/src', 'contracts', 'web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'package-lock.json', 'tsconfig.build.json', 'tsconfig.base.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

export function isBuildFresh() {
  if (!existsSync(STAMP) || !existsSync(join(ROOT, 'dist', 'web', 'index.html'))) return false;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.every((s) => newest(join(ROOT, s)) <= built);
}

export function markBuilt() {
  writeFileSync(STAMP, new Date().toISOString());
}
