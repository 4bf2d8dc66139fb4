import { ManualClock } from '../../src/clock';
import type { ChannelSender } from '../../src/delivery/channel-sender';
import type { Reply } from '../../src/reply/reply';
import { MemoryDevelopmentSource, admin, channel, createSharedStore, development, startProcess, type SharedStore } from './digest-harness';

/** A chat platform whose posts stay in flight until the test lets them through. */
class GatedSender implements ChannelSender {
  readonly platform = 'slack' as const;
  readonly delivered: Reply[] = [];
  attempts = 0;
  private open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));

  async send(_channelId: string, reply: Reply): Promise<void> {
    this.attempts++;
    await this.gate;
    this.delivered.push(reply);
  }

  release(): void {
    this.open();
  }
}

describe('digest scheduler start', () => {
  let store: SharedStore;

  beforeEach(async () => {
    store = await createSharedStore();
  });
  afterEach(async () => {
    await store.dispose();
  });

  it('returns while a due digest is still being posted; stop waits for that post', async () => {
    const clock = new ManualClock('2026-05-20T10:00:00Z');
    const source = new MemoryDevelopmentSource();
    source.add(development('2026-05-19T09:00:00Z', ['TechCrunch'], { id: 'joins', headline: 'Karpathy moves to Anthropic' }));
    const first = await startProcess(store, clock, source, undefined);
    expect((await first.bot.handleCommand('karpathy', 'subscribe 08:00 Europe/Berlin', admin, channel)).isError).toBeFalsy();
    await first.bot.close();

    // The bot comes back an hour after the digest was due, and the platform is slow.
    clock.set('2026-05-21T07:00:00Z');
    const sender = new GatedSender();
    const late = await startProcess(store, clock, source, sender);
    await late.digests.start();
    while (sender.attempts === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(sender.delivered).toHaveLength(0);

    let stopped = false;
    const stopping = late.digests.stop().then(() => (stopped = true));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    sender.release();
    await stopping;
    expect(sender.delivered).toHaveLength(1);
    await late.bot.close();
  });
});
