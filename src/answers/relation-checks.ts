import type { IndexedPassage } from './passage-index';
import type { QuestionRelations } from './question-relations';
import type { EntityMention, StoryEntity, StoryVocabulary } from './story-vocabulary';
import { textTerms } from './text-terms';

/**
 * Does a passage state what the question asks in the same roles? A sentence can hold every
 * word of a question and still say something else: "X left OpenAI" for "when did X leave
 * Anthropic", "Y leads the team X joined" for "who is Y's boss", "the company he helped
 * found ... under Y" for "what company did Y start". Each check fails only on positive
 * evidence of a different role; a sentence that does not show the role at all is left to
 * coverage scoring.
 */

interface Word {
  start: number;
  end: number;
  lower: string;
  terms: string[];
}

const WORD = /[A-Za-z0-9]+(?:['\u2019\u2011-][A-Za-z0-9]+)*/g;

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const lower = m[0].toLowerCase().replace(/\u2019/g, "'").replace(/\u2011/g, '-');
    out.push({ start: m.index, end: m.index + m[0].length, lower, terms: textTerms(lower) });
  }
  return out;
}

function wordIndexAt(words: Word[], offset: number): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (words[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Words that may stand between a name and a participle describing it ("Anthropic, founded by"). */
const PARTICIPLE_LINK = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'has', 'have', 'had', 'which', 'that', 'who', 'originally', 'first', 'itself', 'jointly']);
const PARTICIPLE = /(?:ed|en|ing-up)$|^(?:left|built|run|led|set|begun|made|sold|bought|held)$/;
const PRONOUN = /^(?:he|she)$/;
/** Text that ends inside a relative clause (", who had led alignment at"). */
const INSIDE_RELATIVE = /,\s*(?:who|which|whose)\b[^,;]*$/i;
/** A name right after these is an object ("under Musk", "with Li"), not who acts. */
const OBJECT_MARK = new Set(['under', 'by', 'with', 'of', 'to', 'from', 'for', 'than', 'like', 'after', 'before', 'about', 'alongside', 'at']);

export class RelationChecker {
  constructor(private readonly vocabulary: StoryVocabulary) {}

  /** Why the passage states a different relation than the question asks, or undefined. */
  problem(relations: QuestionRelations, asked: StoryEntity[], p: IndexedPassage): string | undefined {
    if (relations.actions.length === 0 && !relations.agent && !relations.asksForSuperior) return undefined;
    const words = wordsOf(p.text);
    if (words.length === 0) return undefined;
    const mentions = this.vocabulary.mentions(p.text).map((m) => ({ m, at: wordIndexAt(words, m.start), last: wordIndexAt(words, m.start + m.length - 1) }));
    for (const action of relations.actions) {
      const family = this.family(action.term);
      const uses = indexesOf(words, family);
      if (uses.length === 0) continue;
      if (uses.some((i) => this.actsOn(p.text, words, mentions, i, action.entity))) continue;
      // The verb is about another organisation, or the organisation is named but not as its
      // object. A sentence naming no organisation at all ("In 2017 X was recruited by Y")
      // is left to coverage (the organisation may be in the sentence next to it).
      if (mentions.some((x) => x.m.entity.kind === 'organisation')) return `action:${action.term}`;
    }
    if (relations.agent) {
      const agent = relations.agent;
      const uses = indexesOf(words, this.family(agent.term));
      const doers = uses.map((i) => doerOf(words, mentions, i, p));
      // Someone else does it, and nowhere the person asked about.
      if (!doers.some((d) => d?.id === agent.entity.id) && doers.some((d) => d !== undefined && d.id !== agent.entity.id)) return `agent:${agent.term}`;
    }
    if (relations.asksForSuperior) {
      // "under X", "led by X": the person asked about is the senior one here.
      for (const x of asked) {
        if (x.kind === 'person' && this.mentionsOf(p.text, x).some((m) => seniorBefore(p.text, m, this.vocabulary))) return 'relation:reversed';
      }
    }
    return undefined;
  }

  /**
   * True when the person named at `m` is written in a senior role in the passage: "X leads
   * ...", or "under X" / "led by X" with, as the one under X, a person asked about (when the
   * question names one): "Y earned a PhD under X" answers "who supervised Y", not "who
   * supervised Z" for a Z named elsewhere in the sentence.
   */
  isSenior(p: IndexedPassage, m: EntityMention, asked: StoryEntity[]): boolean {
    const text = p.text;
    if (SENIOR_AFTER.test(text.slice(m.start + m.length))) return true;
    const mark = seniorMark(text, m, this.vocabulary);
    if (mark === undefined) return false;
    const persons = asked.filter((e) => e.kind === 'person');
    if (persons.length === 0) return true;
    const words = wordsOf(text);
    const mentions = this.vocabulary.mentions(text).map((x) => ({ m: x, at: wordIndexAt(words, x.start), last: wordIndexAt(words, x.start + x.length - 1) }));
    const junior = doerOf(words, mentions, wordIndexAt(words, mark), p, 30);
    return junior !== undefined && persons.some((e) => e.id === junior.id);
  }

  private mentionsOf(text: string, entity: StoryEntity): EntityMention[] {
    return this.vocabulary.mentions(text).filter((m) => m.entity.id === entity.id);
  }

  private family(term: string): ReadonlySet<string> {
    return new Set([term, ...this.vocabulary.synonymsOf(term)]);
  }

  /** Is the entity the object of the verb at word i ("left OpenAI", "Anthropic, founded in")? */
  private actsOn(text: string, words: Word[], mentions: Array<{ m: EntityMention; at: number; last: number }>, i: number, entity: StoryEntity): boolean {
    // After the verb: the first organisation within four words ("left OpenAI", "moved to
    // rival Anthropic", "left his job at Tesla"), if no other organisation comes first
    // ("left OpenAI to join Anthropic" leaves OpenAI). Further on it belongs to another
    // phrase ("set up a new sub-team using Claude").
    // A possessive further on names whose thing it is ("started on Anthropic's team").
    const after = mentions.filter((x) => x.at > i && x.at - i <= 4 && x.m.entity.kind === 'organisation' && (x.at === i + 1 || !/['\u2019]s$/.test(words[x.last]!.lower)));
    if (after[0]?.m.entity.id === entity.id) return true;
    if (entity.kind === 'person' && mentions.some((x) => x.m.entity.id === entity.id && x.at > i && x.at - i <= 4)) return true;
    // No object of its own: "returned to OpenAI, then left to launch ..." left OpenAI, the
    // last organisation before it.
    const next = words[i + 1];
    if (after.length === 0 && (!next || /^(?:to|again|in|after|before|for|when|and|but)$/.test(next.lower))) {
      const before = mentions.filter((x) => x.m.entity.kind === 'organisation' && x.last < i && i - x.last <= 8).at(-1);
      if (before?.m.entity.id === entity.id) return true;
    }
    // Before it: "Anthropic, founded in 2021", "Anthropic's founders", "OpenAI, which he left".
    const word = words[i]!;
    for (const x of mentions) {
      if (x.m.entity.id !== entity.id || x.last >= i || i - x.last > 5) continue;
      // "X, who had led alignment at OpenAI, joined Anthropic": the name ends a clause about
      // someone else; the verb after it is the sentence's own.
      if (INSIDE_RELATIVE.test(text.slice(0, x.m.start)) && /^[^,;]*,/.test(text.slice(x.m.start, word.start))) continue;
      const between = words.slice(x.last + 1, i);
      const possessive = /['\u2019]s$/.test(words[x.last]!.lower);
      const linked = between.every((w) => PARTICIPLE_LINK.has(w.lower) || mentions.some((y) => y.m.entity.kind === 'person' && w.start >= y.m.start && w.end <= y.m.start + y.m.length));
      if ((possessive && between.length <= 2) || (linked && (PARTICIPLE.test(word.lower) || between.some((w) => w.lower === 'which' || w.lower === 'that')))) return true;
    }
    return false;
  }
}

function indexesOf(words: Word[], family: ReadonlySet<string>): number[] {
  const out: number[] = [];
  words.forEach((w, i) => {
    if (w.terms.some((t) => family.has(t))) out.push(i);
  });
  return out;
}

/** Who does the verb at word i: "X ... founded", "he founded", "founded by X"; undefined when unclear. */
function doerOf(words: Word[], mentions: Array<{ m: EntityMention; at: number; last: number }>, i: number, p: IndexedPassage, reach = 12): StoryEntity | undefined {
  if (words[i + 1]?.lower === 'by') {
    const by = mentions.find((x) => x.at > i + 1 && x.at <= i + 4 && x.m.entity.kind === 'person');
    if (by) return by.m.entity;
  }
  for (let j = i - 1; j >= Math.max(0, i - reach); j--) {
    const w = words[j]!;
    if (PRONOUN.test(w.lower)) return p.pronounPerson;
    const person = mentions.find((x) => x.last === j && x.m.entity.kind === 'person');
    if (person) {
      // "a course from deep learning pioneer Hinton": a name in a phrase after a preposition.
      if (words.slice(Math.max(0, person.at - 4), person.at).some((w) => OBJECT_MARK.has(w.lower))) continue;
      return person.m.entity;
    }
  }
  return undefined;
}

/** Words that put the name after them in charge: "under X", "led by X", "reports to X", "team lead X". */
const SENIOR_MARK =
  /\b(?:under|(?:led|headed|run|managed|supervised|mentored|advised|overseen|directed|guided|coached) by|(?:mentorship|supervision|guidance|leadership|direction|management|tutelage) of|report(?:s|ed|ing)? (?:in)?to|work(?:s|ed|ing)? (?:for|under)|(?:lead|leader|head|boss|manager|supervisor|adviser|advisor|mentor)\b(?: of [^,.;]{1,40})?|\b(?:ceo|chief executive(?: officer)?)\s+$)/gi;
/** "X leads", "X, who heads the team, ...", "X is the team's lead". */
const SENIOR_AFTER =
  /^(?:\s*,[^,.;]{0,60},)?\s*(?:who\s+|which\s+)?(?:also\s+|now\s+|still\s+|later\s+|then\s+)?(?:leads|led|heads|headed|runs|ran|manages|managed|supervises|supervised|mentors|mentored|advises|advised|oversees|oversaw|directs|directed|(?:is|was) in charge of|(?:is|was|as) (?:the |its |their |his |her )?(?:\w+ )?(?:head|lead|leader|boss|manager|supervisor|adviser|advisor|mentor))\b/i;

function seniorBefore(text: string, m: EntityMention, vocabulary: StoryVocabulary): boolean {
  return seniorMark(text, m, vocabulary) !== undefined;
}

/** Where the words putting the name at `m` in charge start ("under", "led by"), if any. */
function seniorMark(text: string, m: EntityMention, vocabulary: StoryVocabulary): number | undefined {
  const before = text.slice(0, m.start);
  let last: RegExpMatchArray | undefined;
  for (const found of before.matchAll(SENIOR_MARK)) last = found;
  if (!last) return undefined;
  const gap = before.slice((last.index ?? 0) + last[0].length);
  if (gap.length > 50 || /[.;:]/.test(gap)) return undefined;
  // Another person in between is the one in charge ("under Musk, Karpathy ...").
  return vocabulary.mentions(gap).some((x) => x.entity.kind === 'person') ? undefined : last.index ?? 0;
}
