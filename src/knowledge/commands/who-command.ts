import type { CommandHandler } from '../../commands/command';
import type { StoryRuntime } from '../../app/story-runtime';
import type { Reply, ReplyBlock } from '../../reply/reply';
import type { KnowledgeCache } from '../knowledge-cache';
import { formatPartialDate } from '../partial-date';
import { shorten, sourcesOf } from '../event-sources';
import { quotesBy } from './quotes-command';

/** `who <name>`: role in the story, the dated events naming them, and their quotes. */
export function createWhoCommand(story: StoryRuntime, cache: KnowledgeCache): CommandHandler {
  const command = story.definition.command;
  return {
    name: 'who',
    usage: '<name>',
    summary: 'who someone is in the story: role, events, quotes',
    async run(request): Promise<Reply> {
      const name = request.text.trim();
      const knowledge = await cache.load(story.definition, story.corpus);
      if (!name) {
        const people = knowledge.names.entities.filter((e) => e.kind === 'person');
        return {
          title: `${story.definition.title}: people`,
          visibility: 'private',
          blocks: [
            { kind: 'list', items: people.map((p) => ({ label: p.name, text: p.role ?? '' })) },
            { kind: 'text', text: `Ask about one of them: /${command} who ${people[1]?.name.toLowerCase() ?? 'name'}` },
          ],
        };
      }
      const entity = knowledge.names.lookup(name);
      const shown = entity?.name ?? name;
      const forms = entity ? [entity.name, ...entity.aliases] : [name];
      const patterns = forms.map((f) => new RegExp(`(?<![\\w@])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'i'));
      const named = (text: string) => patterns.some((p) => p.test(text));
      const events = knowledge.events.filter((e) => e.mentions.some((m) => named(m.sentence)));
      const quotes = quotesBy(knowledge, shown);
      const mentionedIn = story.corpus.articles().filter((a) => named(a.body) || named(a.title));
      if (!entity && mentionedIn.length === 0) {
        return { visibility: 'private', blocks: [{ kind: 'text', text: `"${name}" does not appear in the story's sources. Try /${command} who for the people I know.` }] };
      }
      const firstSentence = mentionedIn.flatMap((a) => a.passages).find((p) => !p.heading && named(p.text))?.text;
      const blocks: ReplyBlock[] = [
        { kind: 'text', text: entity?.role ? `${entity.name}: ${entity.role}.` : `${shown}, as the sources first mention them: ${shorten(firstSentence ?? '', 220)}` },
      ];
      if (events.length > 0) {
        blocks.push({
          kind: 'list',
          title: 'Dated events',
          items: events.slice(0, 6).map((e) => ({ label: formatPartialDate(e.date), text: shorten(e.text, 160), sources: sourcesOf(e.mentions) })),
          ...(events.length > 6 ? { more: { count: events.length - 6, hint: `See /${command} timeline for all events` } } : {}),
        });
      }
      if (quotes.length > 0) {
        blocks.push({
          kind: 'list',
          title: 'Quotes',
          items: quotes.slice(0, 3).map((q) => ({ text: `"${shorten(q.text, 200)}"`, sources: sourcesOf(q.mentions) })),
          ...(quotes.length > 3 ? { more: { count: quotes.length - 3, hint: `See /${command} quotes ${shown.toLowerCase()}` } } : {}),
        });
      }
      return {
        title: `${story.definition.title}: who is ${shown}`,
        visibility: 'channel',
        blocks,
        footer: `Named in ${mentionedIn.length} of ${story.corpus.articles().length} sources.`,
      };
    },
  };
}
