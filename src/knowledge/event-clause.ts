import type { DateMention } from './find-dates';
import type { NamedEntity, StoryNames } from './story-names';

/**
 * Commentary words in the part of a clause before its date: the clause argues about the event
 * ("the damage is smaller than headlines suggest, since ... in early 2024") instead of telling it.
 */
const COMMENTARY = /\b(?:argu(?:es|ed|ing)|suggests?|suggested|symbolic|headlines|logic|lesson|illustrat(?:es|ed)|proves?|in other words|(?:is|was|are|were) (?:smaller|larger|bigger|greater|less|more) than)\b/i;
/** Where a factual clause starts inside commentary. */
const FACT_OPENER = /\b(?:since|because|given that|as|when)\s+/gi;
/** "his 2017 move": the date only qualifies a noun, nothing is told. */
const DATED_NOUN = /^(?:his|her|its|their|the|a|an|this|that)\s+(?:\S+\s+){0,1}$/i;

/** What became of a clause: the text to tell, or nothing when it tells no event. */
export interface ClauseReading {
  clause: string;
  /** True for a clause that needed its subject or object filled in, or stays partial: other tellings read better. */
  partial: boolean;
}

/**
 * Turns the clause around a date into one that tells the event, or undefined when there is
 * none: commentary keeps only its factual part ("since OpenAI lost him in early 2024"); a
 * relative clause gets its antecedent back ("which Nimbus hired in 2019" after "Ada Quill," reads
 * "Nimbus hired Ada Quill in 2019"); a clause cut after "and" or "later" gets its subject back.
 */
export function readClause(clause: string, sentence: string, mention: DateMention, subject: NamedEntity | undefined, names: StoryNames): ClauseReading | undefined {
  const at = clause.indexOf(mention.text);
  if (at >= 0 && COMMENTARY.test(clause.slice(0, at))) {
    let fact: string | undefined;
    for (const m of clause.slice(0, at).matchAll(FACT_OPENER)) fact = clause.slice(m.index + m[0].length);
    if (!fact || DATED_NOUN.test(fact.slice(0, fact.indexOf(mention.text)))) return undefined;
    const lead = names.findNamed(fact)[0];
    if (!(lead?.index === 0 || /^(?:he|she|they)\b/i.test(fact))) return undefined;
    return { clause: fact, partial: false };
  }
  const relative = /^(which|whom|who|whose)\s+/i.exec(clause);
  if (relative) {
    const at = sentence.indexOf(clause);
    const repaired = at > 0 ? withAntecedent(clause.slice(relative[0].length), relative[1]!.toLowerCase(), sentence.slice(0, at), names) : undefined;
    return repaired ? { clause: repaired, partial: false } : { clause, partial: true };
  }
  const continuation = /^(?:(?:and|but|then)\s+)+|^(?=(?:later|briefly|also)\s)/i.exec(clause);
  if (continuation && subject) {
    const rest = clause.slice(continuation[0].length);
    const end = rest.indexOf(',', rest.indexOf(mention.text) + mention.text.length);
    const short = subject === names.mainPerson ? (names.mainPersonShort ?? subject.name) : subject.name;
    return { clause: `${short} ${end > 0 ? rest.slice(0, end) : rest}`, partial: true };
  }
  return { clause, partial: false };
}

/**
 * "Lab X, which Ada co-founded in 2015 and left in 2020, ..." -> "Ada co-founded Lab X in 2015
 * and left in 2020": the relative clause up to its closing comma, with the name before it put
 * back after the first verb. Undefined when the sentence gives no name to put back.
 */
function withAntecedent(rest: string, pronoun: string, before: string, names: StoryNames): string | undefined {
  const antecedent = names.findNamed(before.replace(/[,\s]+$/, '')).pop();
  if (!antecedent || before.length - antecedent.index > antecedent.entity.name.length + 12) return undefined;
  const name = before.slice(antecedent.index).replace(/[,\s]+$/, '');
  const body = rest.split(/,\s+/)[0]!;
  if (pronoun === 'who') return `${name} ${body}`;
  if (pronoun !== 'which' && pronoun !== 'whom') return undefined;
  // "which <subject> <adverb>? <verb> ...": the antecedent is the verb's object.
  const m = /^((?:[\p{Lu}@][\p{L}\p{N}'-]*\s+){1,3}|(?:he|she|they)\s+)((?:[a-z]+ly\s+)?[a-z-]+)\b/u.exec(body);
  if (!m) return undefined;
  return `${m[1]}${m[2]} ${name}${body.slice(m[0].length)}`;
}

/**
 * The comma-separated piece of a parenthesis holding the date ("(co-founded 2015, returned
 * 2023)"), when the parenthesis says more than the date; such a piece lacks its subject.
 */
export function parentheticalPiece(sentence: string, mention: DateMention): string | undefined {
  const open = sentence.lastIndexOf('(', mention.index);
  if (open < 0) return undefined;
  const close = sentence.indexOf(')', mention.index);
  if (close < 0 || sentence.slice(open, mention.index).includes(')')) return undefined;
  const inner = sentence.slice(open + 1, close);
  if (inner.trim() === mention.text) return undefined;
  const offset = mention.index - open - 1;
  let start = 0;
  for (const piece of inner.split(/,\s+/)) {
    const at = inner.indexOf(piece, start);
    if (offset >= at && offset < at + piece.length) return piece;
    start = at + piece.length;
  }
  return undefined;
}
