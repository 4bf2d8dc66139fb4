import { ManualClock } from '../../src/clock';
import { renderPlainText } from '../../src/reply/render-plain-text';
import {
  MemoryDevelopmentSource,
  ScriptedSender,
  admin,
  channel,
  createSharedStore,
  development,
  member,
  startProcess,
  type DigestProcess,
  type SharedStore,
} from './digest-harness';

describe('digest subcommands', () => {
  let store: SharedStore;
  let clock: ManualClock;
  let source: MemoryDevelopmentSource;
  let sender: ScriptedSender;
  let p: DigestProcess;
  const run = async (text: string, caller = admin, where = channel) => {
    const reply = await p.bot.handleCommand('karpathy', text, caller, where);
    return { reply, text: renderPlainText(reply) };
  };

  beforeEach(async () => {
    store = await createSharedStore();
    clock = new ManualClock('2026-05-20T10:00:00Z');
    source = new MemoryDevelopmentSource();
    source.add(
      development('2026-05-20T08:00:00Z', ['TechCrunch', 'The Verge'], { id: 'a', headline: 'Karpathy starts at Anthropic' }),
      development('2026-05-18T08:00:00Z', ['The Decoder'], { id: 'old', headline: 'An older piece' }),
    );
    sender = new ScriptedSender();
    p = await startProcess(store, clock, source, sender, { DIGEST_WHEN_EMPTY: 'note' });
  });

  afterEach(async () => {
    await p.bot.close();
    await store.dispose();
  });

  it('lets only admins subscribe and unsubscribe', async () => {
    const denied = await run('subscribe', member);
    expect(denied.reply.isError).toBe(true);
    expect(denied.text).toMatch(/Only admins can run "subscribe"/);
    expect((await run('unsubscribe', member)).reply.isError).toBe(true);
  });

  it('subscribes with the story defaults and explains bad input with an example', async () => {
    const ok = await run('subscribe');
    expect(ok.reply.visibility).toBe('channel');
    expect(ok.text).toMatch(/every day at 08:00 \(America\/Los_Angeles\)/);
    const bad = await run('subscribe 8:75');
    expect(bad.reply.isError).toBe(true);
    expect(bad.text).toMatch(/"8:75" is not a time of day I understand\. Use 24-hour HH:MM, e\.g\. \/karpathy subscribe 08:30 Europe\/Berlin/);
    expect((await run('subscribe 09:00 Moon/Base')).text).toMatch(/"Moon\/Base" is not a time zone I know/);
    const changed = await run('subscribe 07:30 Asia/Tokyo');
    expect(changed.text).toMatch(/Updated: .* now comes every day at 07:30 \(Asia\/Tokyo\)/);
  });

  it('lists this workspace\'s subscriptions with time, zone and status, and forgets ended ones', async () => {
    await run('subscribe 07:30 Asia/Tokyo');
    await run('subscribe', admin, { ...channel, channelId: 'C-second' });
    await run('subscribe', admin, { ...channel, channelId: 'C-elsewhere', workspaceId: 'T-2' });
    const listed = await run('subscriptions', member);
    expect(listed.reply.visibility).toBe('private');
    expect(listed.text).toMatch(/C-news \(this channel\)\s+07:30 Asia\/Tokyo, active/);
    expect(listed.text).toMatch(/C-second\s+08:00 America\/Los_Angeles, active/);
    expect(listed.text).not.toMatch(/C-elsewhere/);

    expect((await run('unsubscribe')).text).toMatch(/will no longer get the daily digest/);
    expect((await run('unsubscribe')).text).toMatch(/nothing to stop/);
    // History after unsubscribing promises no digest.
    const history = (await run('digest history')).text;
    expect(history).toMatch(/before this channel unsubscribed/);
    expect(history).not.toMatch(/first one comes/);
    expect((await run('subscriptions')).text).not.toMatch(/C-news/);
  });

  it('shows the current digest on demand without changing what the schedule sends', async () => {
    const notSubscribed = await run('digest', member);
    expect(notSubscribed.reply.visibility).toBe('private');
    // A channel without a digest sees what its catch-up would be: the story so far.
    expect(notSubscribed.text).toMatch(/the story so far[\s\S]*Karpathy starts at Anthropic: .* \(TechCrunch \+1\)[\s\S]*An older piece/);
    expect(notSubscribed.text).toMatch(/This channel has no daily digest/);

    await run('subscribe 12:00 UTC');
    const preview = await run('digest', member);
    expect(preview.text).toMatch(/the story so far/);
    expect(preview.text).toMatch(/An older piece/);
    await run('digest', member);

    clock.set('2026-05-21T12:00:00Z');
    await p.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(1);
    expect(renderPlainText(sender.delivered[0]!.reply)).toMatch(/the story so far[\s\S]*Karpathy starts at Anthropic[\s\S]*An older piece/);

    // Everything was delivered: on demand there is nothing new; the scheduled note says the same.
    expect((await run('digest')).text).toMatch(/Nothing new in the story since 2026-05-21 12:00 UTC/);
    clock.set('2026-05-22T12:00:00Z');
    await p.digests.scheduler.tick();
    expect(sender.delivered).toHaveLength(2);
    expect(renderPlainText(sender.delivered[1]!.reply)).toMatch(/Nothing new in the story since 2026-05-21 12:00 UTC/);
    expect((await run('digest history')).text).toMatch(/2026-05-22\s+delivered at 12:00 UTC: nothing new \(note sent\)/);
  });
});
