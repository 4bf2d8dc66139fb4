/**
 * Cuts plain text into pieces whose measured size fits `max`, preferring paragraph, then
 * line, then word boundaries, so long answers are split rather than cut off. The text is
 * split before it is escaped, so an entity such as `&amp;` is never cut in half.
 */
export function splitToFit(text: string, max: number, measure: (s: string) => number = (s) => s.length): string[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  const parts: string[] = [];
  let rest = text.trim();
  while (rest && measure(rest) > max) {
    const cut = bestCut(rest, max, measure);
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Index to cut `text` at: the longest fitting prefix, pulled back to a natural boundary. */
function bestCut(text: string, max: number, measure: (s: string) => number): number {
  // The measure grows with the prefix length, so the longest fitting prefix is found by bisection.
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  let fit = lo;
  // Never separate the halves of a surrogate pair (emoji, rare scripts).
  const code = text.charCodeAt(fit - 1);
  if (fit > 1 && code >= 0xd800 && code <= 0xdbff) fit -= 1;
  // A boundary in the second half of the piece is worth it; earlier ones waste too much room.
  for (const boundary of ['\n\n', '\n', ' ']) {
    const at = text.lastIndexOf(boundary, fit);
    if (at > 0 && at >= fit / 2) return at;
  }
  return fit;
}
