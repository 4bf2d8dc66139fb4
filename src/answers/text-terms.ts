import { porterStem } from './porter-stemmer';

/**
 * How questions and passages become comparable terms: lower-case words, hyphenated
 * compounds kept whole and split ("pre-training" -> pretraining, training), irregular
 * past forms mapped to their base ("led" -> lead), then Porter stems. Stop words carry no
 * evidence, so they never become terms.
 */

const STOP_WORDS = new Set(
  `a about above after against all am an and any are aren't as at be because been before being below between both but by
  can could did didn't do does doesn't doing don't down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is isn't it it's its itself just let's me more most my myself no nor not now of off on
  once only or other ought our ours ourselves out over own same she should so some such than that that's the their theirs them
  themselves then there these they this those through to too under until up very was wasn't we were what when where which while
  who whom whose why will with won't would you your yours yourself yourselves also then ever yet s t ll ve re d m
  tell please know anyone anything something thing things say said says according reportedly reported report`.split(/\s+/),
);

/**
 * Words a question needs but that a passage may express in many ways (or not at all, as in
 * "how many people watched"): they count little towards evidence coverage.
 */
const WEAK_WORDS = new Set(
  `people person new many much number get got make made use used go went happen happened thing one first also well just
  really actually exactly currently current today recently recent year years time day week month kind lot way
  perform performed conduct conducted carry carried take took latest last newest recent again`.split(/\s+/),
);

/** Past forms the stemmer cannot relate to their base verb. */
const IRREGULAR: Record<string, string> = {
  led: 'lead', left: 'leave', taught: 'teach', built: 'build', began: 'begin', begun: 'begin', became: 'become',
  wrote: 'write', written: 'write', said: 'say', saw: 'see', seen: 'see', chose: 'choose', chosen: 'choose',
  grew: 'grow', grown: 'grow', took: 'take', taken: 'take', gave: 'give', given: 'give', brought: 'bring',
  sold: 'sell', went: 'go', gone: 'go', got: 'get', held: 'hold', met: 'meet', bought: 'buy', thought: 'think',
  spent: 'spend', told: 'tell', paid: 'pay', ran: 'run', won: 'win', knew: 'know', known: 'know', drew: 'draw',
  drawn: 'draw', rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', made: 'make', joined: 'join', hired: 'hire',
  studied: 'study', felt: 'feel', kept: 'keep', lost: 'lose', sent: 'send', stood: 'stand', struck: 'strike',
  men: 'man', women: 'woman', children: 'child',
  // Comparatives and superlatives: "a bigger model" is written "a larger model", "faster" as
  // "in less time"; the stemmer leaves -er/-est alone, so they meet their base word here.
  bigger: 'big', biggest: 'big', larger: 'large', largest: 'large', faster: 'fast', fastest: 'fast',
  quicker: 'quick', quickest: 'quick', slower: 'slow', slowest: 'slow', smaller: 'small', smallest: 'small',
  higher: 'high', highest: 'high', greater: 'great', greatest: 'great', longer: 'long', longest: 'long',
  shorter: 'short', shortest: 'short', cheaper: 'cheap', cheapest: 'cheap', older: 'old', oldest: 'old',
  younger: 'young', youngest: 'young', stronger: 'strong', strongest: 'strong', richer: 'rich', richest: 'rich',
};

export interface Token {
  /** The word as written, lower-case (hyphens kept). */
  word: string;
  /** Its comparable form (stem), or undefined for a stop word. */
  term?: string;
}

const WORD = /[a-z0-9]+(?:['-][a-z0-9]+)*/g;
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundred', 'thousand', 'million', 'billion', 'trillion']);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

export function isWeakTerm(term: string): boolean {
  return WEAK_STEMS.has(term);
}

/** The comparable form of one lower-case word (no hyphens), or undefined for a stop word. */
export function termOf(word: string): string | undefined {
  // Indexing a large story stems the same few tens of thousands of words millions of times.
  const known = TERM_CACHE.get(word);
  if (known !== undefined) return known || undefined;
  const term = computeTerm(word);
  if (TERM_CACHE.size >= TERM_CACHE_LIMIT) TERM_CACHE.clear();
  TERM_CACHE.set(word, term ?? '');
  return term;
}

/** word -> term ('' for a stop word); bounded so odd input cannot grow it without end. */
const TERM_CACHE = new Map<string, string>();
const TERM_CACHE_LIMIT = 200_000;

function computeTerm(word: string): string | undefined {
  const w = word.replace(/'s$/, '').replace(/'/g, '');
  if (!w || STOP_WORDS.has(w)) return undefined;
  if (/^\d/.test(w)) return w.replace(/(?<=\d),(?=\d{3})/g, '');
  if (NUMBER_WORDS.has(w)) return w;
  return porterStem(IRREGULAR[w] ?? w);
}

const WEAK_STEMS = new Set([...WEAK_WORDS].map((w) => termOf(w) ?? w));

/** Every term of a text, in order; a hyphenated word gives its joined form and its parts. */
export function textTerms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/(\d),(\d{3})/g, '$1$2');
  for (const m of lower.matchAll(WORD)) {
    const word = m[0];
    if (word.includes('-')) {
      const joined = termOf(word.replace(/-/g, ''));
      if (joined) out.push(joined);
      for (const part of word.split('-')) {
        const t = part.length >= 3 ? termOf(part) : undefined;
        if (t && t !== joined) out.push(t);
      }
    } else {
      const t = termOf(word);
      if (t) out.push(t);
    }
  }
  return out;
}
