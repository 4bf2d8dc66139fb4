/**
 * Preloaded (`node --require`) into the program the startup bench spawns: samples the V8
 * heap in use every 10 ms and, when the process exits, writes one line with the peaks to
 * stderr. It changes nothing else in the program.
 */
import fs from 'node:fs';
import v8 from 'node:v8';
import { PROBE_MARKER } from './probe-marker';

let peakHeap = v8.getHeapStatistics().used_heap_size;
const timer = setInterval(() => {
  peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);
}, 10);
timer.unref();

process.on('exit', () => {
  peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);
  // resourceUsage().maxRSS is the peak resident set in kilobytes (VmHWM on Linux).
  const line = JSON.stringify({ peakHeapBytes: peakHeap, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
  fs.writeSync(2, `${PROBE_MARKER}${line}\n`);
});
