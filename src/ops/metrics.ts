import type { CommandObserver } from '../commands/command-router';

/**
 * The port through which features report what operators watch. The core calls it; the
 * process entry decides where the numbers go (Prometheus, or nowhere). Every method is
 * cheap and never throws, so callers need no guards.
 */
export interface Metrics {
  /** A feed poll finished: `ok` when the feed was fetched and parsed (a 304 is ok). */
  feedPolled(feedUrl: string, ok: boolean): void;
  /** `count` new items of a story were stored (duplicates not counted). */
  itemsIngested(storyId: string, count: number): void;
  /** One digest was accepted by the chat platform. */
  digestDelivered(platform: string): void;
  /** A digest delivery attempt failed; `kind` is the DeliveryError kind or `error`. */
  digestFailed(platform: string, kind: string): void;
  /** Command latency and outcome (the router's observer hook). */
  readonly commandHandled: CommandObserver;
}

/** Metrics that go nowhere: the CLI, tests, console mode without a health port. */
export const noMetrics: Metrics = {
  feedPolled: () => undefined,
  itemsIngested: () => undefined,
  digestDelivered: () => undefined,
  digestFailed: () => undefined,
  commandHandled: () => undefined,
};
