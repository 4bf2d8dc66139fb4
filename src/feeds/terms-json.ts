import type { Terms } from './development-terms';

/** Characters JSON.stringify may escape (quote, backslash, controls below a space, surrogates); ids and terms almost never hold one. */
const NEEDS_ESCAPE = /["\\\u2028\u2029\ud800-\udfff]|[^ -\uffff]/;

/** A string as JSON text: quoted as it is unless it holds a character JSON.stringify would escape. */
export function jsonText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * Texts already written, so the thousands of cluster rows of a large poll do not quote the
 * same terms and format the same weights again (a few hundred distinct weights, a few
 * thousand terms); each cache starts over when full.
 */
const TERM_OPENINGS = new Map<string, string>();
const WEIGHTS = new Map<number, string>();
const CACHE_MAX = 20_000;

function termOpening(term: string): string {
  let text = TERM_OPENINGS.get(term);
  if (text === undefined) {
    if (TERM_OPENINGS.size >= CACHE_MAX) TERM_OPENINGS.clear();
    text = `[${jsonText(term)},`;
    TERM_OPENINGS.set(term, text);
  }
  return text;
}

function weightText(weight: number): string {
  const rounded = Math.round(weight * 100) / 100;
  let text = WEIGHTS.get(rounded);
  if (text === undefined) {
    if (WEIGHTS.size >= CACHE_MAX) WEIGHTS.clear();
    text = JSON.stringify(rounded);
    WEIGHTS.set(rounded, text);
  }
  return text;
}

/**
 * The same text as `JSON.stringify([[term, weight rounded to 0.01], ...])`, built directly:
 * every cluster an item joins is written again, thousands of times in a large poll.
 */
export function serialiseTerms(terms: Terms): string {
  // Pieces joined once: one flat string, not a rope of a hundred pieces kept until the write.
  const pieces: string[] = [];
  for (const term of terms.keys()) pieces.push(`${termOpening(term)}${weightText(terms.get(term)!)}]`);
  return `[${pieces.join(',')}]`;
}

export function parseTerms(json: string): Terms {
  try {
    return new Map(JSON.parse(json) as Array<[string, number]>);
  } catch {
    return new Map();
  }
}
