import { slackTextToPlain } from '../../adapters/slack/slack-text';
import { responseTypeFor, takeVisibilityWord } from '../../adapters/slack/slash-visibility';
import { splitToFit } from '../../adapters/slack/split-text';
import { escapedLength } from '../../adapters/slack/slack-escape';

describe('slackTextToPlain', () => {
  test('mention tokens are removed, so the core sees only the question', () => {
    expect(slackTextToPlain('<@U0BOT> who leads the pre-training team?')).toBe('who leads the pre-training team?');
    expect(slackTextToPlain('<@U0BOT|newsdesk>   why Anthropic?  ')).toBe('why Anthropic?');
    expect(slackTextToPlain('<!here> <@W123> what changed')).toBe('what changed');
  });

  test("Slack's escapes, links and channel references become readable text", () => {
    expect(slackTextToPlain('R&amp;D &lt;3 &gt; all')).toBe('R&D <3 > all');
    expect(slackTextToPlain('see <https://example.com/a|the report> in <#C123|news>')).toBe('see the report in #news');
    expect(slackTextToPlain('<https://example.com/a>')).toBe('https://example.com/a');
    expect(slackTextToPlain('<!subteam^S1|@ml-team> ask')).toBe('@ml-team ask');
  });
});

describe('slash command visibility', () => {
  const noSub = () => false;

  test('a leading public or private word is taken off and remembered', () => {
    expect(takeVisibilityWord('public timeline 2024', noSub)).toEqual({ text: 'timeline 2024', wish: 'public' });
    expect(takeVisibilityWord('PRIVATE latest', noSub)).toEqual({ text: 'latest', wish: 'private' });
    expect(takeVisibilityWord('ask is anthropic going public', noSub)).toEqual({ text: 'ask is anthropic going public' });
    expect(takeVisibilityWord('publication dates', noSub)).toEqual({ text: 'publication dates' });
  });

  test('a subcommand called public is left alone', () => {
    expect(takeVisibilityWord('public list', (w) => w === 'public')).toEqual({ text: 'public list' });
  });

  test("the caller's wish overrides the reply's suggestion, except that errors stay private", () => {
    expect(responseTypeFor({ visibility: 'private', blocks: [] }, undefined)).toBe('ephemeral');
    expect(responseTypeFor({ visibility: 'channel', blocks: [] }, undefined)).toBe('in_channel');
    expect(responseTypeFor({ visibility: 'private', blocks: [] }, 'public')).toBe('in_channel');
    expect(responseTypeFor({ visibility: 'channel', blocks: [] }, 'private')).toBe('ephemeral');
    expect(responseTypeFor({ visibility: 'channel', isError: true, blocks: [] }, 'public')).toBe('ephemeral');
  });
});

describe('splitToFit', () => {
  test('prefers paragraph, then line, then word boundaries', () => {
    expect(splitToFit('aaaa bbbb\n\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(splitToFit('aaaa bbbb\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(splitToFit('aaaa bbbb cccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  test('cuts a word longer than the limit, and never between the halves of an emoji', () => {
    expect(splitToFit('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    const emoji = '😀'.repeat(5);
    for (const piece of splitToFit(emoji, 3)) expect(piece).toMatch(/^(😀)+$/u);
  });

  test('measures the escaped size when asked', () => {
    const pieces = splitToFit('&&&& &&&&', 20, escapedLength);
    expect(pieces).toEqual(['&&&&', '&&&&']);
  });
});
