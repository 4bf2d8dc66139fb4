import type { Article, Passage } from '../corpus/article';
import type { NamedEntity, StoryNames } from './story-names';

/** Something a person said or wrote, as one article reports it. */
export interface QuoteMention {
  /** Who said it: a story entity's canonical name, a name from the article, or a handle. */
  speaker: string;
  entity?: NamedEntity;
  /** The quoted words, without the quotation marks. */
  text: string;
  articleId: string;
  outlet: string;
  title: string;
  url?: string;
  /** The passage(s) holding the quote and its attribution, as cited. */
  sentence: string;
}

const VERBS = 'said|says|wrote|writes|added|adds|stated|states|commented|comments|noted|notes|told|tweeted|posted|explained|argued|called|characterized|described|replied|announced';
const AFTER = new RegExp(`^\\s*,?\\s*(?:(he|she|[\\p{Lu}@][\\p{L}\\p{N}@_.'-]*(?:\\s+[\\p{Lu}][\\p{L}'-]*){0,3})\\s+(?:${VERBS})\\b|(?:${VERBS})\\s+([\\p{Lu}@][\\p{L}\\p{N}@_.'-]*(?:\\s+[\\p{Lu}][\\p{L}'-]*){0,3}))`, 'u');
const BEFORE = new RegExp(`(he|she|[\\p{Lu}@][\\p{L}\\p{N}@_.'-]*(?:\\s+[\\p{Lu}][\\p{L}'-]*){0,3})\\s+(?:has\\s+|had\\s+)?(?:${VERBS})\\b[^"]{0,60}$`, 'u');
const QUOTE = /"([^"]{12,})"/g;
const WORDS_FOR_A_QUOTE = 5;

/** Quotes with their speakers: inline ("...," he wrote), after an attribution line ("X wrote:"), or above a byline. */
export function extractQuotes(article: Article, names: StoryNames): QuoteMention[] {
  const out: QuoteMention[] = [];
  const paragraphs = groupParagraphs(article.passages);
  paragraphs.forEach((passages, i) => {
    const text = passages.map((p) => p.text).join(' ');
    const whole = /^"([^"]+)"$/.exec(text.trim());
    if (whole?.[1] && wordCount(whole[1]) >= WORDS_FOR_A_QUOTE) {
      const previous = paragraphs[i - 1]?.map((p) => p.text).join(' ') ?? '';
      const next = paragraphs[i + 1]?.map((p) => p.text).join(' ') ?? '';
      let speaker: string | undefined;
      let cited = text;
      if (/:$/.test(previous)) {
        speaker = BEFORE.exec(previous.replace(/:$/, ''))?.[1] ?? handleIn(previous);
        cited = `${lastSentence(previous)} ${text}`;
      } else if (next && next.split(/\s+/).length <= 4 && !/[.!?]$/.test(next)) {
        speaker = next;
        cited = `${text} ${next}`;
      }
      const resolved = speaker ? resolveSpeaker(speaker, names) : undefined;
      if (resolved) out.push({ ...resolved, text: whole[1], ...source(article), sentence: cited });
      return;
    }
    for (const m of text.matchAll(QUOTE)) {
      const quote = m[1]!;
      if (wordCount(quote) < WORDS_FOR_A_QUOTE) continue;
      const after = AFTER.exec(text.slice(m.index + m[0].length));
      const before = BEFORE.exec(text.slice(Math.max(0, m.index - 140), m.index));
      const speaker = after?.[1] ?? after?.[2] ?? before?.[1];
      const resolved = speaker ? resolveSpeaker(speaker, names) : undefined;
      if (resolved) out.push({ ...resolved, text: quote.replace(/[,\s]+$/, ''), ...source(article), sentence: text });
    }
  });
  return out;
}

/** A pronoun is the story's main person; a name or alias is its entity; "X user @a" is "@a". */
function resolveSpeaker(raw: string, names: StoryNames): { speaker: string; entity?: NamedEntity } | undefined {
  const cleaned = raw.replace(/^(?:As|And|But|X|User|user)\s+/g, '').replace(/^(?:X\s+)?user\s+/i, '').replace(/^@@/, '@').trim();
  if (/^(?:he|she)$/i.test(cleaned)) {
    const main = names.mainPerson;
    return main ? { speaker: main.name, entity: main } : undefined;
  }
  if (!cleaned || /^(?:It|They|This|That|The|We|I)$/.test(cleaned)) return undefined;
  const entity = names.lookup(cleaned) ?? names.findEntities(cleaned)[0];
  return entity ? { speaker: entity.name, entity } : { speaker: cleaned };
}

function handleIn(text: string): string | undefined {
  return /@[\w.]+/.exec(text)?.[0];
}

function source(article: Article) {
  return { articleId: article.id, outlet: article.outlet, title: article.title, ...(article.url ? { url: article.url } : {}) };
}

function groupParagraphs(passages: Passage[]): Passage[][] {
  const groups: Passage[][] = [];
  for (const p of passages) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.paragraph === p.paragraph) last.push(p);
    else groups.push([p]);
  }
  return groups;
}

function lastSentence(text: string): string {
  return /[^.!?]*[.!?:]?$/.exec(text)?.[0]?.trim() ?? text;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
