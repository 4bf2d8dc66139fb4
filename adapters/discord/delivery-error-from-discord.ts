import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import { DeliveryError } from '../../src/delivery/channel-sender';

/**
 * Discord errors after which posting to the channel cannot succeed until someone acts: the
 * bot was removed or lost access, or the channel is gone. The subscription is paused.
 */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.ThreadLocked,
]);

/** Classifies what @discordjs/rest threw when posting to a channel. */
export function deliveryErrorFromDiscord(error: unknown, channelId: string): DeliveryError {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    if (PERMANENT_CODES.has(code)) {
      return new DeliveryError('permanent', `Discord refused to post in channel ${channelId}: ${error.message} (code ${code})`, undefined, { cause: error });
    }
    if (error.status >= 500 || error.status === 401) {
      // 401: the token is wrong or was reset; the channel itself is fine, so do not pause it.
      return new DeliveryError('transient', `Discord answered ${error.status} for channel ${channelId}: ${error.message}`, undefined, { cause: error });
    }
    // Any other 4xx is a request Discord will refuse again unchanged.
    return new DeliveryError('permanent', `Discord rejected the message for channel ${channelId}: ${error.message} (code ${code})`, undefined, { cause: error });
  }
  if (error instanceof RateLimitError) {
    return new DeliveryError('rate-limited', `Discord rate limit on ${error.route}`, error.retryAfter, { cause: error });
  }
  if (error instanceof HTTPError) {
    return new DeliveryError('transient', `Discord answered ${error.status} for channel ${channelId}`, undefined, { cause: error });
  }
  return new DeliveryError('transient', `could not reach Discord for channel ${channelId}: ${(error as Error)?.message ?? String(error)}`, undefined, { cause: error });
}
