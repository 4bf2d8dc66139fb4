import type { CliCommand } from '../cli-command';

export function createHelpCliCommand(all: () => CliCommand[]): CliCommand {
  return {
    name: 'help',
    usage: '',
    summary: 'list the CLI commands and options',
    async run({ io, options }) {
      const commands = all();
      if (options.json) {
        io.out(JSON.stringify({ commands: commands.map((c) => ({ name: c.name, usage: c.usage, summary: c.summary })) }));
        return 0;
      }
      io.out(
        [
          'Usage: npm run cli -- <command> [options]',
          '',
          'Commands:',
          ...commands.map((c) => `  ${`${c.name} ${c.usage}`.padEnd(34)} ${c.summary}`),
          '',
          'Options:',
          '  --json                 machine-readable output',
          '  --story <id>           which story (default: the only or first one)',
          '  --db <path-or-url>     SQLite file or postgres:// URL (default: DATABASE_PATH / DATABASE_URL)',
          '  --corpus <dir>         use this folder of .md/.txt/.html articles instead of the story\'s own',
          '  --now <ISO-8601>       the clock, for reproducible runs',
        ].join('\n'),
      );
      return 0;
    },
  };
}
