import type { Logger } from '../logging/logger';

/**
 * Errors that mean "the store is unreachable or busy right now", worth retrying: the
 * network (refused, reset, timed out), PostgreSQL restarting or out of connections
 * (SQLSTATE class 08, 57P01-57P03, 53300), a serialization conflict or deadlock (40001,
 * 40P01), and SQLite's busy/locked. Anything else (a constraint, a bad query) is a bug or
 * bad data, and retrying would only repeat it.
 */
export function isTransientStoreError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^08/.test(code) || ['57P01', '57P02', '57P03', '53300', '40001', '40P01'].includes(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'SQLITE_BUSY', 'SQLITE_LOCKED'].includes(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|connection error|timeout exceeded when trying to connect|Query read timeout|Connection closed|the database system is (starting up|shutting down)/i.test(message);
}

export interface StoreRetryPolicy {
  /** First wait; doubles per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * After this long the last error is thrown. Ingestion keeps it below the feed lease
   * (5 minutes), so a poll never outlives its claim while it holds unwritten items.
   */
  giveUpAfterMs?: number;
  /** Waits between attempts; injected by tests. */
  sleep?: (ms: number) => Promise<void>;
}

const defaults = { baseDelayMs: 250, maxDelayMs: 15_000, giveUpAfterMs: 4 * 60_000 };

/** Runs `task`, retrying transient store errors with capped exponential backoff (full jitter). */
export async function retryTransient<T>(task: () => Promise<T>, policy: StoreRetryPolicy = {}, onRetry?: (error: unknown, attempt: number, delayMs: number) => void): Promise<T> {
  const { baseDelayMs, maxDelayMs, giveUpAfterMs } = { ...defaults, ...policy };
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      const elapsed = Date.now() - started;
      if (!isTransientStoreError(error) || elapsed >= giveUpAfterMs) throw error;
      const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.min(Math.max(baseDelayMs, Math.round(cap * Math.random())), giveUpAfterMs - elapsed);
      onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}

/**
 * The same store with the named async methods retried through an outage (see
 * `retryTransient`). Callers wait while the store is away, holding what they were about to
 * write in memory, and go on once it answers; nothing is acknowledged before it is stored.
 * Other methods fail at once, as before.
 */
export function withStoreRetries<T extends object>(
  store: T,
  methods: ReadonlyArray<keyof T & string>,
  options: { logger: Logger; component: string; policy?: StoreRetryPolicy },
): T {
  const wrapped = new Set<string>(methods);
  const log = options.logger.child({ component: options.component });
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !wrapped.has(property) || typeof value !== 'function') {
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (...args: unknown[]) =>
        retryTransient(
          () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args),
          options.policy,
          (error, attempt, delayMs) => {
            const level = attempt === 1 ? 'warn' : 'debug';
            log[level]({ err: error, call: property, attempt, retryInMs: delayMs }, 'store unavailable; retrying');
          },
        );
    },
  });
}
