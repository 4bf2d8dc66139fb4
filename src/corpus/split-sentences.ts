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
  return parts.flatMap(splitRunOn);
}

/** Words past which a sentence listing clauses with semicolons is read as those clauses. */
const RUN_ON_WORDS = 45;

/**
 * "The analysis lists five takeaways: X; Y; Z." is several statements: each clause stands
 * alone, so a word of one is not taken as evidence for another.
 */
function splitRunOn(sentence: string): string[] {
  if (sentence.split(' ').length <= RUN_ON_WORDS || !sentence.includes('; ')) return [sentence];
  const clauses = sentence.split(/;\s+(?:and\s+)?/);
  if (clauses.some((c) => c.split(' ').length < 5)) return [sentence];
  return clauses.map((c, i) => (i < clauses.length - 1 ? `${c.replace(/[,:]$/, '')}.` : c));
}
