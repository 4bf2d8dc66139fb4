import type { Article } from '../corpus/article';
import { findDates } from './find-dates';
import { parsePartialDate, startOf } from './partial-date';

/** Noon UTC of an article's publication day, or undefined when it has no usable date. */
export function publishedDate(article: Article): Date | undefined {
  if (!article.published) return undefined;
  const instant = new Date(article.published);
  if (/T/.test(article.published) && !Number.isNaN(instant.getTime())) return instant;
  const day = parsePartialDate(article.published);
  return day?.day !== undefined ? new Date(startOf(day).getTime() + 12 * 3600_000) : undefined;
}

/**
 * The date undated articles are read against ("May 19" needs a year, "June" after it is a
 * forecast): the newest publication date of the corpus; else the latest full date with a year
 * that any article writes out; else `now`. Never later than `now`.
 */
export function corpusReferenceDate(articles: Article[], now: Date): Date {
  let newest: Date | undefined;
  for (const a of articles) {
    const d = publishedDate(a);
    if (d && d.getTime() <= now.getTime() && (!newest || d > newest)) newest = d;
  }
  if (newest) return newest;
  for (const a of articles) {
    for (const p of a.passages) {
      if (!/\d{4}/.test(p.text)) continue;
      for (const m of findDates(p.text, now)) {
        if (m.kind !== 'calendar' || m.date.day === undefined || !/\d{4}/.test(m.text)) continue;
        const d = new Date(startOf(m.date).getTime() + 12 * 3600_000);
        if (d.getTime() <= now.getTime() && (!newest || d > newest)) newest = d;
      }
    }
  }
  return newest ?? now;
}
