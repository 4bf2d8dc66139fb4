/**
 * Words as comparable terms: lower case, a light stem, stop words dropped, and each story
 * synonym group folded onto one term, so "joined" and "hired" or "valuation" and "worth"
 * count as the same thing when events and claims are compared.
 */
const STOP = new Set(
  `a an the and or but nor of to in on at by for from with without as into onto over under about after before
  during since until than then that this these those there here it its it's he she his her him they them their we our
  you your i me my is are was were be been being has have had do does did not no so such very more most much many
  also just only even still yet already again which who whom whose what when where why how while if because though
  although per via up down out off one two new said says say will would could should can may might must shall
  year years month months day days week weeks time times later earlier first last next another other same each
  some any all both few several its well way like now today`.split(/\s+/),
);

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** A crude English stem: enough to fold plurals and -ed/-ing forms together. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w.replace(/e$/, '');
}

/** Lower-case word tokens of a text (letters, digits, inner hyphens and apostrophes, @handles). */
export function words(text: string): string[] {
  return text.match(/@?[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Maps words to comparable terms; built once per story from its synonym groups. */
export class TermFolder {
  private readonly groups = new Map<string, string>();

  constructor(synonyms: string[][] = []) {
    for (const group of synonyms) {
      const head = `~${stem(group[0] ?? '')}`;
      for (const word of group) if (!this.groups.has(stem(word))) this.groups.set(stem(word), head);
    }
  }

  /** The term for one word, or undefined for stop words, numbers, years and month names. */
  term(word: string): string | undefined {
    const lower = word.toLowerCase();
    if (STOP.has(lower) || MONTHS.has(lower) || /^\d+$/.test(lower) || lower.length < 2) return undefined;
    const s = stem(lower);
    return this.groups.get(s) ?? s;
  }

  /** The distinct terms of a text. */
  terms(text: string): Set<string> {
    const out = new Set<string>();
    for (const w of words(text)) {
      // "co-founded" also counts as "founded", "AI-education" as "education".
      for (const part of w.includes('-') ? [w, ...w.split('-')] : [w]) {
        const t = this.term(part);
        if (t) out.add(t);
      }
    }
    return out;
  }
}
