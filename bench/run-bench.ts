import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchReport, CommandFigures, CorpusFigures, StartupFigures, StorySize } from './bench-report';
import type { BenchOptions, Part } from './bench-options';
import { BUNDLED_QUESTIONS, GENERATED_QUESTIONS } from './bench-questions';
import { measureCommandLatency } from './command-latency';
import { generateStory, type GeneratedStory } from './generate-story';
import { measureStartupMedian } from './startup';
import { checkTargets } from './targets';
import { copyStoriesWithoutFeeds } from './offline-stories';
import { measureDigestDelivery } from './digest-delivery';
import { measureSlackAck } from './slack-ack';
import { measureFeedIngest } from './feed-ingest';
import type { Progress } from './progress';
import { projectRoot } from '../src/config/project-root';
import { loadStoryFolders } from '../src/story/load-stories';

/** Where the compiled program and the bundled stories are. */
export interface BenchPaths {
  /** Compiled `adapters/main/start.js`; the startup part is skipped when it is absent. */
  entry: string;
  /** The bundled stories folder (`digests/`). */
  bundledStories: string;
}

export function defaultPaths(): BenchPaths {
  return {
    entry: path.resolve(__dirname, '../adapters/main/start.js'),
    bundledStories: path.join(projectRoot(), 'digests'),
  };
}

interface StoryUnderTest {
  size: StorySize;
  storiesDir: string;
  /** The same stories without feeds, for spawned programs (which poll on start). */
  offlineStoriesDir: string;
  command: string;
  questions: readonly string[];
}

/** What every part of a run shares. */
interface RunContext {
  options: BenchOptions;
  paths: BenchPaths;
  progress: Progress;
  report: Omit<BenchReport, 'targets'>;
  /** Node options for spawned programs (profiling). */
  nodeArgs: string[];
  /** Records a part that could not run, with the reason. */
  skip(part: string, reason: string): void;
}

/** Runs the chosen parts; each part that cannot run is listed under `skipped` with the reason. */
export async function runBench(options: BenchOptions, progress: Progress, paths: BenchPaths = defaultPaths()): Promise<BenchReport> {
  const report: Omit<BenchReport, 'targets'> = {
    machine: { cores: os.cpus().length, memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10, node: process.version, platform: `${os.platform()} ${os.arch()}` },
    skipped: [],
  };
  const run: RunContext = {
    options,
    paths,
    progress,
    report,
    nodeArgs: options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [],
    skip(part, reason) {
      report.skipped.push({ part, reason });
      progress(`skipped ${part}: ${reason}`);
    },
  };
  const wants = (part: Part) => options.parts.has(part);
  let large: GeneratedStory | undefined;
  // Spawned programs get the bundled story without its (real, online) feeds.
  const offline = copyStoriesWithoutFeeds(paths.bundledStories, os.tmpdir());
  try {
    const stories: StoryUnderTest[] = [];
    if (wants('commands') || wants('startup')) {
      stories.push({ size: 'bundled', storiesDir: paths.bundledStories, offlineStoriesDir: offline, command: bundledStory(paths).command, questions: BUNDLED_QUESTIONS });
      progress(`generating a story of ${options.largeArticles} articles (seed ${options.seed})`);
      large = generateStory(os.tmpdir(), { articles: options.largeArticles, seed: options.seed });
      progress(`  ${Math.round(large.bytes / 1024 / 1024)} MB in ${large.storyDir}`);
      stories.push({ size: 'large', storiesDir: large.storiesDir, offlineStoriesDir: large.storiesDir, command: large.command, questions: GENERATED_QUESTIONS });
    }
    if (wants('commands')) await runCommandLatency(run, stories);
    if (wants('startup')) await runStartup(run, stories);
    if (wants('ingest')) await runIngest(run);
    if (wants('slack')) await runSlackAck(run, offline);
    if (wants('delivery')) await runDelivery(run);
  } finally {
    if (large) fs.rmSync(large.storiesDir, { recursive: true, force: true });
    fs.rmSync(offline, { recursive: true, force: true });
  }
  return { ...report, targets: checkTargets(report, options.largeArticles) };
}

function bundledStory(paths: BenchPaths): { id: string; command: string } {
  const definition = loadStoryFolders(paths.bundledStories)[0]!.definition;
  return { id: definition.id, command: definition.command };
}

async function runCommandLatency(run: RunContext, stories: StoryUnderTest[]): Promise<void> {
  const { options, progress } = run;
  const commands: Record<string, Partial<Record<StorySize, CommandFigures>>> = {};
  const corpus: Partial<Record<StorySize, CorpusFigures>> = {};
  for (const story of stories) {
    progress(`command latency, ${story.size} story`);
    try {
      const result = await measureCommandLatency({
        storiesDir: story.storiesDir,
        command: story.command,
        questions: story.questions,
        warmup: options.warmup,
        iterations: options.iterations[story.size],
        progress,
        // The generated story stands for a long-running one, so it has a feed history too.
        ...(story.size === 'large' ? { seedFeeds: { feeds: options.historyFeeds, itemsPerFeed: 50, seed: options.seed + 1 } } : {}),
      });
      corpus[story.size] = result.corpus;
      for (const [name, figures] of Object.entries(result.commands)) (commands[name] ??= {})[story.size] = figures;
      for (const name of result.missing) run.skip(`commands.${name}.${story.size}`, `the story has no "${name}" command yet`);
    } catch (error) {
      run.skip(`commands.${story.size}`, describe(error));
    }
  }
  if (Object.keys(commands).length > 0) run.report.commands = commands;
  if (Object.keys(corpus).length > 0) run.report.corpus = corpus;
}

async function runStartup(run: RunContext, stories: StoryUnderTest[]): Promise<void> {
  if (!fs.existsSync(run.paths.entry)) return run.skip('startup', `${run.paths.entry} is not built (npm run build)`);
  const startup: Partial<Record<StorySize, StartupFigures>> = {};
  for (const story of stories) {
    run.progress(`startup, ${story.size} story`);
    try {
      const figures = await measureStartupMedian(
        { entry: run.paths.entry, storiesDir: story.offlineStoriesDir, command: story.command, askQuestion: story.questions[0]!, timeoutMs: 60_000, nodeArgs: run.nodeArgs },
        run.options.startupRuns[story.size],
      );
      startup[story.size] = figures;
      run.progress(`  ${figures.ms} ms, peak RSS ${figures.rss_mb} MB`);
    } catch (error) {
      run.skip(`startup.${story.size}`, describe(error));
    }
  }
  if (Object.keys(startup).length > 0) run.report.startup = startup;
}

async function runIngest(run: RunContext): Promise<void> {
  const { options, progress } = run;
  progress(`feed ingestion: ${options.feeds} feeds x ${options.itemsPerFeed} items`);
  try {
    const { new: fresh, relevant, ...figures } = await measureFeedIngest({ feeds: options.feeds, itemsPerFeed: options.itemsPerFeed, seed: options.seed, progress, nodeArgs: run.nodeArgs });
    run.report.ingest = figures;
    progress(`  ${figures.items} items in ${figures.seconds} s (${fresh} new, ${relevant} about the story); ${figures.items_per_s} items/s, parse-only ${figures.parse_only_items_per_s} items/s`);
  } catch (error) {
    run.skip('ingest', describe(error));
  }
}

async function runSlackAck(run: RunContext, offlineStories: string): Promise<void> {
  const { options, progress } = run;
  progress(`Slack acknowledgements: ${options.slackRequests} signed slash commands, ${options.slackConcurrency} at a time`);
  if (!fs.existsSync(run.paths.entry)) return run.skip('slack', `${run.paths.entry} is not built (npm run build)`);
  try {
    run.report.slack_ack = await measureSlackAck({
      entry: run.paths.entry,
      storiesDir: offlineStories,
      command: bundledStory(run.paths).command,
      questions: BUNDLED_QUESTIONS,
      requests: options.slackRequests,
      concurrency: options.slackConcurrency,
      progress,
      nodeArgs: run.nodeArgs,
    });
    const { p99_ms, answered, requests } = run.report.slack_ack;
    progress(`  p99 ${p99_ms} ms; ${answered} of ${requests} answered through response_url`);
  } catch (error) {
    run.skip('slack', describe(error));
  }
}

async function runDelivery(run: RunContext): Promise<void> {
  run.progress(`digest delivery to ${run.options.channels} channels`);
  try {
    run.report.delivery = await measureDigestDelivery({ storiesDir: run.paths.bundledStories, storyId: bundledStory(run.paths).id, channels: run.options.channels, progress: run.progress });
  } catch (error) {
    run.skip('delivery', describe(error));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
