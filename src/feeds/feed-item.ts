import { sha1Hex } from './feed-ids';
import { htmlToText, decodeEntities } from '../corpus/html-to-text';
import type { ParsedFeed } from './parse-feed-text';
import { canonicalLink, resolveBase } from './canonical-link';
import { parseFeedDate, type DateFlag } from './feed-date';

/** A feed entry after cleaning: what is stored, judged and clustered. */
export interface FeedItem {
  /** Stable within its feed: guid, else canonical link, else a hash of title and date. */
  key: string;
  title: string;
  /** Canonical link (tracking parameters and fragment removed), when the item has one. */
  link?: string;
  /** ISO-8601 instant; the first-seen time when the feed's date is missing or odd. */
  publishedAt: string;
  dateFlag: DateFlag;
  author?: string;
  /** Plain text of the item's content or description (no markup), at most SUMMARY_MAX chars. */
  summary: string;
  outlet: string;
  /** Changes when the title, text or link is edited upstream. */
  contentHash: string;
  /** How much the item is about the story (0 when a feed rule keeps it out), when judged where it was parsed. */
  relevance?: number;
  /** Its development terms, judged where it was parsed (relevant items only). */
  terms?: Map<string, number>;
}

export const SUMMARY_MAX = 4000;
const TAG = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/g;
const HAS_TAG = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/;

export interface NormaliseContext {
  /** The URL the feed was fetched from, after redirects. */
  finalUrl: string;
  /** The outlet configured for the feed, if any. */
  outlet?: string;
  now: Date;
}

/** Cleans a parsed feed's entries; exact duplicates within one fetch are dropped. */
export function normaliseItems(feed: ParsedFeed, context: NormaliseContext): FeedItem[] {
  const siteBase = resolveBase(feed.base, resolveBase(absoluteOrUndefined(feed.link), context.finalUrl));
  const outlet = context.outlet?.trim() || cleanTitle(feed.title ?? '') || hostOf(feed.link) || hostOf(context.finalUrl) || 'unknown outlet';
  const seenKeys = new Map<string, string>();
  const out: FeedItem[] = [];
  for (const raw of feed.items) {
    const base = resolveBase(raw.base, siteBase);
    const link = canonicalLink(raw.link, base) ?? (raw.guid && /^https?:\/\//i.test(raw.guid) ? canonicalLink(raw.guid, undefined) : undefined);
    const summary = truncate(raw.html ? plainText(raw.html, raw.snippet) : '', SUMMARY_MAX);
    const title = cleanTitle(raw.title ?? '') || truncate(summary.split('\n')[0] ?? '', 120) || 'Untitled item';
    const { iso, flag } = parseFeedDate(raw.date, context.now);
    const author = raw.author ? cleanTitle(raw.author) : '';
    const fingerprint = hash(`${title}\n${summary}\n${link ?? ''}`);
    let key = raw.guid ? `g:${raw.guid}` : link ? `l:${link}` : `h:${hash(`${title}\n${raw.date ?? ''}`)}`;
    const previous = seenKeys.get(key);
    if (previous !== undefined) {
      if (previous === fingerprint) continue; // the same entry twice in one document
      // Two different entries under one guid: the later one is told apart by its content,
      // so neither overwrites the other (and a re-fetch gives both the same keys again).
      key = `${key}#${hash(`${title}\n${link ?? ''}`).slice(0, 12)}`;
      if (seenKeys.has(key)) continue;
    }
    seenKeys.set(key, fingerprint);
    out.push({
      key,
      title,
      ...(link ? { link } : {}),
      publishedAt: iso,
      dateFlag: flag,
      ...(author ? { author } : {}),
      summary,
      outlet,
      contentHash: fingerprint,
    });
  }
  return out;
}

/** Markup whose content is not text: only our own converter drops it with its content. */
const NON_TEXT_ELEMENT = /<(?:script|style|noscript|template|svg|iframe)\b/i;

/**
 * Item text as plain text. rss-parser already stripped tags and decoded entities for most
 * items (its snippet); that is reused unless the HTML holds scripts or styles, whose
 * content the snippet would keep.
 */
function plainText(html: string, snippet: string | undefined): string {
  if (!html.includes('<') && !html.includes('&')) return collapse(html);
  if (snippet !== undefined && !NON_TEXT_ELEMENT.test(html)) return collapse(snippet);
  return htmlToText(html).replace(/\s*\n\s*/g, '\n').trim();
}

/** Spaces collapse; each line break stays one (paragraphs). */
const NEEDS_COLLAPSE = /\s\s|[\t\r\f\v\u00a0]/;

function collapse(text: string): string {
  if (!NEEDS_COLLAPSE.test(text)) return text.trim();
  return text.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ ?\n\s*/g, '\n').trim();
}

/** What cleaning a title can change besides its ends: markup, entities, runs of white space, white space other than a space. */
const TITLE_NEEDS_CLEANING = /[<&]|\s\s|[^\S ]/;

/** Titles are plain text; markup some feeds put in them is removed, literal `<<<` kept. */
export function cleanTitle(title: string): string {
  // Most titles (and authors) are clean already: one scan instead of three passes.
  if (!TITLE_NEEDS_CLEANING.test(title)) return title.trim();
  const untagged = HAS_TAG.test(title) ? title.replace(TAG, ' ') : title;
  return decodeEntities(untagged).replace(/\s+/g, ' ').trim();
}

function absoluteOrUndefined(link: string | undefined): string | undefined {
  return link && /^https?:\/\//i.test(link) ? link : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 3).replace(/\s+\S*$/, '')}...`;
}

function hash(text: string): string {
  return sha1Hex(text);
}
