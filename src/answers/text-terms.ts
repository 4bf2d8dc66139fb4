import { porterStem } from './porter-stemmer';

/**
 * How questions and passages become comparable terms: lower-case words, hyphenated
 * compounds kept whole and split ("pre-training" -> pretraining, training), irregular
 * past forms mapped to their base ("led" -> lead), then Porter stems. Stop words carry no
 * evidence, so they never become terms.
 */

/** Hedges ("what does X actually do", "who supposedly said"): they do not change what is asked. */
export const HEDGES: readonly string[] = ['supposedly', 'allegedly', 'apparently', 'purportedly', 'seemingly', 'reputedly', 'exactly', 'precisely', 'actually', 'basically', 'really'];

const STOP_WORDS = new Set(
  `a about above after against all am an and any are aren't as at be because been before being below between both but by
  can could did didn't do does doesn't doing don't down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is isn't it it's its itself just let's me more most my myself no nor not now of off on
  once only or other ought our ours ourselves out over own same she should so some such than that that's the their theirs them
  themselves then there these they this those through to too under until up very was wasn't we were what when where which while
  who whom whose why will with won't would you your yours yourself yourselves also then ever yet s t ll ve re d m
  tell please know anyone anything something thing things say said says according reportedly reported report
  per roughly approximately around nearly almost within originally initially besides aside apart instead else mostly mainly ballpark pls plz
  lol lmao lmfao haha someone somebody wait ok okay btw tbh imo stuff ${HEDGES.join(' ')}`.split(/\s+/),
);

/**
 * Words a question needs but that a passage may express in many ways (or not at all, as in
 * "how many people watched"): they count little towards evidence coverage.
 */
const WEAK_WORDS = new Set(
  `people person new many much number get got make made use used go went happen happened thing one first also well just
  currently current today recently recent lately year years time day week month kind lot way
  perform performed conduct conducted carry carried take took latest last past newest recent again done
  coverage piece article supposed well-known wellknown known popular renowned notable celebrated guy
  period stretch span timeframe window`.split(/\s+/),
);

/** Past forms the stemmer cannot relate to their base verb. */
const IRREGULAR_PAST: Record<string, string> = {
  led: 'lead', left: 'leave', taught: 'teach', built: 'build', began: 'begin', begun: 'begin', became: 'become',
  wrote: 'write', written: 'write', said: 'say', saw: 'see', seen: 'see', chose: 'choose', chosen: 'choose',
  grew: 'grow', grown: 'grow', took: 'take', taken: 'take', gave: 'give', given: 'give', brought: 'bring',
  sold: 'sell', went: 'go', gone: 'go', got: 'get', held: 'hold', met: 'meet', bought: 'buy', thought: 'think',
  spent: 'spend', told: 'tell', paid: 'pay', ran: 'run', won: 'win', knew: 'know', known: 'know', drew: 'draw',
  drawn: 'draw', rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', made: 'make', joined: 'join', hired: 'hire',
  studied: 'study', proven: 'prove', came: 'come', felt: 'feel', kept: 'keep', lost: 'lose', sent: 'send', stood: 'stand', struck: 'strike',
};

/** Irregular plurals, comparatives and superlatives, and the past forms above, to their base word. */
const IRREGULAR: Record<string, string> = {
  ...IRREGULAR_PAST,
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
/** Small number words written as digits, so "six CTOs" and "6 CTOs" share a term. */
const NUMBER_DIGITS: Record<string, string> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
};
/** Chat shorthand for plain words ("ppl", "yrs"). */
const SHORTHAND: Record<string, string> = { ppl: 'people', yrs: 'years', yr: 'year', mos: 'months', govt: 'government' };
/** Plural abbreviations the stemmer leaves alone ("CTOs" = CTO, "ICs" = IC). */
const ABBREVIATIONS: Record<string, string> = { ctos: 'cto', ceos: 'ceo', cfos: 'cfo', coos: 'coo', ics: 'ic', llms: 'llm', phds: 'phd', gpus: 'gpu', tpus: 'tpu', ais: 'ai', vps: 'vp' };
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundred', 'thousand', 'million', 'billion', 'trillion']);

/** True for an irregular past form ("went", "led", "took"): a verb, whatever follows it. */
export function isIrregularPast(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(IRREGULAR_PAST, word);
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
  // Possessives and contractions ("Anthropic's", "where'd", "who've", "isn't") carry
  // nothing beyond their first word.
  // A negated auxiliary ("can't", "isn't") is a stop word, as "not" is.
  if (word.endsWith("n't")) return undefined;
  const w = word.replace(/'(?:s|d|ll|ve|re|m)$/, '').replace(/'/g, '');
  if (!w || STOP_WORDS.has(w)) return undefined;
  if (/^\d/.test(w)) return w.replace(/(?<=\d),(?=\d{3})/g, '');
  // "six" and "6" are the same word to a reader.
  const digits = NUMBER_DIGITS[w];
  if (digits) return digits;
  if (NUMBER_WORDS.has(w)) return w;
  const abbreviation = ABBREVIATIONS[w];
  if (abbreviation) return abbreviation;
  const spelled = SHORTHAND[w] ?? w;
  return porterStem(IRREGULAR[spelled] ?? spelled);
}

/** Verbs after which "back" is a return ("went back", "come back", "get back"). */
const MOVES = new Set('go goes going went gone come comes coming came get gets getting got bring brings bringing brought head heads heading headed move moves moving moved turn turns turning turned'.split(' '));
const RETURN_TERM = porterStem('return');

const WEAK_STEMS = new Set([...WEAK_WORDS].map((w) => termOf(w) ?? w));

/** The joined terms of a text's hyphenated words ("barebon" for "bare-bones"): its parts stand for it too. */
export function compoundTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    if (!m[0].includes('-') || /^\d+(?:-\d+)+$/.test(m[0]) || /-wise$/.test(m[0])) continue;
    const joined = termOf(m[0].replace(/-/g, ''));
    if (joined) out.push(joined);
  }
  return out;
}

/** The terms of each word of a text, word by word (empty for a stop word): for checks of word order. */
export function wordTerms(text: string): string[][] {
  return [...text.toLowerCase().matchAll(WORD)].map((m) => textTerms(m[0]));
}

/** Every term of a text, in order; a hyphenated word gives its joined form and its parts. */
export function textTerms(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase().replace(/\u2019/g, "'").replace(/(\d),(\d{3})/g, '$1$2');
  let previous = '';
  for (const m of lower.matchAll(WORD)) {
    const word = m[0];
    const before = previous;
    previous = word;
    // "3-4 years" is a range, two numbers, not the number 34.
    if (/^\d+(?:-\d+)+$/.test(word)) {
      for (const part of word.split('-')) out.push(part);
    } else if (/^\d+(?:\.\d+)?(?:m|mn|b|bn)$/.test(word)) {
      // "$100M", "30bn": the number and the scale as an article writes them ("$100 million").
      out.push(word.replace(/[a-z]+$/, ''), word.endsWith('m') || word.endsWith('mn') ? 'million' : 'billion');
    } else if (word === 'back' && MOVES.has(before)) {
      // "went back", "get back to research": a return, not "backs" (funds) or "the back".
      out.push(RETURN_TERM);
    } else if (/^[a-z]+-wise$/.test(word)) {
      // "enrollment-wise" is "in terms of enrollment": only the first part is asked about.
      const t = termOf(word.slice(0, -5));
      if (t) out.push(t);
    } else if (word.includes('-')) {
      const joined = termOf(word.replace(/-/g, ''));
      if (joined) out.push(joined);
      for (const part of word.split('-')) {
        // Short parts ("ex-", "co-", "re-") say nothing alone.
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

/**
 * The other degrees of an adjective written with -er or -est ("deepest": deep, deeper;
 * "biggest": big, bigger; "earliest": early, earlier), as terms. For question words the
 * corpus never uses: a noun that merely ends so ("interest") then finds nothing to match.
 */
export function degreeForms(term: string): string[] {
  const m = /^([a-z]{3,}?)(?:er|est)$/.exec(term);
  if (!m) return [];
  const stem = m[1]!;
  const bases = new Set([stem, `${stem}e`]);
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) bases.add(stem.slice(0, -1));
  if (stem.endsWith('i')) bases.add(`${stem.slice(0, -1)}y`);
  const forms = new Set<string>();
  for (const word of [...bases, `${stem}er`, `${stem}est`]) {
    const t = termOf(word);
    if (t && t !== term) forms.add(t);
  }
  return [...forms];
}
