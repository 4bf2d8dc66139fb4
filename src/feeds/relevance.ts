import type { StoryMatcher, StoryMentions } from './story-matcher';

/** Items scoring at least this are about the story; the rest stay out of digests and answers. */
export const RELEVANCE_THRESHOLD = 0.5;

/**
 * How much an item is about the story, 0..1. The main person alone makes an item relevant;
 * other people and organisations count less and need company (a person with an
 * organisation of the story, or several of them); the title counts more than the text.
 * Examples for the bundled story: "Karpathy joins Anthropic" 1.0; an item mentioning
 * Karpathy only in its text 0.5; "OpenAI and Google ship models" 0.2 (not relevant).
 */
export function scoreRelevance(matcher: StoryMatcher, title: string, text: string): number {
  const { inTitle, inText } = matcher.mentionsIn(title, text);
  let score = 0;
  if (inTitle.main) score += 0.7;
  else if (inText.main) score += 0.5;
  score += weigh(inTitle.people, inText.people, 0.25, 0.15);
  score += weigh(inTitle.organisations, inText.organisations, 0.12, 0.08);
  score += weigh(inTitle.keywords, inText.keywords, 0.1, 0.06);
  // Co-occurrence: a person of the story together with one of its organisations.
  const people = inTitle.people.size + inText.people.size + (inTitle.main || inText.main ? 1 : 0);
  const organisations = inTitle.organisations.size + inText.organisations.size;
  if (people > 0 && organisations > 0) score += 0.1;
  return Math.min(1, Math.round(score * 100) / 100);
}

function weigh(title: Set<string>, text: Set<string>, titleWeight: number, textWeight: number): number {
  let onlyInText = 0;
  for (const name of text) if (!title.has(name)) onlyInText++;
  return title.size * titleWeight + onlyInText * textWeight;
}

export type { StoryMentions };
