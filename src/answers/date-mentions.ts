/**
 * Turns a date as written ("May 19", "August 2024", "2015", "this week") into a key that
 * can be compared across outlets: "2026-05-19", "2024-08", "2015", or "-05-19" when the
 * year is not written and the article has no date to borrow it from.
 */
export interface DateMention {
  key: string;
  /** 0 = relative ("this week"), 0.3 = year, 0.6 = month, 1 = day. */
  precision: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(word: string): string | undefined {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : String(i + 1).padStart(2, '0');
}

export function parseDateMention(raw: string, published?: string): DateMention | undefined {
  const text = raw.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (iso) return { key: iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}`, precision: iso[3] ? 1 : 0.6 };
  if (/^\d{4}$/.test(text)) return { key: text, precision: 0.3 };
  if (/^(?:this|last|next) |^(?:yesterday|today)$/.test(text)) return { key: `relative:${text}`, precision: 0 };
  const year = /\b((?:19|20)\d{2})\b/.exec(text)?.[1];
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text.replace(/\b(?:19|20)\d{2}\b/, ''))?.[1];
  const month = text.split(' ').map(monthNumber).find((m) => m !== undefined);
  if (!month) return undefined;
  const y = year ?? (day ? published?.slice(0, 4) : undefined);
  if (day) return { key: `${y ?? ''}-${month}-${day.padStart(2, '0')}`, precision: 1 };
  return { key: `${y ?? ''}-${month}`, precision: year ? 0.6 : 0.4 };
}

/** True when two date keys could mean the same day (no written part contradicts the other). */
export function datesCompatible(a: string, b: string): boolean {
  if (a.startsWith('relative:') || b.startsWith('relative:')) return true;
  const pa = a.split('-');
  const pb = b.split('-');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x && y && x !== y) return false;
  }
  return true;
}
