import type { IndexedPassage, PassageIndex } from './passage-index';

/** "X wrote on X.", "Y commented:": a statement whose words are in the sentence next to it. */
export const SAYS_WITHOUT_WORDS = /\b(?:wrote|said|posted|tweeted|commented|added|replied|stated)(?: (?:on|in) (?:X|Twitter|Reddit|LinkedIn|a post|a statement))?[.:]$/;

/**
 * The quote that closes right before this sentence, in reading order, from where it opens
 * (at most three sentences back); empty when there is none or its opening is further back.
 */
export function quoteBefore(p: IndexedPassage, index: PassageIndex): IndexedPassage[] {
  const quote: IndexedPassage[] = [];
  let prev = index.neighbour(p, -1);
  if (!prev || !/["\u201d]$/.test(prev.text)) return [];
  for (let i = 0; prev && i < 3; i++) {
    quote.unshift(prev);
    if (/^["\u201c]/.test(prev.text)) return quote;
    prev = index.neighbour(prev, -1);
  }
  return [];
}
