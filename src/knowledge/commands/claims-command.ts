import type { CommandHandler } from '../../commands/command';
import type { StoryRuntime } from '../../app/story-runtime';
import type { Reply, ReplyItem } from '../../reply/reply';
import type { KnowledgeCache } from '../knowledge-cache';
import type { ClaimMention } from '../extract-claims';
import type { StoryKnowledge } from '../story-knowledge';
import { sourcesOf } from '../event-sources';
import { pageOf, takePage } from '../../commands/paging';

const PAGE = 10;

/** One figure for a measure, with every outlet that gives it. */
export interface ClaimVersion {
  value: string;
  amount: number;
  mentions: ClaimMention[];
}

/** The figures the sources give for one measure. */
export interface ClaimGroup {
  measure: string;
  unit: ClaimMention['unit'];
  versions: ClaimVersion[];
}

/**
 * Claims grouped by what they measure; inside a group, each distinct figure is one version
 * with its outlets. Groups where outlets give different figures come first.
 */
export function claimGroups(knowledge: StoryKnowledge, topic: string): ClaimGroup[] {
  const topicTerms = knowledge.folder.terms(topic);
  const chosen = topic
    ? knowledge.claims.filter((c) => topicTerms.has(c.measureKey) || [...topicTerms].some((t) => knowledge.folder.terms(c.sentence).has(t)))
    : knowledge.claims;
  const groups = new Map<string, ClaimGroup>();
  for (const c of chosen) {
    const key = `${c.unit}|${c.measureKey}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { measure: c.measure, unit: c.unit, versions: [] }));
    const version = group.versions.find((v) => v.amount === c.amount && v.value.toLowerCase() === c.value.toLowerCase());
    if (version) version.mentions.push(c);
    else group.versions.push({ value: c.value, amount: c.amount, mentions: [c] });
  }
  return [...groups.values()].sort((a, b) => Number(b.versions.length > 1) - Number(a.versions.length > 1));
}

/** `claims [topic] [page]`: figures side by side with their outlets, without picking one. */
export function createClaimsCommand(story: StoryRuntime, cache: KnowledgeCache): CommandHandler {
  const command = story.definition.command;
  return {
    name: 'claims',
    usage: '[topic] [page]',
    summary: 'figures the sources give (valuations, counts, percentages), side by side',
    async run(request): Promise<Reply> {
      const { args, page } = takePage(request.args);
      const topic = args.join(' ').trim();
      const groups = claimGroups(await cache.load(story.definition, story.corpus), topic);
      if (groups.length === 0) {
        return { visibility: 'private', blocks: [{ kind: 'text', text: topic ? `No figures about "${topic}" in the sources. Try /${command} claims for all of them.` : 'No figures found in the sources yet.' }] };
      }
      const items: ReplyItem[] = groups.flatMap((g) =>
        g.versions.map((v) => ({
          label: g.measure,
          text: `${v.value} - ${contextOf(v.mentions[0]!)}`,
          sources: sourcesOf(v.mentions),
        })),
      );
      const { shown, remaining } = pageOf(items, page, PAGE, topic ? `figures about ${topic}` : 'figures');
      const differing = groups.filter((g) => g.versions.length > 1).length;
      return {
        title: `${story.definition.title}: claims${topic ? ` about ${topic}` : ''}`,
        visibility: 'channel',
        blocks: [
          ...(differing > 0 ? [{ kind: 'text' as const, text: `Sources give different figures for ${differing} measure${differing === 1 ? '' : 's'}; each version is shown with its outlets. They may measure different things: read each with its context.` }] : []),
          { kind: 'list', items: shown, ...(remaining > 0 ? { more: { count: remaining, hint: `Next page: /${command} claims ${topic ? `${topic} ` : ''}${page + 1}` } } : {}) },
        ],
      };
    },
  };
}

/** The words around the figure, so readers see what each version refers to. */
function contextOf(claim: ClaimMention): string {
  const s = claim.sentence;
  const at = s.indexOf(claim.value);
  const start = Math.max(0, s.lastIndexOf(' ', Math.max(0, at - 70)));
  const end = s.indexOf(' ', Math.min(s.length, at + claim.value.length + 60));
  return `${start > 0 ? '...' : ''}${s.slice(start, end < 0 ? s.length : end).trim()}${end >= 0 ? '...' : ''}`;
}
