/** When newsdesk first saw a corpus article that came from a feed. */
export interface ArticleSighting {
  /** ISO-8601 instant the item was first ingested; it never changes afterwards. */
  firstSeenAt: string;
  /** The feed development (cluster) the item belongs to, when it has one. */
  developmentId?: string;
}

/** Looks up feed articles' sightings; the timeline development source depends on this port only. */
export interface ArticleSightings {
  /** Sightings of these corpus article ids; ids it does not know (not feed items) are left out. */
  sightings(articleIds: string[]): Promise<Map<string, ArticleSighting>>;
}
