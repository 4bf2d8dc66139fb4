import { UserFacingError } from '../errors';
import type { TimelineEvent } from './merge-events';
import { endOf, formatPartialDate, parsePartialDate, startOf, type PartialDate } from './partial-date';

/** Which part of a timeline to show: everything, one year or month, or a span of them. */
export interface TimelineRange {
  from?: PartialDate;
  to?: PartialDate;
}

/**
 * Reads `timeline` arguments: nothing, `2024`, `2024-05`, `2017-2022`, `2017 2022` or
 * `2017 to 2022`; a trailing `page N` or plain page number after a range is handled by the caller.
 */
export function parseTimelineRange(args: string[]): TimelineRange {
  const text = args.join(' ').trim();
  if (!text) return {};
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:\s*(?:-|–|to|until|\.\.)\s*|\s+)?(\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/i.exec(text);
  const from = m?.[1] ? parsePartialDate(m[1]) : undefined;
  const to = m?.[2] ? parsePartialDate(m[2]) : from;
  if (!from || !to) {
    throw new UserFacingError(`I can show the timeline for a year (timeline 2024), a month (timeline 2024-05) or a span (timeline 2017-2022), but not for "${text}".`);
  }
  if (startOf(to).getTime() < startOf(from).getTime()) {
    throw new UserFacingError(`The span ${text} ends before it starts: try timeline ${formatPartialDate(to)}-${formatPartialDate(from)}.`);
  }
  return { from, to };
}

/** Events that start inside the range (a year "2024" covers every date in 2024). */
export function eventsInRange(events: TimelineEvent[], range: TimelineRange): TimelineEvent[] {
  if (!range.from || !range.to) return events;
  const lo = startOf(range.from).getTime();
  const hi = endOf(range.to).getTime();
  return events.filter((e) => {
    const at = startOf(e.date).getTime();
    return at >= lo && at < hi;
  });
}
