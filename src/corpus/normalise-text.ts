/**
 * Text normalisation shared by every article source: Unicode hyphens and quotes become
 * ASCII, spaces collapse, and a lone date line ("2015") is joined to the line after it.
 */
const REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u2010\u2011\u2012\u2212]/g, '-'],
  [/[\u2013\u2014\u2015]/g, ' - '],
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/\u2026/g, '...'],
  [/[\u00a0\u2002-\u200a\u202f\u205f\u3000]/g, ' '],
  [/[\u200b-\u200d\u2060\ufeff]/g, ''],
  [/\r\n?/g, '\n'],
];

export function normaliseText(input: string): string {
  let text = input.normalize('NFC');
  for (const [pattern, replacement] of REPLACEMENTS) text = text.replace(pattern, replacement);
  const lines = text.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim());
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // A lone year or date line belongs to the line that follows it.
    if (/^(\d{4}|[A-Z][a-z]+ \d{1,2},? \d{4}|[A-Z][a-z]+ \d{4})$/.test(line) && (lines[i + 1] ?? '') !== '') {
      lines[i + 1] = `${line}: ${lines[i + 1]}`;
      continue;
    }
    out.push(line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
