/**
 * Turns what a user typed in a chat box into a request: `/karpathy timeline 2024` is a
 * command for the story whose command is `karpathy`; `@newsdesk why ...?` is a mention.
 */
export type ChatInput =
  | { kind: 'command'; command: string; text: string }
  | { kind: 'mention'; text: string }
  | { kind: 'empty' };

export function parseChatText(input: string, botName = 'newsdesk'): ChatInput {
  const text = input.trim();
  if (!text) return { kind: 'empty' };
  const command = /^\/([A-Za-z0-9_-]+)(?:\s+([\s\S]*))?$/.exec(text);
  if (command?.[1]) return { kind: 'command', command: command[1].toLowerCase(), text: (command[2] ?? '').trim() };
  const mention = new RegExp(`^@${escapeRegExp(botName)}\\b[,:]?\\s*([\\s\\S]*)$`, 'i').exec(text);
  if (mention) return { kind: 'mention', text: (mention[1] ?? '').trim() };
  return { kind: 'mention', text };
}

/** Splits a command's text into its subcommand and arguments. */
export function splitSubcommand(text: string): { sub: string; args: string[]; rest: string } {
  const trimmed = text.trim();
  const m = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m?.[1]) return { sub: '', args: [], rest: '' };
  const rest = (m[2] ?? '').trim();
  return { sub: m[1].toLowerCase(), args: rest ? rest.split(/\s+/) : [], rest };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
