import type { IndexedPassage, PassageIndex } from './passage-index';

/** "X wrote on X.", "Y commented:": a statement whose words are in the sentence next to it. */
export const SAYS_WITHOUT_WORDS = /\b(?:wrote|said|posted|tweeted|commented|added|replied|stated)(?: (?:on|in) (?:X|Twitter|Reddit|LinkedIn|a post|a statement))?[.:]$/;

/**
 * The quote that closes right before this sentence, in reading order, from where it opens
 * (at most three sentences back); empty when there is none or its opening is further back.
 */
export function quoteBefore(p: IndexedPassage, index: PassageIndex): IndexedPassage[] {
  const prev = index.neighbour(p, -1);
  return prev && /["\u201d]$/.test(prev.text) ? quoteUpTo(prev, index) : [];
}

/** The earlier sentence of its paragraph where a quote this sentence ends opens ("He will build ... / I can't think ...""). */
export function quoteOpening(p: IndexedPassage, index: PassageIndex): IndexedPassage | undefined {
  const prev = closesQuote(p.text) ? index.neighbour(p, -1) : undefined;
  return prev ? quoteUpTo(prev, index)[0] : undefined;
}

/** True when the sentence ends a quote it never opened: one straight quote mark, or a closing curly one first. */
export function closesQuote(text: string): boolean {
  if (/^["\u201c]/.test(text)) return false;
  const straight = (text.match(/"/g) ?? []).length;
  if (straight % 2 === 1) return true;
  const close = text.indexOf('\u201d');
  const open = text.indexOf('\u201c');
  return close >= 0 && (open < 0 || close < open);
}

/** The sentences of a quote from where it opens to `last` (at most three), or empty when it opens further back. */
function quoteUpTo(last: IndexedPassage, index: PassageIndex): IndexedPassage[] {
  const quote: IndexedPassage[] = [];
  let p: IndexedPassage | undefined = last;
  for (let i = 0; p && i < 3; i++) {
    quote.unshift(p);
    if (/^["\u201c]/.test(p.text)) return quote;
    p = index.neighbour(p, -1);
  }
  return [];
}
