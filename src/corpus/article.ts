/** Where an article came from. */
export type ArticleOrigin = 'bundled' | 'folder' | 'feed';

/** One sentence of an article, with its place so answers and timelines can cite it. */
export interface Passage {
  /** `<articleId>#<index>`: stable while the article text is unchanged. */
  id: string;
  articleId: string;
  /** Position of the sentence in the article (0-based). */
  index: number;
  /** Paragraph number (0-based); sentences of one paragraph are neighbours. */
  paragraph: number;
  text: string;
  /** True for a line that reads as a heading (short, no final punctuation). */
  heading: boolean;
}

/** An article of a story's corpus, normalised and split into passages. */
export interface Article {
  id: string;
  outlet: string;
  title: string;
  url?: string;
  /** Publication date as YYYY-MM-DD (or a full ISO instant for feed items). */
  published?: string;
  author?: string;
  origin: ArticleOrigin;
  /** Normalised body text, paragraphs separated by blank lines. */
  body: string;
  passages: Passage[];
}
