import { ManualClock } from '../../src/clock';
import { DeliveryError } from '../../src/delivery/channel-sender';
import { renderPlainText } from '../../src/reply/render-plain-text';
import {
  MemoryDevelopmentSource,
  ScriptedSender,
  admin,
  channel,
  createSharedStore,
  development,
  startProcess,
  type DigestProcess,
  type SharedStore,
} from './digest-harness';

// 08:00 in Berlin is 06:00 UTC in May (summer time).
const SUBSCRIBED = '2026-05-20T10:00:00Z';
const DUE = '2026-05-21T06:00:00Z';
const at = (iso: string, minutes = 0) => new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

describe('digest schedule: one delivery per period', () => {
  let store: SharedStore;
  let clock: ManualClock;
  let source: MemoryDevelopmentSource;
  const open: DigestProcess[] = [];

  async function processWith(sender: ScriptedSender | undefined, env: Record<string, string> = {}): Promise<DigestProcess> {
    const p = await startProcess(store, clock, source, sender, env);
    open.push(p);
    return p;
  }

  async function stopProcess(p: DigestProcess): Promise<void> {
    open.splice(open.indexOf(p), 1);
    await p.bot.close();
  }

  async function subscribe(p: DigestProcess, args = '08:00 Europe/Berlin', where = channel) {
    const reply = await p.bot.handleCommand('karpathy', `subscribe ${args}`, admin, where);
    expect(reply.isError).toBeFalsy();
    return reply;
  }

  beforeEach(async () => {
    store = await createSharedStore();
    clock = new ManualClock(SUBSCRIBED);
    source = new MemoryDevelopmentSource();
    source.add(
      development('2026-05-19T09:00:00Z', ['TechCrunch', 'The Verge'], { id: 'joins', headline: 'Karpathy moves to Anthropic' }),
      development('2026-05-20T12:00:00Z', ['The Decoder'], { id: 'team', headline: 'He will work on pre-training' }),
    );
  });

  afterEach(async () => {
    for (const p of open.splice(0)) await p.bot.close();
    await store.dispose();
  });

  it('delivers once across restarts before, during (a sender that never answers) and after the due time', async () => {
    const first = await processWith(new ScriptedSender());
    const reply = await subscribe(first);
    expect(renderPlainText(reply)).toMatch(/every day at 08:00 \(Europe\/Berlin\).*first one, on 2026-05-21, catches up/s);

    // Before: a minute early nothing is due.
    clock.set(at(DUE, -1));
    await first.digests.scheduler.tick();
    await stopProcess(first);

    // During: this process claims the digest, then its send never completes (it "dies").
    clock.set(at(DUE, 0.5));
    const hanging = new ScriptedSender().then('hang');
    const dying = await startProcess(store, clock, source, hanging);
    void dying.digests.scheduler.tick();
    await waitFor(() => hanging.attempts === 1);
    await dying.bot.context.database.close(); // a crash: no clean stop, the claim stays behind

    // A restart while the dead claim still holds sends nothing ...
    const sender = new ScriptedSender();
    const restarted = await processWith(sender);
    clock.set(at(DUE, 2));
    await restarted.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(0);
    // ... and takes over once the claim expires, exactly once.
    clock.set(at(DUE, 6));
    await restarted.digests.scheduler.tick();
    clock.set(at(DUE, 7));
    await restarted.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(1);
    const catchUp = renderPlainText(sender.delivered[0]!.reply);
    expect(sender.delivered[0]!.channelId).toBe('C-news');
    expect(sender.delivered[0]!.reply.visibility).toBe('channel');
    expect(catchUp).toMatch(/the story so far/);
    expect(catchUp).toMatch(/Karpathy moves to Anthropic.*\(TechCrunch \+1\)/);
    expect(catchUp).toMatch(/He will work on pre-training/);
    await stopProcess(restarted);

    // After: a restart later that day owes nothing more.
    const after = await processWith(sender);
    clock.set(at(DUE, 180));
    await after.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(1);

    // The next day brings only what is new, never the developments already delivered,
    // even one whose publication date falls in the new window.
    source.add(development('2026-05-21T20:00:00Z', ['Anthropic'], { id: 'blog', headline: 'Anthropic explains the hire' }));
    source.developments.find((d) => d.id === 'team')!.publishedAt = '2026-05-21T12:00:00Z';
    clock.set(at(DUE, 24 * 60 + 1));
    await after.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(2);
    const second = renderPlainText(sender.delivered[1]!.reply);
    expect(second).toMatch(/digest for 2026-05-22/);
    expect(second).toMatch(/Anthropic explains the hire/);
    expect(second).not.toMatch(/Karpathy moves to Anthropic|pre-training/);

    const history = renderPlainText(await after.bot.handleCommand('karpathy', 'digest history', admin, channel));
    expect(history).toMatch(/2026-05-22\s+delivered at 06:01 UTC: 1 development/);
    expect(history).toMatch(/2026-05-21\s+delivered at 06:06 UTC: catch-up, 2 developments/);
  });

  it('sends a digest missed while the bot was down when it starts within the grace window', async () => {
    const first = await processWith(new ScriptedSender());
    await subscribe(first);
    await stopProcess(first);

    clock.set(at(DUE, 5 * 60));
    const sender = new ScriptedSender();
    const late = await processWith(sender);
    await late.digests.start(); // what `npm start` runs: one pass at once, then every minute
    await late.digests.stop();
    expect(sender.delivered).toHaveLength(1);
    expect(renderPlainText(sender.delivered[0]!.reply)).toMatch(/the story so far/);
  });

  it('records a skip instead of sending late when the grace window has passed, and sends the next day', async () => {
    const first = await processWith(new ScriptedSender());
    await subscribe(first);
    await stopProcess(first);

    clock.set(at(DUE, 7 * 60));
    const sender = new ScriptedSender();
    const late = await processWith(sender);
    await late.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(0);
    const history = renderPlainText(await late.bot.handleCommand('karpathy', 'digest history', admin, channel));
    expect(history).toMatch(/2026-05-21\s+skipped \(missed: the bot was not running at 08:00 and came back 7 h later \(grace 6 h\)\)/);

    clock.set(at(DUE, 24 * 60));
    await late.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(1);
    // Nothing was delivered before, so this is still the catch-up.
    expect(renderPlainText(sender.delivered[0]!.reply)).toMatch(/the story so far/);
  });

  it('retries transient and rate-limited errors with backoff, then delivers once', async () => {
    const sender = new ScriptedSender().then(
      new DeliveryError('transient', 'socket hang up'),
      new DeliveryError('rate-limited', 'slow down', 150_000),
    );
    const p = await processWith(sender);
    await subscribe(p);
    clock.set(DUE);
    await p.digests.scheduler.tick();
    expect(sender.attempts).toBe(1);
    await p.digests.scheduler.tick(); // backoff: not yet
    expect(sender.attempts).toBe(1);
    const pending = renderPlainText(await p.bot.handleCommand('karpathy', 'digest history', admin, channel));
    expect(pending).toMatch(/not delivered yet \(1 failed attempt: socket hang up\); retrying/);

    clock.set(at(DUE, 1.1));
    await p.digests.scheduler.tick();
    expect(sender.attempts).toBe(2); // rate-limited: wait what the platform asked (2.5 min)
    clock.set(at(DUE, 3));
    await p.digests.scheduler.tick();
    expect(sender.attempts).toBe(2);
    clock.set(at(DUE, 3.7));
    await p.digests.scheduler.tick();
    clock.set(at(DUE, 10));
    await p.digests.scheduler.tick();
    expect(sender.attempts).toBe(3);
    expect(sender.delivered).toHaveLength(1);
  });

  it('gives up after a bounded number of transient failures', async () => {
    const failures = Array.from({ length: 10 }, () => new DeliveryError('transient', 'gateway timeout'));
    const sender = new ScriptedSender().then(...failures);
    const p = await processWith(sender);
    await subscribe(p);
    for (let minutes = 0; minutes <= 4 * 60; minutes += 31) {
      clock.set(at(DUE, minutes));
      await p.digests.scheduler.tick();
    }
    expect(sender.attempts).toBe(6);
    expect(sender.delivered).toHaveLength(0);
    const history = renderPlainText(await p.bot.handleCommand('karpathy', 'digest history', admin, channel));
    expect(history).toMatch(/2026-05-21\s+failed: gateway timeout/);
  });

  it('pauses the subscription on a permanent error, shows why, and resumes when an admin subscribes again', async () => {
    const sender = new ScriptedSender().then(new DeliveryError('permanent', 'the bot is not in this channel'));
    const p = await processWith(sender);
    await subscribe(p);
    clock.set(DUE);
    await p.digests.scheduler.tick();
    expect(sender.attempts).toBe(1);

    const listed = renderPlainText(await p.bot.handleCommand('karpathy', 'subscriptions', admin, channel));
    expect(listed).toMatch(/C-news \(this channel\)\s*08:00 Europe\/Berlin, paused: the last delivery failed on 2026-05-21: the bot is not in this channel/);

    clock.set(at(DUE, 24 * 60));
    await p.digests.scheduler.tick();
    expect(sender.attempts).toBe(1); // paused: nothing planned, nothing sent

    await subscribe(p);
    clock.set(at(DUE, 48 * 60));
    await p.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(1);
    // The failed digest's developments were never delivered, so they are not lost.
    expect(renderPlainText(sender.delivered[0]!.reply)).toMatch(/Karpathy moves to Anthropic/);
  });

  it('lets only one of two replicas deliver when both tick at the due time', async () => {
    const senderA = new ScriptedSender();
    const senderB = new ScriptedSender();
    const a = await processWith(senderA);
    const b = await processWith(senderB);
    await subscribe(a);
    await subscribe(a, '08:00 Europe/Berlin', { ...channel, channelId: 'C-other' });
    clock.set(DUE);
    await Promise.all([a.digests.scheduler.tick(), b.digests.scheduler.tick(), a.digests.scheduler.tick(), b.digests.scheduler.tick()]);
    await Promise.all([a.digests.scheduler.tick(), b.digests.scheduler.tick()]);
    const all = [...senderA.delivered, ...senderB.delivered].map((d) => d.channelId).sort();
    expect(all).toEqual(['C-news', 'C-other']);
  });

  it('tells every channel subscribed to the story once about a notice, however often it is raised', async () => {
    const sender = new ScriptedSender();
    const p = await processWith(sender);
    await subscribe(p);
    await subscribe(p, '', { ...channel, channelId: 'C-other' });
    const notice = { visibility: 'channel' as const, blocks: [{ kind: 'text' as const, text: 'The Verge feed failed 10 times in a row and is paused.' }] };
    await p.digests.notifyStoryChannels('karpathy', notice, 'feed-paused:verge:2026-05-20');
    await p.digests.notifyStoryChannels('karpathy', notice, 'feed-paused:verge:2026-05-20');
    expect(sender.delivered.map((d) => d.channelId).sort()).toEqual(['C-news', 'C-other']);
    // Notices are not digests: the schedule and history are untouched.
    const history = renderPlainText(await p.bot.handleCommand('karpathy', 'digest history', admin, channel));
    expect(history).toMatch(/No digests yet/);
  });
});

/**
 * Lets pending callbacks run until `condition` holds (no timers). Bounded by time, not by a
 * count of turns: on PostgreSQL each store call is a network round trip.
 */
async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  if (!condition()) throw new Error('condition never held');
}
