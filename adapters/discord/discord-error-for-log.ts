import { DiscordAPIError, HTTPError } from 'discord.js';

/**
 * Discord's error codes for an interaction whose token is no longer valid: the 3-second
 * window for the first response passed (10062), or the 15 minutes a token lasts (50027).
 * Nothing can reach the user through it any more.
 */
const EXPIRED_INTERACTION = new Set([10062, 50027]);

export function isExpiredInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && typeof error.code === 'number' && EXPIRED_INTERACTION.has(error.code);
}

/**
 * What is worth logging of a failed Discord request. The error objects of @discordjs/rest
 * carry the request URL, which for interactions and webhooks holds a token that can post
 * in the channel, and the whole message body; neither belongs in a log.
 */
export function discordErrorForLog(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    return {
      type: error.name,
      message: error.message,
      ...(error instanceof DiscordAPIError ? { code: error.code } : {}),
      status: error.status,
      method: error.method,
      route: withoutTokens(error.url),
    };
  }
  return { err: error };
}

/** `/interactions/:id/:token/...` and `/webhooks/:id/:token/...` with the token replaced. */
function withoutTokens(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  return path.replace(/\/(interactions|webhooks)\/([^/]+)\/[^/?]+/, '/$1/$2/:token');
}
