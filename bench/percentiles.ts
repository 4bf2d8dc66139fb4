/** Latency figures in milliseconds, rounded for reading. */
export interface LatencySummary {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

/** The nearest-rank percentile of `samples` (0 < p <= 100); the samples need not be sorted. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function summarise(samples: readonly number[]): LatencySummary {
  return { p50_ms: round(percentile(samples, 50)), p95_ms: round(percentile(samples, 95)), p99_ms: round(percentile(samples, 99)) };
}

/** Two decimals below 10, one below 100, whole numbers above: enough precision to compare runs. */
export function round(value: number): number {
  const digits = Math.abs(value) < 10 ? 100 : Math.abs(value) < 100 ? 10 : 1;
  return Math.round(value * digits) / digits;
}

export function megabytes(bytes: number): number {
  return round(bytes / (1024 * 1024));
}
