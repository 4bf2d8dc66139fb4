import type { CommandHandler } from '../command';
import type { StoryRuntime } from '../../app/story-runtime';
import type { Article } from '../../corpus/article';
import type { Reply } from '../../reply/reply';
import { pageOf, takePage } from '../paging';

export interface SourceEntry {
  outlet: string;
  title: string;
  published?: string;
  url?: string;
}

/** The articles the story rests on, oldest first (undated last), for `sources` and its JSON. */
export function listSources(articles: Article[]): SourceEntry[] {
  return [...articles]
    .sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.id.localeCompare(b.id))
    .map((a) => ({
      outlet: a.outlet,
      title: a.title,
      ...(a.published ? { published: a.published } : {}),
      ...(a.url ? { url: a.url } : {}),
    }));
}

const PAGE = 15;

export function createSourcesCommand(story: StoryRuntime): CommandHandler {
  return {
    name: 'sources',
    usage: '[page]',
    summary: 'the articles and feeds this story is built from',
    async run(request): Promise<Reply> {
      const all = listSources(story.corpus.articles());
      const { page } = takePage(request.args);
      const { shown, remaining } = pageOf(all, page, PAGE, 'sources');
      return {
        title: `${story.definition.title}: ${all.length} source${all.length === 1 ? '' : 's'}`,
        visibility: 'private',
        blocks: [
          {
            kind: 'list',
            items: shown.map((s) => ({
              ...(s.published ? { label: s.published.slice(0, 10) } : {}),
              text: s.title,
              sources: [{ outlet: s.outlet, title: s.title, ...(s.url ? { url: s.url } : {}) }],
            })),
            ...(remaining > 0 ? { more: { count: remaining, hint: `See the next page with /${story.definition.command} sources ${page + 1}` } } : {}),
          },
        ],
      };
    },
  };
}
