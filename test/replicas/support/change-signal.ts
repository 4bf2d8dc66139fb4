/**
 * Lets a test wait until something changed (a log line, a request) without busy-looping:
 * `next()` resolves at the next `notify()` or after `pollMs`, whichever comes first.
 */
export class ChangeSignal {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly pollMs = 100) {}

  next(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.listeners.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollMs);
      this.listeners.add(wake);
    });
  }

  notify(): void {
    for (const wake of [...this.listeners]) wake();
  }
}
