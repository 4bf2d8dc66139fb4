/**
 * Makes plain text (feed titles, article text, a user's question) show literally in a
 * Discord message or embed: no bold, italics, code, spoilers, links, headings, quotes or
 * lists from the source, and `<@id>`, `<#id>`, `<@&id>` or `<t:…>` show as typed instead of
 * as mention chips. Pings are stopped separately by `allowedMentions: { parse: [] }`.
 *
 * Written here rather than using discord.js's `escapeMarkdown`, which took 1.7 s on a
 * 24,000-character text (it re-scans the string per rule); this is one linear pass per rule.
 */
export function escapeDiscordText(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, '\\$&')
    .replace(/^([ \t]*)(#{1,3}[ \t]|>|-#|[-+][ \t])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\.([ \t])/gm, '$1\\.$2')
    .replace(/<(?=[@#:]|a:|t:|\/)/g, '\\<')
    .replace(/@(everyone|here)\b/g, '@\u200b$1');
}

/** A URL usable in a masked link `[text](url)`, or undefined when it is not plain http(s). */
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
