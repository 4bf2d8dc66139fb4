import type { FeedStore, IngestBatch, PollWrite } from './feed-store';

/** At most this many polls share one transaction. */
const MAX_GROUP = 128;
/**
 * How long a batch waits for others to join its transaction. SQLite's driver is synchronous,
 * so without a pause every transaction would be written before the next poll finishes.
 * Each commit rewrites the pages its group touched (indexes, the feeds' rows, the clusters
 * grown), so fewer, larger groups write less; the wait is cut short once no poll is still
 * being read (`noneComing`), so the last polls of a round are not held back by it.
 */
const GATHER_MS = 100;

/**
 * Group commit for poll batches: a batch waits a few milliseconds (or until the group is
 * full) for the batches of polls finishing meanwhile, and they are written together in one
 * transaction. With hundreds of feeds in a round that is a few dozen commits instead of
 * one per feed. If a group's transaction fails, each of its batches is tried on its own,
 * so one bad batch fails only its own poll (whose items are then not marked seen, and come
 * again next poll).
 */
export class BatchWriter {
  private readonly queue: Array<{ batch: IngestBatch; resolve: (w: PollWrite) => void; reject: (e: unknown) => void }> = [];
  private flushing = false;
  private timer: NodeJS.Timeout | undefined;
  /** No poll is being read: nothing will join a group by waiting, so batches are written at once. */
  private idle = false;

  constructor(private readonly store: Pick<FeedStore, 'saveBatch' | 'saveBatches'>) {}

  /** Resolves once the batch is committed (or refused: see `PollWrite.written`). */
  write(batch: IngestBatch): Promise<PollWrite> {
    return new Promise<PollWrite>((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Told by the poller whether any poll is still being read (fetched and parsed): while
   * none is, queued and new batches are written without waiting for company.
   */
  setReading(reading: boolean): void {
    this.idle = !reading;
    if (this.idle && this.queue.length > 0) this.schedule();
  }

  private schedule(): void {
    if (this.flushing) return; // the running flush takes what queued meanwhile
    if (this.queue.length >= MAX_GROUP || this.idle) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, GATHER_MS);
    }
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        try {
          const results = await this.store.saveBatches(group.map((g) => g.batch));
          group.forEach((g, i) => g.resolve(results[i]!));
        } catch (error) {
          if (group.length === 1) {
            group[0]!.reject(error);
            continue;
          }
          for (const g of group) {
            try {
              g.resolve(await this.store.saveBatch(g.batch));
            } catch (own) {
              g.reject(own);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
