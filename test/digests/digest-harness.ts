import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../../src/config/load-config';
import { createSilentLogger } from '../../src/logging/logger';
import { createNewsdesk, type Newsdesk } from '../../src/app/create-newsdesk';
import { ManualClock } from '../../src/clock';
import type { Database } from '../../src/store/database';
import { createSqliteDatabase } from '../../src/store/sqlite-database';
import type { Development, DevelopmentSource } from '../../src/developments/development';
import { DeliveryError, type ChannelSender } from '../../src/delivery/channel-sender';
import type { Platform } from '../../src/commands/command';
import type { Reply } from '../../src/reply/reply';
import type { DigestsFeature } from '../../src/digests/digests-feature';
import { repoRoot } from '../support/paths';
import { tempDir } from '../support/test-newsdesk';
import { createTestSchema, openOnSchema, testsOnPostgres, type TestSchema } from '../support/test-database';

/** Developments held in memory, answering the port as the feed clusters will. */
export class MemoryDevelopmentSource implements DevelopmentSource {
  readonly developments: Development[] = [];

  add(...developments: Development[]): void {
    this.developments.push(...developments);
  }

  async listDevelopments(storyId: string, range: { since?: Date; until: Date }): Promise<Development[]> {
    const since = range.since?.toISOString();
    const until = range.until.toISOString();
    const inRange = (at: string) => (since === undefined || at >= since) && at < until;
    return this.developments
      .filter((d) => d.storyId === storyId && (inRange(d.firstSeenAt) || inRange(d.publishedAt)))
      .sort((a, b) => b.firstSeenAt.localeCompare(a.firstSeenAt));
  }
}

let counter = 0;
/** A development of the karpathy story first seen at `seenAt`, reported by `outlets`. */
export function development(seenAt: string, outlets: string[], overrides: Partial<Development> = {}): Development {
  counter++;
  const id = overrides.id ?? `dev-${counter}`;
  return {
    id,
    storyId: 'karpathy',
    headline: `Development ${id}`,
    summary: `What happened in ${id}, said plainly.`,
    publishedAt: seenAt,
    firstSeenAt: seenAt,
    updatedAt: seenAt,
    relevance: 0.8,
    sources: outlets.map((outlet) => ({ outlet, title: `${outlet} on ${id}`, url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/${id}` })),
    ...overrides,
  };
}

type Outcome = 'ok' | 'hang' | DeliveryError;

/** A chat platform that records what it accepted and fails as scripted. */
export class ScriptedSender implements ChannelSender {
  readonly delivered: Array<{ channelId: string; reply: Reply }> = [];
  attempts = 0;
  private readonly script: Outcome[] = [];

  constructor(readonly platform: Platform = 'slack') {}

  /** The next sends' outcomes, in order; after them every send succeeds. */
  then(...outcomes: Outcome[]): this {
    this.script.push(...outcomes);
    return this;
  }

  async send(channelId: string, reply: Reply): Promise<void> {
    this.attempts++;
    const outcome = this.script.shift() ?? 'ok';
    if (outcome === 'hang') return new Promise<void>(() => undefined);
    if (outcome !== 'ok') throw outcome;
    this.delivered.push({ channelId, reply });
  }
}

/** One store that several "processes" (restarts, replicas) open in turn. */
export interface SharedStore {
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** A SQLite file, or a PostgreSQL schema when the run uses PostgreSQL. */
export async function createSharedStore(): Promise<SharedStore> {
  if (testsOnPostgres) {
    const schema: TestSchema = await createTestSchema();
    return { open: () => openOnSchema(schema, { owner: false }), dispose: () => schema.drop() };
  }
  const dir = tempDir('newsdesk-digests-');
  const file = path.join(dir, 'newsdesk.db');
  return {
    open: () => createSqliteDatabase(file),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** One running bot process on the shared store, with the fake source and sender. */
export interface DigestProcess {
  bot: Newsdesk;
  digests: DigestsFeature;
}

export async function startProcess(
  store: SharedStore,
  clock: ManualClock,
  source: DevelopmentSource,
  sender: ChannelSender | undefined,
  env: Record<string, string> = {},
  corpus: 'none' | 'bundled' = 'none',
): Promise<DigestProcess> {
  const config = loadConfig({ STORIES_DIR: path.join(repoRoot, 'digests'), LOG_LEVEL: 'silent', ...env });
  // Without articles the story's only developments are `source`'s; 'bundled' adds its timeline events.
  const corpusDir = corpus === 'none' ? emptyCorpusDir() : undefined;
  const bot = await createNewsdesk(config, createSilentLogger(), { clock, database: await store.open(), ...(corpusDir ? { corpusDir } : {}) });
  const digests = bot.feature<DigestsFeature>('digests');
  if (!digests) throw new Error('the digests feature is not registered');
  digests.addDevelopmentSource(source);
  if (sender) bot.registerSender(sender);
  return { bot, digests };
}

let emptyDir: string | undefined;
/** One empty article folder for every process of the test file (removed when the process exits). */
function emptyCorpusDir(): string {
  if (!emptyDir) {
    const dir = tempDir('newsdesk-empty-corpus-');
    emptyDir = dir;
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return emptyDir;
}

export const admin = { id: 'U-admin', name: 'admin', isAdmin: true };
export const member = { id: 'U-member', name: 'member', isAdmin: false };
export const channel = { platform: 'slack' as const, channelId: 'C-news', workspaceId: 'T-1' };
