import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { NewsdeskError } from '../../src/errors';
import type { StoryDefinition } from '../../src/story/story-definition';

/**
 * The Discord application commands of a story, in one place.
 *
 * Discord sets `default_member_permissions` per top-level command, not per subcommand, so the
 * subcommands that change things live under a second command, `/<story>-admin`, that only
 * members with Manage Server see by default. Server admins can grant it to others in
 * Server Settings > Integrations; the adapter checks the caller again when it runs, because
 * that setting can be changed by the server and the core decides what is admin-only.
 */

/** Discord's limit for a command name. */
const MAX_COMMAND_NAME = 32;

export function adminCommandName(storyCommand: string): string {
  return `${storyCommand}-admin`;
}

/** Subcommands whose answer everyone in the channel sees; used to choose how to defer. */
export const CHANNEL_SUBCOMMANDS: ReadonlySet<string> = new Set(['timeline', 'latest', 'ask', 'who', 'quotes', 'claims']);

/**
 * Subcommands that wait on the network (a language model, a feed fetch): deferred at once
 * instead of after the short grace period every other subcommand gets.
 */
export const SLOW_SUBCOMMANDS: ReadonlySet<string> = new Set(['ask', 'digest', 'feeds add', 'feeds resume']);

type SubcommandSpec = (sub: SlashCommandSubcommandBuilder) => SlashCommandSubcommandBuilder;

const optionalText = (name: string, description: string): SubcommandSpec => (sub) =>
  sub.addStringOption((o) => o.setName(name).setDescription(description).setMaxLength(200));

/** The page of a long list; the core reads a trailing number as the page, so it comes last. */
const withPage = (sub: SlashCommandSubcommandBuilder) => sub.addIntegerOption((o) => o.setName('page').setDescription('Page number').setMinValue(1));

/** The everyday command: reading the story, asking, listing feeds and subscriptions. */
function buildReaderCommand(story: StoryDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const subs: Array<[string, string, SubcommandSpec?]> = [
    ['timeline', 'The story in dated events', (s) =>
      optionalText('range', 'A year (2024) or a span (2017-2022)')(s).addIntegerOption((o) => o.setName('page').setDescription('Page number').setMinValue(1))],
    ['latest', 'The newest developments', (s) => s.addIntegerOption((o) => o.setName('n').setDescription('How many (1-20)').setMinValue(1).setMaxValue(20))],
    ['digest', "This channel's digest of what is new, shown to you", (s) =>
      s.addStringOption((o) => o.setName('show').setDescription('Something else instead').addChoices({ name: 'the recent digests', value: 'history' }))],
    ['ask', 'Ask a question; the answer cites its sources', (s) =>
      s.addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(4000))],
    ['who', 'Who someone is in this story', (s) =>
      s.addStringOption((o) => o.setName('name').setDescription('A person or organisation').setRequired(true).setMaxLength(200))],
    ['quotes', 'What people said, with sources', (s) => withPage(optionalText('name', 'Only quotes by this person')(s))],
    ['claims', 'Claims made in the coverage, with sources', (s) => withPage(optionalText('topic', 'Only claims about this topic')(s))],
    ['sources', 'The articles and feeds this story is built from', (s) =>
      s.addIntegerOption((o) => o.setName('page').setDescription('Page number').setMinValue(1))],
    ['subscriptions', "This server's digest subscriptions"],
    ['help', 'Every command, and how to ask a question'],
  ];
  const builder = new SlashCommandBuilder()
    .setName(story.command)
    .setDescription(describe(story.title))
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  for (const [name, description, spec] of subs) {
    builder.addSubcommand((s) => (spec ?? ((x) => x))(s.setName(name).setDescription(description)));
  }
  builder.addSubcommandGroup((g) =>
    g.setName('feeds').setDescription('The feeds this story follows').addSubcommand((s) => s.setName('list').setDescription('The feeds and their health')),
  );
  return builder.toJSON();
}

/** Subcommands that change what the bot does in a server: Manage Server by default. */
function buildAdminCommand(story: StoryDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const name = adminCommandName(story.command);
  if (name.length > MAX_COMMAND_NAME) {
    throw new NewsdeskError(
      'discord-command-name',
      `the story command "${story.command}" is too long for Discord: "${name}" must be at most ${MAX_COMMAND_NAME} characters; shorten "command" in story.json`,
    );
  }
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(describe(`Manage ${story.title}: digests and feeds`))
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((s) =>
      s
        .setName('subscribe')
        .setDescription('Send the daily digest to this channel')
        .addStringOption((o) => o.setName('time').setDescription('Time of day, e.g. 08:30 or 8:30am').setMaxLength(8))
        .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin').setMaxLength(64)),
    )
    .addSubcommand((s) => s.setName('unsubscribe').setDescription('Stop the daily digest in this channel'))
    .addSubcommandGroup((g) =>
      g
        .setName('feeds')
        .setDescription('Add, remove or resume feeds')
        .addSubcommand((s) =>
          s.setName('add').setDescription('Follow a new RSS or Atom feed').addStringOption((o) =>
            o.setName('url').setDescription('The feed URL').setRequired(true).setMaxLength(2000)),
        )
        .addSubcommand((s) =>
          s.setName('remove').setDescription('Stop following a feed').addStringOption((o) =>
            o.setName('id').setDescription('The feed id from /' + story.command + ' feeds list').setRequired(true).setMaxLength(100)),
        )
        .addSubcommand((s) =>
          s.setName('resume').setDescription('Resume a paused feed').addStringOption((o) =>
            o.setName('id').setDescription('The feed id from /' + story.command + ' feeds list').setRequired(true).setMaxLength(100)),
        ),
    )
    .toJSON();
}

/** Both commands of one story, as `PUT /applications/:id/commands` wants them. */
export function buildStoryCommands(story: StoryDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [buildReaderCommand(story), buildAdminCommand(story)];
}

/** Discord command descriptions are 1-100 characters. */
function describe(text: string): string {
  return text.length <= 100 ? text : `${text.slice(0, 99)}…`;
}
