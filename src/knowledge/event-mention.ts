import type { PartialDate } from './partial-date';

/** One dated event as one article tells it: the unit timelines are merged from. */
export interface EventMention {
  articleId: string;
  outlet: string;
  title: string;
  url?: string;
  passageId: string;
  /** The whole sentence, as the article has it (cited). */
  sentence: string;
  /** The date expression exactly as it appears in `sentence`. */
  dateText: string;
  date: PartialDate;
  /** End of a range ("from 2017 to 2022"), if the expression is one. */
  until?: PartialDate;
  /** The clause that tells the event, tidied for a one-line timeline entry. */
  text: string;
  /** Comparable terms of the clause (see TermFolder), used to merge mentions across outlets. */
  terms: Set<string>;
  /** Canonical name of who the clause is about (see subjectOf), if a story entity. */
  subject?: string;
  /** Story entities the sentence names (its subject left out), and those their roles tie them to. */
  related: Set<string>;
  /** Story entities the sentence names, its subject left out. */
  entities: Set<string>;
  /** True when the first person (else entity) the text names is its subject: the line says who did it. */
  subjectFirst: boolean;
  /** The text had to be pieced together or stays partial: any other telling makes a better line. */
  partial: boolean;
  /** The text cannot stand on its own line (a piece of a parenthesis): it only ever cites. */
  dependent: boolean;
  /** Kinds of development the clause's main verbs tell (see eventKinds). */
  kinds: string[];
}
