import type { SourceRef } from '../reply/reply';

/**
 * A development: one thing that happened in the story, as reported by one or more outlets
 * (a cluster of feed items, or a timeline event). Digests and `latest` list developments.
 */
export interface Development {
  /** Stable id: the same development keeps it as more outlets report it. */
  id: string;
  storyId: string;
  headline: string;
  /** One short plain-words sentence. */
  summary: string;
  /** When it happened or was first published (ISO-8601). */
  publishedAt: string;
  /** When newsdesk first saw it (ISO-8601); digests use it to find what is new. */
  firstSeenAt: string;
  /** When it last gained an outlet or changed (ISO-8601). */
  updatedAt: string;
  /** 0..1: how much it is about the story. */
  relevance: number;
  /** Every outlet's report, most relevant first; at least one. */
  sources: SourceRef[];
  /**
   * The date as precisely as the sources give it ("2024", "2024-05" or "2024-05-19"), shown
   * as the item's label. Absent: the day of `publishedAt`.
   */
  dateLabel?: string;
  /**
   * Ids of other developments (feed clusters) built from the very articles this one was
   * taken from. When every one of them is listed alongside it, or was already delivered to
   * the channel, this one is a repeat and is left out. Absent: it stands on its own.
   */
  retells?: string[];
}

/** Where developments come from (feed clusters, timeline events); digests depend on this port only. */
export interface DevelopmentSource {
  /**
   * Relevant developments of a story first seen (or published) in `[since, until)`, newest
   * first. `since` undefined means the story so far.
   */
  listDevelopments(storyId: string, range: { since?: Date; until: Date }): Promise<Development[]>;
}
