import type { BenchReport, StorySize } from './bench-report';

const SIZES: StorySize[] = ['bundled', 'large'];

/** The figures as Markdown tables, for the README's Performance section. */
export function renderMarkdown(report: BenchReport, storyLabels: Record<StorySize, string>): string {
  const out: string[] = [];
  const m = report.machine;
  out.push(`Measured on ${m.cores} cores and ${m.memory_gb} GiB of memory (Node ${m.node.replace(/^v/, '')}, ${m.platform}).`, '');
  if (report.commands) {
    const rows: string[][] = [];
    for (const [name, bySize] of Object.entries(report.commands)) {
      for (const s of SIZES) {
        const f = bySize[s];
        if (f) rows.push([`\`${name}\``, storyLabels[s], `${f.p50_ms}`, `${f.p95_ms}`, `${f.p99_ms}`, `${f.first_ms}`]);
      }
    }
    out.push(table(['command', 'story', 'p50 ms', 'p95 ms', 'p99 ms', 'first call ms'], rows), '');
  }
  if (report.startup) {
    const rows = SIZES.flatMap((s) => {
      const f = report.startup?.[s] as (NonNullable<BenchReport['startup']>[StorySize] & { first_ask_ms?: number }) | undefined;
      return f ? [[storyLabels[s], `${f.ms}`, f.first_ask_ms !== undefined ? `${f.first_ask_ms}` : '-', `${f.rss_mb}`, `${f.heap_mb}`]] : [];
    });
    out.push(table(['startup (console)', 'to first reply ms', 'then first `ask` ms', 'peak RSS MB', 'peak heap MB'], rows), '');
  }
  const other: string[][] = [];
  if (report.ingest) {
    const i = report.ingest;
    other.push([
      `feed ingestion, ${i.feeds} feeds x ${Math.round(i.items / Math.max(1, i.feeds))} items`,
      `${i.items_per_s} items/s in ${i.seconds} s (rss-parser alone: ${i.parse_only_items_per_s} items/s, ratio ${Math.round(i.ratio * 100)} %); peak RSS ${i.rss_mb} MB, heap ${i.heap_mb} MB`,
    ]);
  }
  if (report.slack_ack) {
    const a = report.slack_ack;
    other.push([`Slack acknowledgement, ${a.requests} commands at ${a.concurrency}`, `p50 ${a.p50_ms} ms, p95 ${a.p95_ms} ms, p99 ${a.p99_ms} ms, ${a.failed} failed`]);
  }
  if (report.delivery) {
    const d = report.delivery;
    other.push([
      `digest delivery, ${d.channels} channels`,
      `digests in ${d.seconds} s (${d.passes} scheduler pass${d.passes === 1 ? '' : 'es'}), then a notice to every channel in ${d.notice_seconds} s; ${d.messages} messages, ${d.http_429} answers 429, ${d.lost} lost`,
    ]);
  }
  if (other.length > 0) out.push(table(['measurement', 'result'], other, 'left'), '');
  if (report.targets.length > 0) {
    out.push(table(['budget', 'target', 'measured', ''], report.targets.map((t) => [t.what, t.target, t.actual, t.met ? 'met' : '**missed**'])), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Numbers line up on the right; a table of sentences (`left`) reads better left-aligned. */
function table(header: string[], rows: string[][], align: 'numbers' | 'left' = 'numbers'): string {
  const rule = header.map((_, i) => (i === 0 || align === 'left' ? ' --- ' : ' ---: ')).join('|');
  return [`| ${header.join(' | ')} |`, `|${rule}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
