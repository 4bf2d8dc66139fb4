import type { CommandHandler } from '../../commands/command';
import type { StoryRuntime } from '../../app/story-runtime';
import type { Reply } from '../../reply/reply';
import type { KnowledgeCache } from '../knowledge-cache';
import type { QuoteEntry, StoryKnowledge } from '../story-knowledge';
import { shorten, sourcesOf } from '../event-sources';
import { pageOf, takePage } from '../../commands/paging';

const PAGE = 8;

/** Quotes whose speaker is the named person (by name or alias), or all of them. */
export function quotesBy(knowledge: StoryKnowledge, name: string): QuoteEntry[] {
  if (!name) return knowledge.quotes;
  const entity = knowledge.names.lookup(name);
  const wanted = name.toLowerCase();
  return knowledge.quotes.filter((q) => (entity ? q.speaker === entity.name : q.speaker.toLowerCase().includes(wanted)));
}

/** `quotes [name] [page]`: what people said, one line each, with the outlets reporting it. */
export function createQuotesCommand(story: StoryRuntime, cache: KnowledgeCache): CommandHandler {
  const command = story.definition.command;
  return {
    name: 'quotes',
    usage: '[name] [page]',
    summary: 'what people in the story said, and who reported it',
    async run(request): Promise<Reply> {
      const { args, page } = takePage(request.args);
      const name = args.join(' ').trim();
      const knowledge = await cache.load(story.definition, story.corpus);
      const quotes = quotesBy(knowledge, name);
      if (quotes.length === 0) {
        return { visibility: 'private', blocks: [{ kind: 'text', text: name ? `No quotes from "${name}" in the story's sources. Try /${command} quotes for everyone.` : 'No quotes found in the sources yet.' }] };
      }
      const { shown, remaining } = pageOf(quotes, page, PAGE, name ? `quotes from ${name}` : 'quotes');
      return {
        title: `${story.definition.title}: quotes${name ? ` from ${knowledge.names.lookup(name)?.name ?? name}` : ''} (${quotes.length})`,
        visibility: 'channel',
        blocks: [
          {
            kind: 'list',
            items: shown.map((q) => ({ label: q.speaker, text: `"${shorten(q.text, 220)}"`, sources: sourcesOf(q.mentions) })),
            ...(remaining > 0 ? { more: { count: remaining, hint: `Next page: /${command} quotes ${name ? `${name} ` : ''}${page + 1}` } } : {}),
          },
        ],
      };
    },
  };
}
