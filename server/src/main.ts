/** `npm start` / `zhiliang serve`: run the server until SIGINT or SIGTERM. */
import { loadConfig } from './config/config.js';
import { startServer } from './server.js';

export async function runServer(): Promise<void> {
  const server = await startServer(loadConfig());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
}
