/**
 * Work started by an acknowledged request (the answer after a slash command's ack).
 * On shutdown the adapter stops taking requests, then waits for this work, so an
 * acknowledged command still gets its answer.
 *
 * Answers are CPU work on the same event loop that acknowledges requests. Run all at once,
 * twenty answers in progress delay the acknowledgement of the next requests by hundreds
 * of milliseconds (the bench measured a p99 near one second at 20 concurrent commands);
 * so only a few run at a time, each started on a later turn of the loop, and requests
 * already received are acknowledged first. Waiting answers cost nothing: response_url
 * stays valid for 30 minutes. The price: an answer waiting on the network (Claude) holds
 * its slot, so a burst of questions is answered two at a time.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  /** @param concurrency how many pieces of work run at once; the rest wait their turn, in order. */
  constructor(private readonly concurrency = 2) {}

  /** Runs `work` when a slot is free and keeps it counted (waiting or running) until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const promise = this.whenFree().then(async () => {
      try {
        return await work();
      } finally {
        this.release();
      }
    });
    this.running.add(promise);
    try {
      return await promise;
    } finally {
      this.running.delete(promise);
    }
  }

  /** Resolves when everything running has settled, or after `timeoutMs`; true when all settled. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const settled = Promise.allSettled([...this.running]).then(() => true);
    try {
      return await Promise.race([settled, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async whenFree(): Promise<void> {
    if (this.active < this.concurrency) this.active++;
    // A released slot is handed straight to the next waiter, so `active` stays counted.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
