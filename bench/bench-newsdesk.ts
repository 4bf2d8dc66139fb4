import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config';
import { createSilentLogger } from '../src/logging/logger';
import { createNewsdesk, type Newsdesk, type NewsdeskOptions } from '../src/app/create-newsdesk';

/** A bot in this process on its own fresh SQLite file, silent, with no chat platform configured. */
export interface BenchNewsdesk {
  newsdesk: Newsdesk;
  /** Closes the bot and deletes its database folder. */
  dispose(): Promise<void>;
}

export async function openBenchNewsdesk(storiesDir: string, env: Record<string, string> = {}, options: NewsdeskOptions = {}): Promise<BenchNewsdesk> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-db-'));
  const config = loadConfig({
    STORIES_DIR: storiesDir,
    DATABASE_PATH: path.join(dataDir, 'newsdesk.db'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const newsdesk = await createNewsdesk(config, createSilentLogger(), options);
  return {
    newsdesk,
    async dispose() {
      await newsdesk.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
