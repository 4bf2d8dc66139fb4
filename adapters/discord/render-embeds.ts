import type { APIEmbed } from 'discord.js';
import type { Citation, Reply, ReplyBlock, ReplyItem } from '../../src/reply/reply';
import { renderPlainText } from '../../src/reply/render-plain-text';
import { escapeDiscordText, linkTarget } from './escape-discord-text';

/** Discord's message limits (characters), from its API documentation. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedFields: 25,
  embedFieldValue: 1024,
  /** Title, description, fields, footer and author of every embed in one message together. */
  embedTotal: 6000,
  embedsPerMessage: 10,
} as const;

/** One Discord message of a rendered reply; the adapter adds flags and `allowedMentions`. */
export interface DiscordMessageParts {
  content?: string;
  embeds: APIEmbed[];
}

const ACCENT = 0x3b82f6;

/**
 * Renders a neutral reply as Discord messages: errors as plain content, everything else as
 * embeds. Text that does not fit is continued in further embeds and messages, never dropped;
 * every part stays within `DISCORD_LIMITS`. Feed and user text is escaped.
 */
export function renderEmbeds(reply: Reply): DiscordMessageParts[] {
  if (reply.isError) {
    const text = escapeDiscordText(renderPlainText(reply, { links: false }));
    return splitText(text, DISCORD_LIMITS.content).map((content) => ({ content, embeds: [] }));
  }
  return packEmbeds(reply);
}

/** True when Discord should show the reply to the caller only. */
export function isEphemeral(reply: Reply): boolean {
  return reply.visibility === 'private' || reply.isError === true;
}

/** Markdown lines of the reply body; '' separates blocks. */
function bodyLines(reply: Reply): string[] {
  const lines: string[] = [];
  for (const block of reply.blocks) {
    if (lines.length > 0) lines.push('');
    lines.push(...blockLines(block));
  }
  return lines;
}

function blockLines(block: ReplyBlock): string[] {
  if (block.kind === 'text') return escapeDiscordText(block.text).split('\n');
  if (block.kind === 'citations') return block.citations.map(citationLine);
  const lines: string[] = [];
  if (block.title) lines.push(`**${escapeDiscordText(block.title)}**`);
  for (const item of block.items) lines.push(itemLine(item));
  if (block.more && block.more.count > 0) lines.push(`*+${block.more.count} more. ${escapeDiscordText(block.more.hint)}*`);
  return lines;
}

function itemLine(item: ReplyItem): string {
  const label = item.label ? `\`${item.label.replace(/`/g, "'")}\` ` : '';
  const headline = item.headline ? `**${escapeDiscordText(item.headline)}**: ` : '';
  const text = escapeDiscordText(item.text).replace(/\n+/g, ' ');
  return `- ${label}${headline}${text}${sourcesSuffix(item.sources)}`;
}

/** Outlets named after an item; the rest are counted ("+2"), as on Slack. */
const MAX_ITEM_OUTLETS = 3;

/**
 * " · [TechCrunch](url) · [The Verge](url) +2": up to three outlets, each linked to the first
 * URL it has, so a development reported by several outlets can be read at each of them.
 */
function sourcesSuffix(sources: ReplyItem['sources']): string {
  if (!sources || sources.length === 0) return '';
  const byOutlet = new Map<string, string | undefined>();
  for (const source of sources) {
    if (!byOutlet.get(source.outlet)) byOutlet.set(source.outlet, linkTarget(source.url));
  }
  const shown = [...byOutlet].slice(0, MAX_ITEM_OUTLETS).map(([outlet, url]) => (url ? `[${escapeDiscordText(outlet)}](${url})` : escapeDiscordText(outlet)));
  const others = byOutlet.size - shown.length;
  return ` · ${shown.join(' · ')}${others > 0 ? ` +${others}` : ''}`;
}

function citationLine(c: Citation): string {
  const label = `${c.outlet}${c.title ? ` - ${c.title}` : ''}`;
  const url = linkTarget(c.url);
  return `\`[${c.n}]\` ${url ? `[${escapeDiscordText(label)}](${url})` : escapeDiscordText(label)}`;
}

/** Fills embeds line by line within the per-embed and per-message limits. */
function packEmbeds(reply: Reply): DiscordMessageParts[] {
  const messages: DiscordMessageParts[] = [];
  let message: DiscordMessageParts = { embeds: [] };
  let messageChars = 0;
  let embed: APIEmbed | undefined;

  const openEmbed = (extraChars: number) => {
    if (message.embeds.length >= DISCORD_LIMITS.embedsPerMessage || messageChars + extraChars > DISCORD_LIMITS.embedTotal) {
      messages.push(message);
      message = { embeds: [] };
      messageChars = 0;
    }
    embed = { color: ACCENT };
    message.embeds.push(embed);
  };

  const lines = bodyLines(reply);
  const title = reply.title ? escapeDiscordText(reply.title) : undefined;
  if (title && title.length > DISCORD_LIMITS.embedTitle) {
    // Too long for a title: the whole title leads the description instead.
    lines.unshift(`**${title}**`, '');
  }
  const footer = reply.footer?.trim();
  const footerFits = footer !== undefined && footer.length <= DISCORD_LIMITS.embedFooter;
  if (footer && !footerFits) lines.push('', ...escapeDiscordText(footer).split('\n'));

  openEmbed(0);
  if (title && title.length <= DISCORD_LIMITS.embedTitle) {
    embed!.title = title;
    messageChars += title.length;
  }
  for (const whole of lines) {
    for (const line of splitText(whole, DISCORD_LIMITS.embedDescription)) {
      const current = embed!.description ?? '';
      if (line === '' && current === '') continue;
      const added = current ? line.length + 1 : line.length;
      if (current.length + added > DISCORD_LIMITS.embedDescription || messageChars + added > DISCORD_LIMITS.embedTotal) {
        if (line === '') continue;
        openEmbed(line.length);
        embed!.description = line;
        messageChars += line.length;
        continue;
      }
      embed!.description = current ? `${current}\n${line}` : line;
      messageChars += added;
    }
  }
  if (embed!.description) embed!.description = embed!.description.replace(/\n+$/, '');
  if (footer && footerFits) {
    if (messageChars + footer.length > DISCORD_LIMITS.embedTotal) openEmbed(footer.length);
    embed!.footer = { text: footer };
    messageChars += footer.length;
  }
  if (!embed!.title && !embed!.description && !embed!.footer) embed!.description = '\u200b';
  messages.push(message);
  return messages.filter((m) => m.embeds.length > 0);
}

/**
 * Splits text into pieces of at most `max` characters, at a line break or space when there is
 * one in the last fifth of the piece, and never right after an escaping backslash.
 */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = Math.max(rest.lastIndexOf('\n', max), rest.lastIndexOf(' ', max));
    if (cut < max * 0.8) cut = max;
    while (cut > 1 && rest[cut - 1] === '\\') cut -= 1;
    pieces.push(rest.slice(0, cut).replace(/\s+$/, ''));
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest) pieces.push(rest);
  return pieces;
}
