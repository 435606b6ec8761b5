/**
 * Per-client token buckets for endpoints open without login (the public credit lookup): each IP
 * may make `capacity` requests at once and earns them back at `capacity / windowMs`. In memory, per
 * process: enough for one server; behind several replicas the proxy should limit as well.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientAddressKey } from './client-address.js';
import { AppError } from './errors.js';

export interface RateLimitOptions {
  /** Requests allowed in a burst (the bucket size). */
  capacity: number;
  /** Time to refill a whole bucket, ms. */
  windowMs: number;
  /** Clients remembered at most; the least recently refilled are forgotten first. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly ratePerMs: number;
  private readonly maxClients: number;

  constructor(private readonly opts: RateLimitOptions) {
    if (!(opts.capacity >= 1) || !(opts.windowMs > 0)) throw new Error('rate limit: capacity ≥ 1 and windowMs > 0');
    this.ratePerMs = opts.capacity / opts.windowMs;
    this.maxClients = opts.maxClients ?? 100_000;
  }

  /** Take one token for `key`; when none is left, how many ms until one is. */
  take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterMs: number } {
    let b = this.buckets.get(key);
    if (b) {
      b.tokens = Math.min(this.opts.capacity, b.tokens + (now - b.at) * this.ratePerMs);
      b.at = now;
      // Re-insert: Map order is then least-recently-seen first, which eviction relies on.
      this.buckets.delete(key);
    } else {
      b = { tokens: this.opts.capacity, at: now };
      if (this.buckets.size >= this.maxClients) this.evict(now);
    }
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil((1 - b.tokens) / this.ratePerMs) };
  }

  /** Return a token taken for a request that, in the end, did not count (never above capacity). */
  giveBack(key: string): void {
    const b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.opts.capacity, b.tokens + 1);
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Forget full buckets (they behave as new ones), else the least recently seen tenth. */
  private evict(now: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.ratePerMs >= this.opts.capacity) this.buckets.delete(k);
    }
    if (this.buckets.size < this.maxClients) return;
    let drop = Math.ceil(this.maxClients / 10);
    for (const k of this.buckets.keys()) {
      if (drop-- <= 0) break;
      this.buckets.delete(k);
    }
  }
}

/**
 * Read `requests/seconds` (e.g. `30/10`) or `off`; `undefined` gives the default. Invalid text is
 * refused at start-up rather than silently disabling the limit.
 */
export function parseRateLimit(text: string | undefined, fallback: RateLimitOptions): RateLimitOptions | null {
  if (text === undefined || text.trim() === '') return fallback;
  if (text.trim() === 'off') return null;
  const m = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m || Number(m[1]) < 1 || Number(m[2]) <= 0) throw new Error(`rate limit must be "requests/seconds" or "off", got "${text}"`);
  return { capacity: Number(m[1]), windowMs: Number(m[2]) * 1000 };
}

type RequestHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Marks the hooks `rateLimitHook` makes, so the OpenAPI document can say which routes answer 429. */
const RATE_LIMITED = Symbol('rate-limited');

/** An onRequest hook: 429 RATE_LIMITED with Retry-After (seconds) when the client's bucket is empty. */
export function rateLimitHook(opts: RateLimitOptions | null): RequestHook {
  if (!opts) return async () => {};
  const buckets = new TokenBuckets(opts);
  const hook: RequestHook = async (request, reply) => {
    const r = buckets.take(request.ip);
    if (r.ok) return;
    const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
    reply.header('retry-after', String(seconds));
    throw new AppError('RATE_LIMITED', { details: { retryAfterSeconds: seconds } });
  };
  return Object.assign(hook, { [RATE_LIMITED]: true });
}

/** Whether a route's onRequest hooks include a rate limit. */
export function isRateLimited(onRequest: unknown): boolean {
  const hooks = Array.isArray(onRequest) ? onRequest : [onRequest];
  return hooks.some((h) => typeof h === 'function' && RATE_LIMITED in h);
}

/**
 * A per-client budget of *failures* (failed logins). Each request takes a token as it arrives —
 * so a burst of parallel requests cannot all slip past before the first failure is counted — and
 * gets it back when it turns out not to be a failure (`refund`: a successful login), so an office
 * of many people behind one address logging in is never held up. While a client's bucket is empty
 * its requests are refused with 429 and Retry-After before any work is done. Clients are keyed by
 * address (an IPv6 /64 as one client).
 */
export function failureLimit(
  opts: RateLimitOptions | null,
  refuse: (retryAfterSeconds: number) => AppError,
): { onRequest: (request: FastifyRequest, reply: FastifyReply) => Promise<void>; refund: (request: FastifyRequest) => void } {
  if (!opts) return { onRequest: async () => {}, refund: () => {} };
  const buckets = new TokenBuckets(opts);
  return {
    onRequest: async (request, reply) => {
      const r = buckets.take(clientAddressKey(request.ip));
      if (r.ok) return;
      const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
      reply.header('retry-after', String(seconds));
      throw refuse(seconds);
    },
    refund: (request) => buckets.giveBack(clientAddressKey(request.ip)),
  };
}
