import { createHash } from 'node:crypto';
import { Bm25Postings } from './bm25-postings';
import type { Article, Passage } from '../corpus/article';
import type { StoryCorpus } from '../corpus/story-corpus';
import type { StoryEntity, StoryVocabulary } from './story-vocabulary';
import { textTerms } from './text-terms';

/** A passage as retrieval sees it: its terms, and who and what it is about. */
export interface IndexedPassage {
  /** Unique within its index, never reused; later passages get higher numbers. */
  ordinal: number;
  passage: Passage;
  article: Article;
  /** Answer-ready text: reference markers like "[3]" removed. */
  text: string;
  terms: ReadonlySet<string>;
  /** Entities named in the passage, plus the person a "he"/"she" in it refers to. */
  entities: ReadonlySet<string>;
  /** Entities named in the passage itself (no pronouns). */
  explicit: ReadonlySet<string>;
  /** The person a pronoun in this passage was taken to mean, if any. */
  pronounPerson?: StoryEntity;
}

/** A passage found for a query, with its BM25+ score. */
export interface PassageHit {
  passage: IndexedPassage;
  score: number;
}

/** Roughly how many postings one query may touch (keeps p95 low on 10,000-article stories). */
export const POSTINGS_BUDGET = 6000;

/** "2022: Left Tesla ...", "2023-2024: Returned ...": a dated list line opening with its verb. */
const DATED_LINE = /^(?:19|20)\d{2}(?:\s*[-\u2013]\s*(?:19|20)?\d{2})?:\s+[A-Z][a-z]+(?:ed|ft|ok|ew|ent|ught|ilt)\b/;
const PRONOUN = /\b(?:he|his|him|she|her)\b/i;

/** A quote card's byline and the index of its last line. */
interface Byline {
  text: string;
  through: number;
}

/**
 * A quote card's byline: the short lines under a paragraph that is one quote ("Nate Herk",
 * "AI automation creator (YouTube analyst)"), which a page lays out as headings. Written
 * after the quote's last sentence, they say who said it.
 */
function bylineAfter(article: Article, first: number, at: number): Byline | undefined {
  const passage = article.passages[at]!;
  const next = article.passages[at + 1];
  if (!next?.heading || !/["\u201d]$/.test(passage.text)) return undefined;
  const quote = article.passages.slice(first, at + 1).map((p) => p.text).join(' ');
  if (!/^["\u201c][^"\u201c\u201d]+["\u201d]$/.test(quote)) return undefined;
  const lines: string[] = [];
  for (let i = at + 1; i < article.passages.length && lines.length < 2; i++) {
    const line = article.passages[i]!;
    // A role line may end in a bracket ("(YouTube analyst)"), which a heading may not.
    if (line.paragraph === passage.paragraph || /^["\u201c]/.test(line.text) || /[.!?:"]$/.test(line.text) || line.text.split(/\s+/).length > (lines.length === 0 ? 5 : 8)) break;
    if (lines.length === 0 && !/^[@\p{Lu}]/u.test(line.text)) break;
    lines.push(line.text.replace(/^@@/, '@'));
  }
  return lines.length > 0 ? { text: lines.join(', '), through: at + lines.length } : undefined;
}

/** The index of the last passage of the paragraph the passage at `at` is in. */
function lastOfParagraph(article: Article, at: number): number {
  let last = at;
  while (article.passages[last + 1]?.paragraph === article.passages[at]!.paragraph) last++;
  return last;
}

/** Lines that carry no statement: bylines, handles, counters, navigation. */
function isNoise(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  // "User @name added:" is short but says who said the quote after it.
  if (words.length < 4) return !(/:$/.test(text.trim()) && /(?<![\w@])@\w{2,}/.test(text));
  if (/^@@?\w+$/.test(text.trim())) return true;
  return !/[a-z]{3}/.test(text);
}

/** What the index remembers of one article, to tell whether a new corpus version changed it. */
interface IndexedArticle {
  article: Article;
  /** Hash of everything indexing reads; equal hash = nothing to redo. */
  hash: string;
  passages: IndexedPassage[];
  /** Every term of the article, its outlet and title (made when first asked for). */
  terms?: ReadonlySet<string>;
  /** Terms of its title alone, worked out when first asked for. */
  titleTerms?: ReadonlySet<string>;
}

/** Counters that show how much work updates did (tests and diagnostics). */
export interface PassageIndexStats {
  /** Articles whose passages were (re)analysed and added, since the index was created. */
  articlesIndexed: number;
  /** Articles whose passages were taken out (removed or changed). */
  articlesDiscarded: number;
}

function articleHash(a: Article): string {
  return createHash('sha1').update(`${a.outlet}\n${a.title}\n${a.url ?? ''}\n${a.published ?? ''}\n${a.body}`).digest('base64');
}

/**
 * A BM25+ index over a story's passages that follows the corpus: `update` analyses only the
 * articles that are new or changed and takes out those removed or changed, keeping the
 * document frequencies (of BM25 and of coverage scoring) exact. A feed item arriving costs
 * its own passages, not a rebuild of the story.
 */
export class PassageIndex {
  private readonly byOrdinal = new Map<number, IndexedPassage>();
  private readonly articlesById = new Map<string, IndexedArticle>();
  private readonly termDf = new Map<string, number>();
  private readonly entityDf = new Map<string, number>();
  private readonly paragraphCache = new Map<string, Set<string>>();
  private readonly search = new Bm25Postings();
  private nextOrdinal = 0;
  private readonly prefixCache = new Map<string, string[]>();
  private prefixCacheGeneration = -1;
  private changes = 0;
  readonly stats: PassageIndexStats = { articlesIndexed: 0, articlesDiscarded: 0 };

  constructor(
    articles: Article[],
    readonly vocabulary: StoryVocabulary,
  ) {
    this.update(articles);
  }

  /** Increases on every update that changed anything (caches keyed on an index check it). */
  get generation(): number {
    return this.changes;
  }

  /**
   * Brings the index in line with `articles` (the whole corpus as it is now): new and
   * changed articles are (re)indexed, missing ones taken out. Returns how many articles
   * were (re)indexed.
   */
  update(articles: Article[]): number {
    const seen = new Set<string>();
    let indexed = 0;
    let removed = 0;
    for (const article of articles) {
      seen.add(article.id);
      const known = this.articlesById.get(article.id);
      if (known && known.article === article) continue;
      const hash = articleHash(article);
      if (known && known.hash === hash) {
        known.article = article;
        continue;
      }
      if (known) {
        this.discardArticle(known);
        removed++;
      }
      const passages = this.analyse(article);
      this.articlesById.set(article.id, { article, hash, passages });
      // Every term as often as it is written (BM25 counts repeats).
      for (const p of passages) this.search.add(p.ordinal, textTerms(p.text));
      indexed++;
    }
    if (this.articlesById.size > seen.size) {
      for (const [id, known] of this.articlesById) {
        if (seen.has(id)) continue;
        this.discardArticle(known);
        this.articlesById.delete(id);
        removed++;
      }
    }
    if (indexed || removed) this.changes++;
    this.stats.articlesIndexed += indexed;
    this.stats.articlesDiscarded += removed;
    return indexed;
  }

  private discardArticle(known: IndexedArticle): void {
    for (const p of known.passages) {
      this.search.remove(p.ordinal, p.terms.size);
      this.byOrdinal.delete(p.ordinal);
      for (const t of p.terms) decrement(this.termDf, t);
      for (const e of p.entities) decrement(this.entityDf, e);
    }
    for (const p of known.passages) this.paragraphCache.delete(`${p.article.id}#${p.passage.paragraph}`);
  }

  /** One article's passages, with their terms, entities and pronoun referents. */
  private analyse(article: Article): IndexedPassage[] {
    const vocabulary = this.vocabulary;
    const list: IndexedPassage[] = [];
    let subject: StoryEntity | undefined;
    let paragraph = -1;
    // The paragraph's last passage, and the quote card byline under it (found once per paragraph).
    let last = -1;
    let byline: Byline | undefined;
    let bylineThrough = -1;
    for (const [at, passage] of article.passages.entries()) {
      if (passage.paragraph !== paragraph) {
        paragraph = passage.paragraph;
        subject = undefined;
        last = lastOfParagraph(article, at);
        byline = bylineAfter(article, at, last);
      }
      if (passage.heading) continue;
      // A quote card's byline is written after its last sentence; the others have its words
      // too, and its lines are not passages of their own.
      if (at <= bylineThrough) continue;
      if (byline && last === at) bylineThrough = byline.through;
      const text = passage.text.replace(/\s*\[\d+\](?:\s*\[\d+\])*/g, '').replace(/\s+([.,;:])/g, '$1').trim() + (byline && last === at ? ` - ${byline.text}` : '');
      if (isNoise(text)) continue;
      const mentions = vocabulary.mentions(text);
      const explicit = new Set(mentions.map((m) => m.entity.id));
      const entities = new Set(explicit);
      // "He"/"she" means the person last in subject position in this paragraph, else
      // the story's main person (the articles are about them).
      let pronounPerson: StoryEntity | undefined;
      // A dated line of a career list ("2022: Left Tesla after ...") leaves out its subject:
      // the story's main person, as a pronoun would.
      if (PRONOUN.test(text) || (DATED_LINE.test(text) && !mentions.some((m) => m.entity.kind === 'person'))) {
        pronounPerson = subject ?? vocabulary.mainPerson;
        if (pronounPerson) entities.add(pronounPerson.id);
      }
      const first = mentions.find((m) => m.entity.kind === 'person');
      if (first && first.start < 40 && !/\bby\s*$/i.test(text.slice(0, first.start))) subject = first.entity;
      const indexed: IndexedPassage = {
        ordinal: this.nextOrdinal++,
        passage,
        article,
        text,
        terms: new Set([...textTerms(text), ...(byline && last !== at ? textTerms(byline.text) : [])]),
        entities,
        explicit,
        ...(pronounPerson ? { pronounPerson } : {}),
      };
      for (const t of indexed.terms) this.termDf.set(t, (this.termDf.get(t) ?? 0) + 1);
      for (const e of entities) this.entityDf.set(e, (this.entityDf.get(e) ?? 0) + 1);
      this.byOrdinal.set(indexed.ordinal, indexed);
      list.push(indexed);
    }
    return list;
  }

  /** How many passages are indexed. */
  get size(): number {
    return this.byOrdinal.size;
  }

  /** Every indexed passage (in no promised order). */
  passages(): IterableIterator<IndexedPassage> {
    return this.byOrdinal.values();
  }

  /** In how many passages a term occurs. */
  termFrequency(term: string): number {
    return this.termDf.get(term) ?? 0;
  }

  /**
   * Indexed terms that are the same word as `term` written another way: a shared start of
   * at least five letters that is all of the shorter one but for at most two letters
   * ("undergrad" ~ "undergraduate", "optimise" ~ "optimizations", "redditors" ~ "reddit").
   * For question words the corpus never uses as written; cached per generation.
   */
  sameWordTerms(term: string): readonly string[] {
    if (term.length < 5 || /^\d/.test(term)) return [];
    if (this.prefixCacheGeneration !== this.changes) {
      this.prefixCache.clear();
      this.prefixCacheGeneration = this.changes;
    }
    const hit = this.prefixCache.get(term);
    if (hit) return hit;
    const head = term.slice(0, 5);
    const found: string[] = [];
    for (const t of this.termDf.keys()) {
      if (t === term || !t.startsWith(head)) continue;
      // A short word is not a longer one it starts ("front" is not "frontier").
      if (t.length - term.length > 2 && term.length < 7) continue;
      let shared = 5;
      while (shared < t.length && shared < term.length && t[shared] === term[shared]) shared++;
      if (shared >= Math.min(t.length, term.length) - 2) found.push(t);
    }
    if (this.prefixCache.size > 2000) this.prefixCache.clear();
    this.prefixCache.set(term, found);
    return found;
  }

  /**
   * The one indexed term a typing slip away from `term` ("folow" for "follow"), if exactly
   * one is; for a word of five letters or more the corpus never uses.
   */
  misspeltTerm(term: string): string | undefined {
    if (term.length < 5 || /^\d/.test(term)) return undefined;
    let found: string | undefined;
    for (const t of this.termDf.keys()) {
      if (Math.abs(t.length - term.length) > 1 || t.length < 5 || !oneEditApart(t, term)) continue;
      if (found !== undefined) return undefined;
      found = t;
    }
    return found;
  }

  /** In how many passages an entity is named (or meant by a pronoun). */
  entityFrequency(entityId: string): number {
    return this.entityDf.get(entityId) ?? 0;
  }

  /** The passage before or after this one in its article (same paragraph only when `sameParagraph`). */
  neighbour(p: IndexedPassage, offset: -1 | 1, sameParagraph = true): IndexedPassage | undefined {
    const list = this.articlesById.get(p.article.id)?.passages ?? [];
    const i = list.indexOf(p);
    const n = i < 0 ? undefined : list[i + offset];
    if (!n) return undefined;
    return !sameParagraph || n.passage.paragraph === p.passage.paragraph ? n : undefined;
  }

  /** Every term of the passage's article, its outlet and its title ("the Studio Global piece"). */
  articleTerms(p: IndexedPassage): ReadonlySet<string> {
    const known = this.articlesById.get(p.article.id);
    if (!known) return new Set();
    if (!known.terms) {
      // The whole body: a byline or a site's name often stands on a line no passage keeps.
      known.terms = new Set(textTerms(`${known.article.outlet}\n${known.article.title}\n${known.article.body}`));
    }
    return known.terms;
  }

  /** The terms of the title of the passage's article ("the piece on redrawing the battlefield"). */
  titleTerms(p: IndexedPassage): ReadonlySet<string> {
    const known = this.articlesById.get(p.article.id);
    if (!known) return new Set();
    known.titleTerms ??= new Set(textTerms(known.article.title));
    return known.titleTerms;
  }

  /** Every term of the passage's paragraph (context for the sentence). */
  paragraphTerms(p: IndexedPassage): ReadonlySet<string> {
    const key = `${p.article.id}#${p.passage.paragraph}`;
    let terms = this.paragraphCache.get(key);
    if (!terms) {
      terms = new Set<string>();
      for (const other of this.articlesById.get(p.article.id)?.passages ?? []) {
        if (other.passage.paragraph === p.passage.paragraph) for (const t of other.terms) terms.add(t);
      }
      this.paragraphCache.set(key, terms);
    }
    return terms;
  }

  /**
   * Best passages for weighted terms (BM25+, OR semantics), best first. Terms in a large
   * share of passages are left out of the search (coverage scoring still sees them); with
   * `broad`, a query made only of such terms searches them anyway, else it finds nothing.
   * `budget` caps the postings the search may touch (the rarest terms go first).
   */
  find(weights: ReadonlyMap<string, number>, limit: number, broad = true, budget = POSTINGS_BUDGET): PassageHit[] {
    const present = [...weights.keys()].filter((t) => this.termDf.has(t));
    const df = (t: string) => this.termDf.get(t) ?? 0;
    const selective = present.filter((t) => df(t) <= this.size * 0.15).sort((a, b) => df(a) - df(b));
    // Rarest terms first, within a budget of postings, so a query on a big story stays fast.
    const terms: string[] = [];
    let postings = 0;
    for (const t of selective) {
      if (terms.length >= 2 && postings + df(t) > budget) break;
      terms.push(t);
      postings += df(t);
    }
    if (terms.length === 0 && broad) terms.push(...present);
    if (terms.length === 0) return [];
    const results = this.search.search(terms, (term) => weights.get(term) ?? 1, df, limit);
    const hits: PassageHit[] = [];
    for (const r of results) {
      const passage = this.byOrdinal.get(r.id);
      if (passage) hits.push({ passage, score: r.score });
    }
    return hits;
  }
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 0) - 1;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/**
 * Keeps one index per story corpus and brings it up to date when the corpus version moved:
 * new feed items become searchable without a restart and without a rebuild.
 */
export class PassageIndexCache {
  private built: { version: number; index: PassageIndex } | undefined;

  constructor(
    private readonly corpus: StoryCorpus,
    private readonly vocabulary: StoryVocabulary,
  ) {}

  current(): PassageIndex {
    const version = this.corpus.version;
    if (!this.built) {
      this.built = { version, index: new PassageIndex(this.corpus.articles(), this.vocabulary) };
    } else if (this.built.version !== version) {
      this.built.index.update(this.corpus.articles());
      this.built.version = version;
    }
    return this.built.index;
  }
}

/**
 * One letter inserted or dropped, two neighbours swapped, or, in a word of seven letters or
 * more, one letter changed (in shorter words a changed letter is often another word: "skill",
 * "still").
 */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) return true;
    return a.length >= 7 && a.slice(i + 1) === b.slice(i + 1);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}
