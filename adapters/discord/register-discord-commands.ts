import { REST, Routes } from 'discord.js';
import type { StoryDefinition } from '../../src/story/story-definition';
import { buildStoryCommands } from './command-definitions';
import { discordApiBase } from './discord-api-base';
import type { DiscordSettings } from './start-discord';

export interface RegisteredCommand {
  id: string;
  name: string;
}

/**
 * Replaces the application's commands with every story's commands: globally, or in one
 * server (`guildId`), where changes show at once - handy while testing.
 */
export async function registerDiscordCommands(
  settings: DiscordSettings,
  stories: readonly StoryDefinition[],
  guildId?: string,
  options: { restRetries?: number } = {},
): Promise<RegisteredCommand[]> {
  const rest = new REST({
    api: discordApiBase(settings.apiUrl),
    ...(options.restRetries !== undefined ? { retries: options.restRetries } : {}),
  }).setToken(settings.token);
  const body = stories.flatMap((story) => buildStoryCommands(story));
  const route = guildId
    ? Routes.applicationGuildCommands(settings.applicationId, guildId)
    : Routes.applicationCommands(settings.applicationId);
  const answer = (await rest.put(route, { body })) as Array<{ id?: unknown; name?: unknown }>;
  return answer.map((c) => ({ id: String(c.id), name: String(c.name) }));
}
