import type { App } from '@slack/bolt';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { Conversation } from '../../src/commands/command';
import type { Logger } from '../../src/logging/logger';
import { renderBlocks } from './render-blocks';
import { slackTextToPlain } from './slack-text';
import type { SlackUserDirectory } from './slack-user-directory';
import type { SlackChannelSender } from './slack-channel-sender';
import { RecentKeys } from './recent-keys';
import type { InFlight } from './in-flight';

export interface MentionDeps {
  newsdesk: Newsdesk;
  users: SlackUserDirectory;
  sender: SlackChannelSender;
  logger: Logger;
  work: InFlight;
}

/**
 * The fields of an `app_mention` or direct `message` event we rely on. Bolt types `message`
 * as a union over every subtype; these few fields are what all of them may carry.
 */
interface ChatEvent {
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  team?: string;
  bot_id?: string;
  subtype?: string;
}

/**
 * `@newsdesk <question>` in a channel is answered in the mention's thread, so the channel
 * stays readable. A direct message works the same way, answered in the DM (in its thread
 * when it was written in one). Bot messages and edits/joins (any subtype) are ignored, so
 * two bots can never answer each other forever.
 */
export function registerMentions(app: App, deps: MentionDeps): void {
  const handled = new RecentKeys();

  app.event('app_mention', async ({ event, body }) => {
    const e = event as unknown as ChatEvent;
    await deps.work.run(() => answerEvent(e, e.thread_ts ?? e.ts, eventKey(body, e), bodyTeam(body), deps, handled));
  });

  app.event('message', async ({ event, body }) => {
    const e = event as unknown as ChatEvent & { channel_type?: string };
    if (e.channel_type !== 'im') return;
    await deps.work.run(() => answerEvent(e, e.thread_ts, eventKey(body, e), bodyTeam(body), deps, handled));
  });
}

async function answerEvent(
  event: ChatEvent,
  threadTs: string | undefined,
  key: string,
  teamId: string | undefined,
  deps: MentionDeps,
  handled: RecentKeys,
): Promise<void> {
  if (event.subtype || event.bot_id || !event.user) return;
  if (handled.seen(key)) {
    deps.logger.debug({ key }, 'slack redelivered an event we already answered');
    return;
  }
  const workspaceId = teamId ?? event.team;
  const conversation: Conversation = { platform: 'slack', channelId: event.channel, ...(workspaceId ? { workspaceId } : {}) };
  try {
    const caller = await deps.users.caller(event.user);
    const reply = await deps.newsdesk.handleMention(slackTextToPlain(event.text ?? ''), caller, conversation);
    await deps.sender.post(event.channel, renderBlocks(reply), threadTs);
    deps.logger.info({ channel: event.channel, threaded: Boolean(threadTs) }, 'mention answered');
  } catch (error) {
    deps.logger.error({ err: error, channel: event.channel }, 'could not answer a mention');
  }
}

/** The envelope around an Events API event. */
interface EventBody {
  event_id?: string;
  team_id?: string;
}

function eventKey(body: unknown, event: ChatEvent): string {
  const id = (body as EventBody).event_id;
  // Without an event id (never seen in practice), channel and timestamp identify the message.
  return id ?? `${event.channel}:${event.ts}`;
}

function bodyTeam(body: unknown): string | undefined {
  return (body as EventBody).team_id;
}
