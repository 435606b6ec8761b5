import type { Principal } from './principal.js';

/**
 * A short-lived in-process cache of principals by session id, so a request costs no database round
 * trip for authentication. Any write to users, roles, departments or sessions in this process calls
 * `invalidateAll()` (or `invalidate(session)`), so changes take effect on the next request here; the
 * TTL bounds staleness for changes made by another process (CLI, a second instance) to `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; at: number; epoch: number }>();
  private epoch = 0;

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 50_000,
  ) {}

  get(sessionId: string, now: number): Principal | undefined {
    const e = this.entries.get(sessionId);
    if (!e) return undefined;
    if (e.epoch !== this.epoch || now - e.at > this.ttlMs) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return e.principal;
  }

  set(sessionId: string, principal: Principal, now: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(sessionId, { principal, at: now, epoch: this.epoch });
  }

  invalidate(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  invalidateAll(): void {
    this.epoch++;
    this.entries.clear();
  }
}
