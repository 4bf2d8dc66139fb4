import type { Article, ArticleOrigin, Passage } from './article';
import { normaliseText } from './normalise-text';
import { splitSentences } from './split-sentences';

export interface ArticleInput {
  id: string;
  outlet: string;
  title: string;
  url?: string;
  published?: string;
  author?: string;
  origin: ArticleOrigin;
  /** Raw body text; paragraphs are separated by line breaks (blank lines or single ones). */
  body: string;
  /** When true, single line breaks separate paragraphs; when false, only blank lines do. */
  lineParagraphs?: boolean;
}

const BULLET = /^(?:[•*\-–·]\s*|\d{1,2}\.\s+(?=[A-Z]))/;

/** Normalises an article's text and splits it into paragraphs and sentence passages. */
export function buildArticle(input: ArticleInput): Article {
  const normalised = normaliseText(input.body);
  const blocks = input.lineParagraphs
    ? normalised.split(/\n+/)
    : normalised.split(/\n\s*\n/).map((b) => b.replace(/\n/g, ' '));
  const paragraphs: string[] = [];
  for (const block of blocks) {
    // A bullet list written inline ("* one. * two.") reads as separate paragraphs.
    for (const piece of block.split(/\s+(?=[•*]\s)/)) {
      const p = piece.replace(BULLET, '').trim();
      if (p && !/^\d{1,2}\.?$/.test(p)) paragraphs.push(p);
    }
  }
  const passages: Passage[] = [];
  paragraphs.forEach((paragraph, pIndex) => {
    const heading = isHeading(paragraph);
    const sentences = heading ? [paragraph.replace(/^\*\*(.*)\*\*$/, '$1')] : splitSentences(paragraph);
    for (const sentence of sentences) {
      const index = passages.length;
      passages.push({ id: `${input.id}#${index}`, articleId: input.id, index, paragraph: pIndex, text: sentence, heading });
    }
  });
  return {
    id: input.id,
    outlet: input.outlet,
    title: normaliseText(input.title),
    ...(input.url ? { url: input.url } : {}),
    ...(input.published ? { published: input.published } : {}),
    ...(input.author ? { author: input.author } : {}),
    origin: input.origin,
    body: paragraphs.join('\n\n'),
    passages,
  };
}

/** A short line with no closing punctuation reads as a heading, not a sentence. */
export function isHeading(line: string): boolean {
  const text = line.replace(/^\*\*(.*)\*\*$/, '$1').trim();
  if (/^\*\*.*\*\*$/.test(line.trim())) return true;
  const words = text.split(/\s+/).length;
  return words <= 14 && !/[.!?:"')\]]$/.test(text);
}
