import { blockChars, renderBlocks, SLACK_LIMITS, type SlackMessage } from '../../adapters/slack/render-blocks';
import { slackLink, slackLinkUrl } from '../../adapters/slack/slack-escape';
import type { Reply, ReplyItem } from '../../src/reply/reply';

/** Every string Slack would display or parse in these messages. */
function allText(messages: SlackMessage[]): string[] {
  return messages.flatMap((m) => [
    m.text,
    ...m.blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => ('text' in e ? String(e.text) : '')) : [b.text?.text ?? ''])),
  ]);
}

function expectWithinLimits(messages: SlackMessage[]): void {
  for (const message of messages) {
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackChars);
    expect(message.blocks.length).toBeGreaterThan(0);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    const total = message.blocks.reduce((n, b) => n + blockChars(b), 0) + message.text.length;
    expect(total).toBeLessThanOrEqual(4000);
    for (const block of message.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerChars);
      if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
      if (block.type === 'context') {
        expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
        for (const e of block.elements) expect('text' in e ? String(e.text).length : 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
      }
    }
  }
}

/** Reassembles the words a reader would see, without Slack's escapes and formatting. */
function visibleWords(messages: SlackMessage[]): string {
  return messages
    .flatMap((m) => m.blocks)
    .map((b) => (b.type === 'context' ? b.elements.map((e) => ('text' in e ? String(e.text) : '')).join(' ') : b.type === 'header' ? b.text.text : (b.text?.text ?? '')))
    .join(' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('renderBlocks', () => {
  test('a reply becomes a header, sections per item, context lines with linked outlets and a footer', () => {
    const reply: Reply = {
      title: 'Timeline',
      visibility: 'channel',
      blocks: [
        {
          kind: 'list',
          title: 'Events',
          items: [{ label: '2017-06', text: 'Joined Tesla as director of AI.', sources: [{ outlet: 'TechCrunch', url: 'https://techcrunch.com/x' }, { outlet: 'The Verge', url: 'https://theverge.com/y' }] }],
          more: { count: 4, hint: 'Try /karpathy timeline 2017.' },
        },
        { kind: 'citations', citations: [{ n: 1, outlet: 'Reuters', title: 'A report', url: 'https://reuters.com/r' }] },
      ],
      footer: 'Updated just now.',
    };
    const [message, ...rest] = renderBlocks(reply);
    expect(rest).toHaveLength(0);
    expect(message!.text).toBe('Timeline');
    expect(message!.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context', 'context', 'context', 'context']);
    const texts = allText([message!]);
    expect(texts).toContain('*2017-06*  Joined Tesla as director of AI.');
    expect(texts).toContain('<https://techcrunch.com/x|TechCrunch> · <https://theverge.com/y|The Verge>');
    expect(texts).toContain('+4 more. Try /karpathy timeline 2017.');
    expect(texts).toContain('[1] <https://reuters.com/r|Reuters — A report>');
    expect(texts).toContain('Updated just now.');
  });

  test('text from feeds cannot ping the channel, mention anyone or disguise a link', () => {
    const hostile = 'Breaking <!channel> <!here> <@U123> <https://evil.example|https://bank.example> & more';
    const reply: Reply = {
      title: hostile,
      visibility: 'channel',
      blocks: [
        { kind: 'text', text: hostile },
        { kind: 'list', items: [{ label: '<!everyone>', headline: '<@U999>', text: hostile, sources: [{ outlet: '<!channel>', url: 'https://example.com/a?b=1&c=<2>|x' }] }] },
        { kind: 'citations', citations: [{ n: 1, outlet: 'x>y', title: '<!here>', url: 'javascript:alert(1)' }] },
      ],
      footer: hostile,
    };
    const messages = renderBlocks(reply);
    // Header text is plain_text, which Slack shows literally; everything else is parsed as mrkdwn.
    const header = messages[0]!.blocks[0]!;
    expect(header.type === 'header' && header.text.type === 'plain_text' && header.text.text === hostile).toBe(true);
    const texts = allText(messages.map((m) => ({ ...m, blocks: m.blocks.filter((b) => b.type !== 'header') }))).join('\n');
    // The only `<` left open a link we made from an http(s) URL.
    const controls = texts.match(/<[^>]*>/g) ?? [];
    expect(controls).toEqual(['<https://example.com/a?b=1&amp;c=%3C2%3E%7Cx|&lt;!channel&gt;>']);
    expect(texts).not.toContain('javascript:');
    expect(texts).toContain('&lt;!channel&gt;');
    expect(texts).toContain('&lt;@U123&gt;');
    expect(texts).toContain('&amp; more');
  });

  test('long replies are split over several messages, within every limit, without losing a word', () => {
    const items: ReplyItem[] = Array.from({ length: 80 }, (_, i) => ({
      label: `2024-${String((i % 12) + 1).padStart(2, '0')}`,
      headline: `Development number ${i}`,
      text: `Item ${i} says something & more <with> brackets. `.repeat(5).trim(),
      sources: [{ outlet: `Outlet ${i}`, url: `https://example.com/${i}` }],
    }));
    const reply: Reply = { title: 'A long digest', visibility: 'channel', blocks: [{ kind: 'list', items }], footer: 'The end.' };
    const messages = renderBlocks(reply);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const words = visibleWords(messages);
    for (const item of items) {
      expect(words).toContain(item.text);
      expect(words).toContain(item.headline!);
    }
    expect(words).toContain('The end.');
    expect(messages[1]!.text).toBe(`A long digest (part 2 of ${messages.length})`);
    // An item's section and its outlets stay in the same message.
    for (const message of messages) expect(message.blocks.at(-1)!.type === 'context' || message === messages.at(-1)).toBe(true);
  });

  test('one enormous text is cut at word boundaries into sections of at most 3,000 characters', () => {
    const paragraph = Array.from({ length: 2500 }, (_, i) => `word${i}`).join(' ');
    const messages = renderBlocks({ visibility: 'private', blocks: [{ kind: 'text', text: paragraph }] });
    expectWithinLimits(messages);
    const sections = messages.flatMap((m) => m.blocks).filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(4);
    for (const s of sections) expect(s.type === 'section' && /^word\d+( word\d+)*$/.test(s.text!.text)).toBe(true);
    expect(visibleWords(messages).trim()).toBe(paragraph);
  });

  test('escaping is counted against the limits: 3,000 ampersands do not overflow a section', () => {
    const messages = renderBlocks({ visibility: 'private', blocks: [{ kind: 'text', text: '&'.repeat(3000) }] });
    expectWithinLimits(messages);
    expect(visibleWords(messages).replace(/ /g, '')).toBe('&'.repeat(3000));
  });

  test('a title longer than a header allows becomes a bold section instead of being cut', () => {
    const title = 'T'.repeat(200);
    const [message] = renderBlocks({ title, visibility: 'private', blocks: [] });
    expect(message!.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } });
  });

  test('an error reply is marked with a warning and its fallback text is never empty', () => {
    const [message] = renderBlocks({ visibility: 'private', isError: true, blocks: [{ kind: 'text', text: 'No such year.' }] });
    expect(message!.text).toBe('No such year.');
    expect(message!.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: ':warning: No such year.' } });
    expect(renderBlocks({ visibility: 'private', blocks: [] })[0]!.text.length).toBeGreaterThan(0);
  });

  test('an item with many outlets links three and counts the rest', () => {
    const sources = ['A', 'B', 'C', 'D', 'E'].map((o) => ({ outlet: o, url: `https://${o.toLowerCase()}.example/` }));
    const [message] = renderBlocks({ visibility: 'channel', blocks: [{ kind: 'list', items: [{ text: 'x', sources }] }] });
    expect(allText([message!])).toContain('<https://a.example/|A> · <https://b.example/|B> · <https://c.example/|C> +2');
  });
});

describe('citations in Slack', () => {
  test('numbered sources are one per line in a single context element, not run together side by side', () => {
    const citations = [1, 2, 3].map((n) => ({ n, outlet: `Outlet ${n}`, title: `Report ${n}`, url: `https://o${n}.example/r` }));
    const [message] = renderBlocks({ visibility: 'channel', blocks: [{ kind: 'text', text: 'Answer [1][2][3].' }, { kind: 'citations', citations }] });
    const context = message!.blocks.filter((b) => b.type === 'context');
    expect(context).toHaveLength(1);
    expect(context[0]!.type === 'context' && context[0]!.elements).toEqual([
      { type: 'mrkdwn', text: '[1] <https://o1.example/r|Outlet 1 — Report 1>\n[2] <https://o2.example/r|Outlet 2 — Report 2>\n[3] <https://o3.example/r|Outlet 3 — Report 3>' },
    ]);
  });

  test('many long citations continue in further context blocks within the limits, none lost', () => {
    const citations = Array.from({ length: 40 }, (_, i) => ({ n: i + 1, outlet: 'O'.repeat(150), title: 'T & '.repeat(100), url: `https://example.com/${'a&b'.repeat(300)}` }));
    const messages = renderBlocks({ visibility: 'channel', blocks: [{ kind: 'citations', citations }] });
    expectWithinLimits(messages);
    const lines = allText(messages).flatMap((t) => t.split('\n')).filter((l) => /^\[\d+\] /.test(l));
    expect(lines.map((l) => Number(/^\[(\d+)\]/.exec(l)![1]))).toEqual(citations.map((c) => c.n));
  });
});

describe('slack links', () => {
  test('only http(s) URLs are linked', () => {
    expect(slackLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(slackLinkUrl('mailto:a@b.c')).toBeUndefined();
    expect(slackLinkUrl('not a url')).toBeUndefined();
    expect(slackLinkUrl('https://example.com/a|b')).toBe('https://example.com/a%7Cb');
    expect(slackLink('ftp://example.com/', 'Files & <more>')).toBe('Files &amp; &lt;more&gt;');
  });
});
