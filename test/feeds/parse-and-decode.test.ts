import iconv from 'iconv-lite';
import zlib from 'node:zlib';
import { decodeFeedBytes } from '../../src/feeds/decode-feed-bytes';
import { parseFeedText } from '../../src/feeds/parse-feed-text';
import { FeedError } from '../../src/feeds/feed-error';

const MB = 1024 * 1024;

async function parseError(text: string): Promise<FeedError> {
  try {
    await parseFeedText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected the parse to fail');
}

describe('hostile XML', () => {
  test('a billion-laughs feed is refused before parsing', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>`;
    const error = await parseError(xml);
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/declares its own XML entities/);
  });

  test('an external entity (file://) is refused and no local file is read', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>x</title><item><title>&xxe;</title></item></channel></rss>`;
    const error = await parseError(xml);
    expect(error.kind).toBe('malformed');
    expect(error.message).not.toMatch(/root:/);
  });

  test('a parameter entity pulling a remote DTD is refused', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://169.254.169.254/latest/meta-data/"> %remote;]><rss version="2.0"><channel/></rss>`;
    expect((await parseError(xml)).kind).toBe('malformed');
  });

  test('a harmless DOCTYPE without entities (RSS 0.91) is accepted, and HTML entity names decode', async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Caf&eacute;</title><item><title>Cr&egrave;me &amp; br&ucirc;l&eacute;e &mdash; new</title><link>http://example.com/a</link></item></channel></rss>`;
    const feed = await parseFeedText(xml);
    expect(feed.title).toBe('Café');
    expect(feed.items[0]!.title).toBe('Crème & brûlée — new');
  });

  test('HTML, empty and non-feed XML documents are not-a-feed', async () => {
    expect((await parseError('<!DOCTYPE html><html><body>hi</body></html>')).kind).toBe('not-a-feed');
    expect((await parseError('   ')).kind).toBe('not-a-feed');
    expect((await parseError('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>')).kind).toBe('not-a-feed');
    expect((await parseError('{"items": []}')).kind).toBe('not-a-feed');
  });

  test('XML cut off mid-document is malformed', async () => {
    expect((await parseError('<rss version="2.0"><channel><item><title><![CDATA[half')).kind).toBe('malformed');
  });

  test("only an & that is not one of XML's own references is repaired; the references are read as XML", async () => {
    const feed = async (title: string) => (await parseFeedText(`<rss version="2.0"><channel><item><title>${title}</title></item></channel></rss>`)).items[0]!.title;
    // XML's own references, with none to repair.
    expect(await feed('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42;')).toBe('a & b <c> "d" \'e\' AB');
    // Too many digits, an upper-case X, an unknown or unterminated name: each & stays text.
    expect(await feed('&#12345678; &#X41; &#x1234567; &bogus; AT&T &amp')).toBe('&#12345678; &#X41; &#x1234567; &bogus; AT&T &amp');
  });
});

describe('decodeFeedBytes', () => {
  const feed = (title: string, encoding: string, declare = true) =>
    `${declare ? `<?xml version="1.0" encoding="${encoding}"?>` : ''}<rss version="2.0"><channel><item><title>${title}</title></item></channel></rss>`;

  test('windows-1252 smart quotes become U+201C/U+201D (Node\'s TextDecoder gets 0x80-0x9F wrong)', () => {
    const bytes = iconv.encode(feed('\u201cquoted\u201d \u2013 caf\u00e9 \u20ac5', 'windows-1252'), 'win1252');
    expect(bytes.includes(0x93)).toBe(true);
    expect(decodeFeedBytes(bytes, undefined, MB).text).toContain('\u201cquoted\u201d \u2013 caf\u00e9 \u20ac5');
  });

  test('in UTF-8 too, a C1 control character (U+0092, bytes C2 92) becomes the windows-1252 character meant, and other text is kept', () => {
    const bytes = Buffer.from(feed('don\u0092t \u00a3 caf\u00e9', 'utf-8'), 'utf8');
    expect(bytes.includes(0xc2)).toBe(true);
    expect(decodeFeedBytes(bytes, undefined, MB)).toMatchObject({ encoding: 'utf8', text: expect.stringContaining('don\u2019t \u00a3 caf\u00e9') });
    expect(decodeFeedBytes(Buffer.from(feed('plain caf\u00e9', 'utf-8'), 'utf8'), undefined, MB).text).toContain('plain caf\u00e9');
  });

  test('undeclared bytes that are not UTF-8 fall back to windows-1252', () => {
    const bytes = iconv.encode(feed('\u201cna\u00efve\u201d', '', false), 'win1252');
    expect(decodeFeedBytes(bytes, 'application/rss+xml', MB)).toMatchObject({ encoding: 'win1252' });
    expect(decodeFeedBytes(bytes, undefined, MB).text).toContain('\u201cna\u00efve\u201d');
  });

  test('the Content-Type charset is used when the document does not say', () => {
    const bytes = iconv.encode(feed('Привет', '', false), 'koi8-r');
    expect(decodeFeedBytes(bytes, 'text/xml; charset=KOI8-R', MB).text).toContain('Привет');
  });

  test.each([
    ['utf-16le', true],
    ['utf-16be', true],
    ['utf-32le', true],
    ['utf-32be', false],
  ])('%s (BOM: %s) decodes', (encoding, bom) => {
    const text = feed('日本語 • Ελληνικά', encoding);
    const body = iconv.encode(text, encoding, { addBOM: bom });
    expect(decodeFeedBytes(body, undefined, MB).text).toBe(text);
  });

  test('gzip is sniffed by its magic bytes, and a gzip bomb is too-large', () => {
    const text = feed('zipped', 'utf-8');
    expect(decodeFeedBytes(zlib.gzipSync(Buffer.from(text)), undefined, MB).text).toBe(text);
    try {
      decodeFeedBytes(zlib.gzipSync(Buffer.alloc(20 * MB)), undefined, MB);
      throw new Error('expected too-large');
    } catch (error) {
      expect((error as FeedError).kind).toBe('too-large');
    }
  });

  test('an unknown declared charset on non-UTF-8 bytes is unsupported-encoding', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="x-klingon"?><rss><channel><title>'), Buffer.from([0xff, 0xfe, 0x81]), Buffer.from('</title></channel></rss>')]);
    try {
      decodeFeedBytes(bytes, undefined, MB);
      throw new Error('expected unsupported-encoding');
    } catch (error) {
      expect((error as FeedError).kind).toBe('unsupported-encoding');
      expect((error as FeedError).message).toContain('x-klingon');
    }
  });
});
