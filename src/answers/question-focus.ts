import { termOf, textTerms } from './text-terms';

/**
 * The thing a question is about, beyond its words: modifiers it puts on a noun ("the small
 * model"), and for a naming question the thing whose name is asked ("what is X's lecture
 * series called"). A sentence that puts another modifier on that noun ("a larger model")
 * states a fact about something else, however many of the question's words it shares.
 */

/** A modifier the question writes right before a noun. */
export interface FocusModifier {
  /** Term of the modifier ("small"). */
  modifier: string;
  /** Terms of modifiers that contradict it ("larg", "bigger"...). */
  contrary: ReadonlySet<string>;
  /** Term of the noun it modifies ("model"). */
  noun: string;
}

/** Pairs of words that say opposite things of the same noun. */
const CONTRARIES: Array<[string, string]> = [
  ['small smaller smallest tiny little', 'large larger largest big bigger biggest huge'],
  ['first', 'second third last latest final'],
  ['old older oldest former previous earlier', 'new newer newest current latest'],
  ['junior', 'senior'],
  ['public', 'private'],
  ['short shorter', 'long longer'],
  ['early earlier', 'late later'],
  ['open', 'closed'],
  ['domestic', 'foreign international'],
  ['undergraduate undergrad', 'graduate postgraduate doctoral phd'],
];

const CONTRARY_OF = new Map<string, Set<string>>();
for (const [a, b] of CONTRARIES) {
  const left = textTerms(a);
  const right = textTerms(b);
  for (const t of left) CONTRARY_OF.set(t, new Set([...(CONTRARY_OF.get(t) ?? []), ...right.filter((x) => !left.includes(x))]));
  for (const t of right) CONTRARY_OF.set(t, new Set([...(CONTRARY_OF.get(t) ?? []), ...left.filter((x) => !right.includes(x))]));
}

const WORD = /[a-z0-9]+(?:['-][a-z0-9]+)*/g;

/** Modifier + noun pairs of the question whose modifier has a known contrary. */
export function focusModifiers(lower: string): FocusModifier[] {
  const words = [...lower.matchAll(WORD)].map((m) => m[0]);
  const out: FocusModifier[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const modifier = termOf(words[i]!);
    const noun = termOf(words[i + 1]!);
    if (!modifier || !noun) continue;
    const contrary = CONTRARY_OF.get(modifier);
    if (contrary && !CONTRARY_OF.has(noun)) out.push({ modifier, contrary, noun });
  }
  return out;
}

/**
 * True when the passage writes a contrary modifier right before the noun (or one word
 * before it: "a larger language model") and never the question's own.
 */
export function contradictsModifier(text: string, modifiers: readonly FocusModifier[], synonymsOf: (term: string) => ReadonlySet<string>): boolean {
  if (modifiers.length === 0) return false;
  const terms = [...text.toLowerCase().matchAll(WORD)].map((m) => termOf(m[0]) ?? '');
  for (const f of modifiers) {
    const nouns = new Set([f.noun, ...synonymsOf(f.noun)]);
    let same = false;
    let other = false;
    terms.forEach((t, i) => {
      if (!nouns.has(t)) return;
      const before = terms.slice(Math.max(0, i - 2), i);
      if (before.includes(f.modifier) || before.some((b) => synonymsOf(f.modifier).has(b))) same = true;
      else if (before.some((b) => f.contrary.has(b))) other = true;
    });
    if (other && !same) return true;
  }
  return false;
}

/** Words that end the noun phrase being named ("model trained by ...", "series called"). */
const PHRASE_END = /^(?:trained|built|made|by|of|that|which|where|whereby|when|who|whose|using|be|been|being|called|named|dubbed|titled|termed|known|at|in|for|from|again|is|was|were|are|will|would|going|to|on|with|he|she|they|we|you|i|it)$/;

/**
 * For a naming question ("what's X's lecture series called?", "what will the first model
 * ... be called?", "what is the name of ..."), the term of the thing whose name is asked.
 */
export function namedThing(lower: string): string | undefined {
  // "What did he call his method of ...": the thing is what follows "call".
  const naming =
    /^what(?:'s| is| was| are| were| will| would)? (.+?) (?:be |been |being )?(?:called|named|dubbed|titled|termed)\b/.exec(lower) ??
    /^what (?:did|does|do|would|will) (?:[\w'-]+ ){1,3}(?:call|name|dub) (?:(?:his|her|their|its|the|this|that) |(?=[\w-]+ing\b))((?:[\w-]+ ?){1,4})/.exec(lower) ??
    // "What's his name for the method where ...".
    /^what(?:'s| is| was) (?:his|her|their|its|the|[\w-]+['\u2019]s) (?:name|term|word|label) for (?:the |his |her |their |a |an |this |that )?((?:[\w-]+ ?){1,4})/.exec(lower) ??
    // "What name did he give his method", "what label does he use for his aim".
    /^what (?:name|term|label|title|nickname) (?:did|does|do|has|have|would|will) (?:[\w'-]+ ){1,3}(?:give|use|pick|choose|apply|put) (?:to |for |on )?(?:his|her|their|its|the|this|that) ((?:[\w-]+ ?){1,4})/.exec(lower);
  if (!naming?.[1]) return undefined;
  // "What did he call letting an agent tune the code": a way of doing something is named.
  if (/\b(?:call|name|dub) (?!\w*thing\b|(?:king|ring|string|spring|building|meeting|morning|evening|training|learning|reasoning)\b)[\w-]+ing\b/.test(naming[0])) return textTerms('method')[0];
  const words = naming[1].trim().replace(/^(?:the|a|an|his|her|their|its) /, '').split(' ');
  const phrase: string[] = [];
  for (const w of words) {
    if (PHRASE_END.test(w)) break;
    // "karpathy's lecture series": the owner is not the thing.
    if (/['\u2019]s?$/.test(w)) {
      phrase.length = 0;
      continue;
    }
    phrase.push(w);
  }
  const last = phrase.at(-1);
  return last ? textTerms(last).at(-1) : undefined;
}

/**
 * Verbs that state the same change of affiliation: an article writes "followed Leike to
 * Anthropic" or "landed at Anthropic" for joining it. A question's verb is matched by any
 * verb of its class; a verb of another class ("exits" for "join") states another event.
 */
const VERB_CLASSES = [
  'join joined joins joining become became becomes rejoin rejoined move moved moves land landed lands follow followed follows arrive arrived hire hired hires recruit recruited sign signed poach poached bring brought defect defected switch switched go went come came return returned returns',
  'leave left leaves leaving quit quits depart departed departs departure exit exited exits resign resigned resigns',
  'found founded founds cofound cofounded co-found co-founded start started starts establish established launch launched create created set build built',
].map((c) => new Set(textTerms(c)));

/** Terms of the verbs that state the same event as the verb with this term (itself at least). */
export function verbClass(term: string): ReadonlySet<string> {
  return VERB_CLASSES.find((c) => c.has(term)) ?? new Set([term]);
}

/** Verbs of a change in one direction: "by how much did X drop" is not answered by a rise. */
const CHANGE_CLASSES = [
  'drop dropped drops fall fell falls decline declined declines cut cuts reduce reduced reduces lower lowered shrink shrank slash slashed dip dipped decrease decreased',
  'rise rose rises grow grew grows increase increased increases jump jumped climb climbed boost boosted raise raised surge surged',
].map((c) => new Set(textTerms(c)));

/** For "by how much/many did X <change>", the terms of verbs stating that change; else undefined. */
export function askedChange(lower: string): ReadonlySet<string> | undefined {
  if (!/^(?:by )?how much\b|^by how many\b/.test(lower)) return undefined;
  // "How much money is it trying to raise": raising money is a funding round, not a change.
  const funding = /\b(?:money|funding|round|capital|investment|investors?|valuation)\b/.test(lower);
  for (const w of lower.match(WORD) ?? []) {
    const t = termOf(w);
    if (funding && /^rais/.test(w)) continue;
    const found = t ? CHANGE_CLASSES.find((c) => c.has(t)) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** "studies at Stanford": a noun the question ties to a name by at/in/from. */
export interface PlacedNoun {
  noun: string;
  /** Lower-case name as the question writes it ("stanford"). */
  place: string;
}

export function placedNouns(text: string): PlacedNoun[] {
  const out: PlacedNoun[] = [];
  for (const m of text.matchAll(/\b([a-z]+) (?:at|in|from) (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*)*)/g)) {
    const noun = termOf(m[1]!);
    if (noun) out.push({ noun, place: m[2]!.toLowerCase() });
  }
  return out;
}

/**
 * True when the passage ties the noun to another name ("undergraduate studies at the
 * University of Toronto" for "studies at Stanford") and never near the asked one.
 */
export function contradictsPlace(text: string, placed: readonly PlacedNoun[]): boolean {
  for (const f of placed) {
    let other = false;
    let same = false;
    for (const m of text.matchAll(/\b([a-z]+)((?: [a-z]+){0,2}) (?:at|in|from) (?:the )?([A-Z][\w-]*(?: (?:of )?[A-Z][\w-]*)*)/g)) {
      const terms = [m[1]!, ...m[2]!.trim().split(' ')].filter(Boolean).map((w) => termOf(w));
      if (!terms.includes(f.noun)) continue;
      if (m[3]!.toLowerCase().includes(f.place)) same = true;
      else other = true;
    }
    if (other && !same) return true;
  }
  return false;
}

/** An organisation written as who does the question's verb, and that verb's term when read. */
export interface ActingOrganisation {
  id: string;
  verb?: string;
}

/** Organisations written as who does the question's verb ("did OpenAI bring", "OpenAI is negotiating"). */
export function actingOrganisations<T extends { entity: { id: string; kind: string }; start: number; length: number }>(text: string, mentions: readonly T[]): ActingOrganisation[] {
  const out: ActingOrganisation[] = [];
  for (const m of mentions) {
    if (m.entity.kind !== 'organisation') continue;
    const after = text.slice(m.start + m.length);
    const asked = /\b(?:did|does|do|will|would|has|have|had|is|was|are|were)\s+$/i.test(text.slice(0, m.start));
    if (!asked && !/^\s+(?:is|was|are|were|has|had|will)\s+(?:\w+ly\s+)?\w+(?:ing|ed)\b/i.test(after)) continue;
    const verb = /^\s+(?:(?:get|got|be|been|being|is|was|are|were|has|had|will|first|originally|\w+ly)\s+)*([a-z]+)/i.exec(after)?.[1];
    const term = verb ? termOf(verb.toLowerCase()) : undefined;
    out.push({ id: m.entity.id, ...(term ? { verb: term } : {}) });
  }
  return out;
}

/**
 * True when every use of the verb class in the text has a person right before it as its
 * doer ("Karpathy formally started at Anthropic" for "when did Anthropic get started").
 */
export function personDoesVerb(text: string, family: ReadonlySet<string>, personEnds: readonly number[]): boolean {
  const words = [...text.matchAll(/[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*/g)];
  const uses = words.map((w, i) => ({ w, i })).filter(({ w }) => family.has(termOf(w[0].toLowerCase()) ?? ''));
  if (uses.length === 0) return false;
  return uses.every(({ w, i }) => {
    const prev = words.slice(Math.max(0, i - 3), i);
    if (prev.some((p) => /^(?:he|she|they)$/i.test(p[0]))) return true;
    const from = prev[0]?.index ?? w.index ?? 0;
    return personEnds.some((end) => end >= from && end <= (w.index ?? 0) && !/[.;:,]/.test(text.slice(end, w.index ?? 0)));
  });
}

/**
 * True when a word of `family` stands within `window` words of one of the character
 * offsets (where the organisation is named) with no sentence break between: "followed
 * Leike to Anthropic", not "The move pauses ... at OpenAI".
 */
export function verbNear(text: string, family: ReadonlySet<string>, offsets: readonly number[], window = 6): boolean {
  const words = [...text.matchAll(/[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*/g)];
  const at = (offset: number) => words.findIndex((w) => (w.index ?? 0) + w[0].length > offset);
  const targets = offsets.map(at).filter((i) => i >= 0);
  return words.some((w, i) => {
    const t = termOf(w[0].toLowerCase().replace(/\u2019/g, "'"));
    return t !== undefined && family.has(t) && targets.some((j) => Math.abs(j - i) <= window);
  });
}

/** "now", "currently", "these days": the question asks for the present state. */
export const ASKS_PRESENT = /\b(?:now|currently|current|nowadays|these days|at the moment|today|right now)\b/i;
/** A sentence told as history: "later led", "previously ran", "formerly", "used to", "former". */
const PAST_MARK = /\b(?:later|previously|formerly|earlier|once|used to|had been|at the time|back then|then)\b/i;
const PRESENT_MARK = /\b(?:now|currently|is|are|has joined|have joined|joins|leads|heads|runs|reports|reporting|this week|today)\b/i;

/** True when the sentence tells history and nothing of the present state. */
export function onlyPast(text: string): boolean {
  return PAST_MARK.test(text) && !PRESENT_MARK.test(text);
}

/** Terms of the verbs that found or start an organisation. */
export const FOUNDING = verbClass('found');

/**
 * True when the text writes the organisation named at one of `spans` as the thing founded
 * or started: its object ("founded Anthropic", "set up the lab") or the subject of the
 * passive ("Anthropic, which was founded", "Anthropic itself was started"), never the place
 * where someone started ("Karpathy started at Anthropic").
 */
export function writtenAsFounded(text: string, spans: ReadonlyArray<{ start: number; length: number }>): boolean {
  const isFounding = (word: string | undefined) => word !== undefined && FOUNDING.has(termOf(word.toLowerCase().replace(/^co-?/, '')) ?? '');
  return spans.some(({ start, length }) => {
    const after = /^(?:['\u2019]s)?\s*,?\s*(?:(?:which|that|was|were|is|are|has|have|had|been|being|originally|first|itself|jointly|formally|officially|only|just)\s+)*([A-Za-z-]+)/.exec(text.slice(start + length));
    const passive = after !== null && /\b(?:was|were|is|are|been|being)\s/.test(after[0]) && isFounding(after[1]);
    const possessive = after !== null && /^['\u2019]s/.test(after[0]) && isFounding(after[1]);
    const before = /\b([A-Za-z-]+)\s+(?:up\s+)?(?:the\s+)?$/.exec(text.slice(0, start));
    return passive || possessive || isFounding(before?.[1]);
  });
}

/** "Why did he say ...", "why does X think ...": asks for the reason a named speaker gave. */
export const ASKS_SPEAKERS_REASON = /^why (?:did|does|do|would|has|had) (\S+) (?:say|said|tell|told|claim|argue|think|believe|write|call|describe|feel|explain)\b/i;
const SPEECH = /\b(?:said|says|say|told|tells|cited|cites|citing|framed|frames|argued|argues|wrote|writes|explained|explains|called|calls|described|describes|noted|notes|believes|believed|thinks|thought|posted|added|stated)\b/gi;

/**
 * True when a speech verb in the text has one of the asked speakers (named at `spans`) or
 * a he/she as its doer, a few words before it ("Karpathy himself cited ..."), not someone
 * else ("some commenters argued that Karpathy's output ...").
 */
export function speakerSays(text: string, spans: ReadonlyArray<{ start: number; length: number }>): boolean {
  for (const m of text.matchAll(SPEECH)) {
    const at = m.index ?? 0;
    const before = text.slice(0, at);
    if (/\b(?:he|she)\s+(?:\w+\s+)?$/i.test(before)) return true;
    // "X said", "X has said", "X has publicly said", "X, the CEO, said".
    if (spans.some((s) => s.start + s.length <= at && /^(?:['\u2019]s)?\s*(?:,[^,]{0,40},\s*)?(?:(?:has|had|have)\s+)?(?:\w+\s+){0,1}$/.test(text.slice(s.start + s.length, at)))) return true;
  }
  return false;
}

/**
 * For "by how much/many did X grow", the difference when the sentence states the change as
 * "from N1 <unit> ... to N2": the coverage gives both ends, the asked figure is their gap.
 * Undefined when the sentence words it otherwise or the figures are not whole numbers.
 */
export function statedDifference(text: string, head: string | undefined): string | undefined {
  const m = /\bfrom (\d[\d,]*)(?: ([a-z-]+))?[^.;:]{0,40}? to (\d[\d,]*)(?: ([a-z-]+))?/i.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]!.replace(/,/g, ''));
  const b = Number(m[3]!.replace(/,/g, ''));
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a === b) return undefined;
  const unit = [m[2], m[4]].find((w) => w !== undefined && head !== undefined && termOf(w.toLowerCase()) === head);
  if (head !== undefined && unit === undefined) return undefined;
  return `From ${m[1]} to ${m[3]} is ${b > a ? 'a rise' : 'a fall'} of ${Math.abs(b - a).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}.`;
}
