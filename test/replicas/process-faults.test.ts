import fs from 'node:fs';
import { ManualClock } from '../../src/clock';
import { describeWithPostgres, createTestSchema, type TestSchema } from '../support/test-database';
import { tempDir } from '../support/test-newsdesk';
import { MemoryDevelopmentSource, development, admin } from '../digests/digest-harness';
import { HoldingSlack } from './support/holding-slack';
import { offlineStoriesDir } from './support/offline-stories';
import { ReplicaProcess, built } from './support/replica-process';
import { startInProcessReplica, outboxRows, type InProcessReplica } from './support/digest-replica';

// The digest is for a day in the past, so the real process (real clock) finds it due at once.
// Its slot is twelve hours from the time the tests run: today's digest is then never due
// within the grace window while they run, whatever the hour (it is skipped, not sent).
const pad = (n: number) => String(n).padStart(2, '0');
const slot = new Date(Date.now() - 12 * 3_600_000);
const SLOT = `${pad(slot.getUTCHours())}:${pad(slot.getUTCMinutes())}`;
const SUBSCRIBED = '2026-05-20T00:00:00Z';
const DUE = `2026-05-21T${SLOT}:00Z`;
const channel = { platform: 'slack' as const, channelId: 'C-news', workspaceId: 'T-1' };
const minutes = (n: number) => n * 60_000;

const describeProcesses = built ? describeWithPostgres : (name: string, body: () => void) => describe.skip(`${name} (skipped: run npm run build first)`, body);

describeProcesses('a real process killed or stopped during a digest delivery', () => {
  let schema: TestSchema;
  let slack: HoldingSlack;
  let dir: string;
  let storiesDir: string;
  const replicas: InProcessReplica[] = [];
  const processes: ReplicaProcess[] = [];

  async function replica(clock: ManualClock, slackApi = true): Promise<InProcessReplica> {
    const source = new MemoryDevelopmentSource();
    source.add(development('2026-05-20T12:00:00Z', ['TechCrunch', 'The Verge'], { id: 'joins', headline: 'Karpathy moves to Anthropic' }));
    const r = await startInProcessReplica(schema, storiesDir, clock, { source, ...(slackApi ? { slackApiUrl: slack.apiUrl } : {}) });
    replicas.push(r);
    return r;
  }

  function realProcess(): ReplicaProcess {
    const p = new ReplicaProcess({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'test-secret',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      HEALTH_PORT: '0',
      DATABASE_URL: schema.url,
      STORIES_DIR: storiesDir,
    });
    processes.push(p);
    return p;
  }

  /** A digest for C-news is stored, due and pending; the planning replica has no Slack sender. */
  async function planDigest(): Promise<void> {
    const clock = new ManualClock(SUBSCRIBED);
    const planner = await replica(clock, false);
    const reply = await planner.bot.handleCommand('karpathy', `subscribe ${SLOT} UTC`, admin, channel);
    expect(reply.isError).toBeFalsy();
    clock.set(DUE);
    await planner.digests.scheduler.tick();
    expect(await outboxRows(planner)).toEqual([expect.objectContaining({ period: '2026-05-21', status: 'pending', claim_owner: null })]);
  }

  beforeEach(async () => {
    schema = await createTestSchema();
    slack = await HoldingSlack.start();
    dir = tempDir('newsdesk-faults-');
    storiesDir = offlineStoriesDir(dir);
  });

  afterEach(async () => {
    for (const p of processes.splice(0)) await p.dispose();
    for (const r of replicas.splice(0)) await r.bot.close();
    await slack.close();
    await schema.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('SIGKILL while the post is in flight: another replica delivers it once the claim expires, exactly once', async () => {
    await planDigest();
    slack.hold();
    const doomed = realProcess();
    await slack.until(() => slack.heldCount === 1, 20000, 'the real process to post the digest');
    doomed.signal('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');

    const [row] = (await outboxRows(replicas[0]!)).filter((r) => r.period === '2026-05-21');
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(row!.claim_owner).toMatch(/:\d+:/); // the dead process's claim is left behind
    slack.release();
    expect(slack.accepted).toEqual([]); // Slack never answered the killed request

    // Another replica, a minute later: the claim still holds (the first might be alive), nothing is sent.
    const clock = new ManualClock(new Date(Date.now() + minutes(1)));
    const survivor = await replica(clock);
    await survivor.digests.scheduler.tick();
    expect(slack.arrived).toBe(1);

    // Past the claim's 5 minutes: the survivor takes the digest over and sends it, once.
    clock.advance(minutes(5));
    await survivor.digests.scheduler.tick();
    await survivor.digests.scheduler.tick();
    const third = await replica(new ManualClock(clock.now()));
    await third.digests.scheduler.tick();
    expect(slack.accepted.map((p) => p.channel)).toEqual(['C-news']);
    expect(slack.accepted[0]!.blocks).toMatch(/Karpathy moves to Anthropic/);
    expect((await outboxRows(survivor)).filter((r) => r.period === '2026-05-21')).toEqual([
      expect.objectContaining({ status: 'delivered', claim_owner: null, attempts: 1 }),
    ]);
  }, 60000);

  it('SIGTERM during a delivery: stops taking work, finishes the post, records it and exits 0 within 10 s', async () => {
    await planDigest();
    slack.hold();
    const stopping = realProcess();
    const healthPort = await stopping.healthPort();
    await slack.until(() => slack.heldCount === 1, 20000, 'the real process to post the digest');
    expect((await fetch(`http://127.0.0.1:${healthPort}/readyz`)).status).toBe(200);

    const signalledAt = Date.now();
    stopping.signal('SIGTERM');
    await stopping.waitForLog((l) => l.msg === 'stopping');
    // Draining: the load balancer is told to stop sending work while the post is in flight.
    const draining = await fetch(`http://127.0.0.1:${healthPort}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ ready: false, checks: { draining: false } });
    expect(stopping.running).toBe(true);

    // Slack answers the post two seconds later; the process records it, then exits.
    await new Promise((r) => setTimeout(r, 2000));
    slack.release();
    const exit = await stopping.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalledAt).toBeLessThan(10_000);
    expect(slack.accepted.map((p) => p.channel)).toEqual(['C-news']);
    expect((await outboxRows(replicas[0]!)).filter((r) => r.period === '2026-05-21')).toEqual([
      expect.objectContaining({ status: 'delivered', claim_owner: null }),
    ]);

    // Nothing is left for anyone else to send, even long after.
    const later = await replica(new ManualClock(new Date(Date.now() + minutes(30))));
    await later.digests.scheduler.tick();
    expect(slack.arrived).toBe(1);
  }, 60000);

  it('SIGTERM with a post that never completes: gives up at the deadline and exits within 10 s; the claim lets another replica send it', async () => {
    await planDigest();
    slack.hold();
    const stuck = realProcess();
    await slack.until(() => slack.heldCount === 1, 20000, 'the real process to post the digest');
    const signalledAt = Date.now();
    stuck.signal('SIGTERM');
    const exit = await stuck.exited;
    expect(exit.at - signalledAt).toBeLessThan(10_000);
    expect(exit.code).toBe(1);
    expect(stuck.logs.some((l) => /took too long/.test(String(l.msg)))).toBe(true);
    slack.release();
    expect(slack.accepted).toEqual([]);

    const survivor = await replica(new ManualClock(new Date(Date.now() + minutes(6))));
    await survivor.digests.scheduler.tick();
    expect(slack.accepted.map((p) => p.channel)).toEqual(['C-news']);
  }, 60000);
});
