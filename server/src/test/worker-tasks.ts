/** Worker functions for the pool's own tests (platform/workers/worker-pool.test.ts). */
import type { MessagePort } from 'node:worker_threads';
import { threadId } from 'node:worker_threads';
import { AppError } from '../platform/http/errors.js';
import { pipeToPort } from '../platform/workers/stream-port.js';

export function echo(args: { text: string }): { text: string; threadId: number } {
  return { text: args.text, threadId };
}

export function refuse(): never {
  throw new AppError('IMPORT_FILE_INVALID', { message: { zh: '测试拒绝', en: 'refused by the test' }, details: { row: 7 } });
}

/** Keep the worker's CPU busy for `ms` (a parse that never ends, as far as the time limit knows). */
export function spin(args: { ms: number }): number {
  const until = Date.now() + args.ms;
  let n = 0;
  while (Date.now() < until) n++;
  return n;
}

/** Allocate until the worker's heap ceiling ends it. */
export function hog(): number {
  // Arrays of doubles live on the V8 heap (typed arrays would not): 32 MB a step reaches the ceiling fast.
  const keep: number[][] = [];
  for (;;) keep.push(new Array<number>(4_000_000).fill(keep.length + 0.5));
}

async function* numbers(n: number, failAt: number | null): AsyncGenerator<number> {
  for (let i = 1; i <= n; i++) {
    if (i === failAt) throw new AppError('IMPORT_FILE_INVALID', { message: { zh: `第 ${i} 行无法读取`, en: `row ${i} cannot be read` } });
    yield i;
  }
}

/** 1..n in batches of 10; fails at `failAt` when given. */
export async function stream(args: { n: number; failAt?: number }, port: MessagePort): Promise<void> {
  await pipeToPort(port, numbers(args.n, args.failAt ?? null), { batchSize: 10 });
}
