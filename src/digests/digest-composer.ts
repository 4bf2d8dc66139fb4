import type { Development, DevelopmentSource } from '../developments/development';
import type { StoryDefinition } from '../story/story-definition';
import type { Reply } from '../reply/reply';
import type { DigestOutbox, OutboxKind } from './digest-outbox';
import type { Subscription } from './subscription';
import { composeDigest, emptyDigestNote, type DigestLimits } from './compose-digest';
import { dropRetold } from './rank-developments';

export interface DigestComposerOptions {
  outbox: DigestOutbox;
  /** The development sources (feed clusters, timeline events); read on every use so late wiring works. */
  sources: () => DevelopmentSource[];
  limits: DigestLimits;
  whenEmpty: 'skip' | 'note';
  story: (storyId: string) => StoryDefinition | undefined;
}

/** What a subscription's next digest would be. */
export interface PlannedDigest {
  kind: Exclude<OutboxKind, 'notice'>;
  /** Undefined when nothing is to be sent (nothing new and `whenEmpty` is skip). */
  reply?: Reply;
  developmentIds: string[];
  /** Developments found, shown or not. */
  found: number;
  coversUntil: Date;
}

/**
 * Composes digests: for a subscription, the developments since its last delivered digest
 * that it has not received yet (the story so far for its first digest); for a window, the
 * developments first seen or published in it.
 */
export class DigestComposer {
  constructor(private readonly options: DigestComposerOptions) {}

  /** True when at least one development source is wired. */
  hasSources(): boolean {
    return this.options.sources().length > 0;
  }

  /** The subscription's next digest as of `now`; `period` (local date) labels a scheduled one. */
  async forSubscription(subscription: Subscription, now: Date, period?: string): Promise<PlannedDigest> {
    const story = this.requireStory(subscription.storyId);
    const coverage = await this.options.outbox.coverage(subscription.id, subscription.subscribedAt);
    const catchUp = !coverage.caughtUp;
    const since = catchUp ? undefined : coverage.since;
    const delivered = await this.options.outbox.deliveredDevelopmentIds(subscription.id);
    const found = dropRetold(await this.developments(subscription.storyId, since, now), delivered).filter((d) => !delivered.has(d.id));
    const title = catchUp
      ? `${story.title}: the story so far`
      : `${story.title}: ${period ? `digest for ${period}` : 'what is new'}`;
    const footer = catchUp ? `From now on, one short digest a day at ${subscription.time} (${subscription.timezone}).` : undefined;
    const composed = composeDigest(found, this.options.limits, {
      title,
      ...(footer ? { footer } : {}),
      moreHint: catchUp ? `See /${story.command} latest or /${story.command} timeline for more.` : `See /${story.command} latest for the rest.`,
    });
    if (composed) {
      return { kind: catchUp ? 'catch-up' : 'daily', reply: composed.reply, developmentIds: composed.shown.map((d) => d.id), found: found.length, coversUntil: now };
    }
    const sinceLabel = since ? since.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'it began';
    return {
      kind: 'note',
      ...(this.options.whenEmpty === 'note' ? { reply: emptyDigestNote(title, sinceLabel) } : {}),
      developmentIds: [],
      found: 0,
      coversUntil: now,
    };
  }

  /**
   * The story so far as of `until`, in the short form of a catch-up: the most important
   * recent developments (for a channel without a daily digest). Undefined when there are none.
   */
  async storySoFar(storyId: string, until: Date): Promise<{ reply: Reply; shown: Development[]; omitted: number } | undefined> {
    const story = this.requireStory(storyId);
    const found = dropRetold(await this.developments(storyId, undefined, until));
    return composeDigest(found, this.options.limits, { title: `${story.title}: the story so far`, moreHint: `See /${story.command} latest or /${story.command} timeline for more.` });
  }

  /** A digest of the developments first seen or published in `[since, until)`. */
  async forWindow(storyId: string, since: Date, until: Date): Promise<{ reply: Reply; shown: Development[]; omitted: number }> {
    const story = this.requireStory(storyId);
    const found = dropRetold(await this.developments(storyId, since, until));
    const title = `${story.title}: what is new since ${since.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const composed = composeDigest(found, this.options.limits, { title, moreHint: `See /${story.command} latest for the rest.` });
    if (composed) return composed;
    return { reply: emptyDigestNote(title, since.toISOString().slice(0, 16).replace('T', ' ') + ' UTC'), shown: [], omitted: 0 };
  }

  /** Developments of every source in the window, each id once (the first source wins). */
  private async developments(storyId: string, since: Date | undefined, until: Date): Promise<Development[]> {
    const byId = new Map<string, Development>();
    for (const source of this.options.sources()) {
      for (const d of await source.listDevelopments(storyId, { ...(since ? { since } : {}), until })) {
        if (!byId.has(d.id)) byId.set(d.id, d);
      }
    }
    return [...byId.values()];
  }

  private requireStory(storyId: string): StoryDefinition {
    const story = this.options.story(storyId);
    if (!story) throw new Error(`no story ${storyId}`);
    return story;
  }
}
