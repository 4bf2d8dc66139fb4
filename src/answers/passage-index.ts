import MiniSearch from 'minisearch';
import type { Article, Passage } from '../corpus/article';
import type { StoryCorpus } from '../corpus/story-corpus';
import type { StoryEntity, StoryVocabulary } from './story-vocabulary';
import { textTerms } from './text-terms';

/** A passage as retrieval sees it: its terms, and who and what it is about. */
export interface IndexedPassage {
  /** Position in `PassageIndex.passages`. */
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

/** A passage found for a query, with MiniSearch's BM25+ score. */
export interface PassageHit {
  passage: IndexedPassage;
  score: number;
}

/** Roughly how many postings one query may touch (keeps p95 low on 10,000-article stories). */
const POSTINGS_BUDGET = 6000;

const PRONOUN = /\b(?:he|his|him|she|her)\b/i;

/** Lines that carry no statement: bylines, handles, counters, navigation. */
function isNoise(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 4) return true;
  if (/^@@?\w+$/.test(text.trim())) return true;
  return !/[a-z]{3}/.test(text);
}

/**
 * A BM25+ index over one corpus version's passages. Built once per `StoryCorpus.version`
 * (see `PassageIndexCache`); a query then costs one MiniSearch lookup.
 */
export class PassageIndex {
  readonly passages: IndexedPassage[] = [];
  /** Per article id, its passages in order (neighbour lookups). */
  private readonly byArticle = new Map<string, IndexedPassage[]>();
  private readonly termDf = new Map<string, number>();
  private readonly entityDf = new Map<string, number>();
  private readonly paragraphCache = new Map<string, Set<string>>();
  private readonly search: MiniSearch<{ id: number; terms: string }>;

  constructor(
    articles: Article[],
    readonly vocabulary: StoryVocabulary,
  ) {
    this.search = new MiniSearch<{ id: number; terms: string }>({
      fields: ['terms'],
      // Passages are indexed as already-processed terms; no second tokenisation.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
      searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term || null },
    });
    const docs: Array<{ id: number; terms: string }> = [];
    for (const article of articles) {
      const list: IndexedPassage[] = [];
      let subject: StoryEntity | undefined;
      let paragraph = -1;
      for (const passage of article.passages) {
        if (passage.paragraph !== paragraph) {
          paragraph = passage.paragraph;
          subject = undefined;
        }
        if (passage.heading) continue;
        const text = passage.text.replace(/\s*\[\d+\](?:\s*\[\d+\])*/g, '').replace(/\s+([.,;:])/g, '$1').trim();
        if (isNoise(text)) continue;
        const mentions = vocabulary.mentions(text);
        const explicit = new Set(mentions.map((m) => m.entity.id));
        const entities = new Set(explicit);
        // "He"/"she" means the person last in subject position in this paragraph, else
        // the story's main person (the articles are about them).
        let pronounPerson: StoryEntity | undefined;
        if (PRONOUN.test(text)) {
          pronounPerson = subject ?? vocabulary.mainPerson;
          if (pronounPerson) entities.add(pronounPerson.id);
        }
        const first = mentions.find((m) => m.entity.kind === 'person');
        if (first && first.start < 40 && !/\bby\s*$/i.test(text.slice(0, first.start))) subject = first.entity;
        const terms = textTerms(text);
        const indexed: IndexedPassage = {
          ordinal: this.passages.length,
          passage,
          article,
          text,
          terms: new Set(terms),
          entities,
          explicit,
          ...(pronounPerson ? { pronounPerson } : {}),
        };
        for (const t of indexed.terms) this.termDf.set(t, (this.termDf.get(t) ?? 0) + 1);
        for (const e of entities) this.entityDf.set(e, (this.entityDf.get(e) ?? 0) + 1);
        this.passages.push(indexed);
        list.push(indexed);
        docs.push({ id: indexed.ordinal, terms: terms.join(' ') });
      }
      this.byArticle.set(article.id, list);
    }
    this.search.addAll(docs);
  }

  get size(): number {
    return this.passages.length;
  }

  /** In how many passages a term occurs. */
  termFrequency(term: string): number {
    return this.termDf.get(term) ?? 0;
  }

  /** In how many passages an entity is named (or meant by a pronoun). */
  entityFrequency(entityId: string): number {
    return this.entityDf.get(entityId) ?? 0;
  }

  /** The passage before or after this one in its article (same paragraph only when `sameParagraph`). */
  neighbour(p: IndexedPassage, offset: -1 | 1, sameParagraph = true): IndexedPassage | undefined {
    const list = this.byArticle.get(p.article.id) ?? [];
    const i = list.indexOf(p);
    const n = i < 0 ? undefined : list[i + offset];
    if (!n) return undefined;
    return !sameParagraph || n.passage.paragraph === p.passage.paragraph ? n : undefined;
  }

  /** Every term of the passage's paragraph (context for the sentence). */
  paragraphTerms(p: IndexedPassage): ReadonlySet<string> {
    const key = `${p.article.id}#${p.passage.paragraph}`;
    let terms = this.paragraphCache.get(key);
    if (!terms) {
      terms = new Set<string>();
      for (const other of this.byArticle.get(p.article.id) ?? []) {
        if (other.passage.paragraph === p.passage.paragraph) for (const t of other.terms) terms.add(t);
      }
      this.paragraphCache.set(key, terms);
    }
    return terms;
  }

  /** Best passages for weighted terms (BM25+, OR semantics), best first. */
  find(weights: ReadonlyMap<string, number>, limit: number): PassageHit[] {
    const present = [...weights.keys()].filter((t) => this.termDf.has(t));
    // Terms in a large share of passages rank nothing and make a query scan most of the
    // index; coverage scoring still sees them.
    const df = (t: string) => this.termDf.get(t) ?? 0;
    const selective = present.filter((t) => df(t) <= this.passages.length * 0.15).sort((a, b) => df(a) - df(b));
    // Rarest terms first, within a budget of postings, so a query on a big story stays fast.
    const terms: string[] = [];
    let postings = 0;
    for (const t of selective) {
      if (terms.length >= 2 && postings + df(t) > POSTINGS_BUDGET) break;
      terms.push(t);
      postings += df(t);
    }
    if (terms.length === 0) terms.push(...present);
    if (terms.length === 0) return [];
    const results = this.search.search(terms.join(' '), {
      combineWith: 'OR',
      boostTerm: (term) => weights.get(term) ?? 1,
    });
    return results.slice(0, limit).map((r) => ({ passage: this.passages[r.id as number]!, score: r.score }));
  }
}

/**
 * Keeps one index per story corpus and rebuilds it when the corpus version moved (new feed
 * items become searchable without a restart).
 */
export class PassageIndexCache {
  private built: { version: number; index: PassageIndex } | undefined;

  constructor(
    private readonly corpus: StoryCorpus,
    private readonly vocabulary: StoryVocabulary,
  ) {}

  current(): PassageIndex {
    const version = this.corpus.version;
    if (!this.built || this.built.version !== version) {
      this.built = { version, index: new PassageIndex(this.corpus.articles(), this.vocabulary) };
    }
    return this.built.index;
  }
}
