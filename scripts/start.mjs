// `npm start`: build when the sources changed since the last build, then run the server.
import { spawnSync } from 'node:child_process';
import { isBuildFresh, markBuilt, ROOT } from './build-state.mjs';

if (!isBuildFresh()) {
  process.stdout.write('正在构建（首次启动或代码已更新）/ building (first start or sources changed)…\n');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  markBuilt();
}
const { runServer } = await import('../dist/server/src/main.js');
await runServer();
