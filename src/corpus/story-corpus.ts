import type { Article } from './article';

/**
 * The articles a story knows: its bundled (or `--corpus`) articles plus relevant feed items
 * added while running. Indexes built on it compare `version` to rebuild without a restart.
 */
export class StoryCorpus {
  private readonly byId = new Map<string, Article>();
  private currentVersion = 0;

  constructor(articles: Article[] = []) {
    for (const a of articles) this.byId.set(a.id, a);
  }

  /** Increases whenever an article is added or replaced. */
  get version(): number {
    return this.currentVersion;
  }

  articles(): Article[] {
    return [...this.byId.values()];
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /** Adds or replaces articles (a feed item edited upstream replaces its old text). */
  upsert(articles: Article[]): void {
    if (articles.length === 0) return;
    for (const a of articles) this.byId.set(a.id, a);
    this.currentVersion++;
  }

  remove(ids: string[]): void {
    let changed = false;
    for (const id of ids) changed = this.byId.delete(id) || changed;
    if (changed) this.currentVersion++;
  }
}
