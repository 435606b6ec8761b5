/** Entry point of `npx zhiliang` (see bin/zhiliang.js). */
import { runCli } from './index.js';

await runCli(process.argv);
