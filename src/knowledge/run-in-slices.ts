import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long one slice of work may hold the event loop before it gives other callers a turn. */
export const SLICE_MS = 20;

/** Runs a generator of small steps to its end synchronously (CLI, eval). */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a generator of small steps, yielding to the event loop (setImmediate) whenever a slice
 * has run for `sliceMs`, so a long build never holds up timers, sockets and chat
 * acknowledgements of a running bot for longer than about one slice.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
