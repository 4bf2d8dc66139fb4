/**
 * The neutral reply model: what the core answers, before any platform renders it.
 * All strings are plain text (no Markdown, no mrkdwn, no HTML); adapters escape and format.
 */

/** A source an item or answer rests on. */
export interface SourceRef {
  outlet: string;
  title?: string;
  url?: string;
}

/** A numbered citation, as in "[1] TechCrunch — Karpathy joins Anthropic". */
export interface Citation extends SourceRef {
  n: number;
}

/** One line of a list: a timeline event, a development, a quote, a feed. */
export interface ReplyItem {
  /** Short label shown first, e.g. a date ("2024-08") or a status. */
  label?: string;
  /** Optional bold-ish headline (digests); `text` is then the one-line summary. */
  headline?: string;
  text: string;
  /** Where this item comes from; adapters show "TechCrunch +2" and links. */
  sources?: SourceRef[];
}

export type ReplyBlock =
  | { kind: 'text'; text: string }
  | {
      kind: 'list';
      /** Optional heading of the list. */
      title?: string;
      items: ReplyItem[];
      /** Present when items were cut: how many more, and how to see them. */
      more?: { count: number; hint: string };
    }
  | { kind: 'citations'; citations: Citation[] };

export interface Reply {
  title?: string;
  blocks: ReplyBlock[];
  /** A short closing line: a hint, a next command, a note on freshness. */
  footer?: string;
  /**
   * Who should see it: `private` to the caller only (help, errors, admin output), `channel`
   * for everyone. Adapters map this to ephemeral vs in-channel replies.
   */
  visibility: 'private' | 'channel';
  /** True when this reply reports a problem with the request (bad input, not allowed, rate limit). */
  isError?: boolean;
}

export function textReply(text: string, options: Partial<Omit<Reply, 'blocks'>> = {}): Reply {
  return { visibility: 'private', ...options, blocks: [{ kind: 'text', text }] };
}

export function errorReply(text: string): Reply {
  return { visibility: 'private', isError: true, blocks: [{ kind: 'text', text }] };
}

/** "TechCrunch +2": the first outlet and how many others. */
export function outletSummary(sources: SourceRef[] | undefined): string {
  const outlets = [...new Set((sources ?? []).map((s) => s.outlet))];
  if (outlets.length === 0) return '';
  return outlets.length === 1 ? outlets[0]! : `${outlets[0]} +${outlets.length - 1}`;
}
