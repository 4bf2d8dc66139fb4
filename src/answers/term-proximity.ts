import type { StoryVocabulary } from './story-vocabulary';
import { textTerms } from './text-terms';

/**
 * How close together a passage writes what the question asks about. A long sentence can
 * hold every word of a question in different statements ("left OpenAI in 2024 and founded
 * Eureka Labs" for "when was Anthropic founded"); a sentence that says it puts the words in
 * one clause, next to the answer.
 */
export interface ProximityUnit {
  /** How much this unit counts (question words alike, weak words less). */
  weight: number;
  /** The unit's terms (a question term and its synonyms)... */
  terms?: ReadonlySet<string>;
  /** ...or the id of the entity it names. */
  entity?: string;
}

interface Word {
  /** Character offset of the word in the text. */
  start: number;
  terms: string[];
  clause: number;
}

const WORD = /[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*/g;
/** Punctuation between two words that ends a clause. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]|\s-\s|\.\s/;
/** Words that open a new clause or statement. */
const CLAUSE_WORDS = new Set(['and', 'but', 'while', 'whereas', 'which', 'after', 'before', 'then', 'meaning', 'although']);

const cache = new Map<string, Word[]>();
const CACHE_LIMIT = 20_000;

function words(text: string): Word[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const out: Word[] = [];
  let clause = 0;
  let end = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const lower = m[0].toLowerCase();
    if (out.length > 0 && (CLAUSE_BREAK.test(text.slice(end, start)) || CLAUSE_WORDS.has(lower))) clause++;
    out.push({ start, terms: textTerms(lower), clause });
    end = start + m[0].length;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

/** Index of the word at (or just before) a character offset. */
function wordAt(list: Word[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * 0..1. With answer positions (character offsets of the dates, numbers or names that answer
 * the question): the weighted share of question units written in the answer's clause, a
 * unit further away counting less. Without: the share of units present, scaled down when
 * they are spread over many words.
 */
export function proximity(text: string, units: ProximityUnit[], answerPositions: number[], vocabulary: StoryVocabulary): number {
  const list = words(text);
  if (list.length === 0 || units.length === 0) return 0;
  const total = units.reduce((s, u) => s + u.weight, 0);
  if (total === 0) return 0;
  const mentions = units.some((u) => u.entity) ? vocabulary.mentions(text) : [];
  const occurrences = units.map((u): number[] => {
    if (u.entity) return mentions.filter((m) => m.entity.id === u.entity).map((m) => wordAt(list, m.start));
    const out: number[] = [];
    list.forEach((w, i) => {
      if (w.terms.some((t) => u.terms?.has(t))) out.push(i);
    });
    return out;
  });
  if (answerPositions.length > 0) {
    const anchors = answerPositions.map((p) => wordAt(list, p));
    let sum = 0;
    units.forEach((u, i) => {
      let best = 0;
      for (const at of occurrences[i]!) {
        for (const a of anchors) {
          const distance = Math.abs(at - a);
          const closeness = list[at]!.clause === list[a]!.clause ? Math.max(0.6, 1 - distance / 25) : Math.max(0, 0.5 - distance / 30);
          best = Math.max(best, closeness);
        }
      }
      sum += u.weight * best;
    });
    return sum / total;
  }
  // No answer to point at: the smallest window holding one occurrence of every present unit.
  const present = units.map((u, i) => ({ u, at: occurrences[i]! })).filter((x) => x.at.length > 0);
  if (present.length === 0) return 0;
  const share = present.reduce((s, x) => s + x.u.weight, 0) / total;
  const events = present.flatMap((x, k) => x.at.map((at) => ({ at, k }))).sort((a, b) => a.at - b.at);
  const counts = new Array<number>(present.length).fill(0);
  let covered = 0;
  let span = Infinity;
  let left = 0;
  for (const e of events) {
    if (counts[e.k]!++ === 0) covered++;
    while (covered === present.length) {
      const first = events[left]!;
      span = Math.min(span, e.at - first.at + 1);
      if (--counts[first.k]! === 0) covered--;
      left++;
    }
  }
  return share * Math.min(1, (present.length + 4) / span);
}
