/**
 * Slack reads `<...>` as a control sequence: `<!channel>`, `<@U123>`, `<url|label>`. Any
 * text we did not write ourselves (feed titles, article text, user input echoed back) is
 * escaped so it can only ever show as literal characters.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The length `text` will have once escaped, without building the string. */
export function escapedLength(text: string): number {
  let extra = 0;
  for (const ch of text) {
    if (ch === '&') extra += 4;
    else if (ch === '<' || ch === '>') extra += 3;
  }
  return text.length + extra;
}

/** Longer URLs are shown without a link: they would eat most of a section's budget. */
const MAX_LINK_URL = 1000;

/**
 * The URL part of a `<url|label>` link, or undefined when the URL must not be linked:
 * only http(s), parsed and normalised, with the characters that would end the link
 * (`|`, `>`) or start an entity encoded.
 */
export function slackLinkUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const href = parsed.toString();
  if (href.length > MAX_LINK_URL) return undefined;
  return href.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

/** `<url|label>` when the URL is safe to link, otherwise just the escaped label. */
export function slackLink(url: string | undefined, label: string): string {
  const href = slackLinkUrl(url);
  const text = escapeSlackText(label);
  return href ? `<${href}|${text}>` : text;
}
