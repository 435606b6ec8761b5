/**
 * What a worker thread of the parse pool runs (worker-pool.ts): import the task's module, call
 * the named function with the task's arguments and the task's message port, and hand back its
 * value — or the AppError it threw, as data (a class instance does not survive the thread boundary).
 */
import type { MessagePort } from 'node:worker_threads';
import { AppError, type LocalizedText } from '../http/errors.js';
import type { ErrorCode } from '../../../../contracts/errors.js';

export interface WorkerTask {
  /** File URL of the module holding the function (its .ts or built .js). */
  module: string;
  fn: string;
  args: unknown;
  /** For progress and streamed results; the runner says `started` on it first. */
  port: MessagePort;
}

export type TaskOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: ErrorCode; message: LocalizedText | undefined; details: unknown } };

/** A function a worker module exports for the pool. */
export type WorkerFunction = (args: never, port: MessagePort) => unknown;

export default async function runTask(task: WorkerTask): Promise<TaskOutcome> {
  try {
    const mod = (await import(task.module)) as Record<string, unknown>;
    const fn = mod[task.fn];
    if (typeof fn !== 'function') throw new Error(`${task.module} exports no function ${task.fn}`);
    // The time limit starts now: waiting in the queue and loading the module do not count.
    task.port.postMessage({ type: 'started' });
    return { ok: true, value: await (fn as WorkerFunction)(task.args as never, task.port) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.localized, details: e.details } };
    throw e;
  } finally {
    task.port.close();
  }
}
