import type { Citation } from '../reply/reply';
import type { IndexedPassage } from './passage-index';

/** Why a question was not answered. */
export type RefusalReason = 'no-match' | 'unknown-terms' | 'weak-evidence' | 'wrong-subject' | 'wrong-relation' | 'no-answer-type';

/** The outcome of a question: an answer with its citations, or a refusal. */
export interface Answer {
  question: string;
  /** One to three sentences with [n] markers; null when the coverage does not support one. */
  text: string | null;
  /** Sources behind the [n] markers, numbered from 1. */
  citations: Citation[];
  /** 0..1: how well the best evidence covers the question (also given for refusals). */
  confidence: number;
  /** Set when `text` is null. */
  refusal?: RefusalReason;
  /** The passages the answer rests on (or that were closest, for a refusal), best first. */
  evidence: IndexedPassage[];
  /** Who wrote the text: the offline composer or the language model. */
  by: 'offline' | 'llm';
}

export const REFUSAL_TEXT = "I don't know that from the coverage I have.";
