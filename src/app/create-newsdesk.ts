import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { systemClock, type Clock } from '../clock';
import { openDatabase } from '../store/open-database';
import type { Database } from '../store/database';
import { loadStoryFolders, type StoryFolder } from '../story/load-stories';
import { loadCorpusDir } from '../corpus/load-corpus';
import { StoryCorpus } from '../corpus/story-corpus';
import { CommandRouter, type CommandObserver } from '../commands/command-router';
import type { Caller, Conversation, Platform } from '../commands/command';
import { createHelpCommand, createHelpReply } from '../commands/handlers/help-command';
import { createSourcesCommand } from '../commands/handlers/sources-command';
import type { ChannelSender } from '../delivery/channel-sender';
import { errorReply, type Reply } from '../reply/reply';
import { NewsdeskError } from '../errors';
import type { Feature, NewsdeskContext } from './feature';
import type { StoryRuntime } from './story-runtime';
import { createFeatures } from './features';
import { noMetrics, type Metrics } from '../ops/metrics';

export interface NewsdeskOptions {
  clock?: Clock;
  /** Use this folder of articles instead of the story's own (CLI `--corpus`). */
  corpusDir?: string;
  /** An already open database (tests, replicas); otherwise opened from config. */
  database?: Database;
  /** Metrics hook for command latency; default: `metrics.commandHandled`. */
  observeCommand?: CommandObserver;
  /** Where features report feed, ingestion and digest figures; default: nowhere. */
  metrics?: Metrics;
}

/**
 * The platform-free bot: stories, their corpora and routers, the store and the features.
 * Adapters call `handleCommand` and `handleMention` and render the replies they get back.
 */
export class Newsdesk {
  private started = false;
  private loaded: Promise<void> | undefined;

  constructor(
    readonly context: NewsdeskContext,
    private readonly features: Feature[],
  ) {}

  get stories(): StoryRuntime[] {
    return this.context.stories;
  }

  /** A story by id or command name; the configured or first story when none is given. */
  story(idOrCommand?: string): StoryRuntime {
    const wanted = idOrCommand ?? this.context.config.story;
    if (!wanted) return this.context.stories[0]!;
    const found = this.context.stories.find((s) => s.definition.id === wanted || s.definition.command === wanted);
    if (!found) {
      const known = this.context.stories.map((s) => s.definition.id).join(', ');
      throw new NewsdeskError('story-unknown', `no story "${wanted}" (known: ${known})`);
    }
    return found;
  }

  /** `/<command> <text>` from any adapter. */
  async handleCommand(command: string, text: string, caller: Caller, conversation: Conversation): Promise<Reply> {
    const story = this.context.stories.find((s) => s.definition.command === command);
    if (!story) return errorReply(`I do not know the command /${command}. Try ${this.context.stories.map((s) => `/${s.definition.command} help`).join(' or ')}.`);
    return story.router.handle(text, caller, conversation);
  }

  /** A mention or direct message: a question goes to `ask`; no question gets help. */
  async handleMention(text: string, caller: Caller, conversation: Conversation): Promise<Reply> {
    const question = text.trim();
    const story = this.storyForQuestion(question);
    if (!question || !story.router.has('ask')) return story.router.handle('help', caller, conversation);
    return story.router.handle(`ask ${question}`, caller, conversation);
  }

  registerSender(sender: ChannelSender): void {
    this.context.senders.set(sender.platform, sender);
  }

  senderFor(platform: Platform): ChannelSender | undefined {
    return this.context.senders.get(platform);
  }

  /** Loads stored state every feature needs to answer (feed items); once, idempotent. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      for (const f of this.features) await f.load?.();
    })();
    return this.loaded;
  }

  /** Starts background work of every feature (polling, digest schedules). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.load();
    for (const f of this.features) await f.start?.();
  }

  /** Stops background work, then closes the store. */
  async close(): Promise<void> {
    for (const f of [...this.features].reverse()) {
      try {
        await f.stop?.();
      } catch (error) {
        this.context.logger.warn({ err: error, feature: f.name }, 'feature did not stop cleanly');
      }
    }
    await this.context.database.close();
  }

  feature<T extends Feature>(name: string): T | undefined {
    return this.features.find((f) => f.name === name) as T | undefined;
  }

  private storyForQuestion(question: string): StoryRuntime {
    const stories = this.context.stories;
    if (stories.length === 1 || !question) return this.story();
    const q = question.toLowerCase();
    const match = stories.find((s) =>
      [...s.definition.people, ...s.definition.organisations]
        .flatMap((e) => [e.name, ...e.aliases])
        .some((n) => q.includes(n.toLowerCase())),
    );
    return match ?? this.story();
  }
}

function loadCorpus(folder: StoryFolder, corpusDir: string | undefined): StoryCorpus {
  if (corpusDir) return new StoryCorpus(loadCorpusDir(corpusDir, 'folder'));
  return new StoryCorpus(loadCorpusDir(folder.articlesDir, 'bundled'));
}

/** The composition root of the core: opens the store, loads the stories, wires features. */
export async function createNewsdesk(config: Config, logger: Logger, options: NewsdeskOptions = {}): Promise<Newsdesk> {
  const folders = loadStoryFolders(config.storiesDir);
  const database = options.database ?? (await openDatabase(config.database));
  const metrics = options.metrics ?? noMetrics;
  const observeCommand = options.observeCommand ?? metrics.commandHandled;
  const stories: StoryRuntime[] = folders.map((folder) => {
    const helpReply = createHelpReply(folder.definition);
    return {
      definition: folder.definition,
      folder,
      corpus: loadCorpus(folder, options.corpusDir),
      router: new CommandRouter(logger.child({ story: folder.definition.id }), helpReply, observeCommand),
    };
  });
  const context: NewsdeskContext = {
    config,
    logger,
    clock: options.clock ?? systemClock,
    database,
    stories,
    senders: new Map(),
    metrics,
  };
  const features = createFeatures(context);
  for (const story of stories) {
    story.router.register(createHelpCommand(story.definition, story.router));
    for (const feature of features) for (const handler of feature.commands?.(story) ?? []) story.router.register(handler);
    story.router.register(createSourcesCommand(story));
  }
  return new Newsdesk(context, features);
}
