/**
 * The weighted terms by which two reports of one development are recognised. Whole-text
 * similarity of two outlets' versions of one event is low (0.2-0.4); what ties them is
 * shared names, shared figures and a few telling words. So: figures weigh most, proper
 * names next, ordinary words least, and the story's own names (in every item) little.
 */
export type Terms = Map<string, number>;

const STOP = new Set(
  ('the a an and or but if of to in on at by for with from into over after before about as is are was were be been being has have had do does did ' +
    'this that these those it its he she they them his her their we you our your i me my not no so than then there here what which who whom whose when where why how ' +
    'will would can could should may might must shall also just more most less many much some any all each every other such only own same very too new says said say ' +
    'one two three first last year years week weeks day days today yesterday tomorrow now time times according report reports reported via per up out off down').split(' '),
);

const NUMBER = /([$€£])?\s?(\d[\d,]*(?:\.\d+)?)\s?(%|percent\b|per cent\b|billion\b|bn\b|million\b|mn\b|thousand\b|trillion\b|[kmb]\b)?/giu;
const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu;
const SCALE: Record<string, string> = { billion: 'b', bn: 'b', b: 'b', million: 'm', mn: 'm', m: 'm', thousand: 'k', k: 'k', trillion: 't', percent: '%', 'per cent': '%', '%': '%' };

/** Keeps the strongest terms only: enough to recognise a development, cheap to compare. */
export const MAX_ITEM_TERMS = 24;
export const MAX_CLUSTER_TERMS = 48;

export function developmentTerms(title: string, summary: string, nameWords: ReadonlyMap<string, number>): Terms {
  const terms: Terms = new Map();
  const text = summary.length > 800 ? summary.slice(0, 800) : summary;
  addTerms(terms, title, 1.5, nameWords);
  addTerms(terms, text, 1, nameWords);
  return strongest(terms, MAX_ITEM_TERMS);
}

function add(terms: Terms, term: string, weight: number): void {
  terms.set(term, (terms.get(term) ?? 0) + weight);
}

/**
 * One part's figures and words, weighed by `factor`. The patterns are run with `exec` on
 * their own `lastIndex` rather than `matchAll`, which copies the pattern on every call
 * (neither matches the empty string, so each step moves on).
 */
function addTerms(terms: Terms, part: string, factor: number, nameWords: ReadonlyMap<string, number>): void {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(part); m; m = NUMBER.exec(part)) {
    const digits = (m[2] ?? '').replace(/,/g, '');
    const n = Number(digits);
    if (!Number.isFinite(n)) continue;
    const isYear = !m[1] && !m[3] && /^(19|20)\d\d$/.test(digits);
    if (!m[1] && !m[3] && !isYear && n < 10) continue; // "2 things", "5 ways"
    const unit = m[3] ? SCALE[m[3].toLowerCase()] ?? '' : '';
    add(terms, `#${digits}${unit}`, (isYear ? 0.5 : 3) * factor);
  }
  const words = wordsOf(nameWords);
  let first = true;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(part); m; m = WORD.exec(part)) {
    const word = wordInfo(words, m[0], nameWords);
    const isFirst = first;
    first = false;
    if (word.key === undefined) continue;
    if (word.storyName !== undefined) add(terms, word.key, word.storyName * factor);
    else if (word.upper && !startsSentence(part, m.index, isFirst)) add(terms, word.key, 2 * factor);
    else add(terms, word.key, factor);
  }
}

/** What a word as written comes to, whatever its place: its term (none for a short or stop word), its story-name weight, its capital. */
interface WordInfo {
  key: string | undefined;
  storyName: number | undefined;
  upper: boolean;
}

const SKIPPED: WordInfo = { key: undefined, storyName: undefined, upper: false };
/** Words already looked at, per story (its name words): news repeats its vocabulary, so most words are met again. */
const WORDS = new WeakMap<ReadonlyMap<string, number>, Map<string, WordInfo>>();
const WORDS_MAX = 50_000;

function wordsOf(nameWords: ReadonlyMap<string, number>): Map<string, WordInfo> {
  let words = WORDS.get(nameWords);
  if (!words) WORDS.set(nameWords, (words = new Map()));
  return words;
}

function wordInfo(words: Map<string, WordInfo>, word: string, nameWords: ReadonlyMap<string, number>): WordInfo {
  let info = words.get(word);
  if (info === undefined) {
    // Possessive 's dropped (checked by hand, not by a pattern per word).
    const raw = word.length > 2 && (word.endsWith("'s") || word.endsWith('’s')) ? word.slice(0, -2) : word;
    const lower = raw.toLowerCase();
    info = lower.length < 3 || STOP.has(lower) ? SKIPPED : { key: stem(lower), storyName: nameWords.get(lower), upper: startsUpper(raw) };
    if (words.size >= WORDS_MAX) words.clear();
    words.set(word, info);
  }
  return info;
}

/** Whether the word at `at` starts a sentence: the part's first word, or one after ". ", "!", "? ", ":" (punctuation, then at most one space). */
function startsSentence(part: string, at: number, isFirst: boolean): boolean {
  if (isFirst) return true;
  const c1 = at > 0 ? part.charCodeAt(at - 1) : 0;
  return isSentenceEnd(c1) || (at > 1 && isSpace(c1) && isSentenceEnd(part.charCodeAt(at - 2)));
}

function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3a; // . ! ? :
}

const SPACE = /\s/;
function isSpace(code: number): boolean {
  if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d) return true;
  return code > 0x7f || code === 0x0b || code === 0x0c ? SPACE.test(String.fromCharCode(code)) : false;
}

const UPPER = /^\p{Lu}/u;
function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return UPPER.test(word);
}

/** Folds plurals and common endings so "hires"/"hired"/"hiring" meet. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 5 && word.endsWith('ed') && !word.endsWith('eed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The `max` heaviest terms, heaviest first; a map no larger than `max` is returned as it is. */
export function strongest(terms: Terms, max: number): Terms {
  return terms.size <= max ? terms : new Map(heaviest(terms, max));
}

/**
 * The `max` heaviest terms of at least `minWeight`, heaviest first, equal weights in their
 * order in `terms`: what a stable sort by weight and a cut would give, chosen by insertion
 * into a short list instead (most terms are lighter than the list's last and are passed
 * over at once).
 */
export function heaviest(terms: Terms, max: number, minWeight = -Infinity): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const term of terms.keys()) {
    const w = terms.get(term)!;
    if (w < minWeight || (out.length === max && out[max - 1]![1] >= w)) continue;
    let at = out.length;
    while (at > 0 && out[at - 1]![1] < w) at--;
    out.splice(at, 0, [term, w]);
    if (out.length > max) out.pop();
  }
  return out;
}

export function norm(terms: Terms): number {
  let sum = 0;
  for (const w of terms.values()) sum += w * w;
  return Math.sqrt(sum);
}

/** Cosine similarity of two weighted term sets (0..1). */
export function similarity(a: Terms, normA: number, b: Terms, normB: number): number {
  if (normA === 0 || normB === 0) return 0;
  // The smaller set is walked and looked up in the larger (the first when equal).
  return (a.size <= b.size ? dot(a, b) : dot(b, a)) / (normA * normB);
}

function dot(small: Terms, large: Terms): number {
  let sum = 0;
  // Keys, then the weight of a shared one: no [term, weight] pair (or closure) per term in
  // the hottest loop of clustering.
  for (const term of small.keys()) {
    const other = large.get(term);
    if (other !== undefined) sum += small.get(term)! * other;
  }
  return sum;
}
