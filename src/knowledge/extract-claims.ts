import type { Article } from '../corpus/article';
import type { TermFolder } from './text-terms';

/** A figure an article states, with what it measures. */
export interface ClaimMention {
  /** The figure as written, with its hedge ("about $900 billion", "over $1 trillion", "11%"). */
  value: string;
  /** The figure as a number (dollars, percent points or a count), for telling versions apart. */
  amount: number;
  unit: 'money' | 'percent' | 'count';
  /** What it measures, in the article's words ("valuation", "training time", "experiments"). */
  measure: string;
  /** Comparable term of the measure (synonyms folded), for grouping versions. */
  measureKey: string;
  articleId: string;
  outlet: string;
  title: string;
  url?: string;
  sentence: string;
}

const HEDGE = '(?:(?:about|around|approximately|roughly|nearly|almost|over|more than|less than|under|above|at least|up to|some|surpassed|passed|topped|exceeding|exceeded|close to)\\s+)?';
const SCALE = '(?:\\s*(?:trillion|billion|million|thousand|[kKmMbB]n?)\\b)?';
const MONEY = new RegExp(`${HEDGE}[$€£]\\s?\\d[\\d,]*(?:\\.\\d+)?${SCALE}`, 'gi');
const PERCENT = new RegExp(`${HEDGE}\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|percent\\b)`, 'gi');
const COUNT = new RegExp(`${HEDGE}(?<![\\w$€£.,-])\\d+(?:,\\d{3})*(?:\\.\\d+)?${SCALE}\\s+((?:[a-z][\\w-]*\\s+){0,2}[a-zA-Z][\\w-]*)`, 'g');
/** Words that end the noun a count is of ("700 experiments and ..."). */
const PHRASE_STOP = /^(?:and|or|but|on|in|at|of|for|with|from|to|by|its|his|her|their|the|a|an|that|which|who|within|after|before|into|as|than|per|was|were|is|are|has|have|had)$/i;

/** Money words: the measure of an amount is the one closest to it. */
const MONEY_MEASURES = /\b(valuation|valued|worth|funding round|round|raised?|revenue|sales|signing bonus(?:es)?|bonus(?:es)?|compensation|salary|salaries|pay|package|offers?|market value|investment|price|cost|deal|budget|spending|fine|loss|profit)\b/gi;
const NOT_COUNT_WORDS = /^(?:years?|months?|days?|weeks?|hours?|minutes?|am|pm|of|to|and|or|in|on|at|the|a|an)$/i;
const SCALES: Record<string, number> = { trillion: 1e12, billion: 1e9, bn: 1e9, b: 1e9, million: 1e6, m: 1e6, thousand: 1e3, k: 1e3 };

/** Money, percentages and counts in every sentence of an article. */
export function extractClaims(article: Article, folder: TermFolder): ClaimMention[] {
  const out: ClaimMention[] = [];
  for (const passage of article.passages) {
    const sentence = passage.text;
    if (passage.heading || !/\d/.test(sentence)) continue;
    const taken: Array<[number, number]> = [];
    const add = (value: string, index: number, unit: ClaimMention['unit'], measure: string | undefined) => {
      const end = index + value.length;
      if (!measure || taken.some(([s, e]) => index < e && end > s)) return;
      taken.push([index, end]);
      const measureKey = [...folder.terms(measure)].pop();
      if (!measureKey) return;
      out.push({
        value: value.trim(),
        amount: amountOf(value),
        unit,
        measure: measure.toLowerCase(),
        measureKey,
        articleId: article.id,
        outlet: article.outlet,
        title: article.title,
        ...(article.url ? { url: article.url } : {}),
        sentence,
      });
    };
    for (const m of sentence.matchAll(MONEY)) add(m[0], m.index, 'money', nearestMoneyMeasure(sentence, m.index, m.index + m[0].length));
    for (const m of sentence.matchAll(PERCENT)) add(m[0], m.index, 'percent', percentMeasure(sentence.slice(0, m.index)));
    for (const m of sentence.matchAll(COUNT)) {
      const words: string[] = [];
      for (const w of (m[1] ?? '').split(/\s+/)) {
        if (PHRASE_STOP.test(w)) break;
        words.push(w);
      }
      const phrase = words.filter((w) => !/ly$/.test(w)).join(' ').replace(/[-,]+$/, '');
      const head = phrase.split(/\s+/).pop() ?? '';
      const figure = m[0].slice(0, m[0].length - (m[1] ?? '').length).trim();
      // A year or a date is not a count, nor is "0 comments" on a web page.
      if (/(?:^|\s)(?:1[89]|20)\d{2}$/.test(figure) || amountOf(figure) === 0 || !head || NOT_COUNT_WORDS.test(head) || !/[a-z]/.test(head)) continue;
      add(figure, m.index, 'count', phrase);
    }
  }
  return out;
}

function nearestMoneyMeasure(sentence: string, start: number, end: number): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const m of sentence.matchAll(MONEY_MEASURES)) {
    const distance = m.index >= end ? m.index - end : start - (m.index + m[0].length);
    if (distance < 0) continue;
    if (!best || distance < best.distance) best = { word: m[0], distance };
  }
  return best && best.distance <= 60 ? best.word : undefined;
}

/** "reduced training time by 11%": the two words before the preposition. */
function percentMeasure(before: string): string | undefined {
  const m = /((?:[\p{L}-]+\s+){0,1}[\p{L}-]+)\s+(?:by|at|of|to|from|is|was|were)\s+(?:about\s+|around\s+|nearly\s+)?$/u.exec(before);
  return m?.[1];
}

function amountOf(value: string): number {
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|million|thousand|bn|[kKmMbB])?/i.exec(value);
  if (!m) return Number.NaN;
  const base = Number((m[1] ?? '').replace(/,/g, ''));
  return base * (SCALES[(m[2] ?? '').toLowerCase()] ?? 1);
}
