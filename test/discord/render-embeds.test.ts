import { DISCORD_LIMITS, isEphemeral, renderEmbeds, splitText, type DiscordMessageParts } from '../../adapters/discord/render-embeds';
import { escapeDiscordText } from '../../adapters/discord/escape-discord-text';
import { errorReply, type Reply } from '../../src/reply/reply';

function assertWithinLimits(messages: DiscordMessageParts[]): void {
  for (const m of messages) {
    expect((m.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    let total = 0;
    for (const e of m.embeds) {
      expect((e.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      expect((e.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooter);
      expect(e.fields ?? []).toHaveLength(0);
      total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
    }
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(Boolean(m.content) || m.embeds.length > 0).toBe(true);
  }
}

function text(messages: DiscordMessageParts[]): string {
  return messages.map((m) => [m.content ?? '', ...m.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}\n${e.footer?.text ?? ''}`)].join('\n')).join('\n');
}

describe('renderEmbeds', () => {
  it('renders title, text, a list with label, headline and linked outlet, citations and footer in one embed', () => {
    const reply: Reply = {
      title: 'Karpathy: timeline',
      visibility: 'channel',
      blocks: [
        { kind: 'text', text: 'Two events.' },
        {
          kind: 'list',
          title: 'Events',
          items: [
            { label: '2017', headline: 'Tesla', text: 'Joins as director of AI.', sources: [{ outlet: 'TechCrunch', url: 'https://techcrunch.com/x' }, { outlet: 'The Verge' }] },
            { label: '2024', text: 'Founds Eureka Labs.' },
          ],
          more: { count: 3, hint: 'Next page: /karpathy timeline 2' },
        },
        { kind: 'citations', citations: [{ n: 1, outlet: 'The Decoder', title: 'A [bracketed] title', url: 'https://the-decoder.com/a_(b)' }] },
      ],
      footer: 'Updated hourly',
    };
    const [message, ...rest] = renderEmbeds(reply);
    expect(rest).toHaveLength(0);
    expect(message!.content).toBeUndefined();
    expect(message!.embeds).toHaveLength(1);
    const embed = message!.embeds[0]!;
    expect(embed.title).toBe('Karpathy: timeline');
    expect(embed.footer).toEqual({ text: 'Updated hourly' });
    expect(embed.description).toBe(
      [
        'Two events.',
        '',
        '**Events**',
        '- `2017` **Tesla**: Joins as director of AI. · [TechCrunch](https://techcrunch.com/x) · The Verge',
        '- `2024` Founds Eureka Labs.',
        '*+3 more. Next page: /karpathy timeline 2*',
        '',
        '`[1]` [The Decoder - A \\[bracketed\\] title](https://the-decoder.com/a_%28b%29)',
      ].join('\n'),
    );
  });

  it('an item reported by many outlets links three of them, each to its own article, and counts the rest', () => {
    const sources = ['A', 'B', 'B', 'C', 'D', 'E'].map((o, i) => ({ outlet: o, url: i === 1 ? undefined : `https://${o.toLowerCase()}${i}.example/` }));
    const [message] = renderEmbeds({ visibility: 'channel', blocks: [{ kind: 'list', items: [{ text: 'x', sources }] }] });
    expect(message!.embeds[0]!.description).toBe('- x · [A](https://a0.example/) · [B](https://b2.example/) · [C](https://c3.example/) +2');
  });

  it('escapes Markdown, links, mention chips and @everyone in text from feeds and users', () => {
    const hostile = '**bold** _it_ `code` ~~s~~ ||spoiler|| [x](https://evil.example) <@123> <@&456> <#789> @everyone @here\n# heading\n> quote\n-# small\n1. list';
    const [message] = renderEmbeds({ visibility: 'channel', blocks: [{ kind: 'text', text: hostile }] });
    const description = message!.embeds[0]!.description!;
    expect(description).toContain('\\*\\*bold\\*\\*');
    expect(description).toContain('\\_it\\_');
    expect(description).toContain('\\`code\\`');
    expect(description).toContain('\\|\\|spoiler\\|\\|');
    expect(description).toContain('\\~\\~s\\~\\~');
    expect(description).toContain('\\[x\\](https://evil.example)');
    expect(description).toMatch(/\\<@123> \\<@&456> \\<#789>/);
    expect(description).not.toMatch(/@everyone|@here/);
    expect(description).toContain('\\# heading');
    expect(description).toContain('\\> quote');
    expect(description).toContain('\\-# small');
    expect(description).toContain('1\\. list');
  });

  it('a link that is not http(s) is shown as plain text, not linked', () => {
    const [message] = renderEmbeds({
      visibility: 'channel',
      blocks: [{ kind: 'list', items: [{ text: 'x', sources: [{ outlet: 'Odd', url: 'javascript:alert(1)' }] }] }],
    });
    expect(message!.embeds[0]!.description).toBe('- x · Odd');
  });

  it('errors are plain content without embeds, and ephemeral; private replies are ephemeral too', () => {
    const reply = errorReply('No dated events in *2099*.');
    const messages = renderEmbeds(reply);
    expect(messages).toEqual([{ content: 'No dated events in \\*2099\\*.', embeds: [] }]);
    expect(isEphemeral(reply)).toBe(true);
    expect(isEphemeral({ visibility: 'private', blocks: [] })).toBe(true);
    expect(isEphemeral({ visibility: 'channel', blocks: [] })).toBe(false);
  });

  it('a long error is split into several messages of at most 2,000 characters', () => {
    const long = errorReply(Array.from({ length: 500 }, (_, i) => `word${i}`).join(' '));
    const messages = renderEmbeds(long);
    expect(messages.length).toBeGreaterThan(1);
    assertWithinLimits(messages);
    expect(messages.map((m) => m.content).join(' ')).toBe(escapeDiscordText(long.blocks[0]!.kind === 'text' ? long.blocks[0]!.text : ''));
  });

  it('a reply longer than one message continues in further embeds and messages, every item kept, in order', () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ label: String(2000 + (i % 26)), text: `event ${i} ${'x'.repeat(150)} #${i}#` }));
    const messages = renderEmbeds({ title: 'Everything', visibility: 'channel', blocks: [{ kind: 'list', items }], footer: 'the end' });
    expect(messages.length).toBeGreaterThan(1);
    assertWithinLimits(messages);
    const all = text(messages);
    let last = -1;
    for (let i = 0; i < items.length; i += 1) {
      const at = all.indexOf(`#${i}#`);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
    expect(messages[0]!.embeds[0]!.title).toBe('Everything');
    expect(messages.flatMap((m) => m.embeds).filter((e) => e.title)).toHaveLength(1);
    const lastEmbed = messages[messages.length - 1]!.embeds.at(-1)!;
    expect(lastEmbed.footer).toEqual({ text: 'the end' });
  });

  it('one huge text block is cut at spaces into embeds within the limits', () => {
    const words = Array.from({ length: 4000 }, (_, i) => `w${i}`);
    const messages = renderEmbeds({ visibility: 'channel', blocks: [{ kind: 'text', text: words.join(' ') }] });
    assertWithinLimits(messages);
    const rejoined = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join(' ').split(/\s+/);
    expect(rejoined).toEqual(words);
  });

  it('a title over 256 characters is shortened in the title slot and kept whole in the text', () => {
    const title = 'T'.repeat(300);
    const [message] = renderEmbeds({ title, visibility: 'channel', blocks: [{ kind: 'text', text: 'body' }] });
    expect(message!.embeds[0]!.title).toBeUndefined();
    expect(message!.embeds[0]!.description).toBe(`**${title}**\n\nbody`);
  });

  it('an empty reply still renders one valid message', () => {
    const messages = renderEmbeds({ visibility: 'channel', blocks: [] });
    expect(messages).toHaveLength(1);
    assertWithinLimits(messages);
  });
});

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('abc', 10)).toEqual(['abc']);
  });

  it('never ends a piece on an escaping backslash', () => {
    const escaped = escapeDiscordText('*'.repeat(50));
    const pieces = splitText(escaped, 7);
    for (const p of pieces) expect(p.endsWith('\\')).toBe(false);
    expect(pieces.join('')).toBe(escaped);
  });

  it('hard-cuts a word longer than the limit', () => {
    expect(splitText('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });
});
