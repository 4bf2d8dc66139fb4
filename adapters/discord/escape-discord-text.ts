import { escapeMarkdown } from 'discord.js';

/**
 * Makes plain text (feed titles, article text, a user's question) show literally in a
 * Discord message or embed: no bold, links, headings, quotes or spoilers from the source,
 * and `<@id>`, `<#id>`, `<@&id>` or `<t:…>` show as typed instead of as mention chips.
 * Pings are stopped separately by `allowedMentions: { parse: [] }` on every message.
 */
export function escapeDiscordText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return escaped
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2')
    .replace(/<(?=[@#:]|a:|t:|\/)/g, '\\<')
    .replace(/@(everyone|here)\b/g, '@\u200b$1');
}

/** Text for the visible part of a masked link `[text](url)`: no brackets that end it early. */
export function escapeLinkText(text: string): string {
  return escapeDiscordText(text).replace(/(?<!\\)([[\]])/g, '\\$1');
}

/** A URL usable in a masked link, or undefined when it is not plain http(s). */
export function linkTarget(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.toString().replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  } catch {
    return undefined;
  }
}
