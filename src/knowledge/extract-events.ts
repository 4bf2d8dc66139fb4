import type { Article, Passage } from '../corpus/article';
import { findDates, type DateMention } from './find-dates';
import { isDatedFigure, isForecast, isQuestion } from './event-filter';
import type { EventMention } from './event-mention';
import { startOf } from './partial-date';
import type { NamedEntity, StoryNames } from './story-names';
import { leadingDate, subjectOf, VERB_FIRST } from './event-subject';
import { eventKinds } from './event-kinds';
import { parentheticalPiece, readClause } from './event-clause';
import type { TermFolder } from './text-terms';

/** Where a sentence may be cut into clauses, so each date keeps only the words that go with it. */
const CLAUSE_BREAK = /;\s+|\s+-\s+|\s*\*\s+|,\s+(?=(?:and|but|while|whereas|which|after|before|then|when|later)\b)|\s+and\s+(?=(?:has|have|had|is|was|then|later)\s)|,\s+meaning\s|\s+and\s+(?=(?:[a-z]+ly\s+)?(?:[a-z]+ed|left|became|quit|rejoined|went|took|won|sold|bought)\s)|\s+and\s+(?=(?:in|on|since|by)\s+(?:early |mid-|late )?(?:\d{4}|[A-Z][a-z]+ \d{4})\b)/g;

export interface ExtractOptions {
  names: StoryNames;
  folder: TermFolder;
  /** Completes dates without a year and marks later dates as forecasts: the article's own date, or the corpus reference. */
  reference: Date;
}

/** Every dated past event an article tells, one mention per date expression. */
export function extractEvents(article: Article, options: ExtractOptions): EventMention[] {
  const out: EventMention[] = [];
  let datedLine: string | undefined;
  // A heading that is a story name ("Nimbus Labs" over "Her employer since 2019.") is what a glossary entry is about.
  let context: NamedEntity | undefined;
  for (const original of article.passages) {
    // A line holding only a date ("2026-05-19") heads the line after it, as in a timeline box.
    if (original.heading) {
      datedLine = DATE_LINE.test(original.text) ? original.text : undefined;
      context = options.names.lookup(original.text);
      continue;
    }
    const passage = datedLine ? { ...original, text: `${datedLine}: ${original.text}` } : original;
    datedLine = undefined;
    const sentence = passage.text;
    if (isQuestion(sentence) || !MAY_HOLD_DATE.test(sentence)) continue;
    for (const mention of findDates(sentence, options.reference)) {
      const event = toEvent(article, passage, mention, options, context);
      if (event) out.push(event);
    }
  }
  return out;
}

/** "Google I/O 2026", "Windows 2000": a year that is part of a name, not a date. */
const NAMED_EDITION = /(?:^|\s)(?!(?:In|On|By|Since|Until|From|Of|Early|Late|Mid|During|Before|After|Around|Through|And|To|Its|The)\s$)[A-Z][\w/.&-]*\s$/;

const DATE_LINE = /^(?:\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|(?:early |mid-|late )?\d{4}|[A-Z][a-z]+ \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{4})$/;
/** Cheap test before running chrono: a digit or a capitalised month abbreviation. */
const MAY_HOLD_DATE = /\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

function toEvent(article: Article, passage: Passage, mention: DateMention, options: ExtractOptions, context: NamedEntity | undefined): EventMention | undefined {
  const sentence = passage.text;
  if (startOf(mention.date).getTime() > options.reference.getTime()) return undefined;
  if (mention.kind === 'year' && isDatedFigure(sentence.slice(0, mention.index))) return undefined;
  if (mention.kind === 'year' && NAMED_EDITION.test(sentence.slice(0, mention.index))) return undefined;
  const piece = parentheticalPiece(sentence, mention);
  const around = clauseAround(sentence, mention);
  if (isForecast(piece ?? around)) return undefined;
  // An event of this story involves one of its people or organisations (or "he"/"she": the main person).
  if (!context && options.names.findEntities(around).length === 0 && !/\b(?:he|she|him|his|her)\b/i.test(around)) return undefined;
  const subject = subjectOf(piece ? sentence : around, mention.text, sentence, options.names);
  const reading = piece ? { clause: piece, partial: true } : readClause(around, sentence, mention, subject, options.names);
  if (!reading) return undefined;
  const clause = reading.clause;
  const text = tidy(clause, mention, options.names);
  if (text.split(/\s+/).length < 2) return undefined;
  const { entities, related } = relatedEntities(context ? `${context.name}: ${sentence}` : sentence, subject, options.names);
  return {
    articleId: article.id,
    outlet: article.outlet,
    title: article.title,
    ...(article.url ? { url: article.url } : {}),
    passageId: passage.id,
    sentence,
    dateText: mention.text,
    date: mention.date,
    ...(mention.until ? { until: mention.until } : {}),
    text,
    terms: eventTerms(text, options),
    ...(subject ? { subject: subject.name } : {}),
    entities,
    related,
    subjectFirst: subject !== undefined && leadName(text, options.names) === subject.name,
    partial: reading.partial,
    dependent: piece !== undefined,
    kinds: eventKinds(clause),
  };
}

/** The first person a text names, else its first story entity. */
function leadName(text: string, names: StoryNames): string | undefined {
  const named = names.findNamed(text);
  return (named.find((n) => n.entity.kind === 'person') ?? named[0])?.entity.name;
}

/** The sentence's story entities other than the subject, and with them every entity their roles tie them to. */
function relatedEntities(sentence: string, subject: NamedEntity | undefined, names: StoryNames): { entities: Set<string>; related: Set<string> } {
  const entities = new Set<string>();
  const related = new Set<string>();
  for (const e of names.findEntities(sentence)) {
    if (e.name === subject?.name) continue;
    entities.add(e.name);
    related.add(e.name);
    for (const linked of names.linkedTo(e)) if (linked.name !== subject?.name) related.add(linked.name);
  }
  return { entities, related };
}

/** The clause holding the date; a clause that is little more than the date takes the next one with it. */
export function clauseAround(full: string, mention: DateMention): string {
  // A dash-delimited aside (" - six companies - ") is dropped unless the date is inside it.
  const aside = / - [^-]{1,160}? - /.exec(full);
  let sentence = full;
  if (aside && !(mention.index >= aside.index && mention.index < aside.index + aside[0].length)) {
    sentence = `${full.slice(0, aside.index)} ${full.slice(aside.index + aside[0].length)}`;
    if (mention.index > aside.index) mention = { ...mention, index: mention.index - aside[0].length + 1 };
  }
  const cuts = [0];
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    // Never cut inside the date expression itself.
    if (m.index > mention.index && m.index < mention.index + mention.text.length) continue;
    cuts.push(m.index, m.index + m[0].length);
  }
  cuts.push(sentence.length);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) spans.push([cuts[i]!, cuts[i + 1]!]);
  const at = spans.findIndex(([s, e]) => mention.index >= s && mention.index < e);
  if (at < 0) return sentence;
  const start = spans[at]![0];
  let end = spans[at]![1];
  const rest = (s: number, e: number) => sentence.slice(s, e).replace(mention.text, '').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  while (rest(start, end) < 4 && at + 1 < spans.length && end < sentence.length) {
    const next = spans.find(([s]) => s >= end);
    if (!next) break;
    end = next[1];
  }
  return sentence.slice(start, end).trim();
}

const ATTRIBUTION = /^(?:[\w/'’-]+,?\s+){1,6}(?:noted|notes|pointed out|points out|reports|reported|adds|added|says|said|writes|wrote|observed|observes|claims|claimed|recalls|recalled) that\s+(?=[\p{Lu}]|(?:he|she|they|in|on|by|between|from)\s)/u;

/** Drops a leading "In 2015," and citation marks; a leading pronoun becomes the main person. */
function tidy(clause: string, mention: DateMention, names: StoryNames): string {
  let text = clause.replace(/\s*\[\d+\]/g, '').trim();
  // "Skeptics noted that X left in 2024", "The timeline supports this: in 2024 X left": the event is X's.
  text = text.replace(ATTRIBUTION, '').replace(/^[^:]{3,80}\b(?:this|that):\s+(?=\p{Lu})/u, '');
  if (text.includes(':')) text = text.replace(new RegExp(`^[^:]{3,80}:\\s+(?=${leadingDate(mention.text).source.slice(1)})`, 'i'), '');
  if (!mention.until) text = text.replace(leadingDate(mention.text), '');
  const short = names.mainPersonShort;
  if (short) text = text.replace(/^(?:he|she)\b/i, short);
  // "2015: Co-founded the lab" in a timeline box: the main person did it.
  if (short && VERB_FIRST.test(text)) text = `${short} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  text = text.replace(/^[*•\s]+/, '').replace(/^(?:and|but|then|so)\s+/i, '').replace(/[,;:\s]+$/, '');
  if (!/[.!?"')]$/.test(text)) text = `${text}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Terms of the event's clause plus the story names in it, which count twice: names tie tellings together. */
function eventTerms(text: string, options: ExtractOptions): Set<string> {
  const terms = options.folder.terms(text);
  for (const e of options.names.findEntities(text)) terms.add(`#${e.name.toLowerCase()}`);
  return terms;
}
