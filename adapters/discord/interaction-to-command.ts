import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { StoryDefinition } from '../../src/story/story-definition';
import { adminCommandName, buildStoryCommands } from './command-definitions';

/** An option as discord.js hands it over (`interaction.options.data`). */
export interface InteractionOption {
  name: string;
  type: ApplicationCommandOptionType;
  value?: string | number | boolean;
  options?: readonly InteractionOption[];
}

/** A slash command interaction in the core's text form: `/karpathy feeds add <url>`. */
export interface CoreCommand {
  /** The story's command (`karpathy`, also for `/karpathy-admin`). */
  command: string;
  /** Subcommand and arguments, e.g. `feeds add https://example.com/feed.xml`. */
  text: string;
  /** Group and subcommand only, e.g. `feeds add`; decides how the adapter defers. */
  path: string;
}

const definitionsByStory = new WeakMap<StoryDefinition, RESTPostAPIChatInputApplicationCommandsJSONBody[]>();

/**
 * Translates an interaction back to the text the core parses, so Slack, Discord and the
 * console share one parser. Option values follow the order of the command definition, not
 * the order Discord sent them in. Undefined when no story owns `commandName`.
 */
export function interactionToCommand(
  commandName: string,
  options: readonly InteractionOption[],
  stories: readonly StoryDefinition[],
): CoreCommand | undefined {
  const story = stories.find((s) => s.command === commandName || adminCommandName(s.command) === commandName);
  if (!story) return undefined;
  let definitions = definitionsByStory.get(story);
  if (!definitions) {
    definitions = buildStoryCommands(story);
    definitionsByStory.set(story, definitions);
  }
  const definition = definitions.find((d) => d.name === commandName);
  const path: string[] = [];
  let level = options;
  let defined: readonly APIApplicationCommandOption[] | undefined = definition?.options;
  for (;;) {
    const nested = level.find(
      (o) => o.type === ApplicationCommandOptionType.SubcommandGroup || o.type === ApplicationCommandOptionType.Subcommand,
    );
    if (!nested) break;
    path.push(nested.name);
    const spec = defined?.find((d) => d.name === nested.name);
    defined = spec && 'options' in spec ? (spec.options as readonly APIApplicationCommandOption[] | undefined) : undefined;
    level = nested.options ?? [];
  }
  const values = orderLike(level, defined)
    .map((o) => (o.value === undefined ? '' : String(o.value).trim()))
    .filter((v) => v !== '');
  return { command: story.command, text: [...path, ...values].join(' '), path: path.join(' ') };
}

function orderLike(given: readonly InteractionOption[], defined: readonly APIApplicationCommandOption[] | undefined): InteractionOption[] {
  if (!defined) return [...given];
  const position = (name: string) => {
    const i = defined.findIndex((d) => d.name === name);
    return i === -1 ? defined.length : i;
  };
  return [...given].sort((a, b) => position(a.name) - position(b.name));
}
