import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Clock } from '../clock';
import type { Database } from '../store/database';
import type { CommandHandler } from '../commands/command';
import type { ChannelSender } from '../delivery/channel-sender';
import type { Platform } from '../commands/command';
import type { StoryRuntime } from './story-runtime';
import type { Metrics } from '../ops/metrics';

/** What every feature gets from the composition root. */
export interface NewsdeskContext {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  stories: StoryRuntime[];
  /** Senders registered by the running chat adapters, by platform. */
  senders: Map<Platform, ChannelSender>;
  /** Where feeds and digests report what operators watch (/metrics); never throws. */
  metrics: Metrics;
}

/**
 * A capability of the bot (knowledge, answers, feeds, digests): the subcommands it adds to
 * each story, and background work it runs while the bot is up.
 */
export interface Feature {
  readonly name: string;
  /** Subcommands for one story, registered in the order help lists them. */
  commands?(story: StoryRuntime): CommandHandler[];
  /**
   * Loads stored state the commands need (e.g. feed items into the corpus) without starting
   * background work. Called once before the first command, by one-shot CLI runs too.
   */
  load?(): Promise<void>;
  /** Starts background work (polling, schedules). Not called by one-shot CLI commands. */
  start?(): Promise<void>;
  /** Stops taking new work and finishes what is in flight. */
  stop?(): Promise<void>;
}
