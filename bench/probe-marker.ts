/** Starts the line the startup probe writes to stderr; the bench looks for it. */
export const PROBE_MARKER = 'NEWSDESK_BENCH_PROBE ';
