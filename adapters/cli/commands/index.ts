import type { CliCommand } from '../cli-command';
import { createHelpCliCommand } from './help';
import { sourcesCliCommand } from './sources';
import { timelineCliCommand } from './timeline';
import { storyKnowledgeCliCommands } from './story-knowledge';
import { digestCliCommand } from './digest';
import { registerCommandsCliCommand } from './register-commands';
import { askCliCommand } from './ask';
import { pollCliCommand } from './poll';
import { feedsCliCommand } from './feeds';

/** Every CLI command; each lives in its own file. */
export function cliCommands(): CliCommand[] {
  const list: CliCommand[] = [];
  list.push(createHelpCliCommand(() => list), sourcesCliCommand);
  list.push(timelineCliCommand, ...storyKnowledgeCliCommands);
  list.push(registerCommandsCliCommand);
  list.push(digestCliCommand);
  list.push(askCliCommand);
  list.push(pollCliCommand, feedsCliCommand);
  return list;
}
