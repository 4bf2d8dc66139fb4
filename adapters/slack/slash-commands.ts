import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import type { Conversation } from '../../src/commands/command';
import type { Logger } from '../../src/logging/logger';
import { errorReply } from '../../src/reply/reply';
import { renderBlocks, type SlackMessage } from './render-blocks';
import { slackTextToPlain } from './slack-text';
import { responseTypeFor, takeVisibilityWord, type SlackResponseType } from './slash-visibility';
import type { SlackUserDirectory } from './slack-user-directory';
import type { SlackChannelSender } from './slack-channel-sender';
import type { InFlight } from './in-flight';

/** Slack accepts at most five replies through one response_url. */
const MAX_RESPONSES = 5;

export interface SlashCommandDeps {
  newsdesk: Newsdesk;
  users: SlackUserDirectory;
  sender: SlackChannelSender;
  logger: Logger;
  work: InFlight;
}

/**
 * Every `/<command>` of every story. The command is acknowledged before anything else is
 * done (Slack gives three seconds), then answered through `response_url`: privately or in
 * the channel as the reply suggests, unless the caller said `public` or `private` first.
 */
export function registerSlashCommands(app: App, deps: SlashCommandDeps): void {
  // One listener for any command: a command renamed in the Slack app settings still gets a helpful answer.
  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    await ack();
    await deps.work.run(() => answerAndDeliver(command, respond, client, deps));
  });
}

async function answerAndDeliver(command: SlashCommand, respond: RespondFn, client: App['client'], deps: SlashCommandDeps): Promise<void> {
  const started = performance.now();
  try {
    const messages = await answer(command, deps);
    await deliver(messages.messages, messages.responseType, command, respond, client, deps);
    deps.logger.info({ command: command.command, channel: command.channel_id, ms: Math.round(performance.now() - started) }, 'slash command answered');
  } catch (error) {
    if (isResponseUrlError(error)) {
      // Expired (30 minutes, five uses) or revoked: Slack's problem to report, not ours, and an
      // apology through the same URL would fail the same way.
      deps.logger.warn({ command: command.command, channel: command.channel_id, status: error.statusCode }, 'slash command answer not delivered: response_url refused it');
      return;
    }
    deps.logger.error({ err: error, command: command.command, channel: command.channel_id }, 'slash command failed');
    const apology = renderBlocks(errorReply('Sorry, something went wrong while answering that. Please try again in a moment.'))[0]!;
    await respond({ response_type: 'ephemeral', text: apology.text, blocks: apology.blocks }).catch((err: unknown) =>
      deps.logger.warn({ err }, 'could not report the failure to the caller'),
    );
  }
}

async function answer(command: SlashCommand, deps: SlashCommandDeps): Promise<{ messages: SlackMessage[]; responseType: SlackResponseType }> {
  const name = command.command.replace(/^\//, '').toLowerCase();
  const story = deps.newsdesk.stories.find((s) => s.definition.command === name);
  const { text, wish } = takeVisibilityWord(slackTextToPlain(command.text ?? ''), (word) => story?.router.has(word) ?? false);
  const conversation: Conversation = { platform: 'slack', channelId: command.channel_id, workspaceId: command.team_id };
  const caller = await deps.users.caller(command.user_id, command.user_name);
  const reply = await deps.newsdesk.handleCommand(name, text, caller, conversation);
  return { messages: renderBlocks(reply), responseType: responseTypeFor(reply, wish) };
}

/**
 * Up to five messages go through response_url (works in channels the bot is not in).
 * A longer answer continues with the Web API rather than being cut off.
 */
async function deliver(
  messages: SlackMessage[],
  responseType: SlackResponseType,
  command: SlashCommand,
  respond: RespondFn,
  client: App['client'],
  deps: SlashCommandDeps,
): Promise<void> {
  const viaResponseUrl = messages.slice(0, MAX_RESPONSES);
  for (const message of viaResponseUrl) {
    await respond({ response_type: responseType, replace_original: false, text: message.text, blocks: message.blocks });
  }
  const rest = messages.slice(MAX_RESPONSES);
  if (rest.length === 0) return;
  if (responseType === 'in_channel') {
    await deps.sender.post(command.channel_id, rest);
    return;
  }
  for (const message of rest) {
    await client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: message.text, blocks: message.blocks });
  }
}

/** Bolt's `respond` failing at the response_url (an HTTP error status from Slack). */
function isResponseUrlError(error: unknown): error is { code: string; statusCode?: number } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'slack_bolt_respond_error';
}
