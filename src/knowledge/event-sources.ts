import type { SourceRef } from '../reply/reply';
import type { EventMention } from './event-mention';

/** One source per outlet, in order of first mention, with the article's title and link. */
export function sourcesOf(mentions: Array<Pick<EventMention, 'outlet' | 'title' | 'url'>>): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const m of mentions) {
    if (seen.has(m.outlet)) continue;
    seen.add(m.outlet);
    out.push({ outlet: m.outlet, title: m.title, ...(m.url ? { url: m.url } : {}) });
  }
  return out;
}

/** Cuts a line for chat at a word boundary. */
export function shorten(text: string, max = 180): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 3).replace(/\s+\S*$/, '').replace(/[,;:]$/, '')}...`;
}
