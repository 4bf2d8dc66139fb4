import * as chrono from 'chrono-node';
import type { PartialDate } from './partial-date';

/** A date expression found in a sentence. */
export interface DateMention {
  /** The expression exactly as written in the sentence ("May 2024", "mid-2025", "from 2017 to 2022"). */
  text: string;
  /** Offset of `text` in the sentence. */
  index: number;
  date: PartialDate;
  /** End of a range ("from 2017 to 2022"), when the expression is one. */
  until?: PartialDate;
  /** How the date was found: chrono (month names, ISO dates), a range, a qualified or a bare year. */
  kind: 'calendar' | 'range' | 'qualified-year' | 'year';
}

const YEAR = '(1[89]\\d{2}|20\\d{2})';
const QUALIFIER = '(?:(?:early|mid|late|the end of|the start of|the beginning of|spring|summer|autumn|fall|winter)(?:[- ]|\\s+of\\s+))';
const RANGE = new RegExp(
  `\\b(?:from|between)\\s+(${QUALIFIER}?)${YEAR}\\s+(?:to|and|until|through|till)\\s+(${QUALIFIER}?)${YEAR}\\b|\\b${YEAR}\\s*-\\s*(20\\d{2}|\\d{2})\\b(?!-)`,
  'gi',
);
const QUALIFIED_YEAR = new RegExp(`\\b${QUALIFIER}${YEAR}\\b(?![-\\d])`, 'gi');
// A year standing alone: not part of a longer number, an amount, a decade ("2000s") or an ISO date.
const BARE_YEAR = new RegExp(`(?<![\\d$£€.,/#:-])\\b${YEAR}\\b(?![\\d%]|s\\b|-\\d|\\.\\d|,\\d|\\s*(?:percent|per cent)\\b)`, 'g');
const MONTH_NAME = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;
const ISO_DATE = /\b\d{4}-\d{2}(?:-\d{2})?\b/;

/**
 * Every absolute date expression of a sentence. Relative ones ("now", "today", "this week",
 * "Tuesday", "a month ago") are left out: they say when the article was written, not when
 * something happened. `reference` completes expressions without a year ("May 19").
 */
export function findDates(sentence: string, reference: Date): DateMention[] {
  // Feeds and generated corpora repeat sentences; chrono is slow, so results are remembered (bounded).
  const key = `${reference.toISOString().slice(0, 10)}|${sentence}`;
  const cached = remembered.get(key);
  if (cached) return cached;
  const result = parseDates(sentence, reference);
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(key, result);
  return result;
}

/**
 * chrono with only the parsers that can yield what is kept (month names, ISO and year-first
 * dates, weekdays that join a date): times of day and relative expressions ("in two weeks",
 * "yesterday") are dropped below anyway, and their patterns cost most of each parse.
 */
const USEFUL_PARSERS = new Set([
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENWeekdayParser',
  'ENYearMonthNameParser',
  'ENMonthNameParser',
]);
const calendarParser = new chrono.Chrono({
  parsers: chrono.en.casual.parsers.filter((p) => USEFUL_PARSERS.has(p.constructor.name)),
  refiners: chrono.en.casual.refiners,
});

const REMEMBER_AT_MOST = 50_000;
const remembered = new Map<string, DateMention[]>();

function parseDates(sentence: string, reference: Date): DateMention[] {
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const add = (mention: DateMention) => {
    if (!free(mention.index, mention.index + mention.text.length)) return;
    taken.push([mention.index, mention.index + mention.text.length]);
    found.push(mention);
  };

  for (const m of sentence.matchAll(RANGE)) {
    const fromYear = Number(m[2] ?? m[5]);
    let toYear = Number(m[4] ?? m[6]);
    if (m[6] !== undefined && m[6].length === 2) toYear = Math.floor(fromYear / 100) * 100 + toYear;
    if (!(toYear > fromYear && toYear - fromYear < 60)) continue;
    add({ text: m[0], index: m.index, date: { year: fromYear }, until: { year: toYear }, kind: 'range' });
  }
  for (const m of sentence.matchAll(QUALIFIED_YEAR)) {
    add({ text: m[0], index: m.index, date: { year: Number(m[1]) }, kind: 'qualified-year' });
  }
  // chrono is the costly part; only month names and ISO dates are kept from it, so skip it otherwise.
  const calendar = MONTH_NAME.test(sentence) || ISO_DATE.test(sentence) ? calendarParser.parse(sentence, reference) : [];
  for (const result of calendar) {
    if (!MONTH_NAME.test(result.text) && !ISO_DATE.test(result.text)) continue;
    // A month name in lower case is a word ("may", "march"), not a date.
    const month = MONTH_NAME.exec(result.text);
    if (month && month[0][0] !== month[0][0]!.toUpperCase()) continue;
    const tags = [...(result.start.tags?.() ?? [])];
    if (tags.some((t) => t.startsWith('casualReference') || t.startsWith('result/relative'))) continue;
    const start = result.start;
    if (!start.isCertain('month')) continue;
    const year = start.get('year');
    const monthNumber = start.get('month');
    if (year === null || monthNumber === null) continue;
    // "the end of June" gets a day from chrono's refiner, not from the text.
    const inferredDay = tags.some((t) => t.includes('EndOfPeriod'));
    const day = start.isCertain('day') && !inferredDay ? start.get('day') : null;
    let text = result.text.replace(/\s+(?:of|in|on|at)$/i, '');
    const relativeYear = /^\s+(?:of\s+)?(?:this|last|that)\s+year\b/i.exec(sentence.slice(result.index + text.length));
    if (relativeYear) text += relativeYear[0];
    add({
      text,
      index: result.index,
      date: { year, month: monthNumber, ...(day !== null ? { day } : {}) },
      kind: 'calendar',
    });
  }
  for (const m of sentence.matchAll(BARE_YEAR)) {
    add({ text: m[0], index: m.index, date: { year: Number(m[1]) }, kind: 'year' });
  }
  return found.sort((a, b) => a.index - b.index);
}
