import { webApi } from '@slack/bolt';
import { NewsdeskError } from '../../src/errors';

/** Who the bot is, according to Slack. */
export interface BotIdentity {
  botUserId: string;
  botId: string;
  teamId?: string;
}

/**
 * Calls `auth.test` once at startup, so a wrong token or an unreachable API stops the
 * service with a sentence that names the variable to fix, and Bolt gets the bot's ids
 * instead of calling `auth.test` itself (where a failure would crash the process).
 */
export async function verifyBotToken(client: webApi.WebClient, apiUrl: string | undefined): Promise<BotIdentity> {
  let result: webApi.AuthTestResponse;
  try {
    result = await client.auth.test();
  } catch (error) {
    if (error instanceof webApi.WebAPIPlatformError) {
      throw new NewsdeskError(
        'slack-auth',
        `Slack rejected SLACK_BOT_TOKEN (${error.data.error}): use the "Bot User OAuth Token" (xoxb-…) from your Slack app's "OAuth & Permissions" page, and reinstall the app if it was revoked`,
        { cause: error },
      );
    }
    const where = apiUrl ? `the Slack Web API at ${apiUrl} (SLACK_API_URL)` : "Slack's Web API";
    const reason = error instanceof webApi.WebAPIRequestError ? error.original.message : error instanceof Error ? error.message : String(error);
    throw new NewsdeskError('slack-unreachable', `cannot reach ${where} to check SLACK_BOT_TOKEN: ${reason}`, { cause: error });
  }
  if (!result.user_id || !result.bot_id) {
    throw new NewsdeskError('slack-auth', 'SLACK_BOT_TOKEN is not a bot token (auth.test names no bot): use the xoxb- "Bot User OAuth Token", not a user or app token');
  }
  return { botUserId: result.user_id, botId: result.bot_id, ...(result.team_id ? { teamId: result.team_id } : {}) };
}
