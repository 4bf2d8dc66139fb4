import { BenchUsageError, parseBenchArgs } from './bench-options';
import { runBench } from './run-bench';
import { renderTable } from './render-table';
import { renderMarkdown } from './render-markdown';
import { stderrProgress } from './progress';

/**
 * `npm run bench`: measures command latency, startup, feed ingestion, Slack acknowledgement
 * and digest delivery, and prints a table (or, with `--json`, one JSON object) on stdout.
 */
async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  const report = await runBench(options, stderrProgress);
  const labels = { bundled: 'bundled', large: `generated, ${options.largeArticles.toLocaleString('en-US')} articles` };
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : options.markdown ? renderMarkdown(report, labels) : renderTable(report));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof BenchUsageError ? error.message : `bench failed: ${(error as Error)?.stack ?? String(error)}`}\n`);
    process.exitCode = error instanceof BenchUsageError ? 2 : 1;
  },
);
