import type { BenchReport, TargetCheck } from './bench-report';

/**
 * The performance budget (issue "done when"); only parts that were measured are checked.
 * The generated story's budgets are set for 10,000 articles; smaller runs say their size.
 */
export function checkTargets(report: Omit<BenchReport, 'targets'>, largeArticles: number): TargetCheck[] {
  const large = `${largeArticles.toLocaleString('en-US')} articles`;
  const checks: TargetCheck[] = [];
  const atMost = (what: string, actual: number | undefined, limit: number, unit: string) => {
    if (actual === undefined) return;
    checks.push({ what, target: `<= ${limit} ${unit}`, actual: `${actual} ${unit}`, met: actual <= limit });
  };
  atMost('ask p95, bundled story', report.commands?.ask?.bundled?.p95_ms, 25, 'ms');
  atMost(`ask p95, ${large}`, report.commands?.ask?.large?.p95_ms, 150, 'ms');
  atMost('startup, bundled story', report.startup?.bundled?.ms, 2000, 'ms');
  atMost(`startup, ${large}`, report.startup?.large?.ms, 10000, 'ms');
  atMost('Slack ack p99', report.slack_ack?.p99_ms, 100, 'ms');
  if (report.slack_ack) {
    const { answered, requests } = report.slack_ack;
    checks.push({ what: 'Slack commands answered', target: `${requests} of ${requests}`, actual: `${answered} of ${requests}`, met: answered === requests });
  }
  if (report.ingest) {
    checks.push({ what: 'ingest vs parse-only', target: '>= 50 %', actual: `${Math.round(report.ingest.ratio * 100)} %`, met: report.ingest.ratio >= 0.5 });
    atMost('ingest peak RSS', report.ingest.rss_mb, 300, 'MB');
    atMost('ingest time', report.ingest.seconds, 30, 's');
  }
  if (report.delivery) {
    checks.push({ what: 'digests lost', target: '0', actual: String(report.delivery.lost), met: report.delivery.lost === 0 });
  }
  return checks;
}
