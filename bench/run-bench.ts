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
  command: string;
  questions: readonly string[];
}

/** Runs the chosen parts; each part that cannot run is listed under `skipped` with the reason. */
export async function runBench(options: BenchOptions, progress: Progress, paths: BenchPaths = defaultPaths()): Promise<BenchReport> {
  const report: Omit<BenchReport, 'targets'> = {
    machine: { cores: os.cpus().length, memory_gb: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.arch()}` },
    skipped: [],
  };
  const skip = (part: string, reason: string) => {
    report.skipped.push({ part, reason });
    progress(`skipped ${part}: ${reason}`);
  };
  const wants = (part: Part) => options.parts.has(part);
  let large: GeneratedStory | undefined;
  const nodeArgs = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  try {
    const stories: StoryUnderTest[] = [];
    if (wants('commands') || wants('startup')) {
      const bundled = loadStoryFolders(paths.bundledStories)[0]!;
      stories.push({ size: 'bundled', storiesDir: paths.bundledStories, command: bundled.definition.command, questions: BUNDLED_QUESTIONS });
      progress(`generating a story of ${options.largeArticles} articles (seed ${options.seed})`);
      large = generateStory(os.tmpdir(), { articles: options.largeArticles, seed: options.seed });
      progress(`  ${Math.round(large.bytes / 1024 / 1024)} MB in ${large.storyDir}`);
      stories.push({ size: 'large', storiesDir: large.storiesDir, command: large.command, questions: GENERATED_QUESTIONS });
    }
    if (wants('commands')) {
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
            ...(story.size === 'large' ? { seedFeeds: { feeds: options.historyFeeds, itemsPerFeed: 50, seed: options.seed + 1 } } : {}),
          });
          corpus[story.size] = result.corpus;
          for (const [name, figures] of Object.entries(result.commands)) (commands[name] ??= {})[story.size] = figures;
          for (const name of result.missing) skip(`commands.${name}.${story.size}`, `the story has no "${name}" command yet`);
        } catch (error) {
          skip(`commands.${story.size}`, describe(error));
        }
      }
      if (Object.keys(commands).length > 0) report.commands = commands;
      if (Object.keys(corpus).length > 0) report.corpus = corpus;
    }
    if (wants('startup')) {
      if (!fs.existsSync(paths.entry)) skip('startup', `${paths.entry} is not built (npm run build)`);
      else {
        const startup: Partial<Record<StorySize, StartupFigures>> = {};
        for (const story of stories) {
          progress(`startup, ${story.size} story`);
          try {
            startup[story.size] = await measureStartupMedian(
              { entry: paths.entry, storiesDir: story.storiesDir, command: story.command, askQuestion: story.questions[0]!, timeoutMs: 60_000, nodeArgs },
              options.startupRuns[story.size],
            );
            progress(`  ${startup[story.size]!.ms} ms, peak RSS ${startup[story.size]!.rss_mb} MB`);
          } catch (error) {
            skip(`startup.${story.size}`, describe(error));
          }
        }
        if (Object.keys(startup).length > 0) report.startup = startup;
      }
    }
    if (wants('ingest')) {
      progress(`feed ingestion: ${options.feeds} feeds x ${options.itemsPerFeed} items`);
      try {
        const { new: fresh, relevant, ...figures } = await measureFeedIngest({ feeds: options.feeds, itemsPerFeed: options.itemsPerFeed, seed: options.seed, progress, nodeArgs });
        report.ingest = figures;
        progress(`  ${figures.items} items in ${figures.seconds} s (${fresh} new, ${relevant} about the story); ${figures.items_per_s} items/s, parse-only ${figures.parse_only_items_per_s} items/s`);
      } catch (error) {
        skip('ingest', describe(error));
      }
    }
    if (wants('slack')) {
      progress(`Slack acknowledgements: ${options.slackRequests} signed slash commands, ${options.slackConcurrency} at a time`);
      if (!fs.existsSync(paths.entry)) skip('slack', `${paths.entry} is not built (npm run build)`);
      else {
        try {
          const bundled = loadStoryFolders(paths.bundledStories)[0]!;
          const { answered, ...figures } = await measureSlackAck({
            entry: paths.entry,
            storiesDir: paths.bundledStories,
            command: bundled.definition.command,
            questions: BUNDLED_QUESTIONS,
            requests: options.slackRequests,
            concurrency: options.slackConcurrency,
            progress,
            nodeArgs,
          });
          report.slack_ack = figures;
          progress(`  p99 ${figures.p99_ms} ms; ${answered} of ${figures.requests} answered through response_url`);
          if (answered < figures.requests) skip('slack.answers', `only ${answered} of ${figures.requests} commands were answered within 60 s`);
        } catch (error) {
          skip('slack', describe(error));
        }
      }
    }
    if (wants('delivery')) {
      progress(`digest delivery to ${options.channels} channels`);
      try {
        const bundled = loadStoryFolders(paths.bundledStories)[0]!;
        report.delivery = await measureDigestDelivery({ storiesDir: paths.bundledStories, storyId: bundled.definition.id, channels: options.channels, progress });
      } catch (error) {
        skip('delivery', describe(error));
      }
    }
  } finally {
    if (large) fs.rmSync(large.storiesDir, { recursive: true, force: true });
  }
  return { ...report, targets: checkTargets(report) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
