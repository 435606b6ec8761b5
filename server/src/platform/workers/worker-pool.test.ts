/**
 * The parse pool: values and AppErrors cross the thread, a task over its time or memory limit is
 * refused with FILE_TOO_COMPLEX and its worker replaced, streams arrive in order with back-pressure
 * and can be abandoned, and the event loop stays free while a worker is busy.
 */
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { closeWorkerPool, runInWorker, streamFromWorker, workerModule } from './worker-pool.js';

const TASKS = workerModule(import.meta.url, '../../test/worker-tasks');

afterAll(() => closeWorkerPool());

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('runInWorker', () => {
  it('runs the function in another thread and returns its value', async () => {
    const r = await runInWorker<{ text: string; threadId: number }>(TASKS, 'echo', { text: '质量强市' });
    expect(r.text).toBe('质量强市');
    expect(r.threadId).not.toBe(threadId);
  });

  it('throws the AppError the worker threw, with its message and details', async () => {
    const e = await rejection(runInWorker(TASKS, 'refuse', {}));
    expect(e.code).toBe('IMPORT_FILE_INVALID');
    expect(e.messageIn('zh')).toBe('测试拒绝');
    expect(e.details).toEqual({ row: 7 });
  });

  it('ends a task over its time limit with FILE_TOO_COMPLEX, replaces the worker, and keeps the event loop free meanwhile', async () => {
    // The main thread ticks every 10 ms while the worker spins; the longest gap shows any stall.
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    const e = await rejection(runInWorker(TASKS, 'spin', { ms: 30_000 }, { timeLimitMs: 1_500 }));
    clearInterval(ticker);
    expect(e.code).toBe('FILE_TOO_COMPLEX');
    expect(e.status).toBe(422);
    expect(e.details).toEqual({ reason: 'time', limit: 1500 });
    // Generous: a loaded machine delays timers, but a blocked loop would show the whole 1.5 s.
    expect(longest).toBeLessThan(1_000);
    expect((await runInWorker<{ text: string }>(TASKS, 'echo', { text: 'again' })).text).toBe('again');
  });

  it('ends a task over its memory limit with FILE_TOO_COMPLEX and the next task still runs', async () => {
    const e = await rejection(runInWorker(TASKS, 'hog', {}, { timeLimitMs: 120_000 }));
    expect(e.code).toBe('FILE_TOO_COMPLEX');
    expect(e.details).toMatchObject({ reason: 'memory' });
    expect((await runInWorker<{ text: string }>(TASKS, 'echo', { text: 'after' })).text).toBe('after');
  }, 120_000);
});

describe('streamFromWorker', () => {
  it('yields every item in order', async () => {
    const got: number[] = [];
    for await (const n of streamFromWorker<number>(TASKS, 'stream', { n: 1234 })) got.push(n);
    expect(got).toEqual(Array.from({ length: 1234 }, (_, i) => i + 1));
  });

  it('yields the items read before a failure, then throws it', async () => {
    const got: number[] = [];
    const e = await rejection(
      (async () => {
        for await (const n of streamFromWorker<number>(TASKS, 'stream', { n: 100, failAt: 55 })) got.push(n);
      })(),
    );
    expect(e.messageIn('en')).toBe('row 55 cannot be read');
    expect(got).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('stops the worker when the caller stops early', async () => {
    const got: number[] = [];
    for await (const n of streamFromWorker<number>(TASKS, 'stream', { n: 10_000_000 })) {
      got.push(n);
      if (n === 25) break;
    }
    expect(got).toHaveLength(25);
    expect((await runInWorker<{ text: string }>(TASKS, 'echo', { text: 'free' })).text).toBe('free');
  });
});
