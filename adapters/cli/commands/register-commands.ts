import { DiscordAPIError } from 'discord.js';
import type { CliCommand } from '../cli-command';
import { loadStoryFolders } from '../../../src/story/load-stories';
import { registerDiscordCommands } from '../../discord/register-discord-commands';
import { inviteUrl } from '../../discord/invite-url';

/** `register-commands [--guild ID]`: installs the Discord slash commands of every story. */
export const registerCommandsCliCommand: CliCommand = {
  name: 'register-commands',
  usage: '[--guild ID]',
  summary: 'register the Discord slash commands, globally or in one server',
  async run({ io, options, config }) {
    if (!config.discord) {
      io.err('register-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see "Install in Discord" in the README).');
      return 2;
    }
    const stories = loadStoryFolders(config.storiesDir).map((f) => f.definition);
    let registered;
    try {
      registered = await registerDiscordCommands(config.discord, stories, options.guild);
    } catch (error) {
      const detail = error instanceof DiscordAPIError ? `${error.status} ${error.message}` : (error as Error).message;
      io.err(`Discord did not accept the commands: ${detail}`);
      return 1;
    }
    const where = options.guild ? `in server ${options.guild}` : 'globally';
    if (options.json) {
      io.out(JSON.stringify({ scope: options.guild ? { guild: options.guild } : 'global', commands: registered, inviteUrl: inviteUrl(config.discord.applicationId) }));
    } else {
      io.out(`Registered ${registered.length} commands ${where}: ${registered.map((c) => `/${c.name}`).join(', ')}`);
      io.out(`Add the bot to a server with: ${inviteUrl(config.discord.applicationId)}`);
    }
    return 0;
  },
};
