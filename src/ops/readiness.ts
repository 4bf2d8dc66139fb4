/** One thing that must be true for this replica to take traffic (database, a chat connection). */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves true when healthy; a rejection or a hang past the deadline counts as false. */
  check(): Promise<boolean> | boolean;
}

export interface ReadinessReport {
  ready: boolean;
  /** Each check's outcome by name; `draining` is reported as a failed check of its own. */
  checks: Record<string, boolean>;
}

/**
 * What /readyz reports. Checks are added by whoever owns the dependency (the store, each
 * chat adapter). Once draining (SIGTERM), the replica reports not ready, so a load balancer
 * stops sending it work while in-flight work finishes.
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private draining = false;

  constructor(private readonly timeoutMs = 2000) {}

  /** Adds or replaces the check with this name. */
  add(name: string, check: ReadinessCheck['check']): void {
    this.checks.set(name, { name, check });
  }

  remove(name: string): void {
    this.checks.delete(name);
  }

  /** From now on the replica reports not ready (shutting down). */
  drain(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async evaluate(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks.values()].map(async (c) => [c.name, await this.run(c)] as const),
    );
    const checks: Record<string, boolean> = Object.fromEntries(entries);
    if (this.draining) checks.draining = false;
    return { ready: Object.values(checks).every(Boolean), checks };
  }

  private async run(c: ReadinessCheck): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([Promise.resolve().then(() => c.check()).catch(() => false), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
