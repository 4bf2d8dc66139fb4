/**
 * A date as precise as its source allows: a year, a month of a year, or a day.
 * Timelines keep this precision instead of inventing a first-of-month day.
 */
export interface PartialDate {
  year: number;
  /** 1-12 when the source names the month. */
  month?: number;
  /** 1-31 when the source names the day (only together with a month). */
  day?: number;
}

/** 0 = year, 1 = month, 2 = day. */
export function precisionOf(date: PartialDate): number {
  if (date.day !== undefined) return 2;
  if (date.month !== undefined) return 1;
  return 0;
}

/** "2024", "2024-05" or "2024-05-19". */
export function formatPartialDate(date: PartialDate): string {
  const y = String(date.year).padStart(4, '0');
  if (date.month === undefined) return y;
  const m = String(date.month).padStart(2, '0');
  if (date.day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(date.day).padStart(2, '0')}`;
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (also the date part of an ISO instant). */
export function parsePartialDate(text: string): PartialDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  return { year, ...(month !== undefined ? { month } : {}), ...(month !== undefined && day !== undefined ? { day } : {}) };
}

/** True when both could name the same time: equal on every part both of them give. */
export function datesCompatible(a: PartialDate, b: PartialDate): boolean {
  if (a.year !== b.year) return false;
  if (a.month === undefined || b.month === undefined) return true;
  if (a.month !== b.month) return false;
  return a.day === undefined || b.day === undefined || a.day === b.day;
}

/** Chronological order; a less precise date sorts before more precise ones inside it. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** The earliest instant (UTC) the date can mean. */
export function startOf(date: PartialDate): Date {
  return new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1));
}

/** The first instant after the date (UTC): a date is "in the future" when this is still ahead. */
export function endOf(date: PartialDate): Date {
  if (date.month === undefined) return new Date(Date.UTC(date.year + 1, 0, 1));
  if (date.day === undefined) return new Date(Date.UTC(date.year, date.month, 1));
  return new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
}
