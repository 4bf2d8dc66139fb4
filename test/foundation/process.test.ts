import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, hasShared, seedsDir } from '../support/paths';
import { tempDir } from '../support/test-newsdesk';

// These run the compiled program the way a user does; `npm test` builds it first.
const start = path.join(repoRoot, 'dist/adapters/main/start.js');
const cli = path.join(repoRoot, 'dist/adapters/cli/main.js');
const built = fs.existsSync(start) && fs.existsSync(cli);
const describeBuilt = built ? describe : describe.skip;

function run(file: string, args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn', ...options.env };
  for (const name of Object.keys(env)) if (/^(SLACK|DISCORD|DATABASE|ANTHROPIC|STORY)/.test(name) && !(options.env && name in options.env)) delete env[name];
  return spawnSync(process.execPath, [file, ...args], {
    input: options.input ?? '',
    env,
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    timeout: 30000,
  });
}

describeBuilt('the program, as a user runs it', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('npm start with piped input answers each line, creates the SQLite file and exits 0', () => {
    const db = path.join(dir, 'data', 'newsdesk.db');
    const result = run(start, [], { input: '/karpathy help\n/karpathy sources\n', env: { DATABASE_PATH: db } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\/karpathy sources/);
    expect(result.stdout).toMatch(/Andrej Karpathy joins Anthropic: \d+ sources?/);
    expect(fs.existsSync(db)).toBe(true);
  });

  it('runs from any working directory with the default data folder there', () => {
    const result = run(start, [], { input: '/karpathy help\n', cwd: dir });
    expect(result.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'data', 'newsdesk.db'))).toBe(true);
  });

  it('a bad environment value exits 2 with one message naming it and no stack trace', () => {
    const result = run(start, [], { env: { LOG_LEVEL: 'loud', PORT: 'x', DATABASE_PATH: path.join(dir, 'n.db') } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/LOG_LEVEL is invalid \(got "loud"\)/);
    expect(result.stderr).toMatch(/PORT is invalid/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('cli sources --json lists the bundled articles, one per seed article', () => {
    const result = run(cli, ['sources', '--json', '--db', path.join(dir, 'n.db')]);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { story: string; articles: Array<Record<string, string>> };
    expect(json.story).toBe('karpathy');
    const bundled = fs.readdirSync(path.join(repoRoot, 'digests/karpathy/articles')).filter((f) => f.endsWith('.md'));
    expect(json.articles).toHaveLength(bundled.length);
    if (hasShared) expect(json.articles).toHaveLength(fs.readdirSync(seedsDir).length);
    for (const a of json.articles) {
      expect(typeof a.outlet).toBe('string');
      expect(typeof a.title).toBe('string');
      expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
  });

  (hasShared ? it : it.skip)('cli sources --json --corpus lists the raw files of a folder', () => {
    const result = run(cli, ['sources', '--json', '--corpus', seedsDir, '--db', path.join(dir, 'n.db')]);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { articles: Array<{ outlet: string }> };
    expect(json.articles.map((a) => a.outlet).sort()).toEqual(fs.readdirSync(seedsDir).map((f) => f.replace(/\.txt$/, '')).sort());
  });

  it('cli rejects an unknown command and a bad --now clearly', () => {
    const unknown = run(cli, ['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
    const badNow = run(cli, ['sources', '--now', 'yesterday']);
    expect(badNow.status).toBe(2);
    expect(badNow.stderr).toMatch(/--now must be an ISO-8601 date/);
  });
});

if (!built) {
  describe('the program', () => {
    it.skip('is not built: run `npm run build` (npm test does it first)', () => undefined);
  });
}
