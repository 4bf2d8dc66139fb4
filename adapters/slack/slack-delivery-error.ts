import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../src/delivery/channel-sender';

/**
 * Slack error codes after which posting to that channel cannot work until a person acts:
 * the channel is gone or archived, the bot was removed, or the token no longer works.
 */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'ekm_access_denied',
  'org_login_required',
  'cannot_reply_to_message',
  // The message itself is refused: sending it again cannot succeed.
  'msg_too_long',
  'invalid_blocks',
  'invalid_blocks_format',
  'too_many_attachments',
]);

/**
 * Classifies anything the Web API client threw into the core's three delivery outcomes.
 * Every other platform error (Slack's own `internal_error`, `fatal_error`, `service_unavailable`,
 * and codes we do not know) is transient: the outbox retries a bounded number of times,
 * which loses nothing, where pausing a subscription by mistake would.
 */
export function toDeliveryError(error: unknown, channelId: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const where = `posting to Slack channel ${channelId}`;
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new DeliveryError('rate-limited', `${where}: rate limited, retry after ${error.retryAfter} s`, error.retryAfter * 1000, { cause: error });
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (code === 'ratelimited' || code === 'rate_limited') {
      return new DeliveryError('rate-limited', `${where}: rate limited`, 1000, { cause: error });
    }
    if (PERMANENT.has(code)) return new DeliveryError('permanent', `${where}: Slack says ${code}${hint(code)}`, undefined, { cause: error });
    return new DeliveryError('transient', `${where}: Slack says ${code}`, undefined, { cause: error });
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const retry = error.statusCode >= 500 || error.statusCode === 408;
    return new DeliveryError(retry ? 'transient' : 'permanent', `${where}: HTTP ${error.statusCode} ${error.statusMessage}`, undefined, { cause: error });
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return new DeliveryError('transient', `${where}: cannot reach Slack (${error.original.message})`, undefined, { cause: error });
  }
  return new DeliveryError('transient', `${where}: ${(error as Error)?.message ?? String(error)}`, undefined, { cause: error });
}

function hint(code: string): string {
  switch (code) {
    case 'not_in_channel':
      return ' (invite the bot with /invite, or add the chat:write.public scope for public channels)';
    case 'channel_not_found':
      return ' (the channel was deleted, is private without the bot, or the id is wrong)';
    case 'is_archived':
      return ' (the channel is archived)';
    case 'invalid_auth':
    case 'token_revoked':
    case 'account_inactive':
      return ' (SLACK_BOT_TOKEN no longer works: reinstall the app and update the token)';
    default:
      return '';
  }
}
