/**
 * Work started by an acknowledged request (the answer after a slash command's ack).
 * On shutdown the adapter stops taking requests, then waits for this work, so an
 * acknowledged command still gets its answer.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work` and keeps it counted until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
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
}
