import { webApi } from '@slack/bolt';
import { loadConfig } from '../../../src/config/load-config';
import { createSilentLogger } from '../../../src/logging/logger';
import { createNewsdesk, type Newsdesk } from '../../../src/app/create-newsdesk';
import type { Clock } from '../../../src/clock';
import type { DigestsFeature } from '../../../src/digests/digests-feature';
import type { FeedsFeature } from '../../../src/feeds/feeds-feature';
import type { PostgresOptions } from '../../../src/store/postgres-database';
import type { DevelopmentSource } from '../../../src/developments/development';
import { openOnSchema, type TestSchema } from '../../support/test-database';
import { SlackChannelSender } from '../../../adapters/slack/slack-channel-sender';

/** An in-process replica on a shared test schema, with its own connection pool. */
export interface InProcessReplica {
  bot: Newsdesk;
  digests: DigestsFeature;
  feeds: FeedsFeature;
}

export async function startInProcessReplica(
  schema: TestSchema,
  storiesDir: string,
  clock: Clock,
  options: { source?: DevelopmentSource; slackApiUrl?: string; env?: Record<string, string>; pool?: PostgresOptions } = {},
): Promise<InProcessReplica> {
  const config = loadConfig({ STORIES_DIR: storiesDir, LOG_LEVEL: 'silent', ...options.env });
  const database = await openOnSchema(schema, { owner: false, maxConnections: 3, ...options.pool });
  const bot = await createNewsdesk(config, createSilentLogger(), { clock, database });
  const digests = bot.feature<DigestsFeature>('digests');
  const feeds = bot.feature<FeedsFeature>('feeds');
  if (!digests || !feeds) throw new Error('the digests and feeds features are not registered');
  if (options.source) digests.addDevelopmentSource(options.source);
  if (options.slackApiUrl) {
    // The Slack adapter's own sender, talking to the fake Slack with no retries.
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: options.slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    bot.registerSender(new SlackChannelSender({ client, logger: createSilentLogger() }));
  }
  return { bot, digests, feeds };
}

/** The outbox rows of the schema, oldest due first (what a user would see in `digest history`). */
export async function outboxRows(replica: InProcessReplica) {
  return replica.bot.context.database.db
    .selectFrom('digest_outbox')
    .select(['period', 'kind', 'status', 'claim_owner', 'attempts', 'delivered_at'])
    .orderBy('due_at')
    .execute();
}
