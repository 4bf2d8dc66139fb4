import readline from 'node:readline';
import type { Newsdesk } from '../../src/app/create-newsdesk';
import { parseChatText } from '../../src/commands/parse-chat-text';
import type { Caller, Conversation } from '../../src/commands/command';
import type { Reply } from '../../src/reply/reply';
import { renderConsole } from './render-console';

/** The console user is the local operator, so admin commands are allowed. */
const CALLER: Caller = { id: 'console', name: 'you', isAdmin: true };
const CONVERSATION: Conversation = { platform: 'console', channelId: 'console' };

/** Handles one typed line the way chat would: `/cmd ...` or `@newsdesk ...`. */
export async function answerLine(newsdesk: Newsdesk, line: string): Promise<Reply | undefined> {
  const input = parseChatText(line);
  if (input.kind === 'empty') return undefined;
  if (input.kind === 'command') return newsdesk.handleCommand(input.command, input.text, CALLER, CONVERSATION);
  return newsdesk.handleMention(input.text, CALLER, CONVERSATION);
}

/**
 * Reads commands from stdin. On a terminal: a prompt and colour. Piped: one command per
 * line, each reply printed, resolves at end of input.
 */
export async function runConsole(
  newsdesk: Newsdesk,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY && output.isTTY);
  const command = newsdesk.story().definition.command;
  const rl = readline.createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    output.write(`newsdesk: ${newsdesk.story().definition.title}\nType /${command} help, or @newsdesk followed by a question. Ctrl-D quits.\n`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const reply = await answerLine(newsdesk, line);
    if (reply) output.write(`${renderConsole(reply, interactive)}\n\n`);
    if (interactive) rl.prompt();
  }
}
