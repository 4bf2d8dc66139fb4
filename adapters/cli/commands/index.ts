import type { CliCommand } from '../cli-command';
import { createHelpCliCommand } from './help';
import { sourcesCliCommand } from './sources';

/** Every CLI command; each lives in its own file. */
export function cliCommands(): CliCommand[] {
  const list: CliCommand[] = [];
  list.push(createHelpCliCommand(() => list), sourcesCliCommand);
  return list;
}
