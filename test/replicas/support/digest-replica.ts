import { webApi } from '@slack/bolt';
import { loadConfig } from '../../../src/config/load-config';
import { createSilentLogger } from '../../../src/logging/logger';
import { createNewsdesk, type Newsdesk } from '../../../src/app/create-newsdesk';
import type { Clock } from '../../../src/clock';
import type { DigestsFeature } from '../../../src/digests/digests-feature';
import type { DevelopmentSource } from '../../../src/developments/development';
import { openOnSchema, type TestSchema } from '../../support/test-database';
import { SlackChannelSender } from '../../../adapters/slack/slack-channel-sender';

/** An in-process replica on a shared test schema, with its own connection pool. */
export interface InProcessReplica {
  bot: Newsdesk;
  digests: DigestsFeature;
}

export async function startInProcessReplica(
  schema: TestSchema,
  storiesDir: string,
  clock: Clock,
  options: { source?: DevelopmentSource; slackApiUrl?: string; env?: Record<string, string> } = {},
): Promise<InProcessReplica> {
  const config = loadConfig({ STORIES_DIR: storiesDir, LOG_LEVEL: 'silent', ...options.env });
  const database = await openOnSchema(schema, { owner: false, maxConnections: 3 });
  const bot = await createNewsdesk(config, createSilentLogger(), { clock, database });
  const digests = bot.feature<DigestsFeature>('digests');
  if (!digests) throw new Error('the digests feature is not registered');
  if (options.source) digests.addDevelopmentSource(options.source);
  if (options.slackApiUrl) {
    // The Slack adapter's own sender, talking to the fake Slack with no retries.
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: options.slackApiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    bot.registerSender(new SlackChannelSender({ client, logger: createSilentLogger() }));
  }
  return { bot, digests };
}

/** The outbox rows of the schema, oldest due first (what a user would see in `digest history`). */
export async function outboxRows(replica: InProcessReplica) {
  return replica.bot.context.database.db
    .selectFrom('digest_outbox')
    .select(['period', 'kind', 'status', 'claim_owner', 'attempts', 'delivered_at'])
    .orderBy('due_at')
    .execute();
}
