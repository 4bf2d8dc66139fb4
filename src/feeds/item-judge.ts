import { StoryMatcher, type StoryNames } from './story-matcher';
import { RELEVANCE_THRESHOLD, scoreRelevance } from './relevance';
import { compileFilter, passesFilter, type ItemFilter } from './item-filter';
import { developmentTerms } from './development-terms';
import type { FeedItem } from './feed-item';

/** What judging a feed's items needs: the story's names and the feed's rules (plain data). */
export interface JudgeInput {
  names: StoryNames;
  include: string[];
  exclude: string[];
  /**
   * Text that stands for all of the above (equal keys, equal inputs), so the judge can be
   * found again without writing the whole input out for every feed; without it, it is.
   */
  key?: string;
}

/** The feed's rules, then relevance; development terms for the items about the story. */
export class ItemJudge {
  private readonly matcher: StoryMatcher;
  private readonly filter: ItemFilter;

  constructor(input: JudgeInput) {
    this.matcher = new StoryMatcher(input.names);
    // Refused rules are reported where the feed is ingested; here they are just left out.
    this.filter = compileFilter(input.include, input.exclude).filter;
  }

  /** Sets `relevance` (and `terms` when relevant) on each item. */
  judge(items: FeedItem[]): void {
    for (const item of items) {
      const relevance = passesFilter(this.filter, `${item.title}\n${item.summary}`) ? scoreRelevance(this.matcher, item.title, item.summary) : 0;
      item.relevance = relevance;
      if (relevance >= RELEVANCE_THRESHOLD) item.terms = developmentTerms(item.title, item.summary, this.matcher.nameWords);
    }
  }
}

const cache = new Map<string, ItemJudge>();

/** A judge for these names and rules, reused across feeds and polls (a few stories, few rule sets). */
export function judgeFor(input: JudgeInput): ItemJudge {
  const key = input.key ?? JSON.stringify(input);
  let judge = cache.get(key);
  if (!judge) {
    if (cache.size >= 64) cache.clear();
    judge = new ItemJudge(input);
    cache.set(key, judge);
  }
  return judge;
}
