import type { Reply, ReplyItem } from './reply';
import { outletSummary } from './reply';

/**
 * Renders a reply as plain text: the console adapter, the CLI and digest previews use it.
 * Platform adapters have their own renderers.
 */
export function renderPlainText(reply: Reply, options: { links?: boolean } = {}): string {
  const links = options.links ?? true;
  const out: string[] = [];
  if (reply.title) out.push(reply.title);
  for (const block of reply.blocks) {
    if (block.kind === 'text') {
      out.push(block.text);
    } else if (block.kind === 'list') {
      const lines: string[] = [];
      if (block.title) lines.push(block.title);
      for (const item of block.items) lines.push(renderItem(item, links));
      if (block.more && block.more.count > 0) lines.push(`+${block.more.count} more. ${block.more.hint}`.trim());
      out.push(lines.join('\n'));
    } else {
      out.push(
        block.citations
          .map((c) => `[${c.n}] ${c.outlet}${c.title ? ` - ${c.title}` : ''}${links && c.url ? ` <${c.url}>` : ''}`)
          .join('\n'),
      );
    }
  }
  if (reply.footer) out.push(reply.footer);
  return out.join('\n\n');
}

function renderItem(item: ReplyItem, links: boolean): string {
  const label = item.label ? `${item.label}  ` : '';
  const head = item.headline ? `${item.headline}: ` : '';
  const outlets = outletSummary(item.sources);
  const link = links ? item.sources?.find((s) => s.url)?.url : undefined;
  return `- ${label}${head}${item.text}${outlets ? ` (${outlets})` : ''}${link ? ` <${link}>` : ''}`;
}
