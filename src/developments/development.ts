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
}

/** Where developments come from (the feed clusters); digests depend on this port only. */
export interface DevelopmentSource {
  /**
   * Relevant developments of a story first seen (or published) in `[since, until)`, newest
   * first. `since` undefined means the story so far.
   */
  listDevelopments(storyId: string, range: { since?: Date; until: Date }): Promise<Development[]>;
}
