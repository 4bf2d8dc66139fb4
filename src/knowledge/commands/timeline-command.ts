import type { CommandHandler } from '../../commands/command';
import type { StoryRuntime } from '../../app/story-runtime';
import type { Reply } from '../../reply/reply';
import type { KnowledgeCache } from '../knowledge-cache';
import { formatPartialDate } from '../partial-date';
import { eventsInRange, parseTimelineRange } from '../timeline-query';
import { shorten, sourcesOf } from '../event-sources';
import { pageOf, takePage } from '../../commands/paging';

const PAGE = 12;

/** `timeline [year | from-to] [page]`: the story's dated events, one line each, with outlets. */
export function createTimelineCommand(story: StoryRuntime, cache: KnowledgeCache): CommandHandler {
  const command = story.definition.command;
  return {
    name: 'timeline',
    usage: '[year | from-to] [page]',
    summary: 'dated events of the story, merged across outlets',
    async run(request): Promise<Reply> {
      const { args, page } = takePage(request.args);
      const range = parseTimelineRange(args);
      const knowledge = await cache.load(story.definition, story.corpus);
      const all = knowledge.events;
      const events = eventsInRange(all, range);
      const span = args.join(' ');
      if (events.length === 0) {
        const first = all[0];
        const last = all[all.length - 1];
        const known = first && last ? ` The timeline runs from ${formatPartialDate(first.date)} to ${formatPartialDate(last.date)}.` : '';
        return { visibility: 'private', blocks: [{ kind: 'text', text: `No dated events${span ? ` in ${span}` : ' yet'}.${known}` }] };
      }
      const { shown, remaining } = pageOf(events, page, PAGE, `events${span ? ` in ${span}` : ''}`);
      const next = `/${command} timeline ${span ? `${span} ` : ''}${page + 1}`;
      const years = [...new Set(events.slice(page * PAGE).map((e) => e.date.year))];
      const hint = `Next page: ${next}${!span && years[0] !== undefined ? `, or one year: /${command} timeline ${years[0]}` : ''}`;
      return {
        title: `${story.definition.title}: timeline${span ? ` ${span}` : ''} (${events.length} event${events.length === 1 ? '' : 's'})`,
        visibility: 'channel',
        blocks: [
          {
            kind: 'list',
            items: shown.map((e) => ({ label: formatPartialDate(e.date), text: shorten(e.text), sources: sourcesOf(e.mentions) })),
            ...(remaining > 0 ? { more: { count: remaining, hint } } : {}),
          },
        ],
      };
    },
  };
}
