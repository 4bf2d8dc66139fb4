/** Discord's own REST base; @discordjs/rest appends `/v10/...`. */
export const DISCORD_API = 'https://discord.com/api';

/** The REST base from DISCORD_API_URL (a proxy, or a fake in tests), without a trailing slash. */
export function discordApiBase(apiUrl: string | undefined): string {
  return (apiUrl ?? DISCORD_API).replace(/\/+$/, '');
}
