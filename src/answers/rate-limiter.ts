import type { Clock } from '../clock';

/**
 * A per-user sliding one-minute window. `limit` 0 means no limit. Memory stays bounded:
 * a user's old timestamps are dropped on each check, idle users are pruned now and then.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private checks = 0;

  constructor(
    private readonly limit: number,
    private readonly clock: Clock,
    private readonly windowMs = 60_000,
  ) {}

  /** Records a request and returns 0 when allowed, else the seconds until the next one is. */
  take(userId: string): number {
    if (this.limit <= 0) return 0;
    const now = this.clock.now().getTime();
    if (++this.checks % 1000 === 0) this.prune(now);
    const recent = (this.hits.get(userId) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(userId, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(userId, recent);
    return 0;
  }

  private prune(now: number): void {
    for (const [user, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(user);
  }
}
