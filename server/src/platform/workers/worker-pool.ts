/**
 * Parsing off the event loop: uploaded documents and workbooks are read in worker threads of one
 * Piscina pool, so a worst-case upload (a zip bomb, a million-row workbook) never stalls the other
 * requests. The pool is created on first use and closed on shutdown. Each worker has a memory
 * ceiling (`resourceLimits`) and each task a time limit; a worker that hits either is terminated and
 * replaced, and the request answers 422 FILE_TOO_COMPLEX. A full queue answers 503 SERVER_BUSY.
 *
 * A task names a module (a file URL: `workerModule(import.meta.url, './x.worker')`) and one of its
 * exported functions `(args, port) => value`. Arguments and results cross the thread by structured
 * clone; an AppError thrown in the worker is thrown again here.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { AppError } from '../http/errors.js';
import type { StreamControl, StreamMessage } from './stream-port.js';
import type { TaskOutcome, WorkerTask } from './task-runner.js';

/**
 * Threads: one per core beyond the main thread's, at least two (on the 2-core machines the product
 * runs on, an entity import streaming for minutes must not hold up a plan upload), at most four.
 */
export const POOL_THREADS = Math.min(4, Math.max(2, availableParallelism() - 1));
/**
 * Old-generation heap of each worker. Enough for exceljs' shared-string cache of a million-row
 * entity import and for a 32 MiB document.xml; a file that needs more is refused, not fatal.
 */
export const WORKER_HEAP_MB = 768;
/** Time a task may run once started (waiting in the queue does not count). */
export const TASK_TIME_LIMIT_MS = 60_000;
/** Tasks waiting for a thread; beyond this an upload answers 503 SERVER_BUSY. */
const MAX_QUEUE = 32;
/** How long a cancelled stream may take to stop reading before its worker is terminated. */
const CANCEL_GRACE_MS = 5_000;
/**
 * An idle worker exits after this, returning its memory to the system (a worker that parsed a
 * large file holds its heap until then); a new one starts in a fraction of a second when built
 * (from sources, under tsx, in a few seconds).
 */
const IDLE_TIMEOUT_MS = 60_000;

let pool: Piscina | null = null;

/** The pool's task file: the built runner beside this file, or from sources a tsx bootstrap (see it). */
function runnerFile(): string {
  const fromSources = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromSources ? './task-runner.dev.mjs' : './task-runner.js', import.meta.url));
}

function getPool(): Piscina {
  pool ??= new Piscina({
    filename: runnerFile(),
    minThreads: 0,
    maxThreads: POOL_THREADS,
    idleTimeout: IDLE_TIMEOUT_MS,
    maxQueue: MAX_QUEUE,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
  });
  return pool;
}

/** Close the pool (shutdown, end of a CLI command); the next task creates a new one. */
export async function closeWorkerPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close({ force: true });
}

/**
 * The file URL of a worker module next to the caller, with the caller's own extension: `.ts` when
 * running from sources, `.js` when built.
 */
export function workerModule(callerUrl: string, relative: string): string {
  const ext = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`${relative}${ext}`, callerUrl).href;
}

class TaskTimeLimit extends Error {
  constructor(readonly ms: number) {
    super(`worker task exceeded ${ms} ms`);
  }
}

function tooComplex(reason: 'time' | 'memory', limit: number): AppError {
  return new AppError('FILE_TOO_COMPLEX', {
    message:
      reason === 'time'
        ? { zh: `文件过大或过于复杂，${limit / 1000} 秒内未能读完，请拆分或简化后重试`, en: `The file is too large or too complex to read within ${limit / 1000} s; split or simplify it and retry` }
        : { zh: `文件过大或过于复杂，读取时超出 ${limit} MB 内存上限，请拆分或简化后重试`, en: `The file is too large or too complex to read within ${limit} MB of memory; split or simplify it and retry` },
    details: { reason, limit },
  });
}

/** A pool failure as what the client should hear. */
function mapFailure(e: unknown, signal: AbortSignal): unknown {
  if (signal.aborted && signal.reason instanceof TaskTimeLimit) return tooComplex('time', signal.reason.ms);
  const err = e as { code?: unknown; message?: unknown };
  if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') return tooComplex('memory', WORKER_HEAP_MB);
  if (err?.message === 'Task queue is at limit') return new AppError('SERVER_BUSY');
  return e;
}

function rethrown(error: { code: string; message: unknown; details: unknown } | { message: string }): Error {
  if ('code' in error) return new AppError(error.code as never, { message: error.message as never, details: error.details });
  return new Error(error.message);
}

interface StartedTask {
  result: Promise<unknown>;
  port: MessagePort;
  /** Arm or re-arm the time limit (a streamed task: the longest the main thread waits for the next batch). */
  armTimer(ms: number): void;
  disarmTimer(): void;
  abort(reason: unknown): void;
}

function startTask(module: string, fn: string, args: unknown, opts: { timeLimitMs: number; onStarted?: () => void; onMessage?: (m: unknown) => void }): StartedTask {
  const { port1, port2 } = new MessageChannel();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const armTimer = (ms: number) => {
    clearTimeout(timer);
    if (ms > 0) timer = setTimeout(() => abort.abort(new TaskTimeLimit(ms)), ms);
  };
  const disarmTimer = () => clearTimeout(timer);
  port1.on('message', (m: { type?: string }) => {
    if (m?.type === 'started') {
      armTimer(opts.timeLimitMs);
      opts.onStarted?.();
    } else opts.onMessage?.(m);
  });
  const task: WorkerTask = { module, fn, args, port: port2 };
  const result = (getPool().run(task, { transferList: [port2], signal: abort.signal }) as Promise<TaskOutcome>).then(
    (outcome) => {
      disarmTimer();
      if (!outcome.ok) throw rethrown(outcome.error);
      return outcome.value;
    },
    (e: unknown) => {
      disarmTimer();
      throw mapFailure(e, abort.signal);
    },
  );
  return { result, port: port1, armTimer, disarmTimer, abort: (reason) => abort.abort(reason) };
}

/** Run `fn` of `module` in the pool and return its value; time limit from the moment it starts. */
export async function runInWorker<R>(module: string, fn: string, args: unknown, opts: { timeLimitMs?: number } = {}): Promise<R> {
  const task = startTask(module, fn, args, { timeLimitMs: opts.timeLimitMs ?? TASK_TIME_LIMIT_MS });
  try {
    return (await task.result) as R;
  } finally {
    task.port.close();
  }
}

/**
 * Items a worker function streams with `pipeToPort` (stream-port.ts), as an async generator. The
 * worker reads ahead a few batches; `stallLimitMs` bounds how long one batch may take to arrive
 * (a whole import may take minutes, most of it in the database). Returning early cancels the
 * worker's reading and waits for it to let go of its file.
 */
export async function* streamFromWorker<T>(module: string, fn: string, args: unknown, opts: { stallLimitMs?: number } = {}): AsyncGenerator<T> {
  const stallLimit = opts.stallLimitMs ?? TASK_TIME_LIMIT_MS;
  const inbox: StreamMessage<T>[] = [];
  let wake: (() => void) | null = null;
  let started = false;
  let settled = false;
  let closed = false;
  let failure: unknown = null;
  const nudge = () => wake?.();
  // No limit while the task waits for a thread or while the caller works on a batch: only the
  // time the caller waits for the worker's next batch counts.
  const task = startTask(module, fn, args, {
    timeLimitMs: 0,
    onStarted: () => {
      started = true;
      nudge();
    },
    onMessage: (m) => {
      inbox.push(m as StreamMessage<T>);
      nudge();
    },
  });
  // The worker closes its end of the port when the task ends (or the thread dies): the 'close'
  // arrives after every message sent before it, unlike the task's result, which comes on another
  // channel and may overtake the last batches.
  task.port.once('close', () => {
    closed = true;
    nudge();
  });
  task.result.then(
    () => {
      settled = true;
      nudge();
    },
    (e: unknown) => {
      settled = true;
      failure = e;
      nudge();
    },
  );
  let ended = false;
  try {
    for (;;) {
      const m = inbox.shift();
      if (!m) {
        // A failed task (time or memory limit, a crash) ends the stream at once; a finished one
        // once its port has closed, i.e. once every batch it sent has arrived.
        if (settled && failure) throw failure;
        if (settled && closed) throw new Error('worker stream ended without its end message');
        if (started) task.armTimer(stallLimit);
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        task.disarmTimer();
        continue;
      }
      if (m.type === 'end') {
        ended = true;
        return;
      }
      if (m.type === 'error') {
        ended = true;
        throw rethrown(m.error);
      }
      // The worker may read one more batch ahead while the caller works on this one.
      task.port.postMessage({ type: 'more' } satisfies StreamControl);
      yield* m.items;
    }
  } finally {
    task.disarmTimer();
    if (!ended && !settled) task.port.postMessage({ type: 'cancel' } satisfies StreamControl);
    // Wait until the worker has let go of its file (the caller deletes it next); a failure after
    // a cancel, or after an error already reported, is of no interest any more. A worker busy in
    // one long step does not see the cancel: after a while it is terminated instead.
    const gone = task.result.then(
      () => true,
      () => true,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), CANCEL_GRACE_MS)));
    if (!(await Promise.race([gone, late]))) {
      task.abort(new Error('cancelled'));
      await gone;
    }
    clearTimeout(timer);
    task.port.close();
  }
}
