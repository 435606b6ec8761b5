// The parse pool's task file when the server runs from its TypeScript sources (tsx, Vitest): a
// worker thread does not inherit the loader hooks of the thread that starts it, so it registers
// tsx itself before loading the runner. The built server uses dist/…/task-runner.js directly.
import { register } from 'tsx/esm/api';

register();
const runner = await import('./task-runner.ts');
export default runner.default;
