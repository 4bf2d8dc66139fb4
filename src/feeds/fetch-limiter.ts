/**
 * Bounds concurrent fetches overall and per host, so a poll round never floods one
 * publisher or opens hundreds of sockets at once. Waiters are served in arrival order.
 */
export class FetchLimiter {
  private active = 0;
  private readonly perHost = new Map<string, number>();
  private readonly queue: Array<{ host: string; start: () => void }> = [];

  constructor(
    private readonly overall: number,
    private readonly perHostLimit: number,
  ) {}

  /** Runs `task` once a slot for `host` is free; the slot is released when it settles. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    await new Promise<void>((resolve) => {
      this.queue.push({ host, start: resolve });
      this.drain();
    });
    try {
      return await task();
    } finally {
      this.active--;
      const n = (this.perHost.get(host) ?? 1) - 1;
      if (n <= 0) this.perHost.delete(host);
      else this.perHost.set(host, n);
      this.drain();
    }
  }

  private drain(): void {
    for (let i = 0; i < this.queue.length && this.active < this.overall; ) {
      const next = this.queue[i]!;
      const busy = this.perHost.get(next.host) ?? 0;
      if (busy >= this.perHostLimit) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.active++;
      this.perHost.set(next.host, busy + 1);
      next.start();
    }
  }
}
