/**
 * Turns the text Slack sends us (messages, mentions, slash commands) into the plain text
 * the core expects. Slack encodes `&`, `<`, `>` and wraps mentions, channels and links in
 * `<...>`; user and broadcast mentions are removed (the bot's own name is not part of a
 * question), channels and links keep their readable part.
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<@[^|>\s]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? ' ')
    .replace(/<![a-z_]+(?:\^[^|>]*)?(?:\|[^>]*)?>/g, ' ')
    .replace(/<#[^|>\s]+(?:\|([^>]*))?>/g, (_m, name?: string) => (name ? `#${name}` : ' '))
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label || url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}
