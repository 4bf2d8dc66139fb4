import { normaliseItems } from '../../src/feeds/feed-item';
import { canonicalLink } from '../../src/feeds/canonical-link';
import { parseFeedDate } from '../../src/feeds/feed-date';
import type { ParsedFeed } from '../../src/feeds/parse-feed-text';

const now = new Date('2026-05-21T08:00:00Z');

describe('canonicalLink', () => {
  test('strips utm_* and click ids and the fragment, keeps other parameters', () => {
    expect(canonicalLink('https://news.example/a?id=7&utm_source=rss&utm_medium=feed&fbclid=x#comments', undefined)).toBe('https://news.example/a?id=7');
    expect(canonicalLink('https://news.example/a?utm_campaign=z', undefined)).toBe('https://news.example/a');
  });
  test('resolves relative links against the base and refuses non-http schemes', () => {
    expect(canonicalLink('../b/c.html', 'https://news.example/x/y/')).toBe('https://news.example/x/b/c.html');
    expect(canonicalLink('javascript:alert(1)', 'https://news.example/')).toBeUndefined();
  });
});

describe('parseFeedDate', () => {
  test('RFC 822 and ISO dates are trusted', () => {
    expect(parseFeedDate('Wed, 20 May 2026 14:03:00 GMT', now)).toEqual({ iso: '2026-05-20T14:03:00.000Z', flag: 'ok' });
    expect(parseFeedDate('2026-05-20T16:03:00+02:00', now)).toEqual({ iso: '2026-05-20T14:03:00.000Z', flag: 'ok' });
  });
  test('missing, ambiguous and future dates fall back to first seen, flagged', () => {
    expect(parseFeedDate(undefined, now)).toEqual({ iso: now.toISOString(), flag: 'missing' });
    expect(parseFeedDate('08/02/2013 12:00:00', now)).toEqual({ iso: now.toISOString(), flag: 'odd' });
    expect(parseFeedDate('Fri, 20 May 2033 10:00:00 GMT', now)).toEqual({ iso: now.toISOString(), flag: 'odd' });
    expect(parseFeedDate('yesterday', now).flag).toBe('odd');
  });
});

describe('normaliseItems', () => {
  const feed = (items: ParsedFeed['items'], extra: Partial<ParsedFeed> = {}): ParsedFeed => ({ title: 'Example News', link: 'https://news.example/', items, ...extra });

  test('two different items under one guid both survive, with keys stable across fetches', () => {
    const items = [
      { guid: 'https://news.example/1', title: 'First story', link: 'https://news.example/1' },
      { guid: 'https://news.example/1', title: 'A different story', link: 'https://news.example/2' },
    ];
    const once = normaliseItems(feed(items), { finalUrl: 'https://news.example/rss', now });
    const again = normaliseItems(feed(items), { finalUrl: 'https://news.example/rss', now });
    expect(once.map((i) => i.title)).toEqual(['First story', 'A different story']);
    expect(new Set(once.map((i) => i.key)).size).toBe(2);
    expect(again.map((i) => i.key)).toEqual(once.map((i) => i.key));
  });

  test('the same entry twice in one document is one item', () => {
    const entry = { guid: 'g1', title: 'Same', link: 'https://news.example/s' };
    expect(normaliseItems(feed([entry, { ...entry }]), { finalUrl: 'https://news.example/rss', now })).toHaveLength(1);
  });

  test('without guid the canonical link is the key, without either a hash of title and date', () => {
    const [a, b] = normaliseItems(
      feed([
        { title: 'Linked', link: '/story?utm_source=x#top' },
        { title: 'Bare', date: 'Wed, 20 May 2026 14:03:00 GMT' },
      ]),
      { finalUrl: 'https://news.example/rss', now },
    );
    expect(a!.key).toBe('l:https://news.example/story');
    expect(b!.key).toMatch(/^h:[0-9a-f]{40}$/);
  });

  test('summaries are plain text: scripts and styles dropped, entities decoded', () => {
    const [item] = normaliseItems(
      feed([{ title: 'T', html: '<p>Karpathy &amp; Anthropic</p><script>alert("x")</script><style>p{color:red}</style><p>Second&nbsp;para &#8220;quoted&#8221;</p>' }]),
      { finalUrl: 'https://news.example/rss', now },
    );
    expect(item!.summary).toBe('Karpathy & Anthropic\nSecond para \u201cquoted\u201d');
  });

  test('outlet: the configured name, else the feed title, else the host', () => {
    const entry = [{ title: 'T' }];
    expect(normaliseItems(feed(entry), { finalUrl: 'https://x.example/rss', now, outlet: 'Configured' })[0]!.outlet).toBe('Configured');
    expect(normaliseItems(feed(entry), { finalUrl: 'https://x.example/rss', now })[0]!.outlet).toBe('Example News');
    expect(normaliseItems({ items: entry }, { finalUrl: 'https://www.x.example/rss', now })[0]!.outlet).toBe('x.example');
  });

  test('an edit changes the content hash but not the key', () => {
    const [before] = normaliseItems(feed([{ guid: 'g', title: 'Draft title' }]), { finalUrl: 'https://news.example/rss', now });
    const [after] = normaliseItems(feed([{ guid: 'g', title: 'Final title' }]), { finalUrl: 'https://news.example/rss', now });
    expect(after!.key).toBe(before!.key);
    expect(after!.contentHash).not.toBe(before!.contentHash);
  });
});
