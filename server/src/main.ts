/** `npm start` / `zhiliang serve`: run the server until SIGINT or SIGTERM. */
import { loadConfig } from './config/config.js';
import { databaseUnavailableLine, isDatabaseUnavailable } from './db/db-errors.js';
import { startServer } from './server.js';

export async function runServer(): Promise<void> {
  const config = loadConfig();
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config);
  } catch (e) {
    // A database that is not there is the operator's to fix: one clear line, no stack.
    if (!isDatabaseUnavailable(e)) throw e;
    process.stderr.write(`${databaseUnavailableLine(e, config.databaseUrl)}\n`);
    process.exitCode = 1;
    return;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
}
