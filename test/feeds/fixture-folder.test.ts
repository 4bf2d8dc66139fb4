import fs from 'node:fs';
import path from 'node:path';
import { FakeFeedServer } from '../support/fake-feed-server';
import { HttpFeedFetcher } from '../../src/feeds/http-feed-fetcher';
import { readFeed, type FeedReadResult } from '../../src/feeds/read-feed';
import { FeedError } from '../../src/feeds/feed-error';
import type { FeedItem } from '../../src/feeds/feed-item';

/**
 * Every real-world feed in the shared fixture folder, served from 127.0.0.1 as a
 * publisher would (no charset in Content-Type, no Content-Encoding): each yields its items
 * with correct text, or a classified error. Never a crash, never a hang.
 */
const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/feeds');
const available = fs.existsSync(FIXTURES);
const describeFixtures = available ? describe : describe.skip;
if (!available) {
  describe('fixture folder', () => {
    test.skip(`skipped: ${FIXTURES} is absent (the shared feed fixtures are not on this machine)`, () => undefined);
  });
}

type Ok = Extract<FeedReadResult, { status: 'ok' }>;
interface Expectation {
  error?: string;
  items?: number;
  encoding?: string;
  check?: (result: Ok) => void;
}

const text = (items: FeedItem[]) => items.map((i) => `${i.title}\n${i.summary}\n${i.outlet}`).join('\n');

const EXPECTED: Record<string, Expectation> = {
  'nodefeedparser__iconv.xml': {
    items: 10,
    encoding: 'windows-1251',
    check: (r) => {
      expect(r.items[0]!.title).toBe('В Бузулуке главные стройплощадки – детсад и Ледовый дворец');
      expect(r.items[0]!.outlet).toBe('Новости Оренбурга и области / Раздел Новости');
    },
  },
  // The same windows-1251 feed gzipped, served without Content-Encoding: sniffed and gunzipped.
  'nodefeedparser__compressed.xml': { items: 10, encoding: 'windows-1251', check: (r) => expect(r.items[0]!.title).toContain('Бузулуке') },
  'rssparser__encoding-gb2312.xml': { items: 20, check: (r) => expect(r.items[0]!.title).toBe('习近平为何如此强调崇尚英雄？') },
  'pyfeedparser__illformed_chardet_shiftjis.xml': {
    items: 1,
    encoding: 'shift_jis',
    check: (r) => {
      expect(r.items[0]!.title).toBe('DrecomRSSに記事投稿が反映されない…');
      expect(r.items[0]!.summary).toContain('MT3.2がRSS1.0をサポートしていない');
    },
  },
  'pyfeedparser__encoding_utf-16le-bom.xml': { items: 0, encoding: 'utf-16le' },
  'pyfeedparser__encoding_utf-32be.xml': { items: 0, encoding: 'utf-32be' },
  // U+0092 (a cp1252 byte value stored as a Unicode code point) becomes the apostrophe meant.
  'pyfeedparser__encoding_demoronize-1.xml': { items: 1, check: (r) => expect(r.items[0]!.summary).toBe('don\u2019t') },
  'pyfeedparser__encoding_bozo_encoding_mismatch_crash.xml': { items: 1, encoding: 'win1252', check: (r) => expect(r.items[0]!.summary).toBe('¤') },
  'rssparser__encoding.rss': { items: 40, check: (r) => expect(r.items[0]!.title).toBe('Mãe de utente é a nova presidente da Raríssimas') },
  'rssparser__uolNoticias.rss': {
    items: 15,
    check: (r) => {
      expect(r.items[0]!.title).toContain('simulações');
      // Portuguese day and month names are not RFC 822: first-seen time, flagged.
      expect(r.items[0]!.dateFlag).toBe('odd');
    },
  },
  'rssparser__latin2.rss': { items: 1, check: (r) => expect(r.items[0]!.title).toBe('ZAŻÓŁĆ GĘSLĄ JAŹŃ') },
  'rssparser__heise.atom': { items: 15, check: (r) => expect(text(r.items)).toContain('verfügbare') },
  'rssparser__heraldsun.rss': { items: 2, check: (r) => expect(r.items.map((i) => i.title)).toEqual(['The First Item', 'The Second Item']) },
  // CDATA wrapped in newlines and spaces: titles come out trimmed, curly quotes intact.
  'rssparser__customfields.rss': { items: 15, check: (r) => expect(r.items[0]!.title).toMatch(/^ISUZU launches the \u2018mu-X\u2019 premium/) },
  'rssparser__guardian.rss': { items: 55 },
  'rssparser__feedburner.atom': { items: 25 },
  'rssparser__craigslist.rss': { items: 25 },
  'rssparser__reddit-atom.rss': { items: 24 },
  'rssparser__content-encoded.rss': { items: 7, check: (r) => expect(r.items[0]!.summary).not.toMatch(/<[a-z]/i) },
  'rssparser__atom-customfields.atom': { items: 15 },
  'rssparser__incomplete-fields.atom': { items: 1, check: (r) => expect(r.items[0]!.dateFlag).toBe('missing') },
  'rssparser__instant-article.rss': { items: 1, check: (r) => expect(r.items[0]!.summary).not.toContain('<') },
  'rssparser__unrecognized.rss': { error: 'not-a-feed' },
  'nodefeedparser__notafeed.html': { error: 'not-a-feed' },
  'nodefeedparser__illegally-nested.xml': { items: 10 },
  'nodefeedparser__intertwingly.atom': { items: 20 },
  'nodefeedparser__wapowellness.xml': { items: 29 },
  'nodefeedparser__mediacontent-dupes.xml': { items: 1 },
  'nodefeedparser__nondefaultnamespace.atom': { items: 1, check: (r) => expect(r.items[0]!.title).toMatch(/^If you can read the content of this entry/) },
  // Decided: a bare & in one item is repaired, so no item is lost (not `malformed`).
  'nodefeedparser__saxerror.xml': {
    items: 3,
    check: (r) => {
      expect(r.items.map((i) => i.title)).toEqual(['Good Item', 'Bad Item', 'Item After Error']);
      expect(r.items[1]!.link).toBe('http://example.com/bad?foo=1&bar=2');
    },
  },
  // One item whose guid element is repeated: one item, not two.
  'nodefeedparser__guid-dupes.xml': { items: 1 },
  'nodefeedparser__rss2sample-odddatetime.xml': { items: 5, check: (r) => expect(r.items.every((i) => i.dateFlag === 'odd')).toBe(true) },
  'nodefeedparser__title-with-angle-brackets.xml': { items: 1, check: (r) => expect(r.items[0]!.title).toBe('RSS <<< Title >>>') },
  'nodefeedparser__rss-with-item-scoped-html-base.xml': {
    items: 2,
    check: (r) => expect(r.items.map((i) => i.link)).toEqual(['https://example.com/first/first', 'https://example.com/second']),
  },
  'pyfeedparser__entities_doesnotexist.xml': { items: 0 },
  'pyfeedparser__illformed_rss_incomplete_cdata.xml': { error: 'malformed' },
  'pyfeedparser__illformed_rss_item_link_corrupted_ampersands.xml': { items: 1, check: (r) => expect(r.items[0]!.link).toBe('http://link/get?a=1&b=2') },
  'pyfeedparser__illformed_undeclared_namespace.xml': { items: 0 },
  'pyfeedparser__wellformed_rdf_rdf_item_description.xml': { items: 1, check: (r) => expect(r.items[0]!.summary).toBe('Example description') },
  'pyfeedparser__wellformed_media-rss_media_group.xml': { items: 1 },
};

const MOJIBAKE = /\ufffd|Ã[\u0080-\u00bf]|â€|Ð[\u0080-\u00bf]Ð/;

describeFixtures('every file in the shared feed fixture folder', () => {
  let server: FakeFeedServer;
  let fetcher: HttpFeedFetcher;
  const files = available ? fs.readdirSync(FIXTURES).filter((f) => f !== 'manifest.txt').sort() : [];

  beforeAll(async () => {
    server = await new FakeFeedServer().start();
    for (const f of files) server.route(`/${f}`, { body: fs.readFileSync(path.join(FIXTURES, f)), headers: { 'content-type': 'application/xml' } });
    fetcher = new HttpFeedFetcher({ timeoutMs: 5000, maxBytes: 5 * 1024 * 1024, allowPrivateNetworks: true });
  });

  afterAll(async () => {
    fetcher.close();
    await server.close();
  });

  test('every fixture file has an expectation (a new file must be looked at)', () => {
    expect(files.filter((f) => !EXPECTED[f])).toEqual([]);
  });

  test.each(files)('%s', async (file) => {
    const expected = EXPECTED[file] ?? {};
    let result: FeedReadResult | undefined;
    let error: unknown;
    try {
      result = await readFeed(fetcher, { url: server.url(file), publicOnly: false }, { now: new Date('2026-05-21T08:00:00Z'), maxBytes: 5 * 1024 * 1024 });
    } catch (e) {
      error = e;
    }
    if (expected.error) {
      expect(error).toBeInstanceOf(FeedError);
      expect((error as FeedError).kind).toBe(expected.error);
      return;
    }
    if (error) throw error;
    expect(result?.status).toBe('ok');
    const ok = result as Ok;
    if (expected.items !== undefined) expect(ok.items).toHaveLength(expected.items);
    if (expected.encoding) expect(ok.encoding).toBe(expected.encoding);
    for (const item of ok.items) {
      expect(`${item.title}\n${item.summary}\n${item.outlet}`).not.toMatch(MOJIBAKE);
      expect(item.title.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(item.publishedAt))).toBe(false);
    }
    expected.check?.(ok);
  });

  test('a wrong charset in Content-Type does not turn windows-1251 into U+FFFD', async () => {
    server.route('/mislabelled.xml', { body: fs.readFileSync(path.join(FIXTURES, 'nodefeedparser__iconv.xml')), headers: { 'content-type': 'text/xml; charset=utf-8' } });
    const result = (await readFeed(fetcher, { url: server.url('/mislabelled.xml'), publicOnly: false }, { now: new Date(), maxBytes: 5e6 })) as Ok;
    expect(result.items[0]!.title).toContain('Бузулуке');
  });
});
