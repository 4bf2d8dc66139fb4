import { PrometheusMetrics } from '../../src/ops/prometheus-metrics';
import { Readiness } from '../../src/ops/readiness';
import { startHealthServer, type HealthServer } from '../../src/ops/health-server';
import { createSilentLogger } from '../../src/logging/logger';

describe('health and metrics endpoints', () => {
  let server: HealthServer;
  let metrics: PrometheusMetrics;
  let readiness: Readiness;
  let base: string;

  beforeEach(async () => {
    metrics = new PrometheusMetrics({ processMetrics: false });
    readiness = new Readiness(100);
    server = await startHealthServer({ port: 0, host: '127.0.0.1', readiness, metrics, logger: createSilentLogger() });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterEach(async () => {
    await server.close();
  });

  it('/healthz answers 200 while the process runs', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok\n');
  });

  it('/readyz is 200 when every check passes and 503 naming the failing one otherwise', async () => {
    let databaseUp = true;
    readiness.add('database', async () => databaseUp);
    readiness.add('slack', () => true);
    let res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, checks: { database: true, slack: true } });

    databaseUp = false;
    res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, checks: { database: false, slack: true } });
  });

  it('a check that throws or hangs counts as not ready, and the answer still comes', async () => {
    readiness.add('discord', () => {
      throw new Error('gateway down');
    });
    readiness.add('database', () => new Promise<boolean>(() => undefined));
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, checks: { discord: false, database: false } });
  });

  it('a draining replica reports not ready so the load balancer stops sending it work', async () => {
    readiness.add('database', () => true);
    readiness.drain();
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ready: false, checks: { database: true, draining: false } });
  });

  it('/metrics serves feeds, items, digests and command latency in Prometheus text format', async () => {
    metrics.feedPolled('https://a.example/rss', true);
    metrics.feedPolled('https://b.example/rss', false);
    metrics.feedPolled('https://c.example/rss', false);
    metrics.feedPolled('https://c.example/rss', true);
    metrics.itemsIngested('karpathy', 3);
    metrics.itemsIngested('karpathy', 0);
    metrics.digestDelivered('slack');
    metrics.digestFailed('discord', 'transient');
    metrics.commandHandled('timeline', 12, 'ok');
    metrics.commandHandled('timeline', 3000, 'ok');

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('newsdesk_feeds{state="ok"} 2');
    expect(text).toContain('newsdesk_feeds{state="failing"} 1');
    expect(text).toContain('newsdesk_items_ingested_total{story="karpathy"} 3');
    expect(text).toContain('newsdesk_digests_delivered_total{platform="slack"} 1');
    expect(text).toContain('newsdesk_digests_failed_total{platform="discord",kind="transient"} 1');
    expect(text).toContain('newsdesk_command_duration_seconds_count{command="timeline",outcome="ok"} 2');
    expect(text).toContain('newsdesk_command_duration_seconds_bucket{le="0.025",command="timeline",outcome="ok"} 1');
  });

  it('other paths get 404 and other methods 405', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const post = await fetch(`${base}/healthz`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('a port in use is reported with the variable to change', async () => {
    await expect(
      startHealthServer({ port: server.port, host: '127.0.0.1', readiness, metrics, logger: createSilentLogger() }),
    ).rejects.toThrow(/cannot serve health checks on port \d+: EADDRINUSE \(set HEALTH_PORT/);
  });
});
