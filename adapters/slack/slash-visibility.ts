import type { Reply } from '../../src/reply/reply';

/** Who sees a slash command's answer: only the caller (`ephemeral`) or the whole channel. */
export type SlackResponseType = 'ephemeral' | 'in_channel';

/** What the caller asked for with a leading `public` or `private` word. */
export type VisibilityWish = 'public' | 'private';

/**
 * `/karpathy public timeline` shares the answer with the channel, `/karpathy private latest`
 * keeps it to the caller. Only a leading word counts (a trailing "public" may be part of a
 * question), and not when the story has a subcommand of that name.
 */
export function takeVisibilityWord(text: string, isSubcommand: (word: string) => boolean): { text: string; wish?: VisibilityWish } {
  const m = /^(public|private)(?:\s+([\s\S]*))?$/i.exec(text.trim());
  const word = m?.[1]?.toLowerCase() as VisibilityWish | undefined;
  if (!m || !word || isSubcommand(word)) return { text: text.trim() };
  return { text: (m[2] ?? '').trim(), wish: word };
}

/**
 * The core suggests a visibility; the caller's wish overrides it. Errors always stay private:
 * a typo or a refusal is nobody else's business.
 */
export function responseTypeFor(reply: Reply, wish: VisibilityWish | undefined): SlackResponseType {
  if (reply.isError) return 'ephemeral';
  const visibility = wish ? (wish === 'public' ? 'channel' : 'private') : reply.visibility;
  return visibility === 'channel' ? 'in_channel' : 'ephemeral';
}
