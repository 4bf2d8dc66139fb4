import type { Development } from '../developments/development';
import type { Reply, ReplyItem, SourceRef } from '../reply/reply';
import { renderPlainText } from '../reply/render-plain-text';
import { rankDevelopments } from './rank-developments';

/** How short a digest is. */
export interface DigestLimits {
  /** At most this many developments. */
  maxDevelopments: number;
  /** About this many characters of rendered plain text. */
  maxChars: number;
}

export interface DigestText {
  /** The reply's title, e.g. "Andrej Karpathy joins Anthropic: digest for 2026-05-21". */
  title: string;
  /** Closing line (when the next digest comes, how to see more). */
  footer?: string;
  /** Hint after "N more" when developments were cut. */
  moreHint: string;
}

export interface ComposedDigest {
  /** The neutral reply, for the whole channel. */
  reply: Reply;
  /** The developments shown, in order; only these count as delivered. */
  shown: Development[];
  /** Developments left out to stay short. */
  omitted: number;
}

const HEADLINE_CHARS = 110;
const SUMMARY_CHARS = 170;
const MIN_TEXT_CHARS = 30;

/**
 * A short digest of `developments`: ranked, at most `maxDevelopments`, and cut further until
 * the rendered text fits `maxChars` ("N more" says how many were left out). Undefined when
 * there is nothing to show.
 */
export function composeDigest(developments: readonly Development[], limits: DigestLimits, text: DigestText): ComposedDigest | undefined {
  if (developments.length === 0) return undefined;
  const ranked = rankDevelopments(developments);
  const build = (shown: Development[], summaryChars: number, headlineChars = HEADLINE_CHARS): Reply => {
    const omitted = ranked.length - shown.length;
    return {
      title: text.title,
      visibility: 'channel',
      blocks: [
        {
          kind: 'list',
          items: shown.map((d) => developmentItem(d, summaryChars, headlineChars)),
          ...(omitted > 0 ? { more: { count: omitted, hint: text.moreHint } } : {}),
        },
      ],
      ...(text.footer ? { footer: text.footer } : {}),
    };
  };
  for (let count = Math.min(limits.maxDevelopments, ranked.length); count >= 1; count--) {
    const shown = ranked.slice(0, count);
    const reply = build(shown, SUMMARY_CHARS);
    if (renderPlainText(reply).length <= limits.maxChars) return { reply, shown, omitted: ranked.length - count };
  }
  // Even one development is too long at full length: shorten its sentence, then its
  // headline, rather than show nothing.
  const shown = ranked.slice(0, 1);
  let summaryChars = SUMMARY_CHARS;
  let headlineChars = HEADLINE_CHARS;
  let reply = build(shown, summaryChars, headlineChars);
  while (renderPlainText(reply).length > limits.maxChars && (summaryChars > MIN_TEXT_CHARS || headlineChars > MIN_TEXT_CHARS)) {
    if (summaryChars > MIN_TEXT_CHARS) summaryChars -= 10;
    else headlineChars -= 10;
    reply = build(shown, summaryChars, headlineChars);
  }
  return { reply, shown, omitted: ranked.length - 1 };
}

/** The one-line note sent on a day with nothing new (when configured to send one). */
export function emptyDigestNote(title: string, sinceLabel: string): Reply {
  return { title, visibility: 'channel', blocks: [{ kind: 'text', text: `Nothing new in the story since ${sinceLabel}.` }] };
}

/** One development as a list item: headline, one short sentence, its outlets and links. */
export function developmentItem(development: Development, summaryChars = SUMMARY_CHARS, headlineChars = HEADLINE_CHARS): ReplyItem {
  const summary = clip(development.summary, summaryChars);
  const headline = clip(development.headline, headlineChars);
  const label = development.dateLabel ?? development.publishedAt.slice(0, 10);
  const sources = distinctOutlets(development.sources);
  // A feed item without a description has only its title; say so once instead of twice.
  if (!summary || summary === headline) return { label, headline, text: 'No summary yet.', sources };
  // A headline the sentence already says (a timeline event's clause) adds nothing: the sentence alone.
  if (containsWords(summary, headline)) return { label, text: summary, sources };
  return { label, headline, text: summary, sources };
}

/** One source per outlet (the first, which is the most relevant), keeping its link. */
function distinctOutlets(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const s of sources) {
    const key = s.outlet.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ outlet: s.outlet, ...(s.title ? { title: s.title } : {}), ...(s.url ? { url: s.url } : {}) });
  }
  return out;
}

/** True when `text` has the words of `head` in a row (case, punctuation and a final ellipsis aside). */
function containsWords(text: string, head: string): boolean {
  const words = (t: string) => t.toLowerCase().replace(/…$/, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const h = words(head);
  const t = words(text);
  if (h.length === 0) return false;
  const cut = head.endsWith('…');
  for (let start = 0; start + h.length <= t.length; start++) {
    // A cut headline may end inside a word.
    if (h.every((w, i) => w === t[start + i] || (cut && i === h.length - 1 && t[start + i]!.startsWith(w)))) return true;
  }
  return false;
}

/** Shortens plain text at a word boundary, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
