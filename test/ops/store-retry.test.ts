import { isTransientStoreError, retryTransient, withStoreRetries } from '../../src/ops/store-retry';
import { createSilentLogger } from '../../src/logging/logger';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const noSleep = { sleep: async () => undefined };

describe('retrying store calls through an outage', () => {
  it('tells an unreachable or busy store from a bad query', () => {
    expect(isTransientStoreError(refused)).toBe(true);
    expect(isTransientStoreError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientStoreError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isTransientStoreError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(true);
    expect(isTransientStoreError(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isTransientStoreError(new Error('syntax error at or near "selec"'))).toBe(false);
  });

  it('retries until the store answers, with growing waits', async () => {
    let calls = 0;
    const waits: number[] = [];
    const result = await retryTransient(
      async () => {
        if (++calls < 4) throw refused;
        return 'written';
      },
      { baseDelayMs: 100, maxDelayMs: 1000, sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe('written');
    expect(calls).toBe(4);
    expect(waits).toHaveLength(3);
    for (const [i, w] of waits.entries()) {
      expect(w).toBeGreaterThanOrEqual(100);
      expect(w).toBeLessThanOrEqual(100 * 2 ** i);
    }
  });

  it('does not retry a bad query, and gives up on an outage after the limit', async () => {
    let calls = 0;
    const bad = Object.assign(new Error('null value in column'), { code: '23502' });
    await expect(retryTransient(async () => {
      calls++;
      throw bad;
    }, noSleep)).rejects.toBe(bad);
    expect(calls).toBe(1);
    await expect(retryTransient(async () => {
      throw refused;
    }, { giveUpAfterMs: 0, ...noSleep })).rejects.toBe(refused);
  });

  it('wraps only the named methods of a store', async () => {
    const store = {
      failures: 2,
      async save(this: { failures: number }, n: number): Promise<number> {
        if (this.failures-- > 0) throw refused;
        return n * 2;
      },
      async list(): Promise<number[]> {
        throw refused;
      },
    };
    const wrapped = withStoreRetries(store, ['save'], { logger: createSilentLogger(), component: 'test', policy: noSleep });
    await expect(wrapped.save(21)).resolves.toBe(42);
    await expect(wrapped.list()).rejects.toBe(refused);
  });
});
