import { createHash } from 'node:crypto';
import type { StoryRuntime } from '../app/story-runtime';
import type { Article } from '../corpus/article';
import type { EventMention } from '../knowledge/event-mention';
import type { TimelineEvent } from '../knowledge/merge-events';
import type { StoryKnowledge } from '../knowledge/story-knowledge';
import { sourcesOf } from '../knowledge/event-sources';
import { formatPartialDate, startOf } from '../knowledge/partial-date';
import type { Logger } from '../logging/logger';
import type { Development, DevelopmentSource } from './development';
import type { ArticleSightings, ArticleSighting } from './article-sightings';

export interface TimelineDevelopmentSourceOptions {
  /** The running stories (read on every call). */
  stories: () => readonly StoryRuntime[];
  /** The story's merged timeline for its current corpus version (cached by the caller). */
  /** The story's knowledge, built in slices so a large corpus does not stall the event loop. */
  knowledge: (story: StoryRuntime) => StoryKnowledge | Promise<StoryKnowledge>;
  /** When feed articles were first seen and which cluster holds them; absent: no feeds. */
  sightings?: ArticleSightings;
  /** Where a timeline that cannot be read is reported (the feeds' developments still go out). */
  logger?: Logger;
}

const HEADLINE_CHARS = 90;

/**
 * Developments from the story's timeline: one per dated event merged across outlets, so a
 * story whose feeds have nothing yet (a fresh install, offline) still has a story so far.
 *
 * When an event was "first seen" is the earliest sighting of the articles telling it: a
 * feed item when it was ingested; a bundled or folder article on its publication day (an
 * undated one on the corpus reference date), or when it joined the corpus if that was
 * after the story was loaded. Restarts keep these times, so an old event never counts as
 * new again, and an event only a newly added or ingested article tells is new once.
 */
export class TimelineDevelopmentSource implements DevelopmentSource {
  /** Developments per knowledge build (a new corpus version builds new knowledge). */
  private readonly built = new WeakMap<StoryKnowledge, Promise<Development[]>>();
  /** Feed articles' sightings never change once stored, so each is looked up once. */
  private readonly seen = new Map<string, ArticleSighting>();
  /** Per story: when each non-feed article was first read; those there at the first read count as loaded. */
  private readonly observed = new Map<string, Map<string, number | undefined>>();
  /** Per story: the end of the latest range read; an article not there then joined after it. */
  private readonly lastUntil = new Map<string, number>();

  constructor(private readonly options: TimelineDevelopmentSourceOptions) {}

  async listDevelopments(storyId: string, range: { since?: Date; until: Date }): Promise<Development[]> {
    const story = this.options.stories().find((s) => s.definition.id === storyId);
    if (!story) return [];
    let knowledge: StoryKnowledge;
    try {
      knowledge = await this.options.knowledge(story);
    } catch (error) {
      // A digest without the timeline beats no digest: log it and offer nothing from here.
      this.options.logger?.error({ err: error, story: storyId, component: 'timeline-developments' }, 'cannot read the story timeline');
      return [];
    }
    const until = range.until.getTime();
    const previous = this.lastUntil.get(storyId);
    this.lastUntil.set(storyId, Math.max(previous ?? until, until));
    let all = this.built.get(knowledge);
    if (!all) {
      all = this.build(story, knowledge, previous ?? until);
      this.built.set(knowledge, all);
      // A failed lookup (store down) is tried again next time instead of being remembered.
      all.catch(() => this.built.delete(knowledge));
    }
    const since = range.since?.getTime();
    return (await all)
      .filter((d) => inRange(d, since, until))
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
  }

  private async build(story: StoryRuntime, knowledge: StoryKnowledge, joinedBy: number): Promise<Development[]> {
    const articles = new Map<string, Article>();
    for (const event of knowledge.events) {
      for (const m of event.mentions) {
        const article = story.corpus.get(m.articleId);
        if (article) articles.set(article.id, article);
      }
    }
    await this.lookUpFeedArticles([...articles.values()]);
    const observed = this.observe(story, joinedBy);
    const mainPerson = knowledge.names.mainPerson?.name.toLowerCase();
    const ids = new Set<string>();
    const out: Development[] = [];
    for (const event of knowledge.events) {
      const development = this.toDevelopment(story.definition.id, event, articles, observed, knowledge.reference, mainPerson, ids);
      if (development) out.push(development);
    }
    return out;
  }

  /**
   * Notes the story's non-feed articles: those present at the first read were loaded with the
   * story (no time: their publication counts); one that appears later is dated `joinedBy`, the
   * end of the last range read without it, so it falls into the next digest's window.
   */
  private observe(story: StoryRuntime, joinedBy: number): Map<string, number | undefined> {
    let known = this.observed.get(story.definition.id);
    const loading = !known;
    if (!known) this.observed.set(story.definition.id, (known = new Map()));
    for (const article of story.corpus.articles()) {
      if (article.origin === 'feed' || known.has(article.id)) continue;
      known.set(article.id, loading ? undefined : joinedBy);
    }
    return known;
  }

  private async lookUpFeedArticles(articles: Article[]): Promise<void> {
    const { sightings } = this.options;
    const missing = articles.filter((a) => a.origin === 'feed' && !this.seen.has(a.id)).map((a) => a.id);
    if (!sightings || missing.length === 0) return;
    for (const [id, sighting] of await sightings.sightings(missing)) this.seen.set(id, sighting);
  }

  private toDevelopment(
    storyId: string,
    event: TimelineEvent,
    articles: Map<string, Article>,
    observed: Map<string, number | undefined>,
    reference: Date,
    mainPerson: string | undefined,
    ids: Set<string>,
  ): Development | undefined {
    const seenAt = new Map<string, number>();
    const retells = new Set<string>();
    let standsAlone = false;
    for (const m of event.mentions) {
      if (seenAt.has(m.articleId)) continue;
      const article = articles.get(m.articleId);
      const sighting = this.seen.get(m.articleId);
      seenAt.set(m.articleId, sighting ? Date.parse(sighting.firstSeenAt) : (observed.get(m.articleId) ?? firstSeenOfArticle(article, reference)));
      if (article?.origin === 'feed' && sighting?.developmentId) retells.add(sighting.developmentId);
      else standsAlone = true;
    }
    if (seenAt.size === 0) return undefined;
    const times = [...seenAt.values()];
    const firstSeen = Math.min(...times);
    const first = firstTelling(event.mentions, seenAt);
    const id = stableId(storyId, first, ids);
    ids.add(id);
    const happened = startOf(event.date).getTime();
    return {
      id,
      storyId,
      headline: shortHeadline(event.text),
      summary: tellingOf(event).sentence.replace(/\s+/g, ' ').trim(),
      // A forecast ("will start in June") was published when it was reported, not in June.
      publishedAt: new Date(Math.min(happened, firstSeen)).toISOString(),
      firstSeenAt: new Date(firstSeen).toISOString(),
      updatedAt: new Date(Math.max(...times)).toISOString(),
      relevance: relevanceOf(event, mainPerson),
      sources: sourcesOf(event.mentions),
      dateLabel: formatPartialDate(event.date),
      ...(!standsAlone && retells.size > 0 ? { retells: [...retells] } : {}),
    };
  }
}

/**
 * In `[since, until)` when first seen there, or when it happened on a day there and was seen
 * by `until` (a month or a year is too vague to say it happened inside a window of hours).
 */
function inRange(d: Development, since: number | undefined, until: number): boolean {
  const seen = Date.parse(d.firstSeenAt);
  if (seen >= until) return false;
  if (since === undefined || seen >= since) return true;
  const day = d.dateLabel && /^\d{4}-\d{2}-\d{2}$/.test(d.dateLabel) ? Date.parse(`${d.dateLabel}T00:00:00Z`) : undefined;
  return day !== undefined && day >= since && day < until;
}

/**
 * When newsdesk first had a corpus article that is not a stored feed item: its publication
 * (the start of its day when only the day is known), or the corpus reference date for an
 * undated one. Not the load time: that would make the bundled story new again on every restart.
 */
function firstSeenOfArticle(article: Article | undefined, reference: Date): number {
  const published = article?.published;
  if (published) {
    const at = Date.parse(/T/.test(published) ? published : `${published.slice(0, 10)}T00:00:00Z`);
    if (!Number.isNaN(at)) return at;
  }
  return reference.getTime();
}

/** The mention newsdesk saw first (ties: article id, then sentence position): it stays in the event as others join. */
function firstTelling(mentions: EventMention[], seenAt: Map<string, number>): EventMention {
  return [...mentions].sort(
    (a, b) => (seenAt.get(a.articleId) ?? 0) - (seenAt.get(b.articleId) ?? 0) || a.articleId.localeCompare(b.articleId) || a.passageId.localeCompare(b.passageId),
  )[0]!;
}

/**
 * An id from the first telling's date and terms: it survives re-merges that add or drop
 * other outlets' tellings, and it changes only if that article's sentence does.
 */
function stableId(storyId: string, first: EventMention, taken: Set<string>): string {
  const key = `${storyId}|${formatPartialDate(first.date)}|${[...first.terms].sort().join(' ')}`;
  const id = `event-${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;
  if (!taken.has(id)) return id;
  // Two events told first by near-identical sentences: the passage keeps them apart.
  return `event-${createHash('sha1').update(`${key}|${first.passageId}`).digest('hex').slice(0, 16)}`;
}

/** The mention the event's line was taken from (its most precise, shortest telling). */
function tellingOf(event: TimelineEvent): EventMention {
  return event.mentions.find((m) => m.text === event.text) ?? event.mentions[0]!;
}

/** The event's line as a headline: one clause, no final full stop, cut at a word. */
function shortHeadline(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim().replace(/[.;:,]+$/, '');
  if (clean.length <= HEADLINE_CHARS) return clean;
  const cut = clean.slice(0, HEADLINE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > HEADLINE_CHARS * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** About the story's main person: fully relevant; about someone else in the story: less so. */
function relevanceOf(event: TimelineEvent, mainPerson: string | undefined): number {
  if (mainPerson && event.terms.has(`#${mainPerson}`)) return 1;
  const names = [...event.terms].filter((t) => t.startsWith('#')).length;
  return names > 0 ? 0.8 : 0.6;
}
