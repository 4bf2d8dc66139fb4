import type { Logger } from '../logging/logger';

/**
 * When a step runs. `intake`: stop taking new work (readiness off, chat receivers closed).
 * `work`: finish what is in flight (the core's features: deliveries, polls) and close the
 * store. `close`: close the remaining connections (chat clients, which in-flight deliveries
 * needed until now; the health server).
 */
export type ShutdownPhase = 'intake' | 'work' | 'close';
const PHASES: ShutdownPhase[] = ['intake', 'work', 'close'];

/** One stage of a graceful stop. */
export interface ShutdownStep {
  readonly name: string;
  readonly phase: ShutdownPhase;
  run(): Promise<void> | void;
}

export interface ShutdownOptions {
  logger: Logger;
  /**
   * Time the steps get in total before the process exits anyway. newsdesk promises to be
   * gone within 10 s of SIGTERM (`docker stop` sends SIGKILL after 10 s); 8 s for the steps
   * plus at most 1 s for `exitSoon` keeps a margin.
   */
  deadlineMs?: number;
  /**
   * Ends the process; injected so tests can observe it. Default: set the exit code and let
   * the event loop empty (so buffered output is written), forcing the exit a second later
   * if some handle still holds the process.
   */
  exit?: (code: number) => void;
}

/** The default `exit`: a natural exit, forced after a second. */
export function exitSoon(code: number): void {
  if (!process.exitCode) process.exitCode = code;
  setTimeout(() => process.exit(), 1000).unref();
}

/**
 * A graceful stop: runs the steps phase by phase, in the order added within a phase, each once, a failing step
 * logged and skipped, all within a deadline; then exits 0 (1 when a step failed or the
 * deadline passed). A second signal while stopping exits at once.
 */
export class Shutdown {
  private readonly steps: ShutdownStep[] = [];
  private running: Promise<void> | undefined;
  private readonly logger: Logger;
  private readonly deadlineMs: number;
  private readonly exit: (code: number) => void;

  constructor(options: ShutdownOptions) {
    this.logger = options.logger.child({ component: 'shutdown' });
    this.deadlineMs = options.deadlineMs ?? 8000;
    this.exit = options.exit ?? exitSoon;
  }

  /** Adds a step to a phase; within a phase, steps run in the order added. */
  add(phase: ShutdownPhase, name: string, run: ShutdownStep['run']): this {
    this.steps.push({ name, phase, run });
    return this;
  }

  /** True once a stop has begun. */
  get stopping(): boolean {
    return this.running !== undefined;
  }

  /** Stops the process; calling it again returns the same stop. */
  run(reason: string): Promise<void> {
    this.running ??= this.stop(reason);
    return this.running;
  }

  /** Stops on SIGTERM and SIGINT. Returns a function that removes the handlers. */
  install(signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): () => void {
    const handler = (signal: NodeJS.Signals): void => {
      if (this.stopping) {
        this.logger.warn({ signal }, 'second signal while stopping: exiting now');
        this.exit(130);
        return;
      }
      void this.run(signal);
    };
    for (const s of signals) process.on(s, handler);
    return () => {
      for (const s of signals) process.off(s, handler);
    };
  }

  private async stop(reason: string): Promise<void> {
    const startedAt = Date.now();
    this.logger.info({ reason, deadlineMs: this.deadlineMs }, 'stopping');
    let failed = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), this.deadlineMs);
    });
    const steps = (async () => {
      const ordered = PHASES.flatMap((phase) => this.steps.filter((step) => step.phase === phase));
      for (const step of ordered) {
        try {
          await step.run();
          this.logger.debug({ step: step.name, ms: Date.now() - startedAt }, 'shutdown step done');
        } catch (error) {
          failed = true;
          this.logger.error({ err: error, step: step.name }, 'shutdown step failed');
        }
      }
      return 'done' as const;
    })();
    const outcome = await Promise.race([steps, deadline]);
    clearTimeout(timer);
    if (outcome === 'deadline') {
      this.logger.error({ ms: Date.now() - startedAt }, 'graceful stop took too long: exiting with work unfinished');
      this.exit(1);
      return;
    }
    this.logger.info({ ms: Date.now() - startedAt }, 'stopped');
    this.exit(failed ? 1 : 0);
  }
}
