/**
 * Sentence splitting with Intl.Segmenter, plus the abbreviation fix it needs
 * ("Mr.", "Dr.", "U.S.", initials) so a title does not end a sentence.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Inc|Ltd|Co|Corp|vs|etc|No|Gen|Sen|Rep|Gov|e\.g|i\.e|approx)\.|\b[A-Z]\.|\b(?:U\.S|U\.K|E\.U)\.)\s*$/;

export function splitSentences(paragraph: string): string[] {
  const parts: string[] = [];
  for (const { segment } of segmenter.segment(paragraph)) {
    const s = segment.trim();
    if (!s) continue;
    const last = parts[parts.length - 1];
    if (last !== undefined && (ABBREVIATION.test(last) || /^[a-z,;)]/.test(s))) {
      parts[parts.length - 1] = `${last} ${s}`;
    } else {
      parts.push(s);
    }
  }
  return parts;
}
