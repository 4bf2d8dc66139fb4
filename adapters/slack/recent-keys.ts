/**
 * Remembers the last `capacity` keys. Slack redelivers an event it thinks we missed
 * (`x-slack-retry-num`); answering it twice would post the same answer twice.
 */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = 2000) {}

  /** True when `key` was seen before; otherwise remembers it and returns false. */
  seen(key: string): boolean {
    if (this.keys.has(key)) return true;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    return false;
  }
}
