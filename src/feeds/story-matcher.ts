import type { StoryDefinition } from '../story/story-definition';

/** What of a story definition the matcher reads: plain data, so it can go to a worker thread. */
export type StoryNames = Pick<StoryDefinition, 'mainPerson' | 'people' | 'organisations' | 'keywords'>;

interface EntityRef {
  /** Canonical name of the entity the alias belongs to (the keyword itself for keywords). */
  entity: string;
  kind: 'main' | 'person' | 'organisation' | 'keyword';
}

/** What of the story a text mentions: canonical entity names by kind. */
export interface StoryMentions {
  main: boolean;
  people: Set<string>;
  organisations: Set<string>;
  keywords: Set<string>;
}

/**
 * Finds a story's names, aliases and keywords in text as whole words. One-word names are
 * matched as capitalised ("Meta", "Joseph", "Claude" are ordinary words in lower case);
 * longer names and keywords in any case. All aliases go into two alternations so a text
 * is scanned twice, not once per alias.
 */
export class StoryMatcher {
  private readonly exact = new Map<string, EntityRef>();
  private readonly folded = new Map<string, EntityRef>();
  private readonly exactPattern: RegExp | undefined;
  private readonly foldedPattern: RegExp | undefined;
  /**
   * Lower-cased words of the story's names, with the weight similarity gives them: the main
   * person's are in every item and tell developments apart least; the others are names
   * like any other, slightly less telling than names from outside the story.
   */
  readonly nameWords: ReadonlyMap<string, number>;

  constructor(story: StoryNames) {
    const main = story.mainPerson ?? (story.people.length === 1 ? story.people[0]?.name : undefined);
    const words = new Map<string, number>();
    const add = (ref: EntityRef, alias: string) => {
      const text = alias.trim();
      if (text.length < 2) return;
      if (ref.kind !== 'keyword' && !/\s/.test(text)) {
        if (!this.exact.has(text)) this.exact.set(text, ref);
      } else if (!this.folded.has(text.toLowerCase())) {
        this.folded.set(text.toLowerCase(), ref);
      }
      if (ref.kind === 'keyword') return;
      const weight = ref.kind === 'main' ? 0.3 : 1.2;
      for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length > 2) words.set(w, Math.min(weight, words.get(w) ?? weight));
    };
    for (const p of story.people) for (const alias of [p.name, ...p.aliases]) add({ entity: p.name, kind: p.name === main ? 'main' : 'person' }, alias);
    for (const o of story.organisations) for (const alias of [o.name, ...o.aliases]) add({ entity: o.name, kind: 'organisation' }, alias);
    for (const k of story.keywords) add({ entity: k.toLowerCase(), kind: 'keyword' }, k);
    this.exactPattern = alternation([...this.exact.keys()], 'gu');
    this.foldedPattern = alternation([...this.folded.keys()], 'giu');
    this.nameWords = words;
  }

  /** Mentions in a title and in a text (an alias never spans the two). */
  mentionsIn(title: string, text: string): { inTitle: StoryMentions; inText: StoryMentions } {
    const inTitle = empty();
    const inText = empty();
    this.scan(title, inTitle);
    this.scan(text, inText);
    return { inTitle, inText };
  }

  mentions(text: string): StoryMentions {
    return this.mentionsIn('', text).inText;
  }

  private scan(text: string, found: StoryMentions): void {
    if (text.length === 0) return;
    const exact = this.exactPattern;
    if (exact) {
      exact.lastIndex = 0;
      for (let alias = nextWholeWord(exact, text); alias !== undefined; alias = nextWholeWord(exact, text)) note(found, this.exact.get(alias));
    }
    const folded = this.foldedPattern;
    if (folded) {
      folded.lastIndex = 0;
      for (let alias = nextWholeWord(folded, text); alias !== undefined; alias = nextWholeWord(folded, text)) note(found, this.folded.get(alias.toLowerCase()));
    }
  }
}

function empty(): StoryMentions {
  return { main: false, people: new Set(), organisations: new Set(), keywords: new Set() };
}

function note(found: StoryMentions, ref: EntityRef | undefined): void {
  if (!ref) return;
  if (ref.kind === 'main') found.main = true;
  else if (ref.kind === 'person') found.people.add(ref.entity);
  else if (ref.kind === 'organisation') found.organisations.add(ref.entity);
  else found.keywords.add(ref.entity);
}

/**
 * The next alias in `text` (from the pattern's `lastIndex`) that stands as a whole word:
 * neither a letter nor a digit on either side. The pattern checks the right side; the left
 * side is checked here, on one character, instead of as a lookbehind the regex engine
 * would try at every position of the text. After a match refused on its left the search
 * goes on from the next character, so the matches are exactly those of the lookbehind.
 */
function nextWholeWord(pattern: RegExp, text: string): string | undefined {
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index === 0 || !isWordCharBefore(text, m.index)) return m[0];
    pattern.lastIndex = m.index + 1;
  }
  return undefined;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the code point ending just before `at` is a letter or a digit. */
function isWordCharBefore(text: string, at: number): boolean {
  const code = text.charCodeAt(at - 1);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return WORD_CHAR.test(text.slice(at - 2, at));
  }
  return WORD_CHAR.test(text[at - 1]!);
}

function alternation(aliases: string[], flags: string): RegExp | undefined {
  if (aliases.length === 0) return undefined;
  // Longest first, so "Andrej Karpathy" wins over "Andrej".
  const body = [...aliases].sort((a, b) => b.length - a.length).map(escape).join('|');
  return new RegExp(`(?:${body})(?![\\p{L}\\p{N}])`, flags);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
