/**
 * Worker side of a streamed task (worker-pool.ts `streamFromWorker`): items go to the main thread
 * in batches over the task's port, at most `window` batches ahead of what it has taken, so a
 * million-row file never piles up in memory on either side. The main thread may cancel; a failure
 * while reading is sent after the batches read before it, in order.
 */
import type { MessagePort } from 'node:worker_threads';
import { AppError } from '../http/errors.js';

/** Messages from the main thread. */
export type StreamControl = { type: 'more' } | { type: 'cancel' };
/** Messages to the main thread. */
export type StreamMessage<T> =
  | { type: 'batch'; items: T[] }
  | { type: 'end' }
  | { type: 'error'; error: { code: string; message: unknown; details: unknown } | { message: string } };

export const STREAM_WINDOW = 4;

export async function pipeToPort<T>(port: MessagePort, items: AsyncIterable<T>, opts: { batchSize: number }): Promise<void> {
  let credit = STREAM_WINDOW;
  let cancelled = false;
  let wake: (() => void) | null = null;
  port.on('message', (m: StreamControl) => {
    if (m.type === 'more') credit++;
    else cancelled = true;
    wake?.();
  });
  const send = async (batch: T[]) => {
    while (credit <= 0 && !cancelled) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    if (cancelled) return;
    credit--;
    port.postMessage({ type: 'batch', items: batch } satisfies StreamMessage<T>);
  };
  const iterator = items[Symbol.asyncIterator]();
  let batch: T[] = [];
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      batch.push(next.value);
      if (batch.length >= opts.batchSize) {
        await send(batch);
        batch = [];
        if (cancelled) break;
      }
    }
    if (cancelled) return;
    if (batch.length > 0) await send(batch);
    port.postMessage({ type: 'end' } satisfies StreamMessage<T>);
  } catch (e) {
    const error = e instanceof AppError ? { code: e.code, message: e.localized, details: e.details } : { message: e instanceof Error ? e.message : String(e) };
    port.postMessage({ type: 'error', error } satisfies StreamMessage<T>);
  } finally {
    // Close the file the iterator reads, also when the main thread stopped early.
    await iterator.return?.(undefined);
    port.removeAllListeners('message');
  }
}
