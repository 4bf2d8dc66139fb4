import type { BenchReport, StorySize } from './bench-report';

const SIZES: StorySize[] = ['bundled', 'large'];
const SIZE_LABEL: Record<StorySize, string> = { bundled: 'bundled', large: 'generated' };

/** The report as aligned plain-text tables, for a person reading a terminal. */
export function renderTable(report: BenchReport): string {
  const out: string[] = [];
  const m = report.machine;
  out.push(`newsdesk bench: ${m.cores} cores, ${m.memory_gb} GiB, Node ${m.node}, ${m.platform}`, '');
  if (report.corpus) {
    const rows = SIZES.flatMap((s) => {
      const c = report.corpus?.[s];
      return c ? [[SIZE_LABEL[s], String(c.articles), String(c.feed_items ?? 0), ms(c.load_ms), `${c.heap_mb} MB`]] : [];
    });
    out.push(table(['story', 'articles', 'feed items', 'load', 'heap after first calls'], rows), '');
  }
  if (report.commands) {
    const rows: string[][] = [];
    for (const [name, bySize] of Object.entries(report.commands)) {
      for (const s of SIZES) {
        const f = bySize[s];
        if (f) rows.push([name, SIZE_LABEL[s], ms(f.p50_ms), ms(f.p95_ms), ms(f.p99_ms), ms(f.first_ms), String(f.samples)]);
      }
    }
    out.push(table(['command', 'story', 'p50', 'p95', 'p99', 'first call', 'n'], rows), '');
  }
  if (report.startup) {
    const rows = SIZES.flatMap((s) => {
      const f = report.startup?.[s] as (typeof report.startup)[StorySize] & { first_ask_ms?: number };
      return f ? [[SIZE_LABEL[s], ms(f.ms), f.first_ask_ms !== undefined ? ms(f.first_ask_ms) : '-', `${f.rss_mb} MB`, `${f.heap_mb} MB`]] : [];
    });
    out.push(table(['startup', 'to first reply', 'then first ask', 'peak RSS', 'peak heap'], rows), '');
  }
  if (report.ingest) {
    const i = report.ingest;
    out.push(
      table(
        ['ingest', 'items/s', 'parse-only items/s', 'ratio', 'time', 'CPU', 'peak RSS', 'peak heap'],
        [[`${i.feeds} feeds x ${Math.round(i.items / Math.max(1, i.feeds))}`, String(i.items_per_s), String(i.parse_only_items_per_s), `${Math.round(i.ratio * 100)} %`, `${i.seconds} s`, `${i.cpu_seconds} s`, `${i.rss_mb} MB`, `${i.heap_mb} MB`]],
      ),
      '',
    );
  }
  if (report.slack_ack) {
    const a = report.slack_ack;
    out.push(table(['slack ack', 'p50', 'p95', 'p99', 'failed', 'answered'], [[`${a.requests} at ${a.concurrency}`, ms(a.p50_ms), ms(a.p95_ms), ms(a.p99_ms), String(a.failed), String(a.answered)]]), '');
  }
  if (report.delivery) {
    const d = report.delivery;
    out.push(
      table(['delivery', 'digests', 'passes', 'then a notice', 'HTTP 429', 'messages', 'lost'], [[`${d.channels} channels`, `${d.seconds} s`, String(d.passes), `${d.notice_seconds} s`, String(d.http_429), String(d.messages), String(d.lost)]]),
      '',
    );
  }
  if (report.targets.length > 0) {
    out.push(table(['target', 'budget', 'measured', ''], report.targets.map((t) => [t.what, t.target, t.actual, t.met ? 'ok' : 'MISSED'])), '');
  }
  for (const s of report.skipped) out.push(`not measured: ${s.part}: ${s.reason}`);
  return `${out.join('\n').trimEnd()}\n`;
}

function ms(value: number): string {
  return `${value} ms`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
