import { describe, expect, it } from 'vitest';
import { parseRateLimit, TokenBuckets } from './rate-limit.js';

describe('TokenBuckets', () => {
  it('allows a burst of `capacity`, then refuses with the time until the next token', () => {
    const b = new TokenBuckets({ capacity: 3, windowMs: 3_000 });
    expect([b.take('a', 0), b.take('a', 0), b.take('a', 0)].every((r) => r.ok)).toBe(true);
    const refused = b.take('a', 0);
    expect(refused).toEqual({ ok: false, retryAfterMs: 1_000 });
    // Other clients have their own bucket.
    expect(b.take('b', 0).ok).toBe(true);
  });

  it('refills at capacity per window', () => {
    const b = new TokenBuckets({ capacity: 2, windowMs: 1_000 });
    b.take('a', 0);
    b.take('a', 0);
    expect(b.take('a', 400).ok).toBe(false); // 0.8 tokens earned so far
    // By 1 s the bucket is full again (never more than capacity): two requests, not three.
    expect(b.take('a', 1_000).ok).toBe(true);
    expect(b.take('a', 1_000).ok).toBe(true);
    expect(b.take('a', 1_000).ok).toBe(false);
  });

  it('forgets clients beyond maxClients, full buckets first', () => {
    const b = new TokenBuckets({ capacity: 1, windowMs: 1_000, maxClients: 10 });
    for (let i = 0; i < 25; i++) b.take(`ip${i}`, 0);
    expect(b.size).toBeLessThanOrEqual(10);
  });
});

describe('parseRateLimit', () => {
  const fallback = { capacity: 30, windowMs: 10_000 };
  it('reads requests/seconds, off, or falls back', () => {
    expect(parseRateLimit('500/1', fallback)).toEqual({ capacity: 500, windowMs: 1_000 });
    expect(parseRateLimit('off', fallback)).toBeNull();
    expect(parseRateLimit(undefined, fallback)).toBe(fallback);
  });
  it('refuses nonsense instead of silently disabling the limit', () => {
    expect(() => parseRateLimit('lots', fallback)).toThrow(/requests\/seconds/);
    expect(() => parseRateLimit('0/10', fallback)).toThrow();
  });
});
