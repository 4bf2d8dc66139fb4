import type { StoryDefinition } from '../story/story-definition';
import type { StoryCorpus } from '../corpus/story-corpus';
import type { Citation } from '../reply/reply';
import { StoryVocabulary, type StoryEntity } from './story-vocabulary';
import { PassageIndexCache, type IndexedPassage, type PassageIndex } from './passage-index';
import { analyseQuestion, type AnalysedQuestion } from './question';
import { gate, HARD_TYPES, rankEvidence, type RankedPassage } from './evidence-ranker';
import type { Answer } from './answer';
import { datesCompatible, parseDateMention } from './date-mentions';
import { statedDifference } from './question-focus';
import { closesQuote, quoteBefore, SAYS_WITHOUT_WORDS } from './statement-shape';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Is X leaving ...?", "Did X say ...?": asks whether, not what. */
const YES_NO = /^(?:is|are|was|were|does|do|did|will|would|has|have|had|can|could|should)\b/i;
const NAMING = /\b(?:called|termed|dubbed|named|nicknamed)\b/i;
/** A sentence that points back ("this method", "it") needs the one before it. */
const ANAPHOR = /^(?:this|that|these|it)\b|\b(?:this|the|that) (?:method|approach|project|idea|technique|loop)\b/i;

/** "warned about this", "said that ...": a demonstrative object that stands for what comes next. */
const BARE_DEMONSTRATIVE = /\b(?:warned|said|wrote|predicted|argued|talked|spoke|posted) (?:about |of )?(?:this|that)\b(?= (?:a|an|the|last|in|on|at|and|today|yesterday)\b|[,.])/i;

/**
 * Answers from the story's passages alone: retrieve, rank by evidence coverage, refuse
 * when the evidence is weak, otherwise quote the best sentence (with a neighbour when it
 * needs one), name who agrees and show a source that disagrees.
 */
export class OfflineAnswerer {
  readonly vocabulary: StoryVocabulary;
  private readonly indexes: PassageIndexCache;
  private readonly entities: Map<string, StoryEntity>;

  constructor(definition: StoryDefinition, corpus: StoryCorpus) {
    this.vocabulary = new StoryVocabulary(definition);
    this.indexes = new PassageIndexCache(corpus, this.vocabulary);
    this.entities = new Map(this.vocabulary.entities.map((e) => [e.id, e]));
  }

  /** The index for the corpus as it is now (rebuilt only when the corpus changed). */
  index(): PassageIndex {
    return this.indexes.current();
  }

  answer(questionText: string): Answer {
    const index = this.index();
    const question = analyseQuestion(questionText, this.vocabulary);
    const outcome = rankEvidence(question, index, this.entities);
    const best = outcome.ranked[0];
    const confidence = best ? confidenceOf(best, 0) : 0;
    if (!best || outcome.refusal) {
      return {
        question: questionText,
        text: null,
        citations: [],
        confidence: Math.min(confidence, 0.49),
        refusal: outcome.refusal ?? 'no-match',
        evidence: outcome.ranked.slice(0, 5).map((r) => r.passage),
        by: 'offline',
      };
    }
    return this.compose(question, preciserDate(question, best, outcome.ranked), outcome.ranked, index);
  }

  private compose(question: AnalysedQuestion, best: RankedPassage, ranked: RankedPassage[], index: PassageIndex): Answer {
    const citations: Citation[] = [];
    const cite = (p: IndexedPassage): number => {
      const a = p.article;
      const found = citations.find((c) => c.outlet === a.outlet && c.title === a.title);
      if (found) return found.n;
      const n = citations.length + 1;
      citations.push({ n, outlet: a.outlet, title: a.title, ...(a.url ? { url: a.url } : {}) });
      return n;
    };
    const parts: string[] = [];
    const lead = leadName(question, best);
    if (lead) parts.push(`${lead}.`);
    // A yes/no question gets the sentence that addresses it, said to be the coverage's words.
    const evidence = evidenceText(question, best, index);
    const stated = YES_NO.test(question.text) ? `The coverage says: ${evidence}` : evidence;
    const others = ranked.slice(1).filter((r) => r.passage.article.outlet !== best.passage.article.outlet && !gate(r) && r.coverage >= best.coverage - 0.15);
    const agreeing = HARD_TYPES.has(question.type) ? distinctOutlets(others.filter((r) => agrees(question, best, r))) : [];
    if (agreeing.length > 0) {
      // Cited once: the outlets that agree carry the markers, the first of them this sentence's.
      const markers = [best.passage, ...agreeing.map((r) => r.passage)].map((p) => `[${cite(p)}]`).join('');
      parts.push(stated, `${agreeing.length + 1} outlets report this ${markers}.`);
    } else {
      parts.push(`${stated} [${cite(best.passage)}]`);
    }
    if (HARD_TYPES.has(question.type)) {
      const differing = others.find((r) => question.type !== 'person' && r.coverage >= best.coverage - 0.02 && r.type.values.some((v) => !v.startsWith('relative:')) && !agrees(question, best, r));
      if (differing) parts.push(`Another report differs: ${differing.passage.text} [${cite(differing.passage)}]`);
    }
    // "What day of the week": the weekday of the full date the answer gives.
    const day = question.weekday ? best.type.values.find((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)) : undefined;
    if (day) {
      const date = new Date(`${day}T12:00:00Z`);
      parts.push(`${date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })} was a ${WEEKDAYS[date.getUTCDay()]}.`);
    }
    // "By how many did X grow": the gap between the two figures the sentence gives.
    const difference = question.change && /^(?:by )?how (?:much|many)\b/i.test(question.text) ? statedDifference(best.passage.text, question.head) : undefined;
    if (difference) parts.push(difference);
    return {
      question: question.text,
      text: parts.join(' '),
      citations,
      confidence: confidenceOf(best, others.filter((r) => agrees(question, best, r)).length),
      evidence: [best.passage, ...others.slice(0, 4).map((r) => r.passage)],
      by: 'offline',
    };
  }
}

/** Coverage a passage may give up against the best one to answer "when" with a preciser date. */
const PRECISION_COVERAGE_SLACK = 0.2;

/**
 * "When did he leave": a passage that may answer as well and dates the event more precisely
 * ("in February 2024", "on May 19") is a better answer than the best one's bare year or
 * month, as long as the two dates agree.
 */
function preciserDate(question: AnalysedQuestion, best: RankedPassage, ranked: RankedPassage[]): RankedPassage {
  if (question.type !== 'date') return best;
  const dated = (r: RankedPassage) => r.type.values.flatMap((v) => {
    const d = parseDateMention(v);
    return d && /^\d{4}/.test(d.key) ? [d] : [];
  });
  const own = dated(best);
  const precision = Math.max(0, ...own.map((d) => d.precision));
  if (own.length === 0 || precision >= 1) return best;
  const keys = own.filter((d) => d.precision === precision).map((d) => d.key);
  const better = ranked.find(
    (r) => r !== best && !gate(r) && r.coverage >= best.coverage - PRECISION_COVERAGE_SLACK && dated(r).some((d) => d.precision > precision && keys.some((k) => d.key.startsWith(k))),
  );
  return better ?? best;
}

function confidenceOf(best: RankedPassage, agreeing: number): number {
  const value = 0.6 * best.coverage + 0.1 + 0.1 * best.type.strength + (best.subjectOk ? 0.1 : 0) + 0.1 * Math.min(1, agreeing / 2);
  return Math.round(Math.min(1, value) * 100) / 100;
}

/** For who/where questions, the canonical name of the answer when the sentence words it otherwise. */
function leadName(question: AnalysedQuestion, best: RankedPassage): string | undefined {
  // "Which outlet ran the piece": the article's outlet, named before its sentence.
  if (best.type.publisher) return best.passage.text.includes(best.type.publisher) ? undefined : best.type.publisher;
  if (question.type !== 'person' && question.type !== 'place') return undefined;
  const entity = best.type.entity;
  if (!entity || best.passage.text.includes(entity.name)) return undefined;
  return entity.name;
}

/** The best sentence, with the quote it introduces or the sentence it refers back to. */
function evidenceText(question: AnalysedQuestion, best: RankedPassage, index: PassageIndex): string {
  const p = best.passage;
  const sentences = [p.text];
  // The end of a quote that opened in a sentence before ('... for the field. He translates
  // reality," X user commented.'): the quote is shown from where it opens.
  if (closesQuote(p.text)) {
    let prev = index.neighbour(p, -1);
    for (let i = 0; prev && i < 3; i++) {
      sentences.unshift(prev.text);
      if (/^["\u201c]/.test(prev.text)) break;
      prev = index.neighbour(prev, -1);
    }
    if (!/^["\u201c]/.test(sentences[0]!)) sentences.splice(0, sentences.length - 1);
  }
  if (best.introduction) {
    sentences.unshift(best.introduction.text);
  } else if (best.continuation) {
    sentences.push(best.continuation.text);
  } else if (/:$/.test(p.text)) {
    const next = index.neighbour(p, 1, false);
    if (next) sentences.push(next.text);
  } else if (question.type === 'definition' && NAMING.test(p.text)) {
    // "X called it Y": what Y is was said just before, and often what came of it just after.
    const prev = index.neighbour(p, -1);
    const next = index.neighbour(p, 1);
    if (prev) sentences.unshift(prev.text);
    if (next) sentences.push(next.text);
  } else if (SAYS_WITHOUT_WORDS.test(p.text) && !/["\u201c\u201d]/.test(p.text)) {
    // "Nicholas Joseph wrote on X.": the words are the quote just before (or just after).
    const before = quoteBefore(p, index).map((q) => q.text);
    if (before.length > 0) sentences.unshift(...before);
    else {
      const next = index.neighbour(p, 1);
      if (next && /^["\u201c]/.test(next.text)) sentences.push(next.text);
    }
  } else if (BARE_DEMONSTRATIVE.test(p.text)) {
    // "X warned about this a month ago": what "this" is follows in the same paragraph.
    const next = index.neighbour(p, 1);
    if (next) sentences.push(next.text);
  } else if (ANAPHOR.test(p.text)) {
    const prev = index.neighbour(p, -1);
    if (prev) sentences.unshift(prev.text);
  }
  // A quote that runs on past the answer's last sentence is shown to where it closes.
  let last: IndexedPassage | undefined = p;
  for (let next = index.neighbour(p, 1, false); next && sentences.includes(next.text); next = index.neighbour(next, 1, false)) last = next;
  for (let i = 0; last && i < 3 && leftOpen(sentences.join(' ')); i++) {
    last = index.neighbour(last, 1, false);
    if (last) sentences.push(last.text);
  }
  return sentences.join(' ');
}

/** True when the text opens a quote it does not close. */
function leftOpen(text: string): boolean {
  return (text.match(/"/g) ?? []).length % 2 === 1 || (text.match(/\u201c/g) ?? []).length > (text.match(/\u201d/g) ?? []).length;
}

function agrees(question: AnalysedQuestion, a: RankedPassage, b: RankedPassage): boolean {
  if (a.type.entity && b.type.entity) return a.type.entity.id === b.type.entity.id;
  if (question.type === 'date') {
    const absolute = (v: string) => !v.startsWith('relative:');
    const x = a.type.values.filter(absolute);
    const y = b.type.values.filter(absolute);
    return x.some((d) => y.some((e) => datesCompatible(d, e)));
  }
  return a.type.values.some((x) => b.type.values.some((y) => x.includes(y) || y.includes(x)));
}

function distinctOutlets(list: RankedPassage[]): RankedPassage[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    if (seen.has(r.passage.article.outlet)) return false;
    seen.add(r.passage.article.outlet);
    return true;
  });
}
