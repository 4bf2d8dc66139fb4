import type { NewsdeskContext } from '../app/feature';
import type { KnowledgeFeature } from '../knowledge/knowledge-feature';
import { KyselyFeedStore } from '../feeds/kysely-feed-store';
import { FeedArticleSightings } from './feed-article-sightings';
import { TimelineDevelopmentSource } from './timeline-development-source';

/**
 * The stories' dated timeline events as developments, for digests and `latest`: the timeline
 * comes from the knowledge feature (one build per corpus version), feed items' first-seen
 * times and clusters from the shared store (reads only).
 */
export function createTimelineDevelopments(context: NewsdeskContext, knowledge: Pick<KnowledgeFeature, 'loadKnowledge'>): TimelineDevelopmentSource {
  return new TimelineDevelopmentSource({
    stories: () => context.stories,
    knowledge: (story) => knowledge.loadKnowledge(story),
    sightings: new FeedArticleSightings(new KyselyFeedStore(context.database.db)),
    logger: context.logger,
  });
}
