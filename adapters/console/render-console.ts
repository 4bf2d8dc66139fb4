import type { Reply } from '../../src/reply/reply';
import { renderPlainText } from '../../src/reply/render-plain-text';

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RED = '\u001b[31m';
const RESET = '\u001b[0m';

/** Terminal text for a reply; colour only when writing to a TTY. */
export function renderConsole(reply: Reply, colour: boolean): string {
  const text = renderPlainText(reply);
  if (!colour) return text;
  const lines = text.split('\n');
  if (reply.title && lines[0] === reply.title) lines[0] = `${BOLD}${lines[0]}${RESET}`;
  return lines
    .map((l) => (/^\[\d+\] /.test(l) || /^\+\d+ more\./.test(l) ? `${DIM}${l}${RESET}` : l))
    .map((l) => (reply.isError ? `${RED}${l}${RESET}` : l))
    .join('\n');
}
