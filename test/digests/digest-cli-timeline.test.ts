import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../adapters/cli/main';
import { repoRoot } from '../support/paths';
import { tempDir } from '../support/test-newsdesk';

interface DigestJson {
  story: string;
  stories: Array<{ title: string; summary: string; links: string[]; sources: string[] }>;
  text: string;
}

describe('digest --json on a story with no feed items', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dir = tempDir('newsdesk-digest-cli-');
    env = { STORIES_DIR: path.join(repoRoot, 'digests'), DATABASE_PATH: path.join(dir, 'fresh.db'), LOG_LEVEL: 'silent' };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function digest(since: string, now: string): Promise<DigestJson> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['digest', '--json', '--since', since, '--now', now], { out: (t) => void out.push(t), err: (t) => void err.push(t), tty: false }, env);
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    return JSON.parse(out.join('\n')) as DigestJson;
  }

  it('counts the dated events of articles published in the window, in the same shape and budget', async () => {
    // The bundled articles are published on 2026-05-20.
    const result = await digest('2026-05-20T00:00:00Z', '2026-05-21T00:00:00Z');
    expect(result.story).toBe('karpathy');
    expect(result.stories.length).toBeGreaterThanOrEqual(3);
    expect(result.stories.length).toBeLessThanOrEqual(5);
    for (const s of result.stories) {
      expect(s.title.length).toBeGreaterThan(10);
      expect(s.summary.length).toBeGreaterThan(10);
      expect(s.sources.length).toBeGreaterThan(0);
      expect(Array.isArray(s.links)).toBe(true);
    }
    expect(result.text.length).toBeLessThanOrEqual(1200);
    expect(result.text).toMatch(/^- 2026-05-\d{2} {2}.*Anthropic/m);
  });

  it('has nothing for a window after the articles, and nothing before they were published', async () => {
    for (const [since, now] of [
      ['2026-05-22T00:00:00Z', '2026-05-23T00:00:00Z'],
      ['2026-05-18T00:00:00Z', '2026-05-19T23:00:00Z'],
    ] as const) {
      const result = await digest(since, now);
      expect(result.stories).toEqual([]);
      expect(result.text).toMatch(/Nothing new in the story since/);
    }
  });
});
