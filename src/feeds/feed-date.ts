/** How trustworthy an item's date is. */
export type DateFlag = 'ok' | 'missing' | 'odd';

const RFC822 = /^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3,9}\s+\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:[A-Za-z]{1,5}|[+-]\d{4}))?$/;
const ISO8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An item's publication instant. RFC 822 and ISO 8601 dates are trusted; a missing date, an
 * ambiguous one ("08/02/2013": August or February?), one before 1995 or more than a day in
 * the future falls back to when newsdesk first saw the item, and is flagged so that it is
 * neither treated as old (and silently skipped) nor as a false "breaking" date.
 */
export function parseFeedDate(text: string | undefined, firstSeen: Date): { iso: string; flag: DateFlag } {
  const raw = text?.trim();
  if (!raw) return { iso: firstSeen.toISOString(), flag: 'missing' };
  if (!RFC822.test(raw) && !ISO8601.test(raw)) return { iso: firstSeen.toISOString(), flag: 'odd' };
  const ms = Date.parse(ISO8601.test(raw) && !/[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) && raw.length > 10 ? `${raw.replace(' ', 'T')}Z` : raw);
  if (!Number.isFinite(ms)) return { iso: firstSeen.toISOString(), flag: 'odd' };
  const year = new Date(ms).getUTCFullYear();
  if (year < 1995 || ms > firstSeen.getTime() + DAY_MS) return { iso: firstSeen.toISOString(), flag: 'odd' };
  return { iso: new Date(ms).toISOString(), flag: 'ok' };
}
