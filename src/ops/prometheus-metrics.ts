import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics } from './metrics';

/**
 * Metrics in Prometheus format, on a registry of its own (not prom-client's global one,
 * so two instances in one process, as in tests, do not collide).
 *
 * Feed health is per replica: each replica reports the feeds it polled itself, as last
 * seen. With several replicas, sum `newsdesk_feeds` over replicas only after taking the
 * latest sample per feed, or read `newsdesk_feed_polls_total` rates instead.
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly feedState = new Map<string, boolean>();
  private readonly feedPolls: Counter<'outcome'>;
  private readonly items: Counter<'story'>;
  private readonly delivered: Counter<'platform'>;
  private readonly failed: Counter<'platform' | 'kind'>;
  private readonly commandSeconds: Histogram<'command' | 'outcome'>;

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'newsdesk_' });
    const feedState = this.feedState;
    new Gauge({
      name: 'newsdesk_feeds',
      help: 'Feeds by the outcome of their last poll on this replica (ok or failing).',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        let ok = 0;
        for (const healthy of feedState.values()) if (healthy) ok += 1;
        this.set({ state: 'ok' }, ok);
        this.set({ state: 'failing' }, feedState.size - ok);
      },
    });
    this.feedPolls = new Counter({
      name: 'newsdesk_feed_polls_total',
      help: 'Feed polls finished on this replica, by outcome.',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.items = new Counter({
      name: 'newsdesk_items_ingested_total',
      help: 'New feed items stored, by story.',
      labelNames: ['story'],
      registers: [this.registry],
    });
    this.delivered = new Counter({
      name: 'newsdesk_digests_delivered_total',
      help: 'Digests the chat platform accepted, by platform.',
      labelNames: ['platform'],
      registers: [this.registry],
    });
    this.failed = new Counter({
      name: 'newsdesk_digests_failed_total',
      help: 'Digest delivery attempts that failed, by platform and kind (permanent, transient, rate-limited, error).',
      labelNames: ['platform', 'kind'],
      registers: [this.registry],
    });
    this.commandSeconds = new Histogram({
      name: 'newsdesk_command_duration_seconds',
      help: 'Time to answer a command, by subcommand and outcome (ok, user-error, error).',
      labelNames: ['command', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  feedPolled(feedUrl: string, ok: boolean): void {
    this.feedState.set(feedUrl, ok);
    this.feedPolls.inc({ outcome: ok ? 'ok' : 'failing' });
  }

  itemsIngested(storyId: string, count: number): void {
    if (count > 0) this.items.inc({ story: storyId }, count);
  }

  digestDelivered(platform: string): void {
    this.delivered.inc({ platform });
  }

  digestFailed(platform: string, kind: string): void {
    this.failed.inc({ platform, kind });
  }

  readonly commandHandled = (command: string, ms: number, outcome: 'ok' | 'user-error' | 'error'): void => {
    this.commandSeconds.observe({ command, outcome }, ms / 1000);
  };

  /** The text exposition served on /metrics. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
