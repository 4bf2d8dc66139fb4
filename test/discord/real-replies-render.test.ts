import { renderEmbeds, DISCORD_LIMITS } from '../../adapters/discord/render-embeds';
import { blockChars, renderBlocks, SLACK_LIMITS } from '../../adapters/slack/render-blocks';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { Reply } from '../../src/reply/reply';
import { adminCaller, createTestNewsdesk } from '../support/test-newsdesk';

/** The bundled story's real answers, the longest ones users see, through both renderers. */
const COMMANDS = ['help', 'timeline', 'timeline 2', 'who karpathy', 'quotes', 'quotes 2', 'claims', 'sources', 'latest 20', 'ask who leads the pre-training team?'];

describe('real replies render within both platforms\' limits, nothing dropped', () => {
  let newsdesk: Newsdesk;
  const replies = new Map<string, Reply>();
  beforeAll(async () => {
    newsdesk = await createTestNewsdesk();
    for (const c of COMMANDS) replies.set(c, await newsdesk.handleCommand('karpathy', c, adminCaller, { platform: 'console', channelId: 'C1' }));
  });
  afterAll(async () => {
    await newsdesk.close();
  });

  /** A few words from the start of every item and text block, as a reader would look for them. */
  function samples(reply: Reply): string[] {
    return reply.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : b.kind === 'list' ? b.items.map((i) => i.text) : b.citations.map((c) => c.outlet)))
      .map((t) => t.split(/\s+/).slice(0, 3).join(' ').replace(/[^\w ]/g, '').replace(/\s+/g, ' ').trim())
      .filter((t) => /\w{3}/.test(t));
  }

  it.each(COMMANDS)('%s on Slack', (command) => {
    const reply = replies.get(command)!;
    const messages = renderBlocks(reply);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(m.blocks.reduce((n, b) => n + blockChars(b), 0) + m.text.length).toBeLessThan(4000);
      expect(m.text.trim()).not.toBe('');
      for (const b of m.blocks) expect(blockChars(b)).toBeGreaterThan(0);
    }
    const shown = JSON.stringify(messages).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/[^\w ]/g, '').replace(/\s+/g, ' ');
    for (const sample of samples(reply)) expect(shown).toContain(sample);
  });

  it.each(COMMANDS)('%s on Discord', (command) => {
    const reply = replies.get(command)!;
    const messages = renderEmbeds(reply);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
      const total = m.embeds.reduce((n, e) => n + (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length, 0);
      expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      for (const e of m.embeds) expect((e.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    }
    const shown = JSON.stringify(messages).replace(/\\\\/g, '').replace(/[^\w ]/g, '').replace(/\s+/g, ' ');
    for (const sample of samples(reply)) expect(shown).toContain(sample);
  });
});
