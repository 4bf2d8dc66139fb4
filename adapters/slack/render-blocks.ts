import type { types } from '@slack/bolt';
import type { Citation, Reply, ReplyItem } from '../../src/reply/reply';
import { escapedLength, escapeSlackText, slackLink } from './slack-escape';
import { splitToFit } from './split-text';

/** The blocks this renderer produces. */
export type SlackBlock = types.HeaderBlock | types.SectionBlock | types.ContextBlock;

/** One Slack message: Block Kit plus the plain `text` shown in notifications and old clients. */
export interface SlackMessage {
  /** Never empty: Slack needs it for notifications and screen readers. Escaped mrkdwn. */
  text: string;
  blocks: SlackBlock[];
}

/** Slack's published limits, and the margins we keep under them. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionChars: 3000,
  headerChars: 150,
  contextElements: 10,
  /** Text over all blocks of one message; with the fallback this stays under the ~4,000 that fails with msg_too_long. */
  messageBlockChars: 3500,
  fallbackChars: 300,
} as const;

/** Outlet links shown under an item; the rest are counted ("+2"). */
const MAX_ITEM_LINKS = 3;
const MAX_LABEL = 100;
const MAX_HEADLINE = 500;
const MAX_CITATION_TITLE = 300;

/**
 * Renders a neutral reply as one or more Slack messages. Nothing is dropped: content that
 * does not fit Slack's limits continues in the next message. Every string from the reply
 * is escaped, links are http(s) only.
 */
export function renderBlocks(reply: Reply): SlackMessage[] {
  const units = replyUnits(reply);
  if (units.length === 0) units.push([section('Nothing to show.')]);
  const pages = pack(units);
  return pages.map((blocks, i) => ({ blocks, text: fallbackText(reply, i, pages.length) }));
}

/** Groups of blocks that belong together (an item and its sources) and should share a message. */
function replyUnits(reply: Reply): SlackBlock[][] {
  const units: SlackBlock[][] = [];
  let warn = reply.isError ? ':warning: ' : '';
  if (reply.title) {
    if (reply.title.length <= SLACK_LIMITS.headerChars && !warn) {
      // plain_text is never parsed for mentions or links, so the title needs no escaping here.
      units.push([{ type: 'header', text: { type: 'plain_text', text: reply.title, emoji: false } }]);
    } else {
      units.push(...sectionsOf(reply.title, (s) => `${warn}*${s}*`).map((b) => [b]));
      warn = '';
    }
  }
  for (const block of reply.blocks) {
    if (block.kind === 'text') {
      const prefix = warn;
      units.push(...sectionsOf(block.text, (s, i) => (i === 0 ? `${prefix}${s}` : s)).map((b) => [b]));
      warn = '';
    } else if (block.kind === 'list') {
      if (block.title) units.push(...sectionsOf(block.title, (s) => `*${s}*`).map((b) => [b]));
      for (const item of block.items) units.push(itemBlocks(item));
      if (block.more && block.more.count > 0) {
        units.push(contextOf([`+${block.more.count} more. ${block.more.hint}`.trim()]));
      }
    } else {
      // One line per citation: elements of one context block sit side by side, so numbered
      // sources as separate elements would run together on one line.
      for (const text of linesUpTo(block.citations.map(citationText), SLACK_LIMITS.sectionChars)) {
        units.push([{ type: 'context', elements: [mrkdwn(text)] }]);
      }
    }
  }
  if (reply.footer) units.push(contextOf([reply.footer]));
  return units;
}

/** An item: a section with its label, headline and text, then a context line with its outlets. */
function itemBlocks(item: ReplyItem): SlackBlock[] {
  const label = item.label ? `*${escapeSlackText(clip(item.label, MAX_LABEL))}*  ` : '';
  const headline = item.headline ? `*${escapeSlackText(clip(item.headline, MAX_HEADLINE))}*\n` : '';
  const prefix = `${label}${headline}`;
  const pieces = splitToFit(item.text, SLACK_LIMITS.sectionChars - prefix.length, escapedLength);
  const blocks: SlackBlock[] = pieces.map((piece, i) => ({
    type: 'section',
    text: mrkdwn(`${i === 0 ? prefix : ''}${escapeSlackText(piece)}`),
  }));
  if (blocks.length === 0) blocks.push({ type: 'section', text: mrkdwn(prefix.trim() || '–') });
  const outlets = outletLinks(item);
  if (outlets) blocks.push({ type: 'context', elements: [mrkdwn(outlets)] });
  return blocks;
}

/** "<url|TechCrunch> · <url|The Verge> +2": one link per outlet, the first found URL of each. */
function outletLinks(item: ReplyItem): string {
  const byOutlet = new Map<string, string | undefined>();
  for (const source of item.sources ?? []) {
    if (!byOutlet.has(source.outlet) || !byOutlet.get(source.outlet)) byOutlet.set(source.outlet, source.url);
  }
  const shown = [...byOutlet].slice(0, MAX_ITEM_LINKS).map(([outlet, url]) => slackLink(url, clip(outlet, MAX_LABEL)));
  const others = byOutlet.size - shown.length;
  return shown.join(' · ') + (others > 0 ? ` +${others}` : '');
}

/** Joins lines with newlines into texts of at most `max` characters (a citation line is far shorter). */
function linesUpTo(lines: string[], max: number): string[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > max) {
      texts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) texts.push(current);
  return texts;
}

function citationText(citation: Citation): string {
  const label = `${clip(citation.outlet, MAX_LABEL)}${citation.title ? ` — ${clip(citation.title, MAX_CITATION_TITLE)}` : ''}`;
  const linked = `[${citation.n}] ${slackLink(citation.url, label)}`;
  // A URL full of escaped characters could push one line past a context element's limit.
  return linked.length <= SLACK_LIMITS.sectionChars ? linked : `[${citation.n}] ${escapeSlackText(label)}`;
}

/** Plain text as one or more mrkdwn sections of at most 3,000 characters once escaped and formatted. */
function sectionsOf(text: string, format: (escaped: string, index: number) => string): types.SectionBlock[] {
  const overhead = format('', 0).length;
  return splitToFit(text, SLACK_LIMITS.sectionChars - overhead, escapedLength).map((piece, i) => section(format(escapeSlackText(piece), i)));
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

/** Context blocks from plain strings: each element within the section limit, ten elements a block. */
function contextOf(texts: string[]): types.ContextBlock[] {
  const pieces = texts.flatMap((t) => splitToFit(t, SLACK_LIMITS.sectionChars, escapedLength));
  const blocks: types.ContextBlock[] = [];
  for (let i = 0; i < pieces.length; i += SLACK_LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: pieces.slice(i, i + SLACK_LIMITS.contextElements).map((p) => mrkdwn(escapeSlackText(p))) });
  }
  return blocks;
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

/** Characters a block contributes to the message's text. */
export function blockChars(block: SlackBlock): number {
  if (block.type === 'header') return block.text.text.length;
  if (block.type === 'section') return block.text?.text.length ?? 0;
  return block.elements.reduce((n, e) => n + ('text' in e && typeof e.text === 'string' ? e.text.length : 0), 0);
}

/** Fills messages in order; a unit that fits nowhere whole is spread over messages block by block. */
function pack(units: SlackBlock[][]): SlackBlock[][] {
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [];
  let chars = 0;
  const fits = (blocks: SlackBlock[], size: number) =>
    page.length + blocks.length <= SLACK_LIMITS.blocksPerMessage && chars + size <= SLACK_LIMITS.messageBlockChars;
  const add = (blocks: SlackBlock[], size: number) => {
    if (!fits(blocks, size) && page.length > 0) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(...blocks);
    chars += size;
  };
  for (const unit of units) {
    const size = unit.reduce((n, b) => n + blockChars(b), 0);
    const whole = unit.length <= SLACK_LIMITS.blocksPerMessage && size <= SLACK_LIMITS.messageBlockChars;
    if (whole) add(unit, size);
    else for (const block of unit) add([block], blockChars(block));
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** The notification text: the title (or first words) on the first message, "part n of m" after. */
function fallbackText(reply: Reply, index: number, count: number): string {
  const firstText = reply.blocks.find((b) => b.kind === 'text');
  const summary = reply.title ?? (firstText?.kind === 'text' ? firstText.text : undefined) ?? 'newsdesk';
  const part = count > 1 ? ` (part ${index + 1} of ${count})` : '';
  const room = SLACK_LIMITS.fallbackChars - part.length - 1;
  const pieces = splitToFit(summary.replace(/\s+/g, ' '), room, escapedLength);
  const head = pieces[0] ?? 'newsdesk';
  return `${escapeSlackText(head)}${pieces.length > 1 ? '…' : ''}${part}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
