import Parser from 'rss-parser';
import { FeedError } from './feed-error';
import { HTML_ENTITY_CODES, XML_ENTITIES } from './xml-entities';

/** One entry as the feed wrote it, before cleaning. */
export interface RawFeedItem {
  guid?: string;
  title?: string;
  link?: string;
  /** The date text exactly as written (pubDate, dc:date, published or updated). */
  date?: string;
  author?: string;
  /** Full HTML content when the feed has it (content:encoded, Atom content), else the description. */
  html?: string;
  /** `xml:base` in scope for this item, if any. */
  base?: string;
  /**
   * rss-parser's own plain-text rendering of `html` (tags stripped, entities decoded), when
   * it made one; reused so each item's HTML is not converted twice.
   */
  snippet?: string;
}

export interface ParsedFeed {
  title?: string;
  /** The site's home page as the feed states it. */
  link?: string;
  /** `xml:base` of the feed root, if any. */
  base?: string;
  items: RawFeedItem[];
}

type Attrs = Record<string, string>;
interface ItemExtras {
  attrs?: Attrs;
  id?: string;
  creator?: string;
  date?: string;
  'content:encoded'?: string;
  'content:encodedSnippet'?: string;
}

const parser = new Parser<{ attrs?: Attrs }, ItemExtras>({
  // An `<rss>` without a version attribute is read as RSS 2.0.
  defaultRSS: 2,
  customFields: {
    feed: [['$', 'attrs', { keepArray: true }] as unknown as 'attrs'],
    item: [['$', 'attrs', { keepArray: true }]],
  },
});
// rss-parser also converts every entry's date to an ISO `isoDate` (the slow `new Date(text)`),
// which is never read here: the date is taken as written and judged by `parseFeedDate`.
(parser as unknown as { setISODate: (item: unknown) => void }).setISODate = () => {};

/** How much of the document is searched for a DOCTYPE and the root element. */
const PROLOG_WINDOW = 4096;

/**
 * Parses decoded feed text with rss-parser, after three defences and two repairs:
 * - a DOCTYPE that declares entities is refused before any parsing (billion laughs,
 *   external entities that would read local files): XML feeds never need them;
 * - an HTML page is `not-a-feed`, not a parse error;
 * - HTML entity names (`&eacute;`) become numeric references, and a bare `&` becomes
 *   `&amp;`, so one sloppy link does not lose the whole feed;
 * - an Atom feed with a prefixed root (`<a:feed>`) is unprefixed so it is recognised.
 */
export async function parseFeedText(text: string): Promise<ParsedFeed> {
  const head = text.slice(0, PROLOG_WINDOW);
  const doctypeAt = head.search(/<!DOCTYPE/i);
  if (doctypeAt >= 0 && /<!ENTITY/i.test(text.slice(doctypeAt))) {
    throw new FeedError('malformed', 'the feed declares its own XML entities (a DOCTYPE with <!ENTITY>), which newsdesk refuses: they can expand without bound or read local files');
  }
  const root = rootElement(head);
  if (!root) {
    if (/^\s*$/.test(text)) throw new FeedError('not-a-feed', 'the feed is empty');
    throw new FeedError('not-a-feed', 'the URL did not return an RSS or Atom feed (no XML root element found)');
  }
  if (/^(html|head|body)$/i.test(root.local)) throw new FeedError('not-a-feed', 'the URL returned a web page, not an RSS or Atom feed');
  let xml = repairEntities(text);
  if (root.prefix && root.local === 'feed') xml = unprefixAtom(xml, root.prefix);
  // `<rss>` with items but no `<channel>` is read as if the channel were there.
  if (root.name === 'rss' && !/<channel[\s>]/.test(xml)) xml = xml.replace(/(<rss\b[^>]*>)([\s\S]*)(<\/rss\s*>)/, '$1<channel>$2</channel>$3');
  // A document cut off inside its last end tag (`</rss`) is closed. (Only a document not
  // ending in `>` can be: the pattern, anchored at the end, would be tried at every `</`.)
  if (!endsWithTagClose(xml)) xml = xml.replace(/(<\/[A-Za-z][\w:.-]*)\s*$/, '$1>');

  let output: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    output = await parser.parseString(xml);
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    if (/not recognized as RSS|default RSS version/i.test(message)) {
      throw new FeedError('not-a-feed', `the document is XML but not an RSS or Atom feed (root element <${root.name}>)`, { cause: error });
    }
    throw new FeedError('malformed', `the feed is not well-formed XML: ${firstLine(message)}`, { cause: error });
  }
  const bases = itemBases(xml);
  const items = (output.items ?? []).map((item, i): RawFeedItem => {
    const extras = item as typeof item & ItemExtras;
    const encoded = str(extras['content:encoded']);
    const content = encoded ? undefined : str(item.content);
    const html = encoded ?? content ?? str(item.summary);
    const snippet = encoded ? extras['content:encodedSnippet'] : content ? item.contentSnippet : undefined;
    const base = extras.attrs?.['xml:base'] ?? bases[i];
    const guid = str(item.guid) ?? str(extras.id) ?? str(extras.attrs?.['rdf:about']);
    const date = str(item.pubDate) ?? str(extras.date);
    const author = str(item.creator) ?? str((item as { author?: unknown }).author);
    // Plain assignments, not spreads: this runs for every entry of every feed.
    const out: RawFeedItem = {};
    if (guid) out.guid = guid;
    const title = str(item.title);
    if (title) out.title = title;
    const link = str(item.link);
    if (link) out.link = link;
    if (date) out.date = date;
    if (author) out.author = author;
    if (html) out.html = html;
    if (base) out.base = base;
    if (typeof snippet === 'string') out.snippet = snippet;
    return out;
  });
  const feedBase = output.attrs?.['xml:base'];
  return {
    ...(str(output.title) ? { title: str(output.title)! } : {}),
    ...(str(output.link) ? { link: str(output.link)! } : {}),
    ...(feedBase ? { base: feedBase } : {}),
    items,
  };
}

/** Whether the last character other than white space is `>`. */
function endsWithTagClose(xml: string): boolean {
  let at = xml.length - 1;
  while (at >= 0 && /\s/.test(xml[at]!)) at--;
  return at >= 0 && xml.charCodeAt(at) === 0x3e;
}

function rootElement(head: string): { name: string; prefix?: string; local: string } | undefined {
  // Skip the declaration, processing instructions, comments and a DOCTYPE.
  const stripped = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/gi, '');
  const m = /<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?[\s/>]/.exec(stripped);
  if (!m?.[1]) return undefined;
  return m[2] ? { name: `${m[1]}:${m[2]}`, prefix: m[1], local: m[2] } : { name: m[1], local: m[1] };
}

const ENTITY_OR_CDATA = /<!\[CDATA\[[\s\S]*?\]\]>|&(#\d{1,7};|#x[0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)?/g;

function repairEntities(text: string): string {
  if (!needsRepair(text)) return text;
  return text.replace(ENTITY_OR_CDATA, (match, ref: string | undefined) => {
    if (match.charCodeAt(0) === 0x3c) return match; // CDATA: literal text, left alone
    if (!ref) return '&amp;';
    if (ref.charCodeAt(0) === 0x23) return match; // numeric reference
    const name = ref.slice(0, -1);
    if (XML_ENTITIES.has(name)) return match;
    const code = HTML_ENTITY_CODES.get(name);
    return code ? `&#${code};` : `&amp;${ref}`;
  });
}

/**
 * Whether the text has an `&` that is not one of XML's own references (`&amp;`, `&lt;`,
 * `&gt;`, `&quot;`, `&apos;`, `&#1-7 digits;`, `&#x1-6 hex digits;`): only then is the
 * repair pass needed. A scan from `&` to `&` rather than a pattern with a lookahead: feeds
 * of escaped HTML hold thousands of them.
 */
function needsRepair(text: string): boolean {
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
    if (!isXmlReference(text, at + 1)) return true;
  }
  return false;
}

function isXmlReference(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 0x61) return text.startsWith('amp;', at) || text.startsWith('apos;', at);
  if (c === 0x6c) return text.startsWith('lt;', at);
  if (c === 0x67) return text.startsWith('gt;', at);
  if (c === 0x71) return text.startsWith('quot;', at);
  if (c !== 0x23) return false;
  const hex = text.charCodeAt(at + 1) === 0x78;
  const start = hex ? at + 2 : at + 1;
  const max = hex ? 6 : 7;
  let end = start;
  while (end - start < max && (hex ? isHexDigit(text.charCodeAt(end)) : isDigit(text.charCodeAt(end)))) end++;
  return end > start && text.charCodeAt(end) === 0x3b;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
}

function unprefixAtom(xml: string, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return xml.replace(new RegExp(`<(/?)${escaped}:`, 'g'), '<$1').replace(new RegExp(`xmlns:${escaped}=`, 'g'), 'xmlns=');
}

/** `xml:base` of each item or entry, in document order (rss-parser does not keep it for Atom). */
function itemBases(xml: string): Array<string | undefined> {
  if (!xml.includes('xml:base')) return [];
  const out: Array<string | undefined> = [];
  for (const m of xml.matchAll(/<(?:item|entry)\b([^>]*)>/g)) {
    out.push(/xml:base\s*=\s*["']([^"']*)["']/.exec(m[1] ?? '')?.[1]);
  }
  return out;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object' && typeof (value as { _?: unknown })._ === 'string') return ((value as { _: string })._).trim() || undefined;
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 200);
}
