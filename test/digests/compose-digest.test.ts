import { composeDigest, clip } from '../../src/digests/compose-digest';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { dropRetold } from '../../src/digests/rank-developments';
import { development } from './digest-harness';

const text = { title: 'Story: digest for 2026-05-21', moreHint: 'See /karpathy latest for the rest.' };

describe('composing a short digest', () => {
  it('ranks one day\'s developments by number of outlets, then relevance, then recency, and shows date, outlets and a link', () => {
    const composed = composeDigest(
      [
        development('2026-05-20T10:00:00Z', ['Anthropic'], { id: 'one-outlet', relevance: 0.99 }),
        development('2026-05-20T09:00:00Z', ['TechCrunch', 'The Verge', 'The Decoder', 'TechCrunch'], { id: 'three-outlets' }),
        development('2026-05-20T08:00:00Z', ['Wired', 'The Verge'], { id: 'two-old', relevance: 0.7 }),
        development('2026-05-20T11:00:00Z', ['Wired', 'Reuters'], { id: 'two-new', relevance: 0.7 }),
        development('2026-05-20T07:00:00Z', ['Wired', 'Reuters'], { id: 'two-relevant', relevance: 0.9 }),
      ],
      { maxDevelopments: 5, maxChars: 1200 },
      text,
    )!;
    expect(composed.shown.map((d) => d.id)).toEqual(['three-outlets', 'two-relevant', 'two-new', 'two-old', 'one-outlet']);
    const rendered = renderPlainText(composed.reply);
    expect(rendered).toMatch(/- 2026-05-20 {2}Development three-outlets: What happened in three-outlets, said plainly\. \(TechCrunch \+2\) <https:\/\/techcrunch\.example\/three-outlets>/);
    expect(composed.reply.visibility).toBe('channel');
  });

  it('lets outlets fade with age, so the story so far leads with what happened lately', () => {
    const composed = composeDigest(
      [
        development('2015-12-11T00:00:00Z', ['TechCrunch', 'The Verge', 'Wired'], { id: 'founding', relevance: 1 }),
        development('2024-08-05T00:00:00Z', ['TechCrunch', 'The Verge'], { id: 'two-years-ago', relevance: 1 }),
        development('2026-05-19T00:00:00Z', ['TechCrunch', 'The Verge'], { id: 'this-week', relevance: 0.8 }),
        development('2026-05-18T00:00:00Z', ['Wired'], { id: 'one-outlet-lately', relevance: 1 }),
      ],
      { maxDevelopments: 5, maxChars: 1200 },
      text,
    )!;
    expect(composed.shown.map((d) => d.id)).toEqual(['this-week', 'one-outlet-lately', 'two-years-ago', 'founding']);
  });

  it('shows a date label as precise as the development gives it, and a sentence that already says the headline once', () => {
    const event = development('2024-08-01T00:00:00Z', ['TechCrunch'], {
      dateLabel: '2024-08',
      headline: 'John Schulman followed Leike to Anthropic',
      summary: 'In August 2024 John Schulman followed Leike to Anthropic.',
    });
    const rendered = renderPlainText(composeDigest([event], { maxDevelopments: 5, maxChars: 1200 }, text)!.reply);
    expect(rendered).toMatch(/^- 2024-08 {2}In August 2024 John Schulman followed Leike to Anthropic\. \(TechCrunch\)/m);
  });

  it('leaves out a development that retells others listed with it or already delivered', () => {
    const cluster = development('2026-05-20T10:00:00Z', ['TechCrunch'], { id: 'cluster' });
    const retold = development('2026-05-20T10:00:00Z', ['TechCrunch'], { id: 'event', retells: ['cluster'] });
    const partly = development('2026-05-20T10:00:00Z', ['TechCrunch'], { id: 'event-2', retells: ['cluster', 'elsewhere'] });
    expect(dropRetold([cluster, retold, partly]).map((d) => d.id)).toEqual(['cluster', 'event-2']);
    expect(dropRetold([retold, partly], new Set(['cluster', 'elsewhere'])).map((d) => d.id)).toEqual([]);
    expect(dropRetold([retold]).map((d) => d.id)).toEqual(['event']);
  });

  it('keeps at most the configured number and says how many more there are', () => {
    const many = Array.from({ length: 8 }, (_, i) => development(`2026-05-20T0${i}:00:00Z`, ['TechCrunch']));
    const composed = composeDigest(many, { maxDevelopments: 5, maxChars: 1200 }, text)!;
    expect(composed.shown).toHaveLength(5);
    expect(composed.omitted).toBe(3);
    expect(renderPlainText(composed.reply)).toMatch(/\+3 more\. See \/karpathy latest for the rest\./);
  });

  it('stays within the character budget by showing fewer developments, and shortens a lone long one', () => {
    const long = 'A long sentence about what happened, with many words that go on and on about the same thing. '.repeat(4);
    const many = Array.from({ length: 5 }, () => development('2026-05-20T10:00:00Z', ['TechCrunch', 'The Verge'], { summary: long, headline: long }));
    for (const maxChars of [1200, 600, 200]) {
      const composed = composeDigest(many, { maxDevelopments: 5, maxChars }, text)!;
      expect(renderPlainText(composed.reply).length).toBeLessThanOrEqual(maxChars);
      expect(composed.shown.length + composed.omitted).toBe(5);
      expect(composed.shown.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('composes nothing when nothing is new', () => {
    expect(composeDigest([], { maxDevelopments: 5, maxChars: 1200 }, text)).toBeUndefined();
  });

  it('clips at a word boundary with an ellipsis', () => {
    expect(clip('one two three four five', 14)).toBe('one two three…');
    expect(clip('short', 14)).toBe('short');
  });
});
