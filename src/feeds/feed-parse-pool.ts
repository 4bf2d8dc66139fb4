import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FeedError, type FeedErrorKind } from './feed-error';
import { parseFeedBytes, type FeedBytes, type ParsedItems } from './parse-feed-bytes';
import type { Logger } from '../logging/logger';

/** A worker's answer to one feed body. */
export type ParseAnswer =
  | { id: number; ok: true; result: ParsedItems }
  /** `kind` for a `FeedError`; without it the worker failed unexpectedly (message is the stack). */
  | { id: number; ok: false; kind?: FeedErrorKind; message: string; httpStatus?: number };

export interface FeedParsePoolOptions {
  /** Worker threads; 0 parses in the calling thread. Default: one less than the cores (at least 1, at most 3). */
  size?: number;
  /** The worker's script (tests point it at a loader); default the compiled `parse-worker.js` beside this file. */
  script?: string;
  logger?: Logger;
}

/** What a worker says once its modules are loaded, before any answer. */
export interface ParseWorkerReady {
  ready: true;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: ParsedItems) => void; reject: (e: Error) => void }>;
  /** Its modules are loaded: bodies sent now are parsed at once. */
  ready: boolean;
}

/**
 * Parses feed bodies (decode, rss-parser, item cleaning) on worker threads, so parsing runs
 * beside the main thread's dedupe, clustering and store writes instead of taking turns with
 * them. Bodies are moved to the worker, not copied. Workers start on first use, are
 * unreferenced while idle (a one-shot command can exit), and a crashed worker fails only
 * its own feeds and is replaced. Without a compiled worker script (running from
 * TypeScript sources) it parses in the calling thread.
 */
export class FeedParsePool {
  private readonly size: number;
  private readonly script: string;
  private readonly slots: Slot[] = [];
  private next = 0;
  private ids = 0;
  private closed = false;
  private readonly readyWaiters: Array<() => void> = [];

  constructor(private readonly options: FeedParsePoolOptions = {}) {
    const compiled = path.join(__dirname, 'parse-worker.js');
    this.script = options.script ?? compiled;
    const fromSources = !options.script && __filename.endsWith('.ts');
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    this.size = fromSources ? 0 : Math.max(0, options.size ?? Math.min(3, Math.max(1, cores - 1)));
  }

  /** Worker threads this pool runs (0: parsing happens in the calling thread). */
  get workers(): number {
    return this.size;
  }

  /**
   * Starts the workers now (they load their modules while the first feeds download) rather
   * than at the first body.
   */
  warm(): void {
    if (this.closed) return;
    while (this.slots.length < this.size) this.spawn();
  }

  /** Resolves once every worker has loaded its modules (tests; the pool never waits for it). */
  whenReady(): Promise<void> {
    this.warm();
    return new Promise((resolve) => {
      this.readyWaiters.push(resolve);
      this.settleReadyWaiters();
    });
  }

  /** Resolves `whenReady` callers once no worker is still loading (or the pool is closed). */
  private settleReadyWaiters(): void {
    if (this.readyWaiters.length === 0 || !(this.closed || this.slots.every((s) => s.ready))) return;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /**
   * Parses one body; rejects with a `FeedError` like `parseFeedBytes`. While no worker has
   * loaded its modules yet (the first tens of milliseconds of a process's first poll), the
   * calling thread parses: the first feeds of the round do not queue up behind the start.
   */
  parse = (input: FeedBytes): Promise<ParsedItems> => {
    if (this.size === 0 || this.closed) return parseFeedBytes(input);
    this.warm();
    const ready = this.slots.filter((s) => s.ready);
    if (ready.length === 0) return parseFeedBytes(input);
    // Round robin: feeds are of similar size, and each worker works through its own queue.
    const slot = ready[this.next++ % ready.length]!;
    const id = ++this.ids;
    return new Promise<ParsedItems>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      if (slot.pending.size === 1) slot.worker.ref();
      const body = input.body;
      // A body that owns its whole buffer is moved; a slice of a shared pool is copied.
      const movable = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && !(body.buffer instanceof SharedArrayBuffer);
      slot.worker.postMessage({ id, input }, movable ? [body.buffer as ArrayBuffer] : []);
    });
  };

  /** Stops the workers; parses still pending fail. Later parses run in the calling thread. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    this.settleReadyWaiters();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker, pending: new Map(), ready: false };
    worker.unref();
    worker.on('message', (answer: ParseAnswer | ParseWorkerReady) => {
      if ('ready' in answer) {
        slot.ready = true;
        this.settleReadyWaiters();
        return;
      }
      const task = slot.pending.get(answer.id);
      if (!task) return;
      slot.pending.delete(answer.id);
      if (slot.pending.size === 0) worker.unref();
      if (answer.ok) task.resolve(answer.result);
      else if (answer.kind) task.reject(new FeedError(answer.kind, answer.message, answer.httpStatus !== undefined ? { httpStatus: answer.httpStatus } : {}));
      else task.reject(new Error(`feed parser worker failed: ${answer.message}`));
    });
    const fail = (error: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      if (!this.closed) this.options.logger?.error({ err: error }, 'feed parser worker stopped; its feeds fail this round and a new worker takes over');
      for (const task of slot.pending.values()) task.reject(error);
      slot.pending.clear();
      this.settleReadyWaiters();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`feed parser worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }
}
