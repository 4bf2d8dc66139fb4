import type { EventMention } from './event-mention';
import { runToEnd } from './run-in-slices';
import { comparePartialDates, datesCompatible, precisionOf, type PartialDate } from './partial-date';

/** One entry of a story's timeline: an event with every article that tells it. */
export interface TimelineEvent {
  /** The most precise date any of its sources gives. */
  date: PartialDate;
  until?: PartialDate;
  /** One line on the event, taken from its most precise, shortest telling. */
  text: string;
  /** Outlets in the order their mentions were found, once each. */
  sources: string[];
  mentions: EventMention[];
  /** Comparable terms of all its mentions, for lookups by name or word. */
  terms: Set<string>;
}

/** How alike two mentions must be (weighted share of their terms) to be the same event. */
const SAME_EVENT = 0.5;
/** Shared weight below this is coincidence (one common word), whatever the share. */
const MIN_SHARED = 2;
/** Two dates in the same month are evidence already: less shared wording is needed. */
const SAME_EVENT_SAME_MONTH = 0.3;
const MIN_SHARED_SAME_MONTH = 1;
const SAME_EVENT_SAME_DAY = 0.15;
const COMMON_WEIGHT = 0.5;
/** Shared weight that makes two mentions one event whatever else they say. */
const ENOUGH_SHARED = 3.5;
const MAX_COMPARED = 8;
/** Least likeness to a cluster's first telling for a mention to join it. */
const SEED_LINK = 0.2;

interface Cluster {
  date: PartialDate;
  members: EventMention[];
  terms: Set<string>;
  /** Who the cluster is about: the first subject any member names. */
  subject?: string;
}

/** Wins over any likeness of wording: same subject, same kind of development, related names. */
const SAME_DEVELOPMENT = 1.5;

/**
 * Merges mentions into events: the same event told by several articles becomes one entry;
 * different events of the same year stay apart. Two tellings are one event when their dates
 * are compatible and either they tell the same kind of development about the same subject
 * with a name in common (directly or through a role in story.json), or they share enough
 * rare words and names. Tellings about different subjects never merge.
 */
export function mergeEvents(mentions: EventMention[]): TimelineEvent[] {
  return runToEnd(mergeSteps(mentions));
}

/**
 * mergeEvents one mention at a time: it yields after each mention, so a caller can give the
 * event loop a turn between slices of a large corpus; the return value is the merged timeline.
 */
export function* mergeSteps(mentions: EventMention[]): Generator<void, TimelineEvent[], void> {
  const weight = termWeights(mentions);
  const ordered = [...mentions].sort((a, b) => precisionOf(b.date) - precisionOf(a.date));
  const clusters: Cluster[] = [];
  // Candidates come from indexes of (year, subject, term) and (year, subject, kind, name) -> clusters.
  const byYearTerm = new Map<string, Cluster[]>();
  const byDevelopment = new Map<string, Cluster[]>();
  const index = (map: Map<string, Cluster[]>, key: string, cluster: Cluster) => {
    const list = map.get(key);
    if (!list) map.set(key, [cluster]);
    else if (list[list.length - 1] !== cluster) list.push(cluster);
  };
  for (const mention of ordered) {
    let best: Cluster | undefined;
    let bestScore = SAME_EVENT;
    const candidates = new Set<Cluster>();
    // Mentions come most precise first, so when one names a day (a month) every cluster so far
    // names one too, and only clusters of that day (month) are compatible: it reads that day's
    // (month's) lists, not the year's (a year and a common name list thousands of clusters).
    const within = scopeOf(mention.date);
    for (const key of developmentKeys(mention)) for (const c of byDevelopment.get(key + within) ?? []) candidates.add(c);
    // Tellings about different subjects never merge, so a mention with a subject looks only at
    // clusters about it or about nobody yet; this keeps big corpora near-linear.
    const scopes = mention.subject ? [mention.subject, ''] : ['*'];
    for (const t of mention.terms) for (const scope of scopes) for (const c of byYearTerm.get(`${mention.date.year}|${scope}|${t}${within}`) ?? []) candidates.add(c);
    for (const cluster of candidates) {
      if (!datesCompatible(cluster.date, mention.date)) continue;
      if (!rangesCompatible(cluster.members[0]!, mention)) continue;
      if (mention.subject && cluster.subject && mention.subject !== cluster.subject) continue;
      const compared = cluster.members.slice(0, MAX_COMPARED);
      if (compared.some((other) => sameDevelopment(mention, other))) {
        if (SAME_DEVELOPMENT > bestScore || (SAME_DEVELOPMENT === bestScore && best && cluster.members.length > best.members.length)) {
          bestScore = SAME_DEVELOPMENT;
          best = cluster;
        }
        continue;
      }
      // The first member is the most precise telling: a newcomer must share something with it,
      // so a chain of loosely similar sentences cannot drag unrelated events together.
      const seed = cluster.members[0]!;
      if (differentKinds(mention, seed) || similarity(mention, seed, weight) < SEED_LINK) continue;
      for (const other of compared) {
        const score = other.sentence === mention.sentence && other.dateText === mention.dateText ? 1 : similarity(mention, other, weight);
        if (score >= bestScore && bestScore < SAME_DEVELOPMENT) {
          bestScore = score;
          best = cluster;
        }
      }
    }
    let target = best;
    if (target) {
      target.members.push(mention);
      if (precisionOf(mention.date) > precisionOf(target.date)) target.date = mention.date;
      if (!target.subject && mention.subject) target.subject = mention.subject;
    } else {
      target = { date: mention.date, members: [mention], terms: new Set(), ...(mention.subject ? { subject: mention.subject } : {}) };
      clusters.push(target);
    }
    if (target.members.length <= MAX_COMPARED) {
      // Each key is listed for the year (read by year-only mentions), the cluster's month and its day.
      const month = target.date.month === undefined ? undefined : scopeOf({ year: target.date.year, month: target.date.month });
      const day = target.date.day === undefined ? undefined : scopeOf(target.date);
      const both = (map: Map<string, Cluster[]>, key: string) => {
        index(map, key, target!);
        if (month) index(map, key + month, target!);
        if (day) index(map, key + day, target!);
      };
      for (const t of mention.terms) {
        if (target.terms.has(t)) continue;
        target.terms.add(t);
        both(byYearTerm, `${mention.date.year}|${target.subject ?? ''}|${t}`);
        both(byYearTerm, `${mention.date.year}|*|${t}`);
      }
      for (const key of developmentKeys(mention)) both(byDevelopment, key);
    }
    yield;
  }
  // A cluster of tellings that cannot stand on their own line is no entry; they only ever cite.
  const events: TimelineEvent[] = [];
  for (const cluster of clusters) {
    if (!cluster.members.some((m) => !m.dependent)) continue;
    events.push(toEvent(cluster));
    yield;
  }
  return events.sort((a, b) => comparePartialDates(a.date, b.date) || a.text.localeCompare(b.text));
}

/** The suffix of index keys that lists clusters of the date's month or day ('' for a bare year). */
function scopeOf(date: PartialDate): string {
  if (date.month === undefined) return '';
  return date.day === undefined ? `|@${date.month}` : `|@${date.month}-${date.day}`;
}

/**
 * Index keys of the developments a mention may share with others (see sameDevelopment): its
 * subject and kind with each name it is related to, and with its month.
 */
function developmentKeys(m: EventMention): string[] {
  if (!m.subject) return [];
  const keys: string[] = [];
  for (const k of m.kinds) {
    const base = `${m.date.year}|${m.subject}|${k}`;
    for (const e of m.related) keys.push(`${base}|${e}`);
    if (m.date.month !== undefined) keys.push(`${base}|@${m.date.month}`);
  }
  return keys;
}

/**
 * The same development told twice: one subject, a kind of development in common ("returned" /
 * "went back"), and a name in common or tied by a role ("recruited by Musk" / "joined Tesla",
 * when Musk's role names Tesla). Two tellings of the same day need no name in common.
 */
function sameDevelopment(a: EventMention, b: EventMention): boolean {
  if (!a.subject || a.subject !== b.subject) return false;
  if (!a.kinds.some((k) => b.kinds.includes(k))) return false;
  // The same day is evidence enough; so is the same month when one telling names nobody else ("she joined").
  const sameMonth = a.date.month !== undefined && a.date.month === b.date.month;
  if (sameMonth && a.date.day !== undefined && a.date.day === b.date.day) return true;
  if (sameMonth && (a.entities.size === 0 || b.entities.size === 0)) return true;
  for (const e of a.entities) if (b.related.has(e)) return true;
  for (const e of b.entities) if (a.related.has(e)) return true;
  return false;
}

/** Both tellings say what kind of development they tell, and the kinds differ: wording alone cannot merge them. */
function differentKinds(a: EventMention, b: EventMention): boolean {
  if (a.kinds.length === 0 || b.kinds.length === 0) return false;
  if (a.date.day !== undefined && a.date.day === b.date.day && a.date.month === b.date.month) return false;
  return !a.kinds.some((k) => b.kinds.includes(k));
}

function rangesCompatible(a: EventMention, b: EventMention): boolean {
  return !a.until || !b.until || datesCompatible(a.until, b.until);
}

function toEvent(cluster: Cluster): TimelineEvent {
  const best = [...cluster.members].sort((a, b) => informativeness(b) - informativeness(a) || a.text.length - b.text.length)[0]!;
  const terms = new Set<string>();
  for (const m of cluster.members) for (const t of m.terms) terms.add(t);
  const until = cluster.members.find((m) => m.until)?.until;
  // One article repeating a sentence (a teaser and its body) is one citation.
  const seen = new Set<string>();
  const mentions = cluster.members.filter((m) => {
    const k = `${m.articleId}|${m.sentence}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return {
    date: cluster.date,
    ...(until ? { until } : {}),
    text: best.text,
    sources: [...new Set(mentions.map((m) => m.outlet))],
    mentions,
    terms,
  };
}

/** A chat line shows this much before it is cut with "...". */
const LINE = 180;

/**
 * How well a telling serves as the entry's one line: a complete clause that names who did
 * what (its subject, a known kind of development, the other names) and says it in full,
 * ideally short enough for one chat line; the date's precision breaks near-ties.
 */
function informativeness(m: EventMention): number {
  const words = m.text.split(/\s+/).length;
  let score = Math.min(m.terms.size, 8) + 2 * Math.min(m.entities.size, 2) + (m.kinds.length > 0 ? 3 : 0) + (m.subject ? 2 : 0) + (m.subjectFirst ? 5 : 0);
  if (words < 5) score -= 6;
  if (m.partial) score -= 20;
  if (m.text.length > LINE) score -= 4 + (m.text.length - LINE) / 20;
  return score + precisionOf(m.date);
}

/** Inverse document frequency of each term over all mentions: names everyone repeats weigh little. */
function termWeights(mentions: EventMention[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const m of mentions) for (const t of m.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, mentions.length);
  const weights = new Map<string, number>();
  // A term in a quarter or more of all mentions (the main person's name) says little about which event it is.
  for (const [t, count] of df) weights.set(t, n >= 8 && count / n >= 0.25 ? COMMON_WEIGHT : Math.log(1 + n / count));
  return weights;
}

/** How alike two term sets are, 0..1: shared weight over the lighter set's weight, or 1 when much is shared. */
function similarity(ma: EventMention, mb: EventMention, weight: Map<string, number>): number {
  const a = ma.terms;
  const b = mb.terms;
  const sameMonth = ma.date.month !== undefined && ma.date.month === mb.date.month && ma.date.year === mb.date.year;
  const sameDay = sameMonth && ma.date.day !== undefined && ma.date.day === mb.date.day;
  let shared = 0;
  let wa = 0;
  let wb = 0;
  let sharedName = false;
  let sharedWord = false;
  for (const t of a) {
    const w = weight.get(t) ?? 0;
    wa += w;
    if (!b.has(t)) continue;
    shared += w;
    if (t.startsWith('#')) sharedName = true;
    else sharedWord = true;
  }
  for (const t of b) wb += weight.get(t) ?? 0;
  if (wa === 0 || wb === 0 || shared < (sameMonth ? MIN_SHARED_SAME_MONTH : MIN_SHARED)) return 0;
  // A shared name and a shared rare word are strong evidence even in long sentences;
  // otherwise judge by how much of the shorter telling is shared.
  if (shared >= ENOUGH_SHARED && sharedName && sharedWord) return 1;
  const share = shared / Math.min(wa, wb);
  // Rescaled so one threshold serves both cases.
  if (sameDay) return Math.min(1, (share * SAME_EVENT) / SAME_EVENT_SAME_DAY);
  return sameMonth ? Math.min(1, (share * SAME_EVENT) / SAME_EVENT_SAME_MONTH) : share;
}
