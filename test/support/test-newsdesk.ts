import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../../src/config/load-config';
import { createSilentLogger } from '../../src/logging/logger';
import { createNewsdesk, type Newsdesk, type NewsdeskOptions } from '../../src/app/create-newsdesk';
import { repoRoot } from './paths';
import { openTestDatabase, testsOnPostgres } from './test-database';
import type { Caller, Conversation } from '../../src/commands/command';

/** A fresh temporary directory, removed by the caller's cleanup. */
export function tempDir(prefix = 'newsdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A Newsdesk on the bundled stories with a private store (in-memory SQLite, or see test-database.ts). */
export async function createTestNewsdesk(
  env: Record<string, string> = {},
  options: NewsdeskOptions = {},
): Promise<Newsdesk> {
  const config = loadConfig({
    STORIES_DIR: path.join(repoRoot, 'digests'),
    DATABASE_PATH: ':memory:',
    LOG_LEVEL: 'silent',
    ...env,
  });
  // Under `npm run test:postgres` the store is a fresh PostgreSQL schema, dropped on close.
  const ownStore = testsOnPostgres && !env.DATABASE_PATH && !env.DATABASE_URL;
  const database = options.database ?? (ownStore ? await openTestDatabase() : undefined);
  return createNewsdesk(config, createSilentLogger(), { ...options, ...(database ? { database } : {}) });
}

export const adminCaller: Caller = { id: 'U-admin', name: 'admin', isAdmin: true };
export const memberCaller: Caller = { id: 'U-member', name: 'member', isAdmin: false };
export const testChannel: Conversation = { platform: 'console', channelId: 'C-test' };
