/** How trustworthy an item's date is. */
export type DateFlag = 'ok' | 'missing' | 'odd';

// Day (optional weekday), month name, year: the order RFC 822 fixes; anything else is ambiguous.
const RFC822 = /^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}/;
const ISO8601 = /^\d{4}-\d{2}-\d{2}(?:$|[T ]\d{2}:\d{2})/;
const ISO_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ][\d:.]+$/;
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
  const iso = ISO8601.test(raw);
  if (!iso && !RFC822.test(raw)) return { iso: firstSeen.toISOString(), flag: 'odd' };
  // An ISO time without a zone is read as UTC, not as this machine's local time.
  const ms = Date.parse(iso && ISO_WITHOUT_ZONE.test(raw) ? `${raw.replace(' ', 'T')}Z` : raw);
  if (!Number.isFinite(ms)) return { iso: firstSeen.toISOString(), flag: 'odd' };
  const year = new Date(ms).getUTCFullYear();
  if (year < 1995 || ms > firstSeen.getTime() + DAY_MS) return { iso: firstSeen.toISOString(), flag: 'odd' };
  return { iso: new Date(ms).toISOString(), flag: 'ok' };
}
