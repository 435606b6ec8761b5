// `npm start`: build when the sources changed since the last build, then run the server.
// The build's own output (some sixty lines of file sizes) goes to .tmp/build.log; the terminal gets one
// line, and the log only when the build fails.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBuildFresh, markBuilt, ROOT } from './build-state.mjs';

if (!isBuildFresh()) {
  const logDir = join(ROOT, '.tmp');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'build.log');
  process.stdout.write('正在构建（首次启动或代码已更新，约需 1 分钟）/ building (first start or sources changed, about a minute)… ');
  const started = Date.now();
  const fd = openSync(logFile, 'w');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (r.status !== 0) {
    process.stdout.write('失败 / failed\n\n');
    process.stderr.write(readFileSync(logFile, 'utf8'));
    process.stderr.write(`\n构建失败，完整输出见 / the build failed, full output in ${logFile}\n`);
    process.exit(r.status ?? 1);
  }
  process.stdout.write(`完成 / done (${((Date.now() - started) / 1000).toFixed(0)}s)\n`);
  markBuilt();
}
const { runServer } = await import('../dist/server/src/main.js');
await runServer();
